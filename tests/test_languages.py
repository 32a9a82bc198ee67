"""The site in every language it publishes: the catalogs, dates as each language writes them,
translated records (checked, exported), and a test site in English, Arabic and French built by
the real `mkdocs build` and read in Chromium: every page of a language in it, right to left for
Arabic, each page's switch leading to its counterpart, an untranslated record marked, and each
language's search finding its own words."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from gettext import GNUTranslations
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import icalendar
import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from conftest import ROOT, mkdocs
from languages import (
    ARABIC_TITLE,
    ARABIC_WORD,
    TRANSLATED_EVENT,
    UNTRANSLATED_EVENT,
    languages_project,
)

from generator.content import edtf
from generator.content.check import check_content
from generator.content.problems import ContentError
from generator.languages import dates
from generator.languages.catalogs import LOCALE_DIR, shipped, speaking
from generator.languages.settings import LanguagesError, site_languages
from generator.mkdocs.languages import counterpart, language_of, material_languages

SHIPPED = ("ar", "fr")
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}")


def catalog_of(language: str):
    with (LOCALE_DIR / language / "LC_MESSAGES" / "messages.po").open("rb") as stream:
        return read_po(stream, locale=language)


def forms(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def english(message) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple) else [message.id]


# --- the catalogs -------------------------------------------------------------------------------


def test_the_shipped_languages_are_english_arabic_and_french():
    assert shipped() == ("en", *SHIPPED)


@pytest.mark.parametrize("language", SHIPPED)
def test_every_shipped_catalog_is_complete(language):
    """Every string a reader sees has each of its forms translated (Arabic has six), none fuzzy."""
    catalog = catalog_of(language)
    messages = [message for message in catalog if message.id]
    assert len(messages) > 250
    for message in messages:
        assert all(forms(message)), (language, message.id)
        assert "fuzzy" not in message.flags, (language, message.id)
        if isinstance(message.id, tuple):
            assert len(forms(message)) == catalog.num_plurals, message.id
    assert catalog.num_plurals == {"ar": 6, "fr": 3}[language]


@pytest.mark.parametrize("language", SHIPPED)
def test_translations_keep_every_placeholder_and_add_no_markup(language):
    """A translation fills in what the English fills in (a plural form may leave the count out:
    Arabic says "one filter", not "1 filter"), and adds no quote, tag or entity that the English
    lacks: templates put translations into attributes and HTML as they are."""
    for message in catalog_of(language):
        if not message.id:
            continue
        wanted = {found for text in english(message) for found in PLACEHOLDER.findall(text)}
        for text in forms(message):
            found = set(PLACEHOLDER.findall(text))
            if isinstance(message.id, tuple):
                found |= wanted & {"{n}", "%(num)s", "{count}"}
            assert found == wanted, (language, message.id, text)
            for character in '"<>&':
                if character in text:
                    assert any(character in source for source in english(message)), (language, message.id)


@pytest.mark.parametrize("language", SHIPPED)
def test_each_compiled_catalog_is_its_po_compiled(language):
    """The build reads the .mo: one left behind its .po would publish old words."""
    written = io.BytesIO()
    write_mo(written, catalog_of(language))
    compiled = GNUTranslations(io.BytesIO(written.getvalue()))
    with (LOCALE_DIR / language / "LC_MESSAGES" / "messages.mo").open("rb") as stream:
        shipped_mo = GNUTranslations(stream)
    assert shipped_mo._catalog == compiled._catalog  # type: ignore[attr-defined]


def test_the_template_holds_every_marked_string_and_each_catalog_the_template(tmp_path):
    """`make catalogs` was run after the last string was marked: extraction now finds what the
    committed template holds, and each catalog has exactly the template's messages."""
    out = tmp_path / "messages.pot"
    command = [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "N_"]
    command += ["-k", "ngettext:1,2", "--add-location=file", "-o", str(out), "."]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    with out.open("rb") as stream:
        extracted = {message.id if isinstance(message.id, str) else tuple(message.id) for message in read_po(stream)}
    with (LOCALE_DIR / "messages.pot").open("rb") as stream:
        committed = {message.id if isinstance(message.id, str) else tuple(message.id) for message in read_po(stream)}
    assert extracted == committed, extracted ^ committed
    for language in SHIPPED:
        held = {message.id if isinstance(message.id, str) else tuple(message.id) for message in catalog_of(language)}
        assert held == committed, (language, held ^ committed)


