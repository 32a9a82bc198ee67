"""`extra.timeline.languages` in mkdocs.yml: the languages the site publishes, the main one first.

Checked once, where mkdocs.yml is read (the plugin, `timeline build`): each must be a language
CLDR knows (its dates) and Material speaks (its interface), listed once; the first must be the
theme's language, whose pages stay where they are. A language we ship no catalog for is
published with our strings in English, and said so.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection

from generator.languages.catalogs import SOURCE, known, shipped


class LanguagesError(ValueError):
    """The setting cannot be published as written: the message says why and what to write."""


SETTING = "extra.timeline.languages"


def site_languages(value: object, theme_language: str, material: Collection[str]) -> tuple[str, ...]:
    """The languages to publish; `material`: the languages Material has a partial for."""
    if value is None:
        return (theme_language or SOURCE,)
    if not isinstance(value, list) or not value or not all(isinstance(code, str) for code in value):
        raise LanguagesError(f"{SETTING} is a list of language codes, the main one first: [en, ar]")
    seen: list[str] = []
    for code in value:
        if code in seen:
            raise LanguagesError(f"{SETTING} lists '{code}' twice")
        if code not in material or not known(code):
            close = difflib.get_close_matches(code, sorted(material), n=1, cutoff=0.5)
            hint = f"did you mean '{close[0]}'?" if close else "Material's language codes: ar, de, en, fr, ku-IQ..."
            raise LanguagesError(f"{SETTING}: '{code}' is not a language the site can be published in ({hint})")
        seen.append(code)
    if seen[0] != (theme_language or SOURCE):
        raise LanguagesError(
            f"{SETTING} starts with '{seen[0]}' but theme.language is '{theme_language or SOURCE}': "
            f"the main language comes first; set theme.language: {seen[0]}"
        )
    return tuple(seen)


def without_catalog(languages: Collection[str]) -> list[str]:
    """The languages whose interface strings we do not ship (they show in English)."""
    ours = shipped()
    return [code for code in languages if code not in ours]
