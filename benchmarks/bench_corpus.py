"""Corpus scale: build (cold, incremental), store load, every saved query and link on 10/100/1,000 plans.

    .venv/bin/python benchmarks/bench_corpus.py                          # 10, 100 and 1,000 documents
    .venv/bin/python benchmarks/bench_corpus.py --sizes 10 100 --rdflib-max 100 --repeat 5

The corpus is data/sources replicated: the real documents first, as they are (saved queries' defaults name
them), then copies under distinct file names and plan ids (MANIFEST.tsv rows copied with the new id). Each
step runs in a fresh Python process, so its peak RSS is its own (`workers` is the largest extraction
process of a parallel build). Side by side, in one run:

- build: `edugraph build` to Turtle through the library (parallel, cached) against the rdflib path it
  replaced (the same writer filling rdflib Graphs, merged, written by rdflib's Turtle serializer), and
  against rdflib merely parsing the Turtle the build wrote (the issue's yardstick);
- load and queries: edugraph's Oxigraph store and result layer (execute: a QueryResult whose terms become
  rdflib's only when read) against raw pyoxigraph (the same SPARQL, solutions kept as tuples); the time
  to write the rows as CSV is shown besides;
- link: weifang-2017 → shandong-2016 from the Turtle file, through pyoxigraph against through rdflib.
"""

import argparse
import csv
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "data" / "sources"
LOWER, HIGHER = "weifang-2017", "shandong-2016"


# --- the corpus ---------------------------------------------------------------------------------------
def make_corpus(size, folder):
    """`size` documents in `folder` with their MANIFEST.tsv; returns the paths and the text bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    with (SOURCES / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        fields, rows = reader.fieldnames, list(reader)
    out, paths = [], []
    for i in range(size):
        row = dict(rows[i % len(rows)])
        path = SOURCES / row["file"]
        if i >= len(rows):
            stem, suffix = row["file"].rsplit(".", 1)
            row["file"], row["id"] = f"{stem}-r{i:04d}.{suffix}", f"{row['id']}-r{i:04d}"
        shutil.copyfile(path, folder / row["file"])
        out.append(row)
        paths.append(folder / row["file"])
    with (folder / "MANIFEST.tsv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
    return paths, sum(p.stat().st_size for p in paths)


# --- steps, each in its own process -------------------------------------------------------------------
def step_build(folder, output, cache, jobs):
    from edugraph.corpus import all_graphs, build
    from edugraph.rdf.formats import write_graphs
    paths = sorted(p for p in Path(folder).iterdir() if p.suffix == ".txt")
    start = time.perf_counter()
    result = build(paths, jobs=jobs, cache=cache or None)
    write_graphs(all_graphs(result), output)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "triples": sum(len(g) for g in all_graphs(result).values())}


def step_build_rdflib(folder, output):
    """The path edugraph took before: rdflib Graphs filled triple by triple, merged, rdflib's Turtle."""
    from rdflib import Graph

    from edugraph.corpus import curated_metadata, read_manifest, vocabulary_graph
    from edugraph.rdf.curation import load_curation
    from edugraph.semantics.documents import registry_for
    from edugraph.structure.extract import extract_file
    from edugraph.rdf.graph import plan_to_graph
    from edugraph.namespaces import bind_prefixes
    paths = sorted(p for p in Path(folder).iterdir() if p.suffix == ".txt")
    start = time.perf_counter()
    manifest = read_manifest(folder)
    parsed = [extract_file(p, plan_id=manifest[p.name]["id"], curated=curated_metadata(manifest[p.name]))
              for p in paths]
    registry = registry_for([doc for _, doc in parsed])
    shared, graphs = bind_prefixes(Graph()), [vocabulary_graph()]
    for source, doc in parsed:
        graphs.append(plan_to_graph(doc, source, registry, load_curation(doc.plan_id), shared))
    merged = bind_prefixes(Graph())
    for graph in graphs + [shared]:
        merged += graph
    Path(output).write_bytes(merged.serialize(format="turtle", encoding="utf-8"))
    return {"seconds": time.perf_counter() - start, "triples": len(merged)}


