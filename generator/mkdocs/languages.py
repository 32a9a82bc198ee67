"""Each language's pages in one MkDocs build: the main language's where they always were, each
other's under its prefix (/ar/), which the generator writes (site/render.py). Here, for MkDocs:
which language a page is in (Material's partials/language.html, overridden, reads it from the
page, so its own strings and `dir` follow the page), the navigation in that language, and each
page's counterparts in the others (the language switch and the `hreflang` alternates)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from generator.content.words import N_
from generator.languages.catalogs import _, name_of, speaking

NAVIGATION_TITLES = (N_("Home"), N_("About"))  # the entries of mkdocs.yml's nav no template names


@cache
def material_languages() -> frozenset[str]:
    """The languages Material has interface strings for (its partials/languages/<code>.html)."""
    import material

    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    return frozenset(path.stem for path in folder.glob("*.html") if path.stem != "custom")


def language_of(url: str, languages: tuple[str, ...]) -> str:
    """The language of a page by its address: its first folder, when that is another language."""
    first = url.split("/", 1)[0]
    return first if first in languages[1:] else languages[0]


def counterpart(url: str, language: str, languages: tuple[str, ...]) -> str:
    """The same page in `language`: its address with the other language's prefix."""
    own = language_of(url, languages)
    bare = url[len(own) + 1 :] if own != languages[0] else url
    return bare if language == languages[0] else f"{language}/{bare}"


@dataclass
class Alternate:
    """A page in one of the site's languages, for the switch and the head's alternates."""

    code: str
    name: str  # in its own language: "العربية"
    url: str  # from the site's root
    current: bool


def alternates(url: str, languages: tuple[str, ...]) -> list[Alternate]:
    own = language_of(url, languages)
    return [Alternate(code, name_of(code), counterpart(url, code, languages), code == own) for code in languages]


class Translated:
    """A navigation entry of another language: the main language's entry's page in that language,
    under the entry's title translated (the page's own title when the catalogs have none)."""

    def __init__(self, page: Any, title: str) -> None:
        self._page = page
        self.title = title

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


def language_navigation(nav: Any, files: Any, language: str) -> Any:
    """The navigation of `language`'s pages: the main one's, entry by entry, each leading to the
    same page under the language's prefix (entries with no such page are left out)."""
    from mkdocs.structure.nav import Navigation

    items = []
    with speaking(language):
        for item in nav.items:
            file = getattr(item, "file", None)
            if file is None:
                continue
            found = files.get_file_from_path(f"{language}/{file.src_uri}")
            if found is None or found.page is None:
                continue
            items.append(Translated(found.page, _(item.title) if item.title else found.page.title))
    navigation = Navigation(items, [item._page for item in items])
    home = files.get_file_from_path(f"{language}/index.md")
    navigation.homepage = home.page if home is not None else None
    return navigation


class ThemeStrings:
    """Material's interface strings in one language, as the theme's partials/language.html gives
    them (its `t`), each looked up once a build: the record template asked the partial for five
    strings on every page, importing it and Material's table of strings anew for each."""

    def __init__(self, module: Any) -> None:
        self.module = module
        self.found: dict[str, Any] = {}

    def t(self, key: str) -> Any:
        if key not in self.found:
            self.found[key] = self.module.t(key)
        return self.found[key]


class ThemeLanguages:
    """Each language's `ThemeStrings` for one build's theme environment."""

    def __init__(self, env: Any) -> None:
        self.env = env
        self.languages: dict[str, ThemeStrings] = {}

    def of(self, language: str, page: Any, config: Any) -> ThemeStrings:
        """The strings of `language`, the language of `page` (the partial reads it from the page)."""
        if language not in self.languages:
            partial = self.env.get_template("partials/language.html")
            self.languages[language] = ThemeStrings(partial.make_module({"page": page, "config": config}))
        return self.languages[language]
