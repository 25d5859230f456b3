import sys

from edugraph.cli import main

sys.exit(main())
