"""Print precision@1, recall and near-copies linked as closeMatch for every hand-labelled city → province
pair (tests/labels/alignment/<city>.yaml), on the provinces the alignment was tuned on and, separately,
on the others.

    .venv/bin/python scripts/evaluate_alignment.py
"""

from pathlib import Path

import yaml

from edugraph.corpus import build
from edugraph.linking.evaluation import TUNED_HIGHER, AlignmentScore, evaluate_alignment
from edugraph.linking.align import align, plan_units
from edugraph.namespaces import ID

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests" / "labels" / "alignment"
FOLDERS = [REPO / "data" / "sources", REPO / "data" / "more"]


def scores():
    """{(lower, higher): AlignmentScore} over one build of every labelled document."""
    from edugraph.corpus import all_graphs, default_sources
    from edugraph.serving.store import open_store
    graph = open_store()  # the default store, as `edugraph link` reads
    graph.add_graphs(all_graphs(build([path for folder in FOLDERS for path in default_sources(folder)])))
    out = {}
    for label_file in sorted(LABELS.glob("*.yaml")):
        higher, lower = yaml.safe_load(label_file.read_text(encoding="utf-8"))["higher"], label_file.stem
        candidates = align(plan_units(graph, ID[lower]), plan_units(graph, ID[higher]))
        out[(lower, higher)] = evaluate_alignment(candidates, label_file, lower, higher)
    return out


def _row(name, higher, score):
    return (f"{name:<16} {higher:<16} {score.tasks:>5} {score.precision_at_1:>6.3f} {score.recall:>7.3f} "
            f"{score.identical_close:>4}/{score.identical:<4}")


def main():
    results = scores()
    print(f"{'lower':<16} {'higher':<16} {'units':>5} {'P@1':>6} {'recall':>7} identical→closeMatch")
    for tuned in (True, False):
        total = AlignmentScore()
        for (lower, higher), score in results.items():
            if (higher in TUNED_HIGHER) == tuned:
                print(_row(lower, higher, score))
                total = total + score
        print(_row("TUNED" if tuned else "NOT TUNED", "", total) + "\n")


if __name__ == "__main__":
    main()