def step_parse_rdflib(path):
    from rdflib import Graph
    start = time.perf_counter()
    graph = Graph().parse(path, format="turtle")
    return {"seconds": time.perf_counter() - start, "triples": len(graph)}


def step_load(path, repeat=3):
    import pyoxigraph as ox

    from edugraph.serving.store import open_store
    ours, raw = [], []
    for _ in range(repeat):  # alternated: the first load of a file also pays for reading it from disk
        start = time.perf_counter()
        triples = len(open_store("oxigraph", [path]))
        middle = time.perf_counter()
        ox.Store().load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("urn:bench"))
        ours.append(middle - start)
        raw.append(time.perf_counter() - middle)
    return {"seconds": statistics.median(ours), "raw": statistics.median(raw), "triples": triples}


def step_queries(path, repeat):
    from edugraph.serving.queries import bind, catalogue, execute
    from edugraph.serving.results import RESULT_FORMATS
    from edugraph.serving.store import open_store
    store = open_store("oxigraph", [path])
    out = {}
    for name, query in catalogue().items():
        if any(p.required and not p.default for p in query.params.values()):
            continue  # federated: needs a second server
        sparql = bind(query)
        ours, csv_s, raw = [], [], []
        for _ in range(repeat):  # interleaved, so that load on the machine hits both alike
            start = time.perf_counter()
            result = execute(sparql, store, name)
            rows = len(result.cells)
            middle = time.perf_counter()
            RESULT_FORMATS["csv"](result)
            ours.append(middle - start)
            csv_s.append(time.perf_counter() - middle)
            start = time.perf_counter()
            kept = [tuple(s) if hasattr(s, "__iter__") else s
                    for s in store.store.query(sparql, use_default_graph_as_union=True)]
            raw.append(time.perf_counter() - start)
            del kept
        out[name] = {"seconds": statistics.median(ours), "raw": statistics.median(raw),
                     "csv": statistics.median(csv_s), "rows": rows}
    return out


def step_link(path, engine):
    from edugraph.linking.align import link_plans, plan_units
    start = time.perf_counter()
    if engine == "rdflib":
        from edugraph.rdf.formats import load_graph
        data = load_graph([path])
    else:
        from edugraph.serving.store import open_store
        data = open_store("oxigraph", [path])
    loaded = time.perf_counter()
    plan_units(data, f"https://w3id.org/edugraph/id/{HIGHER}")  # warm jieba's dictionary outside the timing
    warm = time.perf_counter()
    result = link_plans(LOWER, HIGHER, data)
    end = time.perf_counter()
    return {"seconds": (loaded - start) + (end - warm), "load": loaded - start, "links": len(result.links)}


STEPS = {"build": step_build, "build-rdflib": step_build_rdflib, "parse-rdflib": step_parse_rdflib,
         "load": step_load, "queries": step_queries, "link": step_link}


def run_step(name, *args, env=None):
    """Run a step in a fresh interpreter; its result plus its own and its children's peak RSS (MB)."""
    command = [sys.executable, __file__, "--step", name, *map(str, args)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"step {name} failed (status {status})")
    result = json.loads(out.strip().splitlines()[-1])
    result["rss_mb"] = usage.ru_maxrss / 1024
    return result


# --- report -------------------------------------------------------------------------------------------
def fmt_row(cells):
    print("| " + " | ".join(str(c) for c in cells) + " |")


