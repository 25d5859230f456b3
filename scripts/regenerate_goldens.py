"""Rewrite the golden files the tests compare against. Run after a deliberate change, then review the diff:

    python scripts/regenerate_goldens.py && git diff tests/golden
"""

from pathlib import Path

from edugraph.corpus import build
from edugraph.formats import FORMATS, atomic_write_bytes, serialize

REPO = Path(__file__).resolve().parents[1]


def main():
    fixture = REPO / "tests" / "fixtures" / "tiny-plan.txt"
    result = build([fixture])
    graph = next(iter(result.graphs.values())) + result.shared
    target = REPO / "tests" / "golden" / "tiny-plan.ttl"
    atomic_write_bytes(target, serialize({"g": graph}, FORMATS[".ttl"]))
    print(f"wrote {target.relative_to(REPO)}")


if __name__ == "__main__":
    main()
