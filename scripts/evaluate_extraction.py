"""Print precision and recall per fact type of the semantic extraction on the hand-labelled documents.

    .venv/bin/python scripts/evaluate_extraction.py [--details]
"""

import sys
from pathlib import Path


from edugraph.corpus import build, union_graph
from edugraph.evaluation import FACT_TYPES, evaluate, totals

LABELS = Path(__file__).resolve().parents[1] / "tests" / "labels"


def main(argv):
    graph = union_graph(build())
    scores = evaluate(graph, LABELS)
    print(f"{'document':<16} {'fact':<10} {'gold':>5} {'found':>6} {'P':>6} {'R':>6}")
    rows = list(scores.items()) + [("ALL", totals(scores))]
    for plan_id, by_kind in rows:
        for kind in FACT_TYPES:
            s = by_kind[kind]
            print(f"{plan_id:<16} {kind:<10} {len(s.gold):>5} {len(s.found):>6} {s.precision:>6.3f} {s.recall:>6.3f}")
    if "--details" in argv:
        for plan_id, by_kind in scores.items():
            for kind in FACT_TYPES:
                s = by_kind[kind]
                for fact in sorted(s.gold - s.found, key=str):
                    print(f"MISSED  {plan_id} {kind} {fact}")
                for fact in sorted(s.found - s.gold, key=str):
                    print(f"EXTRA   {plan_id} {kind} {fact}")


if __name__ == "__main__":
    main(sys.argv[1:])
