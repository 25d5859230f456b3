"""A lean HTTP/1.1 client for the front's one job: POST a query to an Oxigraph worker on loopback and stream
the answer back, over kept-alive connections. asyncio streams and h11 (which uvicorn already uses); a
general client (httpx) cost the front about twice the CPU per query, and the front is single-threaded.
"""

import asyncio
import time
from contextlib import asynccontextmanager

import h11

READ_BYTES = 64 * 1024


class UpstreamError(Exception):
    """The worker could not be reached or broke the protocol."""


class _Connection:
    def __init__(self, reader, writer):
        self.reader, self.writer, self.http = reader, writer, h11.Connection(h11.CLIENT)
        self.idle_since = 0.0

    async def next_event(self):
        while True:
            event = self.http.next_event()
            if event is not h11.NEED_DATA:
                return event
            self.http.receive_data(await self.reader.read(READ_BYTES))

    def close(self):
        self.writer.close()


class Answer:
    def __init__(self, connection, response):
        self.connection, self.status = connection, response.status_code
        self.headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in response.headers}
        self.complete = False

    async def chunks(self):
        """The body, chunk by chunk, as it arrives."""
        try:
            while True:
                event = await self.connection.next_event()
                if isinstance(event, h11.Data):
                    yield bytes(event.data)
                elif isinstance(event, h11.EndOfMessage):
                    self.complete = True
                    return
                else:  # ConnectionClosed before the end
                    raise UpstreamError("the answer ended early")
        except (OSError, h11.ProtocolError) as error:
            raise UpstreamError(str(error) or type(error).__name__) from None


class Upstream:
    """Idle kept-alive connections per worker base URL (http://127.0.0.1:PORT). Oxigraph answers a connection
    left idle for its --timeout-s with an unasked-for 500 and closes it: one idle longer than max_idle_s is
    never reused (measured: with --timeout-s 4, a connection reused after 6 s idle got that 500)."""

    def __init__(self, keep, max_idle_s):
        self.keep, self.max_idle_s, self.idle = keep, max_idle_s, {}

    @asynccontextmanager
    async def post(self, base, path, body, headers):
        """POST body to base+path; yields an Answer whose chunks() stream the body."""
        host, port = base.removeprefix("http://").rsplit(":", 1)
        request = h11.Request(method="POST", target=path, headers=[
            ("Host", f"{host}:{port}"), ("Content-Length", str(len(body))), *headers.items()])
        for fresh in (False, True):  # a kept-alive connection the worker has just closed: once more, anew
            connection = await self._connect(base, host, int(port), fresh)
            try:
                connection.writer.write(connection.http.send(request) + connection.http.send(h11.Data(data=body))
                                        + connection.http.send(h11.EndOfMessage()))
                await connection.writer.drain()
                response = await connection.next_event()
                if isinstance(response, h11.Response):
                    break
                error = UpstreamError("no answer")
            except (OSError, h11.ProtocolError) as failure:
                error = UpstreamError(str(failure) or type(failure).__name__)
            connection.close()
            if fresh:
                raise error
        answer = Answer(connection, response)
        try:
            yield answer
        finally:
            self._done(base, connection, answer)

    async def _connect(self, base, host, port, fresh):
        pool = [] if fresh else self.idle.get(base) or []
        now = time.monotonic()
        while pool:
            connection = pool.pop()
            if now - connection.idle_since < self.max_idle_s and not connection.reader.at_eof():
                return connection
            connection.close()
        try:
            return _Connection(*await asyncio.open_connection(host, port))
        except OSError as error:
            raise UpstreamError(str(error) or type(error).__name__) from None

    def _done(self, base, connection, answer):
        reusable = (answer is not None and answer.complete and connection.http.our_state is h11.DONE
                    and connection.http.their_state is h11.DONE)
        pool = self.idle.setdefault(base, [])
        if reusable and len(pool) < self.keep:
            connection.http.start_next_cycle()
            connection.idle_since = time.monotonic()
            pool.append(connection)
        else:
            connection.close()

    def forget(self, base):
        """Close the idle connections to a worker that is gone."""
        for connection in self.idle.pop(base, []):
            connection.close()
