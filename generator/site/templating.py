"""Text into pages, escaped: the template environment and the filters every template uses.

Templates live in templates/. Jinja2 autoescaping turns every value into HTML-safe text; the
`text` filter also escapes Markdown syntax, so content can never become markup. Markdown
fields were checked free of raw HTML and unsafe links, and are the only values passed as-is.
"""

from __future__ import annotations

import datetime
import html
import re
from functools import cache, lru_cache
from typing import Any

import jinja2
import markdown
from markupsafe import Markup

from generator.content.addresses import address
from generator.content import edtf
from generator.content.model import PRECISION_MEANINGS, STATUS_MEANINGS, Event
from generator.content.words import ACTOR_KIND_LABELS, PRECISION_LABELS, STATUS_LABELS
from generator.languages import dates
from generator.languages.catalogs import _, catalog, current, direction, name_of, ngettext
from generator.languages.records import Untranslated, is_untranslated, isolated, marked, shown
from generator.site.layout import GENERATED_MARK, RAW_HTML_END, RAW_HTML_START

MONTHS = edtf.MONTH_NAMES

# Python-Markdown's backslash escapes; `<`, `>` and `&` are escaped as HTML before these.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def plain(value: object) -> Markup:
    """Plain text for a Markdown page: HTML-escaped, Markdown-escaped, on one line; marked with
    its language where it is the main language's text on another language's page."""
    if isinstance(value, Untranslated):
        return Markup(marked(_plain(str(value)), value.lang, escaped=True))
    text = str(value)
    return Markup(isolated(_plain(text), text))


def status_label(status: str) -> str:
    return _(STATUS_LABELS[status])


def precision_label(precision: str) -> str:
    return _(PRECISION_LABELS[precision])


def actor_kind(kind: str) -> str:
    return _(ACTOR_KIND_LABELS[kind])


def day(value: datetime.date) -> str:
    """A day (a source's publication, a record's last change) in the page's language."""
    return dates.day(value)


def status_meaning(status: str) -> str:
    return _(STATUS_MEANINGS[status])  # type: ignore[index]


def listed(names: tuple[str, ...] | list[str]) -> Markup:
    """Names joined with the language's comma, each escaped and marked if untranslated."""
    return Markup(_(", ")).join(shown(name) for name in names)


@lru_cache(maxsize=1 << 16)  # names, titles and dates recur on many pages
def _plain(text: str) -> Markup:
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()))))


def attribute(value: object) -> Markup:
    """Text for an HTML attribute or raw HTML block: HTML-escaped only."""
    return _attribute(str(value))


@lru_cache(maxsize=1 << 16)
def _attribute(text: str) -> Markup:
    return Markup(html.escape(" ".join(text.split()), quote=True))


def markdown_field(value: str | None) -> Markup:
    """A Markdown field, already checked free of raw HTML and unsafe links by the checker; in a
    block of its own language where it is the main language's text on another's page."""
    if isinstance(value, Untranslated):
        return Markup(f'<div lang="{value.lang}" dir="{direction(value.lang)}" markdown>\n\n{str(value)}\n\n</div>')
    return Markup(value or "")


@lru_cache(maxsize=1 << 12)
def markdown_html(value: str | None) -> Markup:
    """A Markdown field as HTML, for the pages MkDocs does not make (the embeds): the checker
    refused raw HTML and unsafe links in it, and Python-Markdown escapes the rest."""
    made = markdown.markdown(str(value or ""))
    if isinstance(value, Untranslated):
        return Markup(f'<div lang="{value.lang}" dir="{direction(value.lang)}">{made}</div>')
    return Markup(made)


def date_words(value: edtf.EventDate) -> str:
    """The date in the words of the page's language (languages/dates.py)."""
    return dates.in_words(value)


def event_html(event: Event, root: str = "../../") -> Markup:
    """`<strong>date</strong>: <a>title</a>`: the line every list of events is made of. `root`
    leads from the page's URL to the site's (directory URLs: /actors/<id>/ needs ../../)."""
    return _event_html(event, root, current())


@lru_cache(maxsize=1 << 17)
def _event_html(event: Event, root: str, language: str) -> Markup:
    words = attribute(date_words(event.date))
    title = shown(event.title)
    return Markup(_("<strong>{date}</strong>: {title}")).format(
        date=Markup(words), title=Markup(f'<a href="{root}{address("event", event.id)}">{title}</a>')
    )


def event_list(events: list[Event], root: str) -> Markup:
    """A list of events as one line of HTML: built in Python because lists of thousands are
    common, and HTML because Markdown would parse each item's emphasis and link, for nothing."""
    items = "".join(f"<li>{event_html(event, root)}</li>" for event in events)
    return Markup(f'<ul class="tl-events">{items}</ul>')


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.site", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    # One environment for every language: the callables read the page's language (catalogs.py).
    env.install_gettext_callables(_, ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals.update({"_": translated, "gettext": translated})  # `{% trans %}` and ngettext stay Jinja's
    env.filters.update(status_label=status_label, status_meaning=status_meaning, listed=listed, shown=shown)
    env.globals.update(is_untranslated=is_untranslated, language_name=name_of, direction=direction, current=current)
    env.globals.update(precision_label=precision_label, actor_kind=actor_kind)
    env.filters.update(day=day, short_month=lambda number: dates.short_month(number))
    env.filters.update(text=plain, attr=attribute, md=markdown_field, words=date_words, start_words=start_words)
    env.filters.update(html=markdown_html)
    env.globals.update(GENERATED_MARK=Markup(GENERATED_MARK), event_list=event_list, event_html=event_html)
    env.globals.update(precision_meanings=PRECISION_MEANINGS, address=address)
    env.globals.update(RAW_HTML_START=Markup(RAW_HTML_START), RAW_HTML_END=Markup(RAW_HTML_END))
    return env


def translated(message: str, **variables: Any) -> Markup:
    """`_()` in the templates, as Jinja's new-style gettext answers it (the translation, as markup
    since the templates escape, always formatted with the variables, escaped), without its two
    context calls, a new Markup and a format for each of the twenty-odd strings of every page:
    a string with no `%` and no variables is the one kept for its language."""
    kept, formatted = _translation(current(), message)
    return kept % variables if formatted or variables else kept


@lru_cache(maxsize=4096)
def _translation(language: str, message: str) -> tuple[Markup, bool]:
    """The message in `language` (the cache's key, not whatever language is current)."""
    text = Markup(catalog(language).gettext(message))
    return text, "%" in text


def render(template: str, **values: Any) -> str:
    return environment().get_template(template).render(**values)


def warm() -> int:
    """Compile every page template now, not at the first page that needs it: in a long-lived
    process (the preview) whose first build rendered its pages in worker processes, the first
    save's build would otherwise compile them while the editor waits. Returns how many."""
    env = environment()
    names = env.list_templates(filter_func=lambda name: name.endswith(".j2"))
    for name in names:
        env.get_template(name)
    return len(names)


def start_words(value: edtf.EventDate) -> str:
    return dates.point_in_words(value.first_point)


