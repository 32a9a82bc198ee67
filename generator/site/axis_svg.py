"""The time axis's marks as SVG markup, made in Python (the rest of the figure is the template
templates/axis.html.j2): a page holds up to a few hundred marks, and a Jinja loop over them cost
more than the rest of the page. Every value from content goes through `attribute` (escaped)."""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup

from generator.content.addresses import address
from generator.site.axis import Mark
from generator.site.templating import attribute, date_words

PLAIN = ("reported", "corroborated", "confirmed")  # drawn alike: solid; the others have a shape of their own


def marks_svg(marks: tuple[Mark, ...], root: str, listed: bool = False) -> Markup:
    """Every mark as a link: its drawing, its sources' own dates as ticks, its 24 px target.
    `listed`: the page lists every one of these events below the axis, each as a line of
    templating.event_html (its date in <strong>, its headline as the link)."""
    return Markup("".join(_mark(mark, root, listed) for mark in marks))


@lru_cache(maxsize=1 << 16)  # an event's mark recurs on its actors', places' and tags' pages
def _mark(mark: Mark, root: str, listed: bool) -> str:
    event, flags, y = mark.event, mark.flags, mark.cy
    status = "" if event.status in PLAIN else f" tl-m--{event.status}"
    # What the script writes beside the mark and on its card, as data (never read back out of the
    # accessible name): the headline (t), the date as recorded (d), the status (s, when not
    # "reported"). Short names: a mark recurs on its actors', places' and tags' pages. Where the
    # page lists the same events, the script reads the headline and date from the list instead.
    status_data = "" if event.status == "reported" else f' data-s="{event.status}"'
    said = "" if listed else f' data-t="{attribute(event.title)}" data-d="{attribute(date_words(event.date))}"'
    data = said + status_data
    parts = [f'<a class="tl-m{status}" href="{root}{address("event", event.id)}"{data} aria-label="{attribute(mark.label)}">']
    if "[" in flags:
        parts.append(_line("tl-m__unknown", mark.x, mark.x, y - 9, y + 9))
    if "]" in flags:
        parts.append(_line("tl-m__unknown", mark.x + mark.w, mark.x + mark.w, y - 9, y + 9))
    if "p" in flags:
        if mark.soft:
            parts.append(_line("tl-m__halo", mark.x, mark.x, y, y))
        parts.append(_line("tl-m__dot", mark.x, mark.x, y, y))
        if status:
            parts.append(_line("tl-m__hole", mark.x, mark.x, y, y))
    else:
        soft = f" tl-soft-{mark.soft}" if mark.soft else ""
        parts.append(f'<rect class="tl-m__bar{soft}" x="{mark.x:g}" y="{y - 5}" width="{mark.w:g}" height="10"/>')
    for claim in mark.claims:
        tick = _line("tl-m__claim", claim.x, claim.x, y - 11, y + 11, close=False)
        parts.append(f"{tick}><title>{attribute(claim.label)}</title></line>")
    parts.append(_line("tl-m__hit", mark.centre, mark.centre, y, y))
    parts.append("</a>")
    return "".join(parts)


def _line(cls: str, x1: float, x2: float, y1: int, y2: int, close: bool = True) -> str:
    return f'<line class="{cls}" x1="{x1:g}" x2="{x2:g}" y1="{y1}" y2="{y2}"' + ("/>" if close else "")
