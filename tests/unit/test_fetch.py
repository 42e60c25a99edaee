"""Downloading against a local server: redirects, failures, limits, types and charsets."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_server import PAGE, serving

from reader.fetch import FetchError, Limits, fetch
from reader.saved_pages import address_of, copy_of, keep
from reader.source import decode_html

QUICK = Limits(connect=1.0, total=2.0, size=1024 * 1024, redirects=5)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving() as base:
        yield base


def test_a_page_is_downloaded_through_a_chain_of_redirects(server: str) -> None:
    seen: list[int] = []
    fetched = fetch(f"{server}/start", QUICK, progress=seen.append)
    assert fetched.url == f"{server}/page.html"
    assert fetched.media_type == "text/html" and fetched.charset == "utf-8"
    assert b"Second part" in fetched.data and seen and seen[-1] == len(fetched.data)


@pytest.mark.parametrize(
    ("route", "problem"),
    [
        ("/loop", "redirects too many times"),
        ("/to-ftp", "redirects to ftp://127.0.0.1/file"),
        ("/to-file", "redirects to an address that is not on the web"),
        ("/missing", "the server answered 404 Not Found"),
        ("/broken", "the server answered 500"),
        ("/trickle", "took over 2 s to download"),
        ("/stall", "did not answer in time"),
        ("/huge", "is larger than 1 MB"),
        ("/endless", "is larger than 1 MB"),
        ("/bomb", "is larger than 1 MB"),
        ("/paper.pdf", "is not a web page or text (application/pdf)"),
        ("/photo", "is not a web page or text (image/png)"),
        ("/cut-short", "broke off (after 500 bytes)"),
        ("/gzip-cut", "broke off"),
        ("/slow-headers", "took over 2 s to download"),
    ],
)
def test_each_failure_is_one_line_saying_why(server: str, route: str, problem: str) -> None:
    with pytest.raises(FetchError) as failure:
        fetch(f"{server}{route}", QUICK)
    message = str(failure.value)
    assert problem in message and "\n" not in message


def test_a_refused_connection_and_an_unknown_server_say_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match=r"127\.0\.0\.1 refused the connection"):
        fetch(f"http://127.0.0.1:{port}/", QUICK)

    def no_such_host(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(FetchError, match=r"nowhere\.example could not be found"):
        fetch("https://nowhere.example/article", QUICK)


def test_only_web_addresses_are_fetched() -> None:
    for address in ("file:///etc/passwd", "ftp://x/y", "http://"):
        with pytest.raises(FetchError, match="not an http or https address"):
            fetch(address, QUICK)


def test_a_gzipped_body_is_inflated_every_member_of_it(server: str) -> None:
    assert b"Second part" in fetch(f"{server}/gzipped", QUICK).data
    assert fetch(f"{server}/gzip-members", QUICK).data == PAGE.encode()


def test_a_download_stops_as_soon_as_it_is_told_to(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="was stopped"):
        fetch(f"{server}/slow-headers", QUICK, cancelled=lambda: time.monotonic() > started + 0.5)
    assert time.monotonic() - started < 1.5


@pytest.mark.parametrize("route", ["/latin1-header", "/latin1-meta", "/latin1-neither"])
def test_the_charset_comes_from_the_header_else_the_meta_else_a_guess(
    server: str, route: str
) -> None:
    fetched = fetch(f"{server}{route}", QUICK)
    text, _ = decode_html(fetched.data, route, fetched.charset)
    assert "Un café crème à la terrasse, déjà servi." in text


def test_a_kept_copy_is_the_pages_article_found_again_by_its_address(server: str) -> None:
    address = f"{server}/start"
    saved = keep(address, fetch(address, QUICK))
    assert saved.title == "A Page" and saved.url == f"{server}/page.html"
    text = saved.path.read_text(encoding="utf-8")
    assert "## Second part" in text and "Home · About" not in text
    again = copy_of(address)
    assert again is not None and again.path == saved.path and again.title == "A Page"
    assert copy_of(f"{server}/other") is None


@pytest.mark.parametrize(("route", "suffix"), [("/notes.md", ".md"), ("/plain", ".txt")])
def test_markdown_and_text_addresses_are_kept_as_that_format(
    server: str, route: str, suffix: str
) -> None:
    saved = keep(f"{server}{route}", fetch(f"{server}{route}", QUICK))
    assert saved.path.suffix == suffix
    assert saved.path.read_text(encoding="utf-8").startswith(("# Notes", "Plain title"))


@pytest.mark.parametrize(
    "address", ["http://a..b/", "http://[::1/", "http://[zz]/", "http://⒈.com/"]
)
def test_a_malformed_address_is_a_one_line_failure(address: str) -> None:
    with pytest.raises(FetchError) as failure:
        fetch(address, QUICK)
    assert "\n" not in str(failure.value)
    assert copy_of(address) is None  # (no traceback naming its copy either)


def test_a_copy_of_another_kind_from_before_goes_when_the_address_changes_kind(
    server: str,
) -> None:
    address = f"{server}/notes.md"
    first = keep(address, fetch(address, QUICK))
    plain = fetch(f"{server}/plain", QUICK)
    second = keep(address, plain)  # (the same address, served as text this time)
    assert second.path.suffix == ".txt" and not first.path.exists()
    again = copy_of(address)
    assert again is not None and again.path == second.path


def test_a_kept_copy_is_known_by_its_resolved_path_when_the_data_folder_is_a_link(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "link"))
    saved = keep(f"{server}/page.html", fetch(f"{server}/page.html", QUICK))
    assert address_of(saved.path.resolve()) == f"{server}/page.html"  # (as the store has it)
