"""The settings read from the environment, declared once and validated: a value that is not one of
a setting's values, and a TIMELINE_ name that is no setting, are errors that name the setting and
what it takes (with the closest name or value), never a silent fallback.

The MkDocs plugin checks the environment when MkDocs starts, the `timeline` command before it
runs; each reader then asks `value(NAME)`.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

PREFIX = "TIMELINE_"


class SettingError(ValueError):
    """A setting of the environment that cannot be used, said as the editor can act on it."""


@dataclass(frozen=True)
class Setting:
    name: str
    meaning: str
    takes: str  # the values, as the error says them
    parse: Callable[[str], Any]
    default: Any = None
    choices: tuple[str, ...] = ()  # for the did-you-mean


def _choice(*choices: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        value = text.strip().lower()
        if value not in choices:
            raise ValueError(value)
        return value

    return parse


def _positive_int(text: str) -> int:
    value = int(text.strip())
    if value < 1:
        raise ValueError(text)
    return value


def _positive_number(text: str) -> float:
    value = float(text.strip())
    if not value > 0 or value != value or value == float("inf"):
        raise ValueError(text)
    return value


def _bucket(text: str) -> str:
    """An S3 bucket's name (3 to 63 lowercase letters, digits, dots and hyphens), and a folder in
    it if the site is not at its root: my-timeline, my-timeline/site."""
    value = text.strip().strip("/")
    name, _, folder = value.partition("/")
    if not re.fullmatch(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", name):
        raise ValueError(text)
    if folder and any(part in ("", ".", "..") for part in folder.split("/")):
        raise ValueError(text)
    return value


def _address(text: str) -> str:
    value = text.strip()
    if not re.fullmatch(r"https?://[^\s/]+(/[^\s]*)?", value):
        raise ValueError(text)
    return value


def _region(text: str) -> str:
    value = text.strip()
    if not re.fullmatch(r"[a-z0-9-]+", value):
        raise ValueError(text)
    return value


SETTINGS = {
    setting.name: setting
    for setting in (
        Setting(
            "TIMELINE_CHECK_MODIFIED",
            "how the build's stamp tells a changed file: by its time, or by its bytes (in CI, where a checkout "
            "sets every time anew)",
            "mtime or content",
            _choice("mtime", "content"),
            "mtime",
            ("mtime", "content"),
        ),
        Setting(
            "TIMELINE_BUILD_JOBS",
            "processes `mkdocs build` renders pages with (1: one process)",
            "a whole number, 1 or more",
            _positive_int,
        ),
        Setting(
            "TIMELINE_SEARCH_TIMEOUT",
            "seconds the search indexer may take before the build stops",
            "a number of seconds above 0",
            _positive_number,
            1800.0,
        ),
        Setting(
            "TIMELINE_WATCH",
            "how `mkdocs serve` hears saves: the system's notifications, or polling (network drives, WSL)",
            "native or poll",
            _choice("native", "poll"),
            "native",
            ("native", "poll"),
        ),
        Setting(
            "TIMELINE_DEPLOY_BUCKET",
            "the bucket `make deploy` sends the site to (CI: the repository's variable of the same name)",
            "a bucket's name, and a folder in it if you like: my-timeline or my-timeline/site",
            _bucket,
        ),
        Setting(
            "TIMELINE_DEPLOY_PROVIDER",
            "whose object storage the bucket is in (rclone's S3 provider)",
            "aws, cloudflare, gcs, minio, backblaze or other",
            _choice("aws", "cloudflare", "gcs", "minio", "backblaze", "other"),
            "aws",
            ("aws", "cloudflare", "gcs", "minio", "backblaze", "other"),
        ),
        Setting(
            "TIMELINE_DEPLOY_ENDPOINT",
            "the storage's S3 address, for every provider but Amazon (R2: https://ACCOUNT.r2.cloudflarestorage.com)",
            "an http:// or https:// address",
            _address,
        ),
        Setting(
            "TIMELINE_DEPLOY_REGION",
            "the bucket's region (Amazon: us-east-1...; R2: auto)",
            "a region's name: lowercase letters, digits and hyphens",
            _region,
        ),
    )
}


def value(name: str, environ: Mapping[str, str] | None = None) -> Any:
    """The setting's value: its default when unset or empty; SettingError when it cannot be used."""
    setting = SETTINGS[name]
    text = (os.environ if environ is None else environ).get(name, "")
    if not text.strip():
        return setting.default
    try:
        return setting.parse(text)
    except ValueError:
        raise SettingError(_message(setting, text)) from None


def problems(environ: Mapping[str, str] | None = None) -> list[str]:
    """Every setting of the environment that cannot be used, and every TIMELINE_ name that is no
    setting (a typo would otherwise be ignored), each said with what to write instead."""
    environ = os.environ if environ is None else environ
    found = []
    for name in sorted(environ):
        if not name.startswith(PREFIX):
            continue
        if name not in SETTINGS:
            # compared without the prefix every setting shares, which would make any name look close
            close = difflib.get_close_matches(name[len(PREFIX) :], [known[len(PREFIX) :] for known in SETTINGS], 1, 0.6)
            hint = f"did you mean {PREFIX}{close[0]}?" if close else f"the settings are {', '.join(SETTINGS)}"
            found.append(f"{name} is not a setting of the timeline: {hint}")
            continue
        try:
            value(name, environ)
        except SettingError as error:
            found.append(str(error))
    return found


def check(environ: Mapping[str, str] | None = None) -> None:
    """Raise SettingError with every problem of the environment, one per line."""
    found = problems(environ)
    if found:
        raise SettingError("\n".join(found))


def _message(setting: Setting, text: str) -> str:
    close = difflib.get_close_matches(text.strip().lower(), setting.choices, n=1, cutoff=0.5)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return f"{setting.name}={text!r}: {setting.name} takes {setting.takes}{hint}; it sets {setting.meaning}"
