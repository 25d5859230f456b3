"""Reading the project's YAML data files (curation, curated facts) with one-line errors."""

import yaml

from edugraph.errors import InputError


def read_mapping(path):
    """The YAML mapping in `path` ({} for an empty file); InputError naming the file and line otherwise."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise InputError(f"bad YAML: {getattr(error, 'problem', error)}", path=path,
                         line=mark.line + 1 if mark else None) from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read: {error}", path=path) from None
    if not isinstance(data, dict):
        raise InputError("expected a YAML mapping (key: value lines)", path=path, line=1)
    return data
