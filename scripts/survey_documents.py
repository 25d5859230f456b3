"""Survey a folder of plan documents: for each, the shape and depth the extractor reads, the counts of
sections and items, the metadata, the jurisdiction and every warning. For checking the extractor on
documents nobody labelled (nothing is written).

    .venv/bin/python scripts/survey_documents.py FOLDER [--outline]
"""

import argparse
import sys
from collections import Counter
from pathlib import Path

from edugraph.errors import EdugraphError
from edugraph.structure.extract import extract_file
from edugraph.linking.jurisdictions import jurisdiction_of


def shape(doc):
    if not doc.outline:
        return "no-structure"
    if not doc.sections:
        return "flat-list"
    return "sections-only" if not doc.tasks else "nested"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--outline", action="store_true", help="print every document's outline too")
    args = parser.parse_args()
    shapes = Counter()
    for path in sorted(args.folder.glob("*.txt")):
        try:
            _, doc = extract_file(path)
        except EdugraphError as error:
            print(f"{path.name}: ERROR {error}")
            shapes["error"] += 1
            continue
        meta = doc.metadata
        division = jurisdiction_of(meta.issuers, meta.level)
        shapes[shape(doc)] += 1
        levels = Counter(d.depth for d in doc.divisions())
        print(f"{path.name}: {shape(doc)} depth {doc.depth} {dict(sorted(levels.items()))} "
              f"measures {len(doc.all_measures())} | {meta.title[:40]} | {','.join(meta.issuers)[:30]} | "
              f"{meta.level} {division.name if division else '-'} | {meta.issued} {meta.document_number}")
        for warning in doc.warnings:
            print(f"    warning: {warning}")
        if args.outline:
            for d in doc.divisions():
                print("    " + "  " * (d.depth - 1) + f"{d.heading.numbering} {d.heading.title.text(doc.text)[:50]}")
    print(dict(shapes), file=sys.stderr)


if __name__ == "__main__":
    main()
