"""Reading built pages the way a browser would: links, scripts, text, with the stdlib parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit


@dataclass
class Page:
    links: list[str] = field(default_factory=list)  # href of a, link
    sources: list[str] = field(default_factory=list)  # src of script, img, iframe, ...
    ids: set[str] = field(default_factory=set)
    elements: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    text: str = ""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.page.elements.append((tag, values))
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag in ("a", "link") and "href" in values:
            self.page.links.append(values["href"])
        if "src" in values:
            self.page.sources.append(values["src"])

    def handle_data(self, data: str) -> None:
        self._text.append(data)


class _LinkNesting(HTMLParser):
    """Where a link opens inside another: a browser would nest them (in SVG) or split them (in
    HTML), and neither is what the markup meant."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.nested: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if self.open:
                self.nested.append(f"{href} inside {self.open[-1]}")
            self.open.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.open:
            self.open.pop()


def nested_links(file: Path) -> list[str]:
    """Each link that opens before the one around it has closed, or that never closes."""
    reader = _LinkNesting()
    reader.feed(file.read_text(encoding="utf-8"))
    reader.close()
    return reader.nested + [f"{href} never closed" for href in reader.open]


def read(file: Path) -> Page:
    reader = _Reader()
    reader.feed(file.read_text(encoding="utf-8"))
    reader.page.text = " ".join(" ".join(reader._text).split())
    return reader.page


def url_of(site: Path, file: Path) -> str:
    """The URL path a built file is served at."""
    relative = file.relative_to(site).as_posix()
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def target_of(site: Path, page_url: str, href: str) -> tuple[Path, str] | None:
    """The file (and fragment) a local link points at, or None for another host."""
    absolute, fragment = urldefrag(urljoin("http://site.invalid" + page_url, href))
    parts = urlsplit(absolute)
    if parts.netloc != "site.invalid":
        return None
    path = site / parts.path.lstrip("/")
    if parts.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, fragment
