"""The incremental build cache: results of the slow steps of `edugraph build`, keyed by everything they
depend on, so a rebuild redoes only what changed and still gives byte-identical output.

Keys are SHA-256 digests of a step's inputs plus `code_version()` (the edugraph version and a digest of
its own source, so an edited checkout never reads results an older extractor wrote). Entries are pickles
written atomically (temp file + rename), so a killed build never leaves half an entry; an entry that
cannot be read is treated as missing. The cache is a disposable folder: delete it at any time.
"""

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

from edugraph import __version__


@lru_cache(maxsize=1)
def code_version():
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(Path(__file__).resolve().parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def cache_key(*parts):
    """A digest of the parts' reprs (give them in a canonical form: sorted, no sets) and the code version."""
    digest = hashlib.sha256(code_version().encode())
    for part in parts:
        digest.update(repr(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


class BuildCache:
    """Entries under FOLDER/KIND/KEY.pickle. A cache of None reads nothing and writes nothing."""

    def __init__(self, folder):
        self.folder = Path(folder) if folder is not None else None

    def _path(self, kind, key):
        return self.folder / kind / f"{key}.pickle"

    def get(self, kind, key):
        if self.folder is None:
            return None
        try:
            return pickle.loads(self._path(kind, key).read_bytes())
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            return None

    def put(self, kind, key, value):
        if self.folder is None:
            return
        path, tmp = self._path(kind, key), None
        try:  # the cache only speeds builds up: a cache that cannot be written is not an error
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
