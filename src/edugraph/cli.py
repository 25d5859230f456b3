"""The `edugraph` command: a thin layer over the library. Only this module prints or exits.

Each command imports what it needs when it runs, so `edugraph query` does not load the pictures'
libraries (networkx, pyvis) or the extractor; the registries the help text lists are light to import.
"""

import argparse
import os
import sys
from pathlib import Path

from edugraph import __version__, settings
from edugraph.errors import EdugraphError, GraphLoadError, OutputError, QueryError, StructureError
from edugraph.rdf.formats import FORMATS
from edugraph.serving.results import RESULT_FORMATS, TABLE_CELL_WIDTH, render
from edugraph.serving.store import STORES
from edugraph.viz.views import VIEWS


def _inputs(paths):
    """The RDF files given, each checked to be one (one-line errors, exit 6, before any work starts)."""
    for path in paths or ():
        if Path(path).is_dir():
            raise GraphLoadError("is a directory; expected an RDF file", path=path)
        if Path(path).suffix.lower() not in FORMATS:
            raise GraphLoadError("is not an RDF file; expected one of " + ", ".join(sorted(FORMATS)), path=path)
        try:
            Path(path).open("rb").close()
        except FileNotFoundError:
            raise GraphLoadError("no such file", path=path) from None
        except OSError as error:
            raise GraphLoadError(f"cannot read: {error.strerror}", path=path) from None
    return paths


def _output(path):
    """An output path checked before any work is done (and before a first output of two is written)."""
    if path is not None and Path(path).is_dir():
        raise OutputError("is a directory; expected a file name", path=path)
    return path


def _paths(paths):
    if paths:
        return _inputs(paths)
    if settings.DEFAULT_BUILD.is_file():
        return [settings.DEFAULT_BUILD]
    raise QueryError(f"no graph given and {settings.DEFAULT_BUILD} does not exist; "
                     "run `edugraph build` first or pass --data GRAPH")


def _store(paths):
    """Built graphs loaded into an embedded Oxigraph store: parsed in Rust, queried by SPARQL."""
    from edugraph.serving.store import open_store
    return open_store("oxigraph", _paths(paths))


def cmd_build(args):
    from edugraph.corpus import all_graphs, build
    from edugraph.rdf.formats import format_for, write_graphs
    format_for(args.output)  # an unknown extension is refused before any work
    _output(args.output)
    result = build(args.sources or None, jobs=args.jobs, cache=None if args.no_cache else settings.CACHE_DIR,
                   progress=_progress_bar("reading"))
    write_graphs(all_graphs(result), args.output)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    for report in result.reports:
        if report.error:
            print(f"error: {report.error} (not built)", file=sys.stderr)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    triples = sum(len(g) for g in all_graphs(result).values())
    sections = sum(len(doc.sections) for doc in result.plans)
    tasks = sum(len(doc.tasks) for doc in result.plans)
    counts = f"{result.count('full')} fully, {result.count('partial')} partly, {result.count('failed')} not at all"
    print(f"built {len(result.plans)} plan(s): {sections} sections, {tasks} tasks, {triples} triples"
          f" → {args.output} (documents built {counts})")
    weak = [str(report.path) for report in result.reports if report.status != "full"]
    if args.strict and weak:
        raise StructureError(f"--strict: {len(weak)} document(s) not built fully: {', '.join(weak)}")
    return 0


def _progress_bar(what):
    """A tqdm bar on a terminal's stderr for builds of several documents; nothing otherwise."""
    if not sys.stderr.isatty():
        return None

    def wrap(iterable, total):
        if total < 2:
            return iterable
        from tqdm import tqdm
        return tqdm(iterable, total=total, desc=what, unit="doc", leave=False)
    return wrap


def _params(pairs):
    params = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise QueryError(f"--param expects NAME=VALUE, got {pair!r}")
        params[name] = value
    return params