# --- dates --------------------------------------------------------------------------------------

DATES = [
    ("en", "2020-03-16", "16 March 2020"),
    ("ar", "2020-03-16", "16 مارس 2020"),
    ("fr", "2020-03-16", "16 mars 2020"),
    ("en", "2020-03", "March 2020"),
    ("ar", "2020-01", "يناير 2020"),
    ("fr", "2020-08", "août 2020"),
    ("en", "2020-03~", "c. March 2020"),
    ("ar", "2020-03~", "حوالي مارس 2020"),
    ("fr", "2020-03~", "vers mars 2020"),
    ("en", "2020-03?", "March 2020 (uncertain)"),
    ("ar", "2020-03?", "مارس 2020 (غير مؤكد)"),
    ("fr", "2020-03%", "vers mars 2020 (incertain)"),
    ("en", "2020-03-09/2020-03-15", "9–15 March 2020"),
    ("ar", "2020-03-09/2020-03-15", "9–15 مارس 2020"),
    ("fr", "2020-03-09/2020-03-15", "9–15 mars 2020"),
    ("en", "2020-03-09/2020-04-15", "9 March – 15 April 2020"),
    ("fr", "2020-03-09/2020-04-15", "9 mars – 15 avril 2020"),
    ("en", "2020-01/2020-03", "January–March 2020"),
    ("ar", "2020-01/2020-03", "يناير–مارس 2020"),
    ("en", "2019/2020", "2019–2020"),
    ("en", "2019-03/2020-05", "March 2019 – May 2020"),
    ("ar", "2019-03/2020-05", "مارس 2019 – مايو 2020"),
    ("en", "2014-08-08/..", "since 8 August 2014"),
    ("ar", "2014-08-08/..", "منذ 8 أغسطس 2014"),
    ("fr", "2014-08-08/..", "depuis 8 août 2014"),
    ("en", "../2014", "until 2014"),
    ("ar", "../2014", "حتى 2014"),
    ("en", "2019-23", "autumn 2019"),
    ("ar", "2019-23", "خريف 2019"),
    ("fr", "2019-21", "printemps 2019"),
    ("en", "2019-24", "winter 2019–20"),
    ("en", "201X", "the 2010s"),
    ("ar", "201X", "عقد 2010"),
    ("fr", "201X", "les années 2010"),
]


@pytest.mark.parametrize(("language", "text", "words"), DATES)
def test_dates_are_written_as_each_language_writes_them(language, text, words):
    with speaking(language):
        assert dates.in_words(edtf.parse(text)) == words


def test_english_dates_are_the_ones_the_checker_writes():
    """The pages' English is the checker's (content/edtf.py), for every shape of date."""
    for text in {text for _, text, _ in DATES}:
        value = edtf.parse(text)
        with speaking("en"):
            assert dates.in_words(value) == edtf.in_words(value), text


# --- the setting --------------------------------------------------------------------------------

SETTINGS = [
    (None, "en", ("en",)),
    (["en"], "en", ("en",)),
    (["en", "ar"], "en", ("en", "ar")),
    (["ar", "en"], "ar", ("ar", "en")),
    (["en", "ku-IQ", "fr"], "en", ("en", "ku-IQ", "fr")),
    (["ar", "en"], "en", "starts with 'ar' but theme.language is 'en'"),
    (["en", "ar", "en"], "en", "lists 'en' twice"),
    (["en", "arr"], "en", "did you mean 'ar'?"),
    (["en", "xx"], "en", "'xx' is not a language the site can be published in"),
    ("en", "en", "is a list of language codes"),
    ([], "en", "is a list of language codes"),
    (["en", 3], "en", "is a list of language codes"),
]


