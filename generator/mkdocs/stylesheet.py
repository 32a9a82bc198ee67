"""The record pages' one stylesheet: Material's, its palettes' and the site's own (extra_css),
one after the other in the order Material's pages link them, so that the same rules apply in the
same cascade. A record page (nearly every page of a large site) links this one file where it
linked three, each link paid once per page; a reader's first record page makes one request for
its styles, not three.

Not the words the stylesheet writes before a list item's parts (data/strings.css, the
generator's): no record page has those parts, and they change with the translations.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

RECORD_CSS = "assets/stylesheets/record.css"
# Material's own, as its base.html links them (its version is pinned: pyproject.toml).
MATERIAL_CSS = "assets/stylesheets/main.484c7ddc.min.css"
PALETTE_CSS = "assets/stylesheets/palette.ab4e12ef.min.css"


class StylesheetError(Exception):
    """A stylesheet the record pages need is not where the theme or docs/ should hold it."""


def parts(theme_css: tuple[str, ...], extra_css: list[str], left_out: str) -> list[tuple[str, str]]:
    """What the bundle holds, in order: (where it is read from: "theme" or "docs", its path)."""
    ours = [path for path in extra_css if path != left_out and "://" not in path and not path.startswith("/")]
    return [("theme", path) for path in theme_css] + [("docs", path) for path in ours]


def theme_css(config: Any) -> tuple[str, ...]:
    """Material's stylesheets as its pages link them: the palettes' only with a palette set."""
    return (MATERIAL_CSS, PALETTE_CSS) if config.theme.get("palette") else (MATERIAL_CSS,)


def bundle(theme_dirs: list[str], docs_dir: Path, wanted: list[tuple[str, str]]) -> str:
    """The stylesheets' text one after the other. A `@charset` rule is kept only where it may
    stand, at the start (each of these is UTF-8, as the bundle is)."""
    texts: list[str] = []
    for where, path in wanted:
        folders = [Path(folder) for folder in theme_dirs] if where == "theme" else [docs_dir]
        found = next((folder / path for folder in folders if (folder / path).is_file()), None)
        if found is None:
            raise StylesheetError(f"{path}: not found in the {'theme' if where == 'theme' else 'docs/ folder'}")
        text = found.read_text(encoding="utf-8")
        texts.append(text.removeprefix('@charset "UTF-8";') if texts else text)
    return "\n".join(text.rstrip("\n") for text in texts) + "\n"
