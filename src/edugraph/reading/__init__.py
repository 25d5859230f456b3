"""Reading a source: bytes → decoded, unwrapped plan text."""
