"""Print precision and recall of the semantic extraction on the hand-labelled documents.

    .venv/bin/python scripts/evaluate_extraction.py [--details]

Two tables: the measure-level labels (targets, citations, stages; tests/labels/*.yaml) and the citable
facts (tests/labels/facts/*.yaml) on the documents the rules were tuned on and, separately, on the
untuned documents of tests/fixtures/untuned*/ (one folder per round, each labelled before the rules it
measures were written).
"""

import sys
from pathlib import Path

from edugraph.corpus import build, default_sources, plan_graph, union_graph
from edugraph.linking.evaluation import FACT_TYPES, evaluate, totals
from edugraph.semantics.evaluation import FACT_KINDS, evaluate_facts, totals as fact_totals

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "labels"
UNTUNED = tuple(sorted((ROOT / "tests" / "fixtures").glob("untuned*")))  # one folder per labelling round


def fact_results():
    """Fact scores of every labelled plan, tuned (data/sources) and untuned (tests/fixtures/untuned*)."""
    result = build(default_sources() + [path for folder in UNTUNED for path in default_sources(folder)])
    graph = union_graph(result)
    scores = evaluate_facts(lambda plan_id: plan_graph(result, plan_id), LABELS / "facts",
                            {doc.plan_id: doc.text for doc in result.plans})
    return scores, graph


def main(argv):
    results, graph = fact_results()
    scores = evaluate(graph, LABELS)
    print(f"{'document':<16} {'fact':<10} {'gold':>5} {'found':>6} {'P':>6} {'R':>6}")
    rows = list(scores.items()) + [("ALL", totals(scores))]
    for plan_id, by_kind in rows:
        for kind in FACT_TYPES:
            s = by_kind[kind]
            print(f"{plan_id:<16} {kind:<10} {len(s.gold):>5} {len(s.found):>6} {s.precision:>6.3f} {s.recall:>6.3f}")
    print()
    sets = sorted({which for which, _ in results.values()}, key=lambda w: (w != "tuned", w))
    print(f"{'facts':<18}" + "".join(f" | {which + ': gold':>15} {'found':>6} {'P':>6} {'R':>6}" for which in sets))
    summed = {which: fact_totals(results, which) for which in sets}
    for kind in FACT_KINDS:
        print(f"{kind:<18}" + "".join(
            f" | {s.gold:>15} {s.found:>6} {s.precision:>6.3f} {s.recall:>6.3f}" if s.gold or s.found
            else f" | {'—':>15} {'':>6} {'':>6} {'':>6}" for s in (summed[w][kind] for w in sets)))
    for which in sets:
        print(f"{which}: " + ", ".join(p for p, (w, _) in results.items() if w == which))
    if "--details" in argv:
        for plan_id, by_kind in scores.items():
            for kind in FACT_TYPES:
                s = by_kind[kind]
                for fact in sorted(s.gold - s.found, key=str):
                    print(f"MISSED  {plan_id} {kind} {fact}")
                for fact in sorted(s.found - s.gold, key=str):
                    print(f"EXTRA   {plan_id} {kind} {fact}")
        for _, by_kind in results.values():  # noqa: B007
            for kind in FACT_KINDS:
                for line in by_kind[kind].misses:
                    print(f"MISSED  {line}")
                for line in by_kind[kind].extras:
                    print(f"EXTRA   {line}")


if __name__ == "__main__":
    main(sys.argv[1:])
