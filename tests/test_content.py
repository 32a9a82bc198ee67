"""The real content: every quote is the article's own words, and dates match what it says."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import yaml

from generator.content import edtf
from generator.content.check import check_content
from generator.content.schema_files import write_schemas

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "tests" / "data" / "2020-03-16-coalition-withdraws-from-smaller-bases.txt"


def words(text: str) -> str:
    return " ".join(text.split())


def test_every_quote_is_verbatim_from_the_article():
    article = words(ARTICLE.read_text(encoding="utf-8"))
    content = check_content(ROOT / "content")
    quotes = [(event.id, c.quote) for event in content.events.values() for c in event.sources if c.quote]
    assert len(quotes) >= len(content.events)
    for event_id, quote in quotes:
        assert words(quote) in article, f"{event_id}: quote not in the article: {quote}"


def test_at_least_ten_events_each_citing_the_article_with_a_quote():
    content = check_content(ROOT / "content")
    assert len(content.events) >= 10
    for event in content.events.values():
        assert any(citation.quote for citation in event.sources), event.id
    source = content.sources["wapo-2020-03-16-coalition-smaller-bases"]
    assert source.published.isoformat() == "2020-03-16"
    assert "Louisa Loveluck".upper() in ARTICLE.read_text().upper()
    assert source.authors == ("Louisa Loveluck",)


def test_dates_are_as_precise_as_the_article_allows():
    events = check_content(ROOT / "content").events
    expected = {
        "2020-03-16-coalition-to-move-troops-out-of-smaller-bases": "16 March 2020",  # "said Monday"
        "2020-03-15-usbat-al-thairen-claims-camp-taji-strike": "15 March 2020",  # "on Sunday"
        "2020-03-15-pompeo-and-abdul-mahdi-discuss-attacks": "15 March 2020",  # "phone call Sunday"
        "2020-03-us-airstrikes-on-kataib-hezbollah": "9–15 March 2020",  # "last week"
        "2019-planning-begins-for-leaving-smaller-bases": "c. autumn 2019",  # "in the fall"
        "2014-coalition-mission-in-iraq-begins": "2014",  # "in 2014"
        "2020-03-marines-killed-in-operation-against-islamic-state": "1–15 March 2020",  # "earlier this month"
    }
    for event_id, said in expected.items():
        assert edtf.in_words(events[event_id].date) == said, event_id


def test_the_named_actors_and_places_exist():
    content = check_content(ROOT / "content")
    for actor in ("us-led-coalition", "iraqi-security-forces", "kataib-hezbollah", "usbat-al-thairen", "iran"):
        assert actor in content.actors
    for place in ("al-qaim", "k1", "key-west", "camp-taji"):
        assert place in content.places


def test_schema_files_are_up_to_date():
    assert write_schemas(ROOT / "schema", check_only=True) == [], "run `timeline schema`"


def test_the_json_schema_accepts_the_content_and_rejects_mistakes():
    schema = json.loads((ROOT / "schema" / "event.schema.json").read_text())
    validator = jsonschema.Draft7Validator(schema)
    for file in sorted((ROOT / "content" / "events").glob("*.yaml")):
        data = yaml.load(file.read_text(), Loader=yaml.BaseLoader)  # all scalars as text, as editors type them
        data = _numbers(data)
        assert not list(validator.iter_errors(data)), file.name
    bad = {"title": "x", "date": "March 16, 2020", "summary": "<b>x</b>", "sources": [], "tilte": "x"}
    messages = [error.message for error in validator.iter_errors(bad)]
    assert len(messages) >= 4, messages
    for name in ("sources", "actors", "places"):
        collection = jsonschema.Draft7Validator(json.loads((ROOT / "schema" / f"{name}.schema.json").read_text()))
        data = _numbers(yaml.load((ROOT / "content" / f"{name}.yaml").read_text(), Loader=yaml.BaseLoader))
        assert not list(collection.iter_errors(data)), name


def test_every_event_file_names_its_schema_for_editors():
    for file in (ROOT / "content" / "events").glob("*.yaml"):
        assert file.read_text().startswith("# yaml-language-server: $schema=../../schema/event.schema.json"), file
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text())
    assert settings["yaml.schemas"]["./schema/event.schema.json"] == "content/events/*.yaml"


def _numbers(value):
    """BaseLoader reads every scalar as text; turn the numeric ones back as the editor's YAML would."""
    if isinstance(value, dict):
        return {key: _numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_numbers(item) for item in value]
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value):
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"-?\d+\.\d+", value):
        return float(value)
    return value
