"""A local HTTP server for the network tests: routes that misbehave as real servers do."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = (
    "<html><head><meta charset='utf-8'><title>A Page | Site</title>"
    "<meta property='og:title' content='A Page'></head><body><nav>Home · About</nav>"
    "<article><h1>A Page</h1><p>" + "Words of the article, enough to be its text. " * 20 + "</p>"
    "<h2>Second part</h2><p>" + "More words in the second part of it. " * 20 + "</p></article>"
    "<footer>© Site</footer></body></html>"
)
LATIN1 = (
    "<html><head><title>Café</title></head><body><article><h1>Café crème</h1><p>"
    + "Un café crème à la terrasse, déjà servi. Le garçon apporte l'addition; nous étions "
    "très contents de notre journée à Paris, où l'été dure encore. Après le déjeuner, "
    "nous avons flâné le long des quais jusqu'à la tombée de la nuit. "
    + "</p></article></body></html>"
)

Route = Callable[[BaseHTTPRequestHandler], None]


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes, **headers: str) -> None:
    handler.send_response(status)
    named = {name.replace("_", "-"): value for name, value in headers.items()}
    for name, value in {"Content-Type": "text/html; charset=utf-8", **named}.items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def redirect(to: str) -> Route:
    return lambda h: send(h, 302, b"", Location=to)


def trickle(h: BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    for _ in range(200):
        h.wfile.write(b"<p>x</p>")
        h.wfile.flush()
        time.sleep(0.05)


def stall(h: BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    h.wfile.write(b"<p>start")
    h.wfile.flush()
    time.sleep(3)


def endless(h: BaseHTTPRequestHandler) -> None:
    """A body with no length that goes on past any limit."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    block = b"<p>" + b"x" * 65536 + b"</p>"
    try:
        for _ in range(5000):  # 300 MB if nobody stops reading
            h.wfile.write(block)
    except OSError:
        pass


_served = {"changing": 0}


def changing(h: BaseHTTPRequestHandler) -> None:
    """The page, with a paragraph more before its second part each time it is asked for."""
    _served["changing"] += 1
    added = "<p>A paragraph added since, to move the text along. </p>" * _served["changing"]
    send(h, 200, PAGE.replace("<h2>Second part</h2>", added + "<h2>Second part</h2>").encode())


ROUTES: dict[str, Route] = {
    "/changing": changing,
    "/page.html": lambda h: send(h, 200, PAGE.encode()),
    "/start": redirect("/middle"),
    "/middle": redirect("/page.html"),
    "/loop": redirect("/loop"),
    "/to-ftp": redirect("ftp://127.0.0.1/file"),
    "/to-file": redirect("file:///etc/passwd"),
    "/missing": lambda h: send(h, 404, b"<p>Not here</p>"),
    "/broken": lambda h: send(h, 500, b"<p>Oops</p>"),
    "/trickle": trickle,
    "/stall": stall,
    "/huge": lambda h: _huge(h),
    "/endless": endless,
    "/paper.pdf": lambda h: send(h, 200, b"%PDF-1.4", Content_Type="application/pdf"),
    "/photo": lambda h: send(h, 200, b"\x89PNG", Content_Type="image/png"),
    "/latin1-header": lambda h: send(
        h, 200, LATIN1.encode("latin-1"), Content_Type="text/html; charset=iso-8859-1"
    ),
    "/latin1-meta": lambda h: send(
        h,
        200,
        LATIN1.replace("<head>", "<head><meta charset='windows-1252'>").encode("cp1252"),
        Content_Type="text/html",
    ),
    "/latin1-neither": lambda h: send(h, 200, LATIN1.encode("cp1252"), Content_Type="text/html"),
    "/gzipped": lambda h: send(h, 200, gzip.compress(PAGE.encode()), Content_Encoding="gzip"),
    "/bomb": lambda h: send(h, 200, _bomb(), Content_Encoding="gzip"),
    "/notes.md": lambda h: send(
        h, 200, b"# Notes\n\n## First\n\nText.\n", Content_Type="text/markdown; charset=utf-8"
    ),
    "/plain": lambda h: send(h, 200, b"Plain title\n\nSome text.\n", Content_Type="text/plain"),
}


@cache
def _bomb() -> bytes:
    """40 KB that inflate to 40 MB; made once, before any request, as it takes a second."""
    return gzip.compress(b"<p>" + b"a" * (40 * 1024 * 1024))


def _huge(h: BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", str(300 * 1024 * 1024))
    h.end_headers()
    with suppress(OSError):
        h.wfile.write(b"<p>" + b"x" * 65536)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        route = ROUTES.get(self.path)
        if route is None:
            send(self, 404, b"no such route")
        else:
            with suppress(BrokenPipeError, ConnectionResetError):
                route(self)

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@contextmanager
def serving() -> Iterator[str]:
    """A server on 127.0.0.1 for the length of the block; yields its base address."""
    _bomb()  # compressing it inside a request would count against the client's timeout
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _half(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _cut_short(h: BaseHTTPRequestHandler) -> None:
    """Says 100,000 bytes, sends a few, and hangs up."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "100000")
    h.end_headers()
    h.wfile.write(PAGE.encode()[:500])
    h.wfile.flush()
    h.close_connection = True


def _slow_headers(h: BaseHTTPRequestHandler) -> None:
    """Headers a line at a time, each just inside the stall limit, for half a minute."""
    h.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
    for number in range(100):
        h.wfile.write(f"X-Slow-{number}: x\r\n".encode())
        h.wfile.flush()
        time.sleep(0.3)
    h.wfile.write(b"\r\n<p>late</p>")
    h.close_connection = True


ROUTES.update(
    {
        "/cut-short": _cut_short,
        "/gzip-cut": lambda h: send(
            h, 200, _half(gzip.compress(PAGE.encode())), Content_Encoding="gzip"
        ),
        "/gzip-members": lambda h: send(
            h,
            200,
            gzip.compress(PAGE.encode()[:400]) + gzip.compress(PAGE.encode()[400:]),
            Content_Encoding="gzip",
        ),
        "/slow-headers": _slow_headers,
    }
)
