"""Print precision@1 and recall of the task alignment of each hand-labelled city plan with the
Shandong plan (tests/labels/alignment/<city>.yaml).

    .venv/bin/python scripts/evaluate_alignment.py
"""

from pathlib import Path

import yaml

from edugraph.corpus import build, union_graph
from edugraph.evaluation import evaluate_alignment
from edugraph.linking import align, plan_units
from edugraph.namespaces import ID

LABELS = Path(__file__).resolve().parents[1] / "tests" / "labels" / "alignment"


def main():
    graph = union_graph(build())
    print(f"{'lower':<16} {'higher':<16} {'tasks':>5} {'P@1':>6} {'recall':>7}")
    totals = [0, 0, 0, 0]
    for label_file in sorted(LABELS.glob("*.yaml")):
        higher = yaml.safe_load(label_file.read_text(encoding="utf-8"))["higher"]
        lower = label_file.stem
        candidates = align(plan_units(graph, ID[lower]), plan_units(graph, ID[higher]))
        score = evaluate_alignment(candidates, label_file, lower, higher)
        totals = [a + b for a, b in zip(totals, (score.tasks, score.correct_at_1, score.gold_pairs, score.found_pairs))]
        print(f"{lower:<16} {higher:<16} {score.tasks:>5} {score.precision_at_1:>6.3f} {score.recall:>7.3f}")
    print(f"{'ALL':<16} {'':<16} {totals[0]:>5} {totals[1] / totals[0]:>6.3f} {totals[3] / totals[2]:>7.3f}")


if __name__ == "__main__":
    main()
