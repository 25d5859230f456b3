"""Load on `edugraph serve`: N clients × M queries through the front, and the same load straight to Oxigraph.

    .venv/bin/python benchmarks/bench_serve_load.py                    # 20 clients × 250 queries, 3 rounds
    .venv/bin/python benchmarks/bench_serve_load.py --clients 50 --queries 100 --rounds 1

Both servers hold the same graphs (data/sources, built now): `edugraph serve` as a user starts it (a child
process), and a bare `oxigraph serve-read-only` over its own copy of the store. Each client is a thread
that sends its queries one after another, each on a new connection (as urllib and most SPARQL clients do),
cycling through the saved non-federated queries that answer in under --light-ms when run alone (the
heavy data-quality checks would measure Oxigraph's CPU, not the front), bound with their defaults, POSTed as
a form, JSON asked for. The targets alternate round by round, so both see the same machine load. Printed
per target: errors (connection resets, non-200 answers, named), requests per second, and p50/p95/p99
latency (median over rounds), then the front ÷ straight ratios, and the front's log lines other than 200.
"""

import argparse
import http.client
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from edugraph.corpus import all_graphs, build
from edugraph.rdf.formats import write_graphs
from edugraph.serving.queries import bind, catalogue
from edugraph.serving.server import free_port, oxigraph_server, stop


def saved_queries():
    return [bind(q) for q in catalogue().values()
            if "federated" not in q.keywords and not any(p.required for p in q.params.values())]


def light(port, bodies, limit_ms):
    """The bodies that one request alone answers within limit_ms (median of 3), straight from Oxigraph."""
    kept = []
    for body in bodies:
        timings = [one_request(port, body) for _ in range(3)]
        if all(ok is True for ok, _ in timings) and statistics.median(s for _, s in timings) * 1000 < limit_ms:
            kept.append(body)
    return kept


def one_request(port, body):
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("POST", "/query", body, {"Content-Type": "application/x-www-form-urlencoded",
                                                     "Accept": "application/sparql-results+json"})
        answer = connection.getresponse()
        answer.read()
        ok = answer.status == 200 or f"HTTP {answer.status}"
    except (OSError, http.client.HTTPException) as error:
        ok = type(error).__name__
    finally:
        connection.close()
    return ok, time.perf_counter() - started


def load(port, clients, queries, bodies):
    latencies, errors = [], {}
    lock = threading.Lock()

    def client(index):
        for i in range(queries):
            ok, seconds = one_request(port, bodies[(index + i) % len(bodies)])
            with lock:
                latencies.append(seconds)
                if ok is not True:
                    errors[ok] = errors.get(ok, 0) + 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    if errors:
        print("  errors:", ", ".join(f"{reason} × {count}" for reason, count in errors.items()))
    return {"errors": sum(errors.values()), "rps": len(latencies) / elapsed,
            "p50": cuts[49], "p95": cuts[94], "p99": cuts[98]}


def wait_for(port, process, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"edugraph serve exited with {process.returncode}")
        if one_request(port, b"query=ASK%7B%7D")[0] is True:
            return
        time.sleep(0.2)
    sys.exit("edugraph serve did not answer")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--queries", type=int, default=250, help="queries per client")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--light-ms", type=float, default=50, help="keep the queries faster than this alone")
    args = parser.parse_args()

    graphs = {str(k): v for k, v in all_graphs(build()).items()}
    bodies = [urllib.parse.urlencode({"query": q}).encode() for q in saved_queries()]
    with tempfile.TemporaryDirectory() as tmp, oxigraph_server(graphs, "127.0.0.1", free_port()) as (base, _, _):
        corpus = Path(tmp) / "corpus.nq"
        write_graphs(graphs, corpus)
        front_port, straight_port = free_port(), int(base.rsplit(":", 1)[1])
        all_saved = len(bodies)
        bodies = light(straight_port, bodies, args.light_ms)
        with open(Path(tmp) / "serve.log", "wb") as log:
            process = subprocess.Popen([sys.executable, "-m", "edugraph", "serve", str(corpus),
                                        "--port", str(front_port)], stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_for(front_port, process)
            figures = {"front": [], "straight": []}
            for round_ in range(args.rounds):
                for name, port in (("front", front_port), ("straight", straight_port)):
                    figures[name].append(load(port, args.clients, args.queries, bodies))
                    print(f"round {round_ + 1} {name:<8} " + "  ".join(
                        f"{k}={v:.0f}" if k in ("errors", "rps") else f"{k}={v * 1000:.0f}ms"
                        for k, v in figures[name][-1].items()), flush=True)
        finally:
            stop(process)
            refused = [line for line in (Path(tmp) / "serve.log").read_text(errors="replace").splitlines()
                       if '" 200 ' not in line and not line.startswith("serving ")]
            if refused:
                print("front log, other than 200:", *refused[:20], sep="\n  ")
    print(f"\n{args.clients} clients × {args.queries} queries, {len(bodies)} of {all_saved} saved queries, "
          f"median of {args.rounds} round(s):")
    median = {name: {k: statistics.median(r[k] for r in runs) for k in runs[0]} for name, runs in figures.items()}
    for name, m in median.items():
        print(f"  {name:<8} errors {sum(r['errors'] for r in figures[name])} in all rounds, {m['rps']:.0f} req/s, "
              f"p50 {m['p50'] * 1000:.0f} ms, p95 {m['p95'] * 1000:.0f} ms, p99 {m['p99'] * 1000:.0f} ms")
    print("  front ÷ straight: " + ", ".join(f"{k} {median['front'][k] / median['straight'][k]:.2f}×"
                                              for k in ("p50", "p95", "p99")))


if __name__ == "__main__":
    main()