def cmd_query(args):
    from edugraph.serving.queries import run_query
    _output(args.output)
    if args.endpoint:
        from edugraph.serving.remote import Endpoint
        target = Endpoint(args.endpoint)
    else:
        from edugraph.serving.store import open_store
        target = open_store(args.store, _paths(args.data))
    result = run_query(args.query, target, _params(args.param))
    text = render(result, args.format, full=args.full)
    if args.output:
        from edugraph.rdf.formats import atomic_write_bytes
        atomic_write_bytes(args.output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


def cmd_serve(args):
    from edugraph.serving.remote import endpoint_url
    from edugraph.serving.server import serve
    from edugraph.serving.store import named_graphs
    for url in args.allow_service or ():
        endpoint_url(url, "--allow-service")
    graphs = named_graphs(_inputs(args.data))
    ready = lambda url: print(f"serving {sum(len(g) for g in graphs.values())} triples in {len(graphs)} "  # noqa: E731
                              f"graph(s), read-only: workbench {url.removesuffix('query')}, SPARQL endpoint {url}; "
                              "Ctrl-C stops", flush=True)
    serve(graphs, args.host, args.port, args.timeout, ready=ready, allow_service=args.allow_service or (),
          cors=args.cors or (), allow_hosts=args.allow_host or ())
    return 0


def cmd_publish(args):
    from edugraph.serving.publish import publish
    from edugraph.serving.remote import endpoint_url
    from edugraph.serving.store import named_graphs
    password = os.environ.get("EDUGRAPH_ENDPOINT_PASSWORD") if args.user else None
    endpoint_url(args.endpoint)  # before the graphs are built or read
    done = publish(args.endpoint, named_graphs(_inputs(args.data)), args.user, password)
    print(f"published {len(done)} graph(s), {sum(p.triples for p in done)} triples → {args.endpoint}")
    return 0


def _write_links(result, output, sssom, shown=None):
    from edugraph.rdf.formats import write_graphs
    from edugraph.linking.sssom import write_sssom
    if output is not None:
        write_graphs({result.lower: result.graph}, output)
    write_sssom(result.candidates, result.lower, result.higher, sssom)
    close = sum(1 for c in result.links if c.predicate.endswith("closeMatch"))
    print(f"{len(result.links)} links ({close} closeMatch, {len(result.links) - close} relatedMatch) "
          f"→ {output or shown}, {sssom}")


def _links_name(result):
    return f"links-{result.lower.rsplit('/', 1)[-1]}-{result.higher.rsplit('/', 1)[-1]}"


def cmd_link(args):
    from edugraph.linking.align import link_all, link_plans, links_graph_iri
    if args.all:
        if args.lower or args.higher or args.sssom or args.lower_endpoint or args.higher_endpoint:
            raise QueryError("link --all takes no plans, endpoints or --sssom: it links every plan that "
                             "implements another plan of the data (-o: all links in one file)")
    elif not (args.lower and args.higher):
        # --data takes one or more files, so plan ids written after it are read as files too.
        stray = [d for d in args.data or [] if not Path(d).exists()]
        hint = f" ({' '.join(map(str, stray))} read as --data files: put the plans before --data)" if stray else ""
        raise QueryError(f"link needs LOWER and HIGHER plans (or --all){hint}")
    _output(args.output), _output(args.sssom)
    data = None if (args.lower_endpoint and args.higher_endpoint) else _store(args.data)
    if not args.all:
        result = link_plans(args.lower, args.higher, data, args.lower_endpoint, args.higher_endpoint)
        output = args.output or settings.DEFAULT_BUILD.parent / f"{_links_name(result)}.ttl"
        _write_links(result, output, _output(args.sssom or Path(output).with_suffix(".sssom.tsv")))
        return 0
    results = link_all(data, progress=_progress_bar("linking"))
    folder = Path(args.output).parent if args.output else settings.DEFAULT_BUILD.parent
    for result in results:  # one SSSOM table per pair; the links in one file (-o) or one file per pair
        output = None if args.output else folder / f"{_links_name(result)}.ttl"
        _write_links(result, output, folder / f"{_links_name(result)}.sssom.tsv", shown=args.output)
    if args.output:
        from edugraph.rdf.formats import write_graphs
        write_graphs({links_graph_iri(result): result.graph for result in results}, args.output)
        print(f"{len(results)} pair(s) → {args.output}")
    if not results:
        print("no plan of the data implements another plan of the data")
    return 0


def cmd_queries(args):
    from edugraph.serving.queries import catalogue
    for name, query in catalogue().items():
        params = " ".join(f"{p}={q.default or '…'}" for p, q in query.params.items())
        print(f"{name}\n    {query.title.get('en', '')} / {query.title.get('zh', '')}"
              + (f"\n    params: {params}" if params else ""))
    return 0


def cmd_stats(args):
    from edugraph.serving.checks import class_counts
    from edugraph.namespaces import EDU
    counts = class_counts(_store(args.graph))
    width = max((len(c) for c, _ in counts), default=0)
    for cls, count in counts:
        name = "edu:" + cls[len(str(EDU)):] if cls.startswith(str(EDU)) else cls
        print(f"{name:<{min(width, 50)}}  {count}")
    return 0


def cmd_validate(args):
    from edugraph.serving.checks import run_violation_checks
    violations = run_violation_checks(_store(args.graph))
    for violation in violations:
        print(f"{violation.query}: {len(violation.rows)} row(s): {violation.title}")
        for row in violation.rows[:5]:
            print("    " + ", ".join(f"{k}={v}" for k, v in row.items()))
    status = 1 if violations else 0
    if args.reason:
        from edugraph.rdf.formats import load_graph
        from edugraph.serving.reasoning import check_consistency
        report = check_consistency(load_graph(_paths(args.graph)))  # owlready2 reads an rdflib graph
        print(f"HermiT: {'consistent' if report.consistent else 'INCONSISTENT'} ({report.seconds:.1f} s)")
        status = status or (0 if report.consistent else 1)
    if not violations:
        print("no violations")
    return status


def cmd_viz(args):
    from edugraph.serving.queries import expand_iri
    from edugraph.viz import write_view
    _output(args.output)
    plan = expand_iri(args.plan, "--plan") if args.plan else None  # weihai-2022, id:weihai-2022 or the IRI
    task = expand_iri(args.task, "--task") if args.task else None
    page = write_view(args.view, _store(args.data).graph_view(), args.output, plan=plan, task=task,
                      query=args.query, params=_params(args.param))
    print(f"{args.view}: {page.nodes} nodes, {page.edges} edges, {page.bytes // 1024} KiB → {page.path}")
    return 0


def cmd_analyze(args):
    from edugraph.viz import run_analysis
    sys.stdout.write(run_analysis(_store(args.data).graph_view(), args.output))
    return 0


def cmd_ontology(args):
    from edugraph.rdf.release import release_ontology
    release = release_ontology(args.output, docs=not args.no_docs)
    print(f"ontology {release.version_iri}: {release.triples} triples → "
          + ", ".join(str(path) for path in release.files))
    return 0


def parser():
    top = argparse.ArgumentParser(prog="edugraph", description=(
        "Turn Chinese education plans into an OWL/RDF knowledge graph and query it."))
    top.add_argument("--version", action="version", version=f"edugraph {__version__}")
    top.add_argument("--debug", action="store_true", help="show tracebacks instead of one-line errors")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = commands.add_parser("build", help="build plan documents into an RDF graph")
    p.add_argument("sources", nargs="*", type=Path, metavar="SOURCE",
                   help=f"plan documents (.txt, .html, .mht, .md, .docx or .pdf; text in UTF-8/GB18030/UTF-16); default: every document in "
                        f"{settings.SOURCES_DIR}")
    p.add_argument("-o", "--output", type=Path, default=settings.DEFAULT_BUILD,
                   help="output file; the format follows the extension: " + ", ".join(FORMATS)
                        + f" (default: {settings.DEFAULT_BUILD})")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                   help="documents read in parallel by N processes (default: the number of cores, "
                        f"{os.cpu_count() or 1})")
    p.add_argument("--no-cache", action="store_true",
                   help=f"neither read nor write the incremental build cache ({settings.CACHE_DIR})")
    p.add_argument("--strict", action="store_true",
                   help="fail (exit 3, after writing the output) when a document is built partly (with "
                        "warnings) or not at all")
    p.set_defaults(run=cmd_build)

    p = commands.add_parser("query", help="run a saved query (by name) or a .rq file on built graphs")
    p.add_argument("query", help="saved query name (see `edugraph queries`) or path to a .rq file")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--data", nargs="+", type=Path, metavar="GRAPH",
                        help=f"RDF files to query (default: {settings.DEFAULT_BUILD})")
    source.add_argument("--endpoint", metavar="URL", help="query this SPARQL endpoint instead of --data")
    p.add_argument("--param", action="append", metavar="NAME=VALUE", help="set a query parameter")
    p.add_argument("--format", choices=sorted(RESULT_FORMATS), default="table")
    p.add_argument("--full", action="store_true",
                   help=f"table: show long cells whole, wrapped at {TABLE_CELL_WIDTH} columns, instead of cut with …")
    p.add_argument("-o", "--output", type=Path, help="write the result to a file instead of stdout")
    p.add_argument("--store", choices=sorted(STORES), default=settings.DEFAULT_STORE,
                   help=f"embedded SPARQL engine (default: {settings.DEFAULT_STORE})")
    p.set_defaults(run=cmd_query)

    p = commands.add_parser("serve", help="serve built graphs read-only over the SPARQL protocol (Oxigraph), "
                            "with the YASGUI workbench at /")
    p.add_argument("data", nargs="*", type=Path, metavar="GRAPH",
                   help="built .trig/.nq files (default: build data/sources now, one named graph per plan)")
    p.add_argument("--host", default=settings.SERVER_HOST, help=f"default: {settings.SERVER_HOST}")
    p.add_argument("--port", type=int, default=settings.SERVER_PORT, help=f"default: {settings.SERVER_PORT}")
    p.add_argument("--timeout", type=int, default=settings.SERVER_TIMEOUT_S, metavar="SECONDS",
                   help=f"stop a query after this long (default: {settings.SERVER_TIMEOUT_S})")
    p.add_argument("--allow-service", action="append", metavar="URL",
                   help="let SERVICE clauses call this SPARQL endpoint (repeatable); without it federated "
                        "queries are refused")
    p.add_argument("--cors", action="append", metavar="ORIGIN",
                   help="let web pages from ORIGIN (e.g. https://yasgui.example.org, or *) query this "
                        "server (repeatable); default: same origin only")
    p.add_argument("--allow-host", action="append", metavar="NAME",
                   help="also answer requests whose Host header is NAME (repeatable; e.g. a DNS name when "
                        "--host 0.0.0.0); other names are refused (DNS rebinding)")
    p.set_defaults(run=cmd_serve)

    p = commands.add_parser("publish", help="PUT each plan into its named graph on a Graph Store Protocol server")
    p.add_argument("data", nargs="*", type=Path, metavar="GRAPH",
                   help="built .trig/.nq files (default: build data/sources now, one named graph per plan)")
    p.add_argument("--endpoint", required=True, metavar="URL",
                   help="the Graph Store endpoint, e.g. http://127.0.0.1:7878/store")
    p.add_argument("--user", help="HTTP user (digest or basic); password from $EDUGRAPH_ENDPOINT_PASSWORD")
    p.set_defaults(run=cmd_publish)

    p = commands.add_parser("link", help="align a plan's tasks and measures with a higher plan's (SKOS + SSSOM)")
    p.add_argument("lower", nargs="?", help="the implementing plan: id (weifang-2017) or IRI")
    p.add_argument("higher", nargs="?", help="the implemented plan: id (shandong-2016) or IRI")
    p.add_argument("--all", action="store_true",
                   help="link every plan with each plan of the data it implements (edu:implements): each pair "
                        "into build/links-LOWER-HIGHER.ttl, or all pairs into the one file -o names (a named "
                        "graph per pair in .trig/.nq); an SSSOM table per pair beside it")
    p.add_argument("--data", nargs="+", type=Path, metavar="GRAPH",
                   help=f"RDF files holding the plans (default: {settings.DEFAULT_BUILD})")
    p.add_argument("--higher-endpoint", metavar="URL", help="fetch the higher plan from this SPARQL endpoint")
    p.add_argument("--lower-endpoint", metavar="URL", help="fetch the lower plan from this SPARQL endpoint")
    p.add_argument("-o", "--output", type=Path,
                   help="RDF output (links + alignment records); default build/links-LOWER-HIGHER.ttl")
    p.add_argument("--sssom", type=Path, help="SSSOM/TSV output; default: OUTPUT with .sssom.tsv")
    p.set_defaults(run=cmd_link)

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

    p = commands.add_parser("viz", help="draw a view of built graphs as one self-contained, offline HTML page")
    p.add_argument("view", choices=list(VIEWS), help="; ".join(f"{n}: {v.description}" for n, v in VIEWS.items()))
    p.add_argument("--data", nargs="+", type=Path, metavar="GRAPH",
                   help=f"RDF files (default: {settings.DEFAULT_BUILD})")
    p.add_argument("--plan", metavar="ID|IRI", help="only this plan (outline, policies, stages, bodies, initiatives): "
                                                    "weihai-2022, id:weihai-2022 or the full IRI")
    p.add_argument("--task", metavar="ID|IRI", help="the task to show (view task), e.g. weihai-2022/task/5")
    p.add_argument("--query", metavar="NAME|FILE.rq", help="the saved SELECT or CONSTRUCT query to draw (view query)")
    p.add_argument("--param", action="append", metavar="NAME=VALUE", help="a query parameter (view query)")
    p.add_argument("-o", "--output", type=Path, help=f"the page to write (default: {settings.VIZ_DIR}/VIEW.html)")
    p.set_defaults(run=cmd_viz)

    p = commands.add_parser("analyze", help="print network figures (cited documents, central bodies and "
                                            "initiatives, stage coverage) and write each as CSV")
    p.add_argument("--data", nargs="+", type=Path, metavar="GRAPH",
                   help=f"RDF files (default: {settings.DEFAULT_BUILD})")
    p.add_argument("-o", "--output", type=Path, metavar="DIR", default=settings.ANALYSIS_DIR,
                   help=f"folder for the CSV files (default: {settings.ANALYSIS_DIR})")
    p.set_defaults(run=cmd_analyze)

    p = commands.add_parser("ontology", help="write the ontology's release files (Turtle, RDF/XML, N-Triples, "
                                             "JSON-LD) and its HTML documentation")
    p.add_argument("-o", "--output", type=Path, default=settings.ONTOLOGY_RELEASE_DIR, metavar="DIR",
                   help=f"folder for the release (default: {settings.ONTOLOGY_RELEASE_DIR})")
    p.add_argument("--no-docs", action="store_true", help="skip the HTML documentation (pyLODE)")
    p.set_defaults(run=cmd_ontology)
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
