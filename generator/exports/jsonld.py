"""schema.org JSON-LD for an event page: what search engines read of an event."""

from __future__ import annotations

import json
from typing import Any

from generator.content.markup import markdown_text
from generator.content.model import PRECISION_KM, Event, Place, Source, Timeline
from generator.exports.common import event_url, media_files, media_url


def json_ld(timeline: Timeline, event: Event, site_url: str = "") -> str:
    """schema.org Event, safe inside a <script> element: '<', '>' and '&' are \\u-escaped."""
    value = event.date
    document: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": markdown_text(event.summary),
        "startDate": value.earliest.isoformat(),
    }
    if event.status == "retracted":
        # schema.org knows scheduled and cancelled events; a retracted report is the nearest to the
        # latter. Scheduled is what an event without the property is read as (schema.org and Google's
        # event data alike), so it is not written on every other page.
        document["eventStatus"] = "https://schema.org/EventCancelled"
    if value.latest:
        document["endDate"] = value.latest.isoformat()
    if site_url:
        document["url"] = event_url(event, site_url)
    links = timeline.linked(event)
    places = links.places
    if places:
        document["location"] = [_place(place) for place in places]
    actors = links.actors
    if actors:
        document["about"] = [
            {"@type": "Person" if actor.kind == "person" else "Organization", "name": actor.name} for actor in actors
        ]
    document["citation"] = [_news_article(source) for source in dict.fromkeys(links.sources)]
    images = [media_url(info, site_url) for info in media_files(event.media, timeline.content.media) if info]
    if images:
        document["image"] = images
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _place(place: Place) -> dict[str, Any]:
    """A schema.org Place; coordinates known only to an area are a GeoCircle of its radius."""
    document: dict[str, Any] = {
        "@type": "Place",
        "name": place.name,
        "address": {"@type": "PostalAddress", "addressCountry": place.country},
    }
    if place.lat is not None and place.lon is not None:
        point = {"@type": "GeoCoordinates", "latitude": place.lat, "longitude": place.lon}
        km = PRECISION_KM[place.precision] if place.precision else 0
        document["geo"] = {"@type": "GeoCircle", "geoMidpoint": point, "geoRadius": km * 1000} if km else point
    return document


def _news_article(source: Source) -> dict[str, Any]:
    article: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": source.title,
        "datePublished": source.published.isoformat(),
        "publisher": {"@type": "Organization", "name": source.publisher},
    }
    if source.authors:
        article["author"] = [{"@type": "Person", "name": name} for name in source.authors]
    if source.url:
        article["url"] = source.url
    return article
