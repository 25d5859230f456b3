"""The `edugraph` command: a thin layer over the library. Only this module prints or exits."""

import argparse
import sys
from pathlib import Path

from . import __version__, settings
from .corpus import build
from .errors import EdugraphError, QueryError
from .formats import FORMATS, atomic_write_bytes, load_graph, write_graphs
from .checks import class_counts, run_violation_checks
from .namespaces import EDU
from .queries import catalogue, run_query
from .results import RESULT_FORMATS


def _data(paths):
    if paths:
        return load_graph(paths)
    if settings.DEFAULT_BUILD.is_file():
        return load_graph([settings.DEFAULT_BUILD])
    raise QueryError(f"no graph given and {settings.DEFAULT_BUILD} does not exist; "
                     "run `edugraph build` first or pass --data GRAPH")


def cmd_build(args):
    result = build(args.sources or None)
    write_graphs(result.graphs, args.output)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    triples = sum(len(g) for g in result.graphs.values())
    sections = sum(len(doc.sections) for doc in result.plans)
    tasks = sum(len(doc.tasks) for doc in result.plans)
    print(f"built {len(result.plans)} plan(s): {sections} sections, {tasks} tasks, {triples} triples"
          f" → {args.output}")
    return 0


def _params(pairs):
    params = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise QueryError(f"--param expects NAME=VALUE, got {pair!r}")
        params[name] = value
    return params


def cmd_query(args):
    result = run_query(args.query, _data(args.data), _params(args.param))
    text = RESULT_FORMATS[args.format](result)
    if args.output:
        atomic_write_bytes(args.output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


def cmd_queries(args):
    for name, query in catalogue().items():
        params = " ".join(f"{p}={q.default or '…'}" for p, q in query.params.items())
        print(f"{name}\n    {query.title.get('en', '')} / {query.title.get('zh', '')}"
              + (f"\n    params: {params}" if params else ""))
    return 0


def cmd_stats(args):
    counts = class_counts(_data(args.graph))
    width = max((len(c) for c, _ in counts), default=0)
    for cls, count in counts:
        name = "edu:" + cls[len(str(EDU)):] if cls.startswith(str(EDU)) else cls
        print(f"{name:<{min(width, 50)}}  {count}")
    return 0


def cmd_validate(args):
    graph = _data(args.graph)
    violations = run_violation_checks(graph)
    for violation in violations:
        print(f"{violation.query}: {len(violation.rows)} row(s): {violation.title}")
        for row in violation.rows[:5]:
            print("    " + ", ".join(f"{k}={v}" for k, v in row.items()))
    status = 1 if violations else 0
    if args.reason:
        from .reasoning import check_consistency
        report = check_consistency(graph)
        print(f"HermiT: {'consistent' if report.consistent else 'INCONSISTENT'} ({report.seconds:.1f} s)")
        status = status or (0 if report.consistent else 1)
    if not violations:
        print("no violations")
    return status


def parser():
    top = argparse.ArgumentParser(prog="edugraph", description=(
        "Turn Chinese education plans into an OWL/RDF knowledge graph and query it."))
    top.add_argument("--version", action="version", version=f"edugraph {__version__}")
    top.add_argument("--debug", action="store_true", help="show tracebacks instead of one-line errors")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = commands.add_parser("build", help="build plan documents into an RDF graph")
    p.add_argument("sources", nargs="*", type=Path, metavar="SOURCE",
                   help=f"plan documents (.txt or .html, any of UTF-8/GB18030); default: every document in "
                        f"{settings.SOURCES_DIR}")
    p.add_argument("-o", "--output", type=Path, default=settings.DEFAULT_BUILD,
                   help="output file; the format follows the extension: " + ", ".join(FORMATS)
                        + f" (default: {settings.DEFAULT_BUILD})")
    p.set_defaults(run=cmd_build)

    p = commands.add_parser("query", help="run a saved query (by name) or a .rq file on built graphs")
    p.add_argument("query", help="saved query name (see `edugraph queries`) or path to a .rq file")
    p.add_argument("--data", nargs="+", type=Path, metavar="GRAPH",
                   help=f"RDF files to query (default: {settings.DEFAULT_BUILD})")
    p.add_argument("--param", action="append", metavar="NAME=VALUE", help="set a query parameter")
    p.add_argument("--format", choices=sorted(RESULT_FORMATS), default="table")
    p.add_argument("-o", "--output", type=Path, help="write the result to a file instead of stdout")
    p.set_defaults(run=cmd_query)

    p = commands.add_parser("queries", help="list the saved-query catalogue")
    p.set_defaults(run=cmd_queries)

    p = commands.add_parser("stats", help="count instances per class in built graphs")
    p.add_argument("graph", nargs="*", type=Path, help=f"RDF files (default: {settings.DEFAULT_BUILD})")
    p.set_defaults(run=cmd_stats)

    p = commands.add_parser("validate", help="run the *-violation data-quality queries (and optionally HermiT)")
    p.add_argument("graph", nargs="*", type=Path, help=f"RDF files (default: {settings.DEFAULT_BUILD})")
    p.add_argument("--reason", action="store_true",
                   help="also check ontology + data consistency with the HermiT reasoner (needs Java)")
    p.set_defaults(run=cmd_validate)
    return top


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except EdugraphError as error:
        if args.debug:
            raise
        print(f"edugraph: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("edugraph: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