def bench_size(size, folder, args):
    corpus = folder / f"corpus-{size}"
    paths, text_bytes = make_corpus(size, corpus)
    ttl, cache = folder / f"corpus-{size}.ttl", folder / f"cache-{size}"
    mb = text_bytes / 1e6
    print(f"\n## {size} documents ({mb:.2f} MB of text), {args.jobs} jobs\n")
    fmt_row(["step", "wall s", "MB/s", "triples/s", "peak RSS MB (main / workers)", "vs"])
    fmt_row(["---"] * 6)
    cold = run_step("build", corpus, ttl, cache, args.jobs)
    triples = cold["triples"]
    changed = paths[-1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n本方案自印发之日起施行。\n", encoding="utf-8")
    incremental = run_step("build", corpus, ttl, cache, args.jobs)
    rdflib_build = rdflib_parse = None
    if size <= args.rdflib_max:
        rdflib_build = run_step("build-rdflib", corpus, folder / f"rdflib-{size}.ttl")
        rdflib_parse = run_step("parse-rdflib", ttl)

    def line(label, result, versus=""):
        seconds = result["seconds"]
        workers = result.get("children_mb")
        fmt_row([label, f"{seconds:.2f}", f"{mb / seconds:.2f}", f"{result['triples'] / seconds:,.0f}",
                 f"{result['rss_mb']:.0f}" + (f" / {workers:.0f}" if workers else ""), versus])

    ratio = lambda a, b: f"{a / b:.2f}×" if b else ""  # noqa: E731
    line("build, cold", cold, f"{ratio(cold['seconds'], rdflib_build['seconds'])} of the rdflib build, "
         f"{ratio(cold['seconds'], rdflib_parse['seconds'])} of rdflib parsing its Turtle" if rdflib_build else "")
    line("build, one file changed", incremental, ratio(incremental["seconds"], cold["seconds"]) + " of cold")
    if rdflib_build:
        line("build, rdflib path", rdflib_build)
        line("rdflib parses the Turtle", rdflib_parse)
    load = run_step("load", ttl)
    line("store load (edugraph)", load, f"{ratio(load['seconds'], load['raw'])} of raw pyoxigraph "
                                        f"({load['raw']:.2f} s)")
    link = run_step("link", ttl, "oxigraph")
    versus = ""
    if size <= args.rdflib_max:
        old = run_step("link", ttl, "rdflib")
        versus = f"rdflib: {old['seconds']:.2f} s ({ratio(link['seconds'], old['seconds'])})"
        if rdflib_parse:
            versus += f"; {ratio(link['seconds'], rdflib_parse['seconds'])} of rdflib parsing"
    fmt_row([f"link {LOWER} → {HIGHER} (load {link['load']:.2f} s + align)", f"{link['seconds']:.2f}", "", "",
             f"{link['rss_mb']:.0f}", versus])
    queries = run_step("queries", ttl, args.repeat)
    print(f"\nsaved queries, median of {args.repeat} (ms): edugraph's result layer (run_query on the store: "
          "QueryResult, terms converted when read) vs raw pyoxigraph (the same SPARQL, solutions kept as "
          "tuples); writing the rows as CSV besides\n")
    fmt_row(["query", "rows", "edugraph", "raw", "ratio", "+ CSV"])
    fmt_row(["---"] * 6)
    ratios = []
    queries = {name: q for name, q in queries.items() if isinstance(q, dict)}
    for name, q in queries.items():
        ratios.append(q["seconds"] / q["raw"])
        fmt_row([name, q["rows"], f"{q['seconds'] * 1000:,.1f}", f"{q['raw'] * 1000:,.1f}", f"{ratios[-1]:.2f}×",
                 f"{q['csv'] * 1000:,.1f}"])
    slowest = max(queries, key=lambda n: queries[n]["seconds"])
    print(f"\ngeometric mean ratio {statistics.geometric_mean(ratios):.2f}×, worst {max(ratios):.2f}×; "
          f"slowest query {slowest} {queries[slowest]['seconds']:.2f} s")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per query (the median is shown)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rdflib-max", type=int, default=100, metavar="N",
                        help="run the rdflib paths only up to N documents (1,000 take minutes and GBs)")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args(argv)
    if args.step:  # a child process: run one step, print its result as JSON
        step = STEPS[args.step]
        params = [int(a) if a.isdigit() else a for a in rest]
        result = step(*params)
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if isinstance(result, dict) and "seconds" in result and children:
            result["children_mb"] = children
        sys.stdout.write(json.dumps(result) + "\n")
        return
    print(f"edugraph corpus benchmark: {os.cpu_count()} cores, {args.jobs} jobs, {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="edugraph-bench-corpus-") as folder:
        for size in args.sizes:
            bench_size(size, Path(folder), args)


if __name__ == "__main__":
    main()
