"""`timeline links`: is every source's address still there? Never part of a build (it needs the
network, and an answer from someone else's server must not decide whether the site builds).

Each `url` and `archived` address in sources.yaml is asked for once (HEAD, then GET where HEAD
is refused), without following redirects, so a permanent move is reported with its new address.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode

from generator.content.load import load_file
from generator.content.problems import Problem, display_path, mark_of

USER_AGENT = "timeline-links/1 (checks that cited sources are still online)"


@dataclass(frozen=True)
class Address:
    """A source's address, and where it is written."""

    source: str
    field: str  # url or archived
    url: str
    path: str
    line: int
    column: int


@dataclass(frozen=True)
class Answer:
    address: Address
    status: int | None  # the HTTP status, or None when no server answered
    location: str = ""  # where a redirect points
    failure: str = ""  # why no server answered
    offline: bool = False  # no network at all (name lookups fail), not this server's fault

    @property
    def problem(self) -> tuple[str, Problem] | None:
        """('error' or 'warning', the located problem), or None when the address is fine."""
        where = self.address
        url = where.url
        if self.status is None:
            hint = "check the address; if the site is gone, add archived: with a copy"
            return "error", Problem(where.path, where.line, where.column, f"{url}: {self.failure}", hint)
        if self.status in (301, 308):
            message = f"{url} has moved permanently to {self.location}"
            hint = f"write {where.field}: {self.location}"
            return "warning", Problem(where.path, where.line, where.column, message, hint)
        if self.status >= 400:
            reason = http.client.responses.get(self.status, "")
            message = f"{url} answers {self.status} {reason}".rstrip()
            hint = "find where it moved, or add archived: with a copy (https://web.archive.org/)"
            return "error", Problem(where.path, where.line, where.column, message, hint)
        return None


def addresses(content: Path) -> list[Address]:
    """Every url and archived address in sources.yaml, located (the file is read leniently:
    `timeline check` is what reports its other mistakes)."""
    file = content / "sources.yaml"
    path = display_path(file)
    loaded = load_file(file, path)
    found: list[Address] = []
    if not isinstance(loaded.root, MappingNode):
        return found
    for key, record in loaded.root.value:
        if not isinstance(record, MappingNode):
            continue
        for field_key, value in record.value:
            name = getattr(field_key, "value", "")
            if name in ("url", "archived") and isinstance(value, ScalarNode) and str(value.value).startswith("http"):
                mark = mark_of(path, value)
                found.append(Address(str(key.value), name, str(value.value), path, mark.line, mark.column))
    return found


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # the 3xx answer itself is what we report


_OPENER = urllib.request.build_opener(_NoRedirects)


def ask(address: Address, timeout: float) -> Answer:
    """One address's answer: its status, where it redirects, or why nothing answered."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(address.url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with _OPENER.open(request, timeout=timeout) as response:
                return Answer(address, response.status)
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue  # some servers refuse HEAD only
            return Answer(address, error.code, error.headers.get("Location", ""))
        except urllib.error.URLError as error:
            reason = error.reason
            if isinstance(reason, socket.gaierror):
                return Answer(address, None, failure=f"its host name cannot be looked up ({reason})", offline=True)
            if isinstance(reason, (TimeoutError, socket.timeout)):
                return Answer(address, None, failure=f"no answer within {timeout:g} s")
            if isinstance(reason, ssl.SSLError):
                return Answer(address, None, failure=f"its certificate was refused ({reason})")
            return Answer(address, None, failure=f"cannot connect ({reason})")
        except TimeoutError:
            return Answer(address, None, failure=f"no answer within {timeout:g} s")
        except (OSError, http.client.HTTPException) as error:
            return Answer(address, None, failure=f"cannot connect ({error})")
    return Answer(address, None, failure="no answer")  # pragma: no cover - the loop always returns


def check_links(content: Path, timeout: float = 10.0, workers: int = 8) -> list[Answer]:
    """Ask every address, several at a time; answers in the order the addresses are written."""
    found = addresses(content)
    if not found:
        return []
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(found)))) as pool:
        return list(pool.map(lambda address: ask(address, timeout), found))
