"""Rewrite the golden files the tests compare against. Run after a deliberate change, then review the diff:

    .venv/bin/python scripts/regenerate_goldens.py && git diff tests/golden

- tests/golden/tiny-plan.ttl: the graph of the tiny fixture plan;
- tests/golden/queries/NAME.json: each saved query's rows on the whole corpus (default store), in the
  engine-neutral form of tests/integration/portable.py (N3 terms; tied and unordered rows sorted).
"""

import json
import sys
from pathlib import Path

from edugraph.corpus import all_graphs, build
from edugraph.rdf.formats import FORMATS, atomic_write_bytes, serialize
from edugraph.serving.queries import bind, catalogue, execute
from edugraph.serving.store import open_store

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden"
sys.path.insert(0, str(REPO / "tests"))
from integration.portable import comparable  # noqa: E402


def query_goldens():
    store = open_store()
    store.add_graphs(all_graphs(build()))
    for name, query in catalogue().items():
        if "federated" in query.keywords:
            continue  # needs a second server: tests/test_federation.py
        sparql = bind(query)
        variables, rows = comparable(execute(sparql, store, name), sparql)
        data = json.dumps({"variables": variables, "rows": rows}, ensure_ascii=False, indent=1) + "\n"
        atomic_write_bytes(GOLDEN / "queries" / f"{name}.json", data.encode("utf-8"))
        yield name


def main():
    result = build([REPO / "tests" / "fixtures" / "tiny-plan.txt"])
    graph = next(iter(result.graphs.values())) + result.shared
    atomic_write_bytes(GOLDEN / "tiny-plan.ttl", serialize({"urn:edugraph:g": graph}, FORMATS[".ttl"]))
    names = list(query_goldens())
    print(f"wrote tests/golden/tiny-plan.ttl and {len(names)} query goldens in tests/golden/queries/")


if __name__ == "__main__":
    main()
