"""The scripts' strings in a language, handed to the browser as data: data/strings/<lang>.js,
an ES module that docs/assets/lib/strings.js loads on a page of that language. It holds the
translations of the strings the scripts show (those the catalog template found in strings.js),
the catalog's rule for plural forms, and CLDR's month names."""

from __future__ import annotations

import json
from functools import cache

from babel.messages.pofile import read_po

from generator.content.words import N_
from generator.languages.catalogs import LOCALE_DIR, SOURCE, _, catalog, plural_expression, speaking
from generator.languages.dates import month_names

SCRIPT_TABLE = "docs/assets/lib/strings.js"  # where the scripts' strings are, as the template locates them
TEMPLATE = LOCALE_DIR / "messages.pot"


STYLES_PATH = "data/strings.css"  # the plugin adds it to the pages' stylesheets; the embeds link it
# Words the stylesheet writes before a list item's parts (a class, its label).
STYLE_LABELS = (("tl-who", N_("Who:")), ("tl-where", N_("Where:")))


def styles(languages: tuple[str, ...]) -> str:
    """data/strings.css: the labels the stylesheet writes, in each language (`:lang()`, so a page
    of any language, and an item marked with another, reads its own)."""
    rules = []
    for language in (SOURCE, *(code for code in languages if code != SOURCE)):
        scope = "" if language == SOURCE else f":lang({language}) "
        with speaking(language):
            for name, label in STYLE_LABELS:
                rules.append(f"{scope}.{name}::before{{content:{json.dumps(_(label) + ' ', ensure_ascii=False)}}}")
    return (
        "/* Written by the timeline generator (generator/languages/scripts.py): do not edit. */\n"
        + "\n".join(rules)
        + "\n"
    )


def strings_path(language: str) -> str:
    return f"data/strings/{language}.js"


@cache
def script_messages() -> tuple[str | tuple[str, str], ...]:
    """The msgids of the scripts' strings (a plural one as its two English forms)."""
    with TEMPLATE.open("rb") as stream:
        template = read_po(stream)
    found: list[str | tuple[str, str]] = []
    for message in template:
        if message.id and any(path == SCRIPT_TABLE for path, _ in message.locations):
            found.append(message.id if isinstance(message.id, str) else (message.id[0], message.id[1]))
    return tuple(found)


def strings_module(language: str) -> str:
    """data/strings/<lang>.js: `export default {plural, messages, months, short}`."""
    translations = catalog(language)
    messages: dict[str, str | list[str]] = {}
    for message in script_messages():
        if isinstance(message, str):
            text = translations.gettext(message)
            if text != message:
                messages[message] = text
        else:
            forms = _plural_forms(language, message)
            if forms:
                messages[message[0]] = forms
    with speaking(language):
        table = {
            "messages": messages,
            "months": list(month_names(language)),
            "short": list(month_names(language, "abbreviated")),
        }
    text = json.dumps(table, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    rule = plural_expression(language)
    return (
        "/* Written by the timeline generator (generator/languages/scripts.py): do not edit. */\n"
        f"var table = {text};\ntable.plural = function (n) {{ return Number({rule}); }};\nexport default table;\n"
    )


def _plural_forms(language: str, message: tuple[str, str]) -> list[str]:
    """Every plural form of a message in the catalog (as many as the language has), or none."""
    translations = catalog(language)
    found = getattr(translations, "_catalog", {})
    forms = []
    index = 0
    while (message[0], index) in found:
        forms.append(found[(message[0], index)])
        index += 1
    return forms if any(forms) else []