@pytest.mark.parametrize(("value", "theme", "expected"), SETTINGS)
def test_the_languages_setting(value, theme, expected):
    if isinstance(expected, tuple):
        assert site_languages(value, theme, material_languages()) == expected
    else:
        with pytest.raises(LanguagesError, match=re.escape(expected)):
            site_languages(value, theme, material_languages())


ADDRESSES = [
    ("", "ar", "ar/"),
    ("", "en", ""),
    ("events/a/", "ar", "ar/events/a/"),
    ("ar/events/a/", "en", "events/a/"),
    ("ar/events/a/", "fr", "fr/events/a/"),
    ("ar/", "en", ""),
    ("fr/timeline/2020/", "fr", "fr/timeline/2020/"),
    ("archive/", "en", "archive/"),  # a folder that only starts like a language is not one
]


@pytest.mark.parametrize(("url", "language", "expected"), ADDRESSES)
def test_a_page_counterpart_is_its_address_under_the_other_prefix(url, language, expected):
    languages = ("en", "ar", "fr")
    assert counterpart(url, language, languages) == expected
    assert language_of(expected, languages) == language or (language == "en" and expected == "archive/")


ISOLATION = [
    ("en", "Camp Taji", "Camp Taji"),
    ("en", "بغداد 2", "<bdi>بغداد 2</bdi>"),  # an Arabic name with a figure, on an English page
    ("en", "A & <b>", "A &amp; &lt;b&gt;"),
    ("ar", "بغداد", "بغداد"),
    ("ar", "Camp Taji, 3", "<bdi>Camp Taji, 3</bdi>"),  # an English name on an Arabic page
    ("ar", "معسكر Taji", "<bdi>معسكر Taji</bdi>"),
    ("fr", "Base d’al-Qaïm", "Base d’al-Qaïm"),
    ("fr", "القائم", "<bdi>القائم</bdi>"),
]


@pytest.mark.parametrize(("language", "text", "html"), ISOLATION)
def test_text_of_the_other_direction_is_isolated(language, text, html):
    from generator.languages.records import Untranslated, shown
    from generator.site.templating import plain

    with speaking(language):
        assert shown(text) == html
        assert plain(text).startswith("<bdi>") == html.startswith("<bdi>")
        marked = shown(Untranslated(text, "en"))
        assert marked.startswith('<span lang="en" dir="ltr">')  # isolated by its dir already


# --- translated records, checked ----------------------------------------------------------------

EVENT = "2014-coalition-mission-in-iraq-begins"  # has details
NO_DETAILS = "2020-03-15-pompeo-and-abdul-mahdi-discuss-attacks"
CHECKS = [
    (
        "translations:\n  arr:\n    title: x\n",
        "arr:",
        "'arr' is not a language this site publishes (did you mean 'ar'?)",
    ),
    ("translations:\n  en:\n    title: x\n", "en:", "'en' is the site's main language"),
    ("translations:\n  de:\n    title: x\n", "de:", "add de to extra.timeline.languages"),
    ("translations:\n  Arabic:\n    title: x\n", "Arabic:", "'Arabic' is not a language code"),
    (
        "translations:\n  ar:\n    summry: x\n",
        "summry:",
        "'summry' is not a field that is translated (did you mean 'summary'?)",
    ),
    ("translations:\n  ar:\n    sources: x\n", "sources:", "a source's quote stays in the language of its source"),
    ("translations:\n  ar:\n    date: x\n", "date:", "'date' is not translated"),
    ('translations:\n  ar:\n    title: "\u202eabc"\n', "title:", "RIGHT-TO-LEFT OVERRIDE"),
    ('translations:\n  ar:\n    title: ""\n', "title:", "this value is empty"),
    ("translations:\n  ar: [x]\n", "ar:", "expected a mapping of fields"),
    ("translations: x\n", "translations:", "expected a mapping of languages"),
    ("translations:\n  ar:\n    title: 2020\n", "title:", "is read by YAML as a number, not text"),
]


def _problems(content: Path) -> list[str]:
    try:
        check_content(content, languages=("en", "ar", "fr"))
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    return []


