"""The interface's strings in each language: gettext catalogs (locale/<lang>/LC_MESSAGES/),
extracted from the templates, the Python and the scripts' string table by `make catalogs`.

A page is made in one language: `in_language(lang, make)` sets it for the call, and `_`,
`ngettext` and the date functions read it. It is a context variable, not an argument threaded
through every function, because the same functions make every language's pages; each page's
call sets its own language, in whichever process or thread runs it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import TypeVar

from babel import Locale, UnknownLocaleError
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"
SOURCE = "en"  # the language the strings are written in: it needs no catalog

# Material's language codes that Babel spells differently (Sorani: Material's ku-IQ, CLDR's ckb).
BABEL_CODES = {"ku-IQ": "ckb", "zh-Hant": "zh_Hant", "zh-TW": "zh_Hant_TW", "pt-BR": "pt_BR"}
# The English the site writes: day before month, as CLDR's British English does ("9 March 2020").
DATE_LOCALES = {"en": "en_GB"}

_language: ContextVar[str] = ContextVar("language", default=SOURCE)
Result = TypeVar("Result")


def shipped() -> tuple[str, ...]:
    """The languages whose catalog we ship, the source language first."""
    found = sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (SOURCE, *found)


@cache
def babel_locale(language: str) -> Locale:
    """The CLDR locale of a site language (Material's code); UnknownLocaleError if CLDR has none."""
    return Locale.parse(BABEL_CODES.get(language, language.replace("-", "_")))


def date_locale(language: str) -> Locale:
    return Locale.parse(DATE_LOCALES[language]) if language in DATE_LOCALES else babel_locale(language)


def known(language: str) -> bool:
    try:
        babel_locale(language)
    except (UnknownLocaleError, ValueError):
        return False
    return True


@cache  # asked for each text a page shows (languages/records.py's isolation)
def direction(language: str) -> str:
    """ "rtl" or "ltr", as CLDR says the language is written."""
    return "rtl" if babel_locale(language).character_order == "right-to-left" else "ltr"


def name_of(language: str) -> str:
    """The language's name in itself: "العربية", "français", "English"."""
    locale = babel_locale(language)
    name = locale.get_language_name(locale) or language
    return name[:1].upper() + name[1:] if direction(language) == "ltr" else name


@cache
def catalog(language: str) -> NullTranslations:
    """The compiled catalog of a language; none (the source strings) for the source language
    or a language we ship no catalog for (the site's settings warn of that)."""
    if language == SOURCE:
        return NullTranslations()
    found = Translations.load(str(LOCALE_DIR), [BABEL_CODES.get(language, language)], DOMAIN)
    return found if isinstance(found, Translations) else NullTranslations()


def current() -> str:
    """The language the page being made is in."""
    return _language.get()


@contextmanager
def speaking(language: str) -> Iterator[None]:
    token = _language.set(language)
    try:
        yield
    finally:
        _language.reset(token)


def set_language(language: str) -> None:
    """The language of what is made next in this thread, until set again: for MkDocs's theme,
    which renders each page right after the plugin hears of it (mkdocs/plugin.py)."""
    _language.set(language)


def in_language(language: str, make: Callable[[], Result]) -> Result:
    """`make()`, in `language`: what the write stage calls, once per page."""
    with speaking(language):
        return make()


def _(message: str) -> str:
    """The message in the current language."""
    return catalog(_language.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The message's form for n in the current language (Arabic has six)."""
    return catalog(_language.get()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """A message marked for the catalogs, translated where it is shown (`_(value)`): for tables
    defined once at import, before any language is chosen."""
    return message


def plural_expression(language: str) -> str:
    """The catalog's rule for choosing a plural form, a C expression JavaScript reads as is."""
    found = catalog(language)
    if isinstance(found, Translations):
        header = found.info().get("plural-forms", "")
        return header.partition("plural=")[2].rstrip(";").strip() or "n != 1"
    return "n != 1"
