"""Downloading an article from the web: bounded in time and size, each failure one line.

Redirects are followed (http and https only, at most `Limits.redirects`); a gzip
body is inflated with the same size limit; a body that is not a web page or text
(a PDF, an image) is refused. Nothing here knows about the app: a worker calls
`fetch` and reports `progress`.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from reader import __version__
from reader.abandon import abandonable
from reader.opening import is_web_address
from reader.safe_text import visible_line

ACCEPTED = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown")
CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """How long and how much a download may take."""

    connect: float = 15.0  # seconds to connect, and the longest wait for any data
    total: float = 60.0  # seconds for the whole download
    size: int = 20 * 1024 * 1024  # bytes of body, once inflated
    redirects: int = 10


@dataclass(frozen=True, slots=True)
class Fetched:
    """A downloaded body, with what its server said of it."""

    url: str  # where it came from, after redirects
    data: bytes
    media_type: str  # "text/html", "text/plain", ...
    charset: str | None


class FetchError(Exception):
    """A download that failed; the message says why, in one line."""


def fetch(
    url: str,
    limits: Limits = Limits(),  # (frozen: one default is safe to share)
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Fetched:
    """Download `url`; `progress` hears the bytes received so far, `cancelled` may stop it."""
    shown = visible_line(url)
    if not is_web_address(url) or not _host(url):
        raise FetchError(f"{shown} is not an http or https address")
    stop = cancelled or (lambda: False)
    try:  # in a thread of its own: a server can drip its headers a byte at a time
        return abandonable(lambda: _fetch(url, limits, progress, stop), stop, limits.total)
    except InterruptedError:
        raise FetchError(f"the download of {shown} was stopped") from None
    except TimeoutError:
        raise FetchError(f"{shown} took over {limits.total:g} s to download") from None


def _fetch(
    url: str,
    limits: Limits,
    progress: Callable[[int], None] | None,
    cancelled: Callable[[], bool],
) -> Fetched:
    shown = visible_line(url)
    opener = urllib.request.build_opener(_Redirects(limits.redirects))
    request = urllib.request.Request(url, headers=_HEADERS)
    started = time.monotonic()
    try:
        with opener.open(request, timeout=limits.connect) as response:
            media_type, charset = _content_type(response.headers)
            if media_type not in ACCEPTED:
                raise FetchError(f"{shown} is not a web page or text ({media_type or 'no type'})")
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limits.size:
                raise FetchError(f"{shown} is larger than {_megabytes(limits.size)}")
            body = _read(response, limits, started, progress, cancelled, shown)
            final = response.geturl()
    except FetchError:
        raise
    except urllib.error.HTTPError as error:
        raise FetchError(_http_problem(error, shown)) from None
    except urllib.error.URLError as error:
        raise FetchError(_network_problem(error.reason, url)) from None
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(_network_problem(error, url)) from None
    except ValueError as error:  # a malformed address, given or redirected to (UnicodeError too)
        raise FetchError(f"{shown}: not a usable address ({visible_line(str(error))})") from None
    return Fetched(final, body, media_type, charset)


_HEADERS = {
    "User-Agent": f"reader/{__version__} (terminal reader)",
    "Accept": "text/html,application/xhtml+xml,text/markdown,text/plain;q=0.9",
    "Accept-Encoding": "gzip",
}


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows http(s) redirects only, at most `limit` of them."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        setattr(self, "max_redirections", limit)  # (typeshed has it as a class variable)  # noqa: B010

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if not is_web_address(newurl):
            raise FetchError(f"{visible_line(req.full_url)} redirects to {visible_line(newurl)}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read(
    response: http.client.HTTPResponse,
    limits: Limits,
    started: float,
    progress: Callable[[int], None] | None,
    cancelled: Callable[[], bool],
    shown: str,
) -> bytes:
    gzipped = response.headers.get("Content-Encoding", "").lower() in ("gzip", "x-gzip")
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
    parts: list[bytes] = []
    size = received = 0
    while True:  # (`fetch` has given up by the time these hold: they stop its thread too)
        if cancelled():
            raise FetchError(f"the download of {shown} was stopped")
        if time.monotonic() - started > limits.total:
            raise FetchError(f"{shown} took over {limits.total:g} s to download")
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        received += len(chunk)
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, limits.size + 1 - size)
                while inflate.eof and inflate.unused_data:  # another gzip member follows
                    rest, inflate = inflate.unused_data, zlib.decompressobj(16 + zlib.MAX_WBITS)
                    chunk += inflate.decompress(rest, max(1, limits.size + 1 - size - len(chunk)))
            except zlib.error:
                raise FetchError(f"{shown} sent a damaged compressed body") from None
        size += len(chunk)
        if size > limits.size:
            raise FetchError(f"{shown} is larger than {_megabytes(limits.size)}")
        parts.append(chunk)
        if progress is not None:
            progress(received)
    declared = response.headers.get("Content-Length", "")
    if (declared.isdigit() and received < int(declared)) or (inflate and not inflate.eof):
        raise FetchError(f"the download of {shown} broke off (after {received:,} bytes)")
    return b"".join(parts)


def _content_type(headers: Message) -> tuple[str, str | None]:
    media_type = headers.get_content_type() if headers.get("Content-Type") else ""
    charset = headers.get_content_charset()
    return media_type, charset


def _http_problem(error: urllib.error.HTTPError, shown: str) -> str:
    if 300 <= error.code < 400 and "not allowed" in str(error):  # (urllib's own refusal)
        return f"{shown} redirects to an address that is not on the web"
    if 300 <= error.code < 400:
        return f"{shown} redirects too many times (or in a loop)"
    reason = visible_line(str(error.reason or "")) or http.client.responses.get(error.code, "")
    return f"{shown}: the server answered {error.code} {reason}".rstrip()


def _network_problem(reason: object, url: str) -> str:
    host = visible_line(_host(url) or url)
    if isinstance(reason, socket.gaierror):
        return f"{host} could not be found (no such server, or no network)"
    if isinstance(reason, ConnectionRefusedError):
        return f"{host} refused the connection"
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"{host} did not answer in time"
    if isinstance(reason, ssl.SSLError):
        return f"a secure connection to {host} failed: {visible_line(str(reason))}"
    if isinstance(reason, ConnectionError | http.client.HTTPException):
        return f"the connection to {host} broke off"
    return f"{host} could not be reached: {visible_line(str(reason))}"


def _host(url: str) -> str:
    """The host an address names ("" if it names none, or cannot be read)."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"