@pytest.mark.parametrize(("added", "at", "message"), CHECKS)
def test_a_wrong_translation_is_an_error_at_its_line(content, added, at, message):
    path = content / "events" / f"{EVENT}.yaml"
    before = path.read_text()
    path.write_text(before.rstrip("\n") + "\n" + added)
    line = len(before.rstrip("\n").splitlines()) + next(i for i, text in enumerate(added.splitlines(), 1) if at in text)
    problems = _problems(content)
    assert any(message in problem and f"{EVENT}.yaml:{line}:" in problem for problem in problems), problems


def test_a_translation_of_a_field_the_record_does_not_have_is_an_error(content):
    path = content / "events" / f"{NO_DETAILS}.yaml"
    assert "details:" not in path.read_text()
    path.write_text(path.read_text().rstrip("\n") + "\ntranslations:\n  ar:\n    details: x\n")
    problems = _problems(content)
    assert any("a translation of 'details', which this record does not have" in problem for problem in problems)


@pytest.mark.parametrize(
    ("file", "key", "field", "fine"),
    [
        ("actors.yaml", "iran", "name", True),
        ("actors.yaml", "iran", "kind", False),
        ("places.yaml", "baghdad", "country", True),
        ("places.yaml", "baghdad", "aliases", False),
        ("tags.yaml", "withdrawal", "label", True),
        ("sources.yaml", "wapo-2020-03-16-coalition-smaller-bases", "title", True),
        ("sources.yaml", "wapo-2020-03-16-coalition-smaller-bases", "publisher", False),
    ],
)
def test_each_collection_translates_what_readers_read(content, file, key, field, fine):
    path = content / file
    text, found = re.subn(
        rf"^{key}:\n", f"{key}:\n  translations:\n    ar:\n      {field}: نص\n", path.read_text(), flags=re.M
    )
    assert found == 1
    path.write_text(text)
    problems = _problems(content)
    assert (problems == []) == fine, problems


def test_translations_reach_the_model_media_and_steps_included(content):
    path = content / "stories" / "how-the-coalition-left-the-smaller-bases.yaml"
    text = path.read_text().replace(
        "    text: The first of the smaller bases",
        "    translations:\n      ar:\n        text: أولى القواعد\n    text: The first of the smaller bases",
    )
    path.write_text("translations:\n  ar:\n    title: قصة\n" + text)
    event = content / "events" / f"{EVENT}.yaml"
    event.write_text(
        event.read_text().rstrip("\n") + "\ntranslations:\n  fr:\n    title: Début\n  ar:\n    title: بداية\n"
    )
    checked = check_content(content, languages=("en", "ar", "fr"))
    assert dict(checked.events[EVENT].translations) == {"fr": (("title", "Début"),), "ar": (("title", "بداية"),)}
    story = checked.stories["how-the-coalition-left-the-smaller-bases"]
    assert story.translations == (("ar", (("title", "قصة"),)),)
    assert [step.translations for step in story.steps if step.translations] == [(("ar", (("text", "أولى القواعد"),)),)]


def test_check_reports_what_is_not_yet_translated_per_language(tmp_path, timeline):
    project = languages_project(tmp_path / "project")
    result = timeline("check", cwd=project)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "ar: 38 of 44 records not yet translated (--verbose names them)" in lines
    assert "fr: 42 of 44 records not yet translated (--verbose names them)" in lines
    verbose = timeline("check", "--verbose", cwd=project).stdout
    assert f"content/events/{UNTRANSLATED_EVENT}.yaml" in verbose
    assert f"content/events/{TRANSLATED_EVENT}.yaml" not in verbose.split("fr:")[0]  # translated into Arabic
    assert "content/actors.yaml: iran" in verbose


# --- the site in three languages ----------------------------------------------------------------


@pytest.fixture(scope="module")
def languages_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = languages_project(tmp_path_factory.mktemp("languages") / "project")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


