"""The Oxigraph worker behind `edugraph serve`, replaced when a query overruns its time.

Oxigraph's own --timeout-s only stops a query where its evaluation checks the clock: an aggregate over a
huge join was seen computing for ~100 s after a 30 s timeout. Closing the connection does not stop it either.
So when the front gives up on a query it retires the worker: a new `oxigraph serve-read-only` on the same
store folder (read-only opens may share it) takes the next queries at once, and the old process is killed
as soon as the queries still running on it are done or have timed out themselves, which frees the core.
"""

import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

from edugraph.serving import server


@dataclass(eq=False)
class Worker:
    process: subprocess.Popen
    base: str                    # http://127.0.0.1:PORT
    running: int = 0             # queries in flight on this worker
    retired: bool = False


class OxigraphWorkers:
    """Hands out the current worker for each query; retire(worker) starts a replacement."""

    def __init__(self, location, timeout_s, log_folder):
        self.location, self.timeout_s, self.log_folder = Path(location), timeout_s, Path(log_folder)
        self.started = 0
        self._lock = threading.Lock()
        self.current = self._start()
        self.live = {self.current}  # the current worker and retired ones still finishing queries

    def _start(self):
        self.started += 1
        port = server.free_port()
        log = self.log_folder / f"oxigraph-{self.started}.log"
        command = server.oxigraph_command(self.location, "127.0.0.1", port, self.timeout_s)
        with log.open("wb") as output:
            process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        try:
            server.wait_until_listening(process, "127.0.0.1", port, log)
        except BaseException:
            server.stop(process)
            raise
        return Worker(process, f"http://127.0.0.1:{port}")

    def acquire(self):
        with self._lock:
            worker = self.current
            worker.running += 1
            return worker

    def release(self, worker):
        with self._lock:
            worker.running -= 1
            done = worker.retired and worker.running == 0 and worker is not self.current
        if done:
            self._end(worker)

    def retire(self, worker):
        """Start a replacement for `worker` (once, however many of its queries time out). Blocking: call it
        from a thread."""
        with self._lock:
            if worker.retired or worker is not self.current:
                return
            worker.retired = True
        replacement = self._start()
        with self._lock:
            self.current = replacement
            self.live.add(replacement)
            idle = worker.running == 0
        if idle:
            self._end(worker)

    def _end(self, worker):
        worker.process.kill()  # read-only: nothing to flush, and SIGTERM would wait for the query
        worker.process.wait()
        with self._lock:
            self.live.discard(worker)

    def close(self):
        with self._lock:
            workers = list(self.live)
        for worker in workers:
            server.stop(worker.process)
