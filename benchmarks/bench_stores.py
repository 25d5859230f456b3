"""Load time and per-query medians of the embedded stores on synthetic corpora of N plans.

    .venv/bin/python benchmarks/bench_stores.py                       # 10 and 100 plans, 5 repetitions
    .venv/bin/python benchmarks/bench_stores.py --plans 1000 --repeat 3 --skip-rdflib-above 100

Synthetic plans are copies of the real ones (data/sources, built now): the first 9 are the real plans, plan
N is real plan N mod 9 with its IRIs moved to a new plan id and the digits in its texts rotated (lengths
kept, so offsets stay valid).
Shared things (organisations, cited documents, the software) stay shared, as in the real graphs. Columns:
rdflib's in-memory Dataset, edugraph's default store (settings.DEFAULT_STORE, with the conversion to rdflib
terms that every caller gets) and raw pyoxigraph (results consumed, not converted).
"""

import argparse
import os
import multiprocessing
import re
import resource
import statistics
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from edugraph import settings
from edugraph.corpus import all_graphs, build
from edugraph.rdf.formats import FORMATS, serialize
from edugraph.namespaces import ID
from edugraph.serving.queries import bind, catalogue, execute
from edugraph.serving.store import open_store

LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"(?!\^\^)')  # plain and language-tagged literals, not numbers


def synthesize(plans, path):
    """Write an N-Quads corpus of `plans` plans (plus the vocabulary once); returns the number of quads."""
    built = build()
    templates = []
    for name, graph in built.parts.items():
        plan_id = str(name)[len(str(ID)):].removesuffix("/graph")
        templates.append((plan_id, serialize({name: graph}, FORMATS[".nq"]).decode("utf-8")))
    vocabulary = serialize({k: v for k, v in all_graphs(built).items() if k not in built.parts}, FORMATS[".nq"])
    quads = vocabulary.count(b"\n")
    with open(path, "w", encoding="utf-8") as out:
        out.write(vocabulary.decode("utf-8"))
        for i in range(plans):
            plan_id, text = templates[i % len(templates)]
            if i < len(templates):  # the real plans first, as they are: saved queries' defaults name them
                out.write(text)
                quads += text.count("\n")
                continue
            new_id = f"{plan_id}-s{i:04d}"
            rotate = str.maketrans("0123456789", "".join(str((d + i) % 10) for d in range(10)))
            text = text.replace(f"<{ID}{plan_id}/", f"<{ID}{new_id}/").replace(f"<{ID}{plan_id}>", f"<{ID}{new_id}>")
            text = LITERAL.sub(lambda m: f'"{m.group(1).translate(rotate)}"', text)
            out.write(text)
            quads += text.count("\n")
    return quads


def load_engine(engine, path):
    """A function sparql → row count, over the corpus loaded into one engine."""
    if engine == "pyoxigraph":
        store = ox.Store()
        store.load(path=str(path), format=ox.RdfFormat.N_QUADS)
        # Results consumed but not converted: what Oxigraph itself costs.
        return lambda sparql: sum(1 for _ in store.query(sparql, use_default_graph_as_union=True))
    store = open_store(engine, [path])
    return lambda sparql: len(execute(sparql, store, "bench").rows)