class _Text(HTMLParser):
    """A page's text as a reader of its language reads it: without scripts and styles, and
    without the parts marked as in another language (records not yet translated)."""

    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.language = language
        self.skipping: list[str] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if self.skipping:
            if tag not in ("br", "img", "input", "meta", "link", "hr"):
                self.skipping.append(tag)
        elif tag in ("script", "style", "svg") or (values.get("lang") not in (None, self.language) and tag != "html"):
            self.skipping.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def reader_text(file: Path, language: str) -> str:
    parser = _Text(language)
    parser.feed(file.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


def interface_strings(language: str) -> list[str]:
    """Our English strings a reader would see, whose translation differs: whole phrases (two
    words or more), without what a program fills in."""
    found = []
    for message in catalog_of(language):
        for text, translated in zip(english(message), forms(message), strict=False):
            bare = PLACEHOLDER.sub("", text).strip(" :.,;()")
            if message.id and text != translated and " " in bare and not PLACEHOLDER.search(text):
                found.append(bare)
    return found


@pytest.mark.parametrize("language", SHIPPED)
def test_every_page_of_a_language_is_in_it(languages_site, language):
    """lang and direction on every page; none of our English interface strings, nor Material's,
    in what its reader reads (text marked as another language's excepted)."""
    pages = sorted((languages_site / language).rglob("*.html"))
    assert len(pages) > 60
    english_strings = [*interface_strings(language), "Skip to content", "Table of contents", "Back to top"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:  # an old address sending the reader on
            continue
        assert re.search(rf'<html lang="{language}"', html), page
        direction = "rtl" if language == "ar" else "ltr"
        assert re.search(rf'<(body|html)[^>]* dir="{direction}"', html), page
        text = reader_text(page, language)
        for phrase in english_strings:
            assert phrase not in text, (page, phrase)


def test_every_link_and_file_of_a_language_page_is_there(languages_site):
    """The pages under /ar/ (embeds and old addresses included) reach the site's shared files
    (scripts, styles, maps, pictures, the strings) and their own language's pages, none missing."""
    from urllib.parse import urldefrag, urlsplit

    from html_tools import read

    checked = 0
    for file in sorted((languages_site / "ar").rglob("*.html")):
        here = "/" + file.relative_to(languages_site).as_posix()
        page = read(file)
        for target in page.links + page.sources:
            if urlsplit(target).scheme or target.startswith(("#", "//")):
                continue
            path = urlsplit(urldefrag(urljoin(here, target))[0]).path
            local = languages_site / path.lstrip("/")
            assert (local / "index.html" if path.endswith("/") else local).exists(), (here, target)
            checked += 1
    assert checked > 1000


def test_the_main_language_pages_stay_where_they_are(languages_site):
    home = (languages_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in home and 'dir="ltr"' in home
    assert (languages_site / "events" / TRANSLATED_EVENT / "index.html").is_file()
    assert not (languages_site / "en").exists()


def test_headings_keep_their_letters_in_their_ids(languages_site):
    """An Arabic heading's id is its words (a link to it reads), not "_1"; English ids as before."""
    home = (languages_site / "ar" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h2 id="([^"]+)"', home)
    assert "القصص" in ids and "عبر-الزمن" in ids, ids
    assert not [found for found in ids if re.fullmatch(r"_\d+", found)], ids
    english = (languages_site / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="latest-events-newest-first">' in english


def test_dates_use_the_language_month_names(languages_site):
    ar = reader_text(languages_site / "ar" / "events" / TRANSLATED_EVENT / "index.html", "ar")
    assert "16 مارس 2020 – 31 مارس 2020 (غير مؤكد)" in ar
    fr = reader_text(languages_site / "fr" / "events" / TRANSLATED_EVENT / "index.html", "fr")
    assert "16 mars 2020 – 31 mars 2020 (incertain)" in fr


def test_an_untranslated_record_shows_the_main_language_marked(languages_site):
    page = (languages_site / "ar" / "events" / UNTRANSLATED_EVENT / "index.html").read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)
    assert '<span lang="en" dir="ltr">U.S.-led coalition mission in Iraq begins</span>' in heading
    assert 'class="tl-untranslated"' in page and "لم يُترجم بعد" in page
    assert re.search(r'<div[^>]* lang="en"[^>]*>\s*<p>The U.S.-led coalition begins its mission', page)
    translated = (languages_site / "ar" / "events" / TRANSLATED_EVENT / "index.html").read_text(encoding="utf-8")
    assert f"{ARABIC_TITLE}<a" in re.search(r"<h1[^>]*>(.*?)</h1>", translated, re.S).group(1)
    assert 'class="tl-untranslated"' not in translated
    for listing in ("ar/timeline/2014", "ar/actors/us-led-coalition"):  # in the lists of events too
        html = (languages_site / listing / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'href="[^"]*events/{UNTRANSLATED_EVENT}/"><span lang="en" dir="ltr">U\.S\.-led', html), (
            listing
        )
    about = (languages_site / "ar" / "about" / "index.html").read_text(encoding="utf-8")  # the editors' words
    assert re.search(r'<h1[^>]*><span lang="en" dir="ltr">About this timeline</span>', about)
    assert re.search(r'<div dir="ltr" lang="en">\s*<p>Every event on this site', about)
    english = (languages_site / "events" / UNTRANSLATED_EVENT / "index.html").read_text(encoding="utf-8")
    assert 'lang="en" dir="ltr"' not in english and "tl-untranslated" not in english


PAGES = [
    "",
    "timeline/",
    "timeline/2020/",
    f"events/{TRANSLATED_EVENT}/",
    "actors/",
    "actors/us-led-coalition/",
    "places/al-qaim/",
    "sources/wapo-2020-03-16-coalition-smaller-bases/",
    "tags/withdrawal/",
    "stories/how-the-coalition-left-the-smaller-bases/",
    "about/",
]


@pytest.mark.parametrize("path", PAGES)
def test_each_page_switch_and_alternates_lead_to_its_counterparts(languages_site, path):
    for language, prefix in (("en", ""), ("ar", "ar/"), ("fr", "fr/")):
        here = f"/{prefix}{path}"
        html = (languages_site / f"{prefix}{path}" / "index.html").read_text(encoding="utf-8")
        switch = dict(re.findall(r'<a href="([^"]*)" hreflang="(\w+)" lang="\w+" class="md-select__link"', html))
        switch = {code: urljoin(here, href) for href, code in switch.items()}
        assert switch == {"en": f"/{path}", "ar": f"/ar/{path}", "fr": f"/fr/{path}"}, (here, switch)
        alternates = {
            code: urljoin(here, href)
            for code, href in re.findall(r'<link rel="alternate " hreflang="(\w+)" href="([^"]*)"', html)
        }
        assert alternates == switch, here
        for target in switch.values():
            assert (languages_site / target.lstrip("/") / "index.html").is_file(), target
        assert f'aria-current="true">{ {"en": "English", "ar": "العربية", "fr": "Français"}[language] }<' in html


def test_each_language_has_its_feed_calendar_and_navigation(languages_site):
    feed = ElementTree.parse(languages_site / "ar" / "feed.xml").getroot()
    titles = [
        entry.findtext("{http://www.w3.org/2005/Atom}title")
        for entry in feed.iter("{http://www.w3.org/2005/Atom}entry")
    ]
    assert any(title.startswith("16 مارس 2020 – 31 مارس 2020 (غير مؤكد): " + ARABIC_TITLE) for title in titles), titles
    calendar = icalendar.Calendar.from_ical((languages_site / "fr" / "events.ics").read_bytes())
    assert any("quittent la base" in str(item["SUMMARY"]) for item in calendar.walk("VEVENT"))
    home = (languages_site / "ar" / "index.html").read_text(encoding="utf-8")
    tabs = re.findall(r'class="md-tabs__link">\s*([^<]*?)\s*<', home)
    assert tabs == ["الرئيسية", "الخط الزمني", "الجهات الفاعلة", "الأماكن", "المصادر", "الوسوم", "القصص", "حول"]
    assert 'href="../timeline/"' in home or 'href="timeline/"' in home


def test_the_data_carry_every_translation(languages_site):
    data = json.loads((languages_site / "data" / "events.json").read_text(encoding="utf-8"))
    event = next(item for item in data["events"] if item["id"] == TRANSLATED_EVENT)
    assert event["translations"]["ar"]["title"] == ARABIC_TITLE
    assert event["translations"]["fr"]["title"].startswith("Les troupes")
    assert "al-qaim" in event["places"]
    assert data["places"]["al-qaim"]["translations"]["ar"] == {"name": "قاعدة القائم", "country": "العراق"}
    assert data["sources"][event["sources"][0]["source"]]["translations"]["ar"]["title"].startswith("التحالف")
    import jsonschema

    schema = json.loads((languages_site / "data" / "events.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert not (languages_site / "ar" / "data" / "events.json").exists()  # one file for every language


def test_the_scripts_strings_follow_the_catalog(languages_site):
    module = (languages_site / "data" / "strings" / "ar.js").read_text(encoding="utf-8")
    assert "n % 100 >= 3 && n % 100 <= 10 ? 3" in module  # Arabic's plural rule, from the catalog
    table = json.loads(re.search(r"var table = (\{.*\});", module).group(1))
    assert table["months"][2] == "مارس" and table["messages"]["Zoom in"] == "تكبير"
    assert len(table["messages"]["← {n} earlier events" if False else "← {n} earlier event"]) == 6
    styles = (languages_site / "data" / "strings.css").read_text(encoding="utf-8")
    assert '.tl-who::before{content:"Who: "}' in styles and ':lang(ar) .tl-who::before{content:"مَن: "}' in styles


# --- in Chromium --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base(languages_site):
    from browser import serve

    with serve(languages_site) as url:
        yield url


def _marks(page) -> list[tuple[float, str]]:
    return page.evaluate(
        """() => [...document.querySelectorAll('#tl-axis .tl-m')].map(mark => {
             const box = mark.querySelector('.tl-m__hit').getBoundingClientRect();
             return [box.left + box.width / 2, mark.getAttribute('data-d')];
           })"""
    )


@pytest.mark.parametrize("width", [390, 1280])
def test_time_runs_right_to_left_on_an_arabic_axis(browser, base, width):
    """The earliest event at the right, the latest at the left; the English axis the other way;
    the ticks too; the arrow keys follow the reading (left is later)."""
    from browser import Watched, painted

    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    watched = Watched(page, base)
    for prefix, rtl in (("/ar", True), ("", False)):
        page.goto(f"{base}{prefix}/timeline/2020/")
        page.locator("#tl-axis[data-labels]").wait_for(state="attached", timeout=10000)
        painted(page)
        marks = _marks(page)  # in time order, as drawn
        assert len(marks) >= 8
        first, last = marks[0][0], marks[-1][0]
        assert (first > last) if rtl else (first < last), (prefix, marks)
        ticks = page.evaluate(
            "[...document.querySelectorAll('.tl-axis__ticks span')].map(s => s.getBoundingClientRect().left)"
        )
        assert ticks == sorted(ticks, reverse=rtl), (prefix, ticks)
    page.goto(f"{base}/ar/timeline/2020/")
    page.locator("#tl-axis[data-labels]").wait_for(state="attached", timeout=10000)
    page.locator("#tl-axis .tl-m").first.focus()
    start = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("ArrowLeft")
    painted(page)
    later = page.evaluate("document.activeElement.getAttribute('href')")
    hrefs = page.evaluate("[...document.querySelectorAll('#tl-axis .tl-m')].map(m => m.getAttribute('href'))")
    assert hrefs.index(later) == hrefs.index(start) + 1
    assert watched.errors == [] and watched.foreign_requests() == []
    context.close()


def test_an_arabic_axis_labels_its_marks_on_the_later_side_and_within_the_column(browser, base):
    from browser import painted

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/ar/timeline/2020/")
    page.locator("#tl-axis[data-labels]").wait_for(state="attached", timeout=10000)
    painted(page)
    boxes = page.evaluate(
        """() => { const plot = document.querySelector('.tl-axis__plot').getBoundingClientRect();
             return [...document.querySelectorAll('.tl-axis__label')].map(label => {
               const box = label.getBoundingClientRect(), mark = label.tlMark.querySelector('.tl-m__hit').getBoundingClientRect();
               return {left: box.left, right: box.right, mark: mark.left + mark.width / 2, plotLeft: plot.left, plotRight: plot.right, dir: getComputedStyle(label).direction};
             }); }"""
    )
    assert len(boxes) >= 5
    for box in boxes:
        assert box["plotLeft"] - 1 <= box["left"] and box["right"] <= box["plotRight"] + 1, box
        assert box["right"] <= box["mark"] or box["left"] >= box["mark"], box  # beside its mark, not over it
    assert any(box["right"] <= box["mark"] for box in boxes)  # some on the later side, the left
    page.close()


def test_the_map_is_never_mirrored(browser, base):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    positions = {}
    for prefix in ("", "/ar"):
        page.goto(f"{base}{prefix}/events/{TRANSLATED_EVENT}/")
        page.locator("#tl-map").wait_for(timeout=10000)
        positions[prefix] = page.evaluate(
            """() => Object.fromEntries([...document.querySelectorAll('#tl-map .tl-pm')].map(mark => {
                 const box = mark.getBoundingClientRect(); return [mark.dataset.place, box.left]; }))"""
        )
    west, east = positions["/ar"]["al-qaim"], positions["/ar"]["kuwait"]
    assert west < east  # al-Qaim is west of Kuwait, on every page
    assert positions[""]["al-qaim"] < positions[""]["kuwait"]
    transform = page.evaluate("getComputedStyle(document.querySelector('.tl-map__svg')).transform")
    assert transform in ("none", "matrix(1, 0, 0, 1, 0, 0)")
    page.close()


def _search(page, base: str, prefix: str, word: str) -> str:
    page.goto(f"{base}{prefix}/")
    page.click(".tl-search-open")
    page.locator("#tl-sr-q").fill(word)
    page.wait_for_function(
        "() => { const s = document.querySelector('.tl-sr__status'); return s && s.textContent && !/…$/.test(s.textContent.trim()); }",
        timeout=15000,
    )
    return page.evaluate("[...document.querySelectorAll('.tl-sr__link')].map(a => a.getAttribute('href')).join(' ')")


def test_each_language_searches_its_own_pages(browser, base):
    """A word of an Arabic title is found by the Arabic search, on the Arabic page, and not by
    the English one."""
    from browser import Watched

    page = browser.new_page()
    watched = Watched(page, base)
    found = _search(page, base, "/ar", ARABIC_WORD)
    assert f"/ar/events/{TRANSLATED_EVENT}/" in found, found
    assert _search(page, base, "", ARABIC_WORD) == ""
    status = page.locator(".tl-sr__status").inner_text()
    assert status.startswith("No results")
    assert watched.errors == [] and watched.foreign_requests() == []
    page.close()


@pytest.mark.parametrize(
    "path",
    [
        "",
        "timeline/2020/",
        f"events/{TRANSLATED_EVENT}/",
        f"events/{UNTRANSLATED_EVENT}/",
        "places/al-qaim/",
        "stories/how-the-coalition-left-the-smaller-bases/",
    ],
)
def test_arabic_pages_are_accessible(browser, base, path):
    from browser import Watched, serious_violations

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    watched = Watched(page, base)
    page.goto(f"{base}/ar/{path}")
    page.wait_for_load_state("load")
    assert serious_violations(page) == []
    assert watched.errors == [] and watched.foreign_requests() == []
    page.close()


def test_the_scripts_speak_the_page_language(browser, base):
    """The axis's controls, the filters' count and the story's step say it in Arabic."""
    from browser import painted

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/ar/stories/how-the-coalition-left-the-smaller-bases/")
    page.locator(".tl-story__at").wait_for(timeout=10000)
    painted(page)
    assert page.locator(".tl-story__at").inner_text().startswith("الخطوة 1 من")
    page.goto(f"{base}/ar/timeline/")
    page.click("#tl-filters-box > summary")
    page.select_option("#tl-tag", "withdrawal")
    page.wait_for_function(
        "() => /[\u0600-\u06ff]/.test(document.querySelector('#tl-count').textContent)", timeout=10000
    )
    count = page.locator("#tl-count").inner_text()
    assert re.search("[\u0600-\u06ff]", count) and "events" not in count, count
    page.close()