def worker(engine, path, conn):
    start = time.perf_counter()
    run = load_engine(engine, path)
    conn.send((time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    for sparql in iter(conn.recv, None):
        start = time.perf_counter()
        rows = run(sparql)
        conn.send((time.perf_counter() - start, rows))


class Engine:
    """One engine in a child process, so that a query past the time budget can be stopped (rdflib's cannot
    be interrupted in-process); the child is then started again with the corpus loaded again."""

    def __init__(self, engine, path):
        self.engine, self.path = engine, path
        self.load_s, self.peak_mb = self._start()

    def _start(self):
        self.conn, child = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=worker, args=(self.engine, self.path, child), daemon=True)
        self.process.start()
        return self.conn.recv()

    def run(self, sparql, timeout):
        self.conn.send(sparql)
        if self.conn.poll(timeout):
            return self.conn.recv()
        self.process.kill()
        self.process.join()
        self._start()
        return None, None

    def close(self):
        self.conn.send(None)
        self.process.join(30)


def measure(engine, sparql, repeat, budget):
    """(median seconds, or None when a run went past the budget; runs; rows)."""
    times, rows = [], None
    while len(times) < repeat and sum(times) < budget:
        seconds, rows = engine.run(sparql, budget - sum(times))
        if seconds is None:
            return None, len(times), rows
        times.append(seconds)
    return statistics.median(times), len(times), rows


def bench(plans, repeat, budget, skip_rdflib, folder):
    path = Path(folder) / f"corpus-{plans}.nq"
    start = time.perf_counter()
    quads = synthesize(plans, path)
    os.sync()  # flush the new file first: the writeback would otherwise slow whichever engine loads first
    path.read_bytes()
    print(f"\n{plans} plans: {quads:,} quads, {path.stat().st_size / 1e6:.0f} MB N-Quads "
          f"(generated in {time.perf_counter() - start:.1f} s)")
    queries = {name: bind(q) for name, q in catalogue().items()
               if not any(p.required and not p.default for p in q.params.values())}
    engines = ([] if skip_rdflib else ["rdflib"]) + [settings.DEFAULT_STORE, "pyoxigraph"]
    table = {}
    for name in engines:
        engine = Engine(name, path)
        label = name if name == "pyoxigraph" else f"edugraph {name}"
        table[label] = {"load (s)": (engine.load_s, 1, None), "peak memory (MB)": (engine.peak_mb, 1, None)}
        for query, sparql in queries.items():
            table[label][query] = measure(engine, sparql, repeat, budget)
        engine.close()
    report(table, budget)


def report(table, budget):
    columns = list(table)
    raw, default = columns[-1], columns[-2]
    ratios = [(f"{c} / {default}", c, default) for c in columns[:-2]] + [(f"{default} / raw", default, raw)]
    head = ["", *columns, *(r[0] for r in ratios), "rows"]
    print("| " + " | ".join(head) + " |\n|" + "---|" * len(head))
    logs = {name: [] for name, _, _ in ratios}
    for row in table[raw]:
        unit = 1 if row.endswith(")") else 1000  # load and memory as they are, queries in ms
        cells = [row]
        for column in columns:
            value, runs, _ = table[column][row]
            cells.append(f"> {budget * unit:,.0f}" if value is None else
                         f"{value * unit:,.1f}" + ("*" if runs == 1 and unit == 1000 else ""))
        for name, a, b in ratios:
            over = table[a][row][0] is None
            ratio = (budget if over else table[a][row][0]) / max(table[b][row][0] or budget, 1e-9)
            cells.append(f"{'> ' if over else ''}{ratio:,.1f}×")
            if unit == 1000:
                logs[name].append(ratio)
        counts = {table[c][row][2] for c in columns if table[c][row][0] is not None}
        cells.append("" if unit == 1 else (str(counts.pop()) if len(counts) == 1 else f"DIFFER {counts}"))
        print("| " + " | ".join(cells) + " |")
    for name, values in logs.items():
        print(f"geometric mean over the queries, {name}: {statistics.geometric_mean(values):,.1f}×")
    print(f"(query times: median ms; * one run only; > past the {budget:.0f} s budget, the ratio a lower bound)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plans", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (the median is shown)")
    parser.add_argument("--budget", type=float, default=20, help="seconds per query and engine at most")
    parser.add_argument("--skip-rdflib-above", type=int, default=None, metavar="N",
                        help="leave rdflib out for corpora of more than N plans")
    args = parser.parse_args(argv)
    print(f"edugraph store benchmark: default store {settings.DEFAULT_STORE}, median of {args.repeat} runs, "
          f"{args.budget:.0f} s budget per query")
    with tempfile.TemporaryDirectory(prefix="edugraph-bench-") as folder:
        for plans in args.plans:
            skip = args.skip_rdflib_above is not None and plans > args.skip_rdflib_above
            bench(plans, args.repeat, args.budget, skip, folder)


if __name__ == "__main__":
    main()
