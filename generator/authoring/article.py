"""An article's text and what it says about itself: headline, publication day, authors, publisher.

Plain text is read the way wires write it: a headline first; bylines ("By Jane Doe, Reuters",
"By JOHN SMITH | The Associated Press | Published: 2020-03-16"); publication lines ("Published March
16, 2020 at 5:00 p.m. EDT | Updated March 17, 2020", "16 March 2020", ISO dates); datelines
("WASHINGTON (AP) —", "WASHINGTON, Aug. 11 (Xinhua) --"), which are taken off the paragraph they
open so that they never become drafts. A saved web page is read with trafilatura (text, title,
authors, site name) and htmldate (the publication date), libraries made for that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from generator.content.prose_dates import Context, time_expressions

# Agencies a dateline names in brackets, as their bylines spell them.
AGENCIES = {
    "AP": "The Associated Press", "Reuters": "Reuters", "AFP": "AFP", "Xinhua": "Xinhua", "UPI": "UPI",
    "dpa": "dpa", "DPA": "dpa", "ANSA": "ANSA", "EFE": "EFE", "IANS": "IANS", "PTI": "PTI", "CNN": "CNN",
    "Bloomberg": "Bloomberg", "TASS": "TASS", "Kyodo": "Kyodo", "Yonhap": "Yonhap", "AAP": "AAP",
}  # fmt: skip
_ORGANISATION_WORDS = re.compile(
    r"\b(?:Press|News|Times|Post|Journal|Agency|Reuters|AFP|AP|BBC|CNN|Guardian|Telegraph|Herald|Tribune|"
    r"Network|Media|Service|Wire|Gazette|Daily|Weekly|Radio|Television|TV|Magazine|Bloomberg|Xinhua)\b"
)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:[ ,][A-Z][A-Za-z.'’-]+)*?)"  # WASHINGTON, NEW DELHI, Baghdad, Iraq
    r"(?:,\s*(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"  # , Aug. 11
    r"\s*(?:\((?P<agency>[A-Za-z]{2,12})\))?"  # (AP)
    r"\s*(?:[—–]|--|-)\s+"
)
_PUBLICATION = re.compile(r"^(?:Published|Posted|First published|Updated|Last updated)\b:?\s*(?P<rest>.*)$", re.I)
# What else a line holding only a date may say: 'Monday, March 16, 2020 at 5:00 p.m. EDT'.
_DATE_LINE_WORD = re.compile(r"^(?:[A-Z][a-z]+day|at|on|[\d:.]+|[ap]\.?m\.?|[A-Z]{2,4})$")
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|[A-Z]\.|de|da|van|von|der|al|el|bin|ibn|la|le|du|dos|del|y)"
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}}$")


@dataclass(frozen=True)
class Article:
    headline: str
    published: date | None
    authors: tuple[str, ...]
    publisher: str | None
    paragraphs: tuple[str, ...]
    url: str | None = None  # where it was read, when it was read from the web


def read_article(text: str) -> Article:
    """The headline (the first line), metadata lines near the top, and the body's paragraphs."""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    headline = paragraphs[0] if paragraphs else ""
    published: date | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    body: list[str] = []
    for index, paragraph in enumerate(paragraphs[1:], start=1):
        near_top = index <= 6 and not body
        byline = read_byline(paragraph) if near_top or index <= 6 else None
        if byline is not None:
            names, organisation, day = byline
            authors = authors or names
            publisher = publisher or organisation
            published = published or day
            continue
        if near_top and (day := publication_day(paragraph)) is not None:
            published = published or day
            continue
        dateline = _DATELINE.match(paragraph) if len(body) < 3 else None
        if dateline and not dateline["place"].isupper() and not dateline["agency"]:
            dateline = None  # "Baghdad - ..." in running text is not a dateline unless it shouts or names an agency
        if dateline:
            if dateline["agency"] and publisher is None:
                publisher = AGENCIES.get(dateline["agency"], dateline["agency"])
            if published is None and dateline["when"] and re.search(r"\d{4}$", dateline["when"]):
                published = publication_day(dateline["when"])  # "BAGHDAD, March 19, 2020 (AP) -"
            paragraph = paragraph[dateline.end() :]
        body.append(paragraph)
    return Article(headline, published, authors, publisher, tuple(body))


def read_byline(line: str) -> tuple[tuple[str, ...], str | None, date | None] | None:
    """'By Jane Doe, Reuters' or 'By JOHN SMITH | The Associated Press | Published: 2020-03-16':
    names, publisher and day; None when the line is prose that happens to start with 'By'."""
    if not line.startswith("By ") or len(line) > 200:
        return None
    parts = [part.strip() for part in line[3:].split("|")]
    names: list[str] = []
    publisher: str | None = None
    day: date | None = None
    segments = [segment.strip() for segment in re.split(r",\s*|\s+and\s+|\s*&\s*", parts[0]) if segment.strip()]
    for position, segment in enumerate(segments):
        if not _NAME.match(segment):
            return None  # 'By August, the army ...': prose
        single = len(segment.split()) == 1
        if (position > 0 and single) or _ORGANISATION_WORDS.search(segment):
            publisher = publisher or segment
        else:
            names.append(_name_case(segment))
    for part in parts[1:]:
        found = publication_day(part)
        if found is not None:
            day = day or found
        elif part and not _PUBLICATION.match(part):
            publisher = publisher or part
    return tuple(names), publisher, day


def publication_day(line: str) -> date | None:
    """The day a 'Published ...' line, or a line that is only a date, gives (not an 'Updated' one)."""
    match = _PUBLICATION.match(line.strip())
    if match and match.group(0).lower().startswith(("updated", "last updated")):
        return None
    rest = match["rest"] if match else line.strip()
    rest = re.split(r"\s*\|\s*(?:Updated|Last updated)\b", rest, flags=re.I)[0]
    if not match and len(rest.split()) > 8:
        return None
    for expression in time_expressions(rest, Context(date(2000, 1, 1), tense="past")):
        value = expression.edtf or ""
        if len(value) != 10 or not re.search(r"\d{4}", expression.words):
            continue
        leftover = rest.replace(expression.words, " ").replace(",", " ").split()
        if match or all(_DATE_LINE_WORD.match(word) for word in leftover):
            return date.fromisoformat(value)
    return None


def _name_case(name: str) -> str:
    return name.title() if name.isupper() else name


def read_html(page: str, url: str | None = None) -> Article:
    """A saved web page: trafilatura finds the article's text, title, authors and site name;
    htmldate its original publication date."""
    import trafilatura
    from htmldate import find_date

    extracted = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False)
    document = extracted if isinstance(extracted, dict) or extracted is None else extracted.as_dict()
    if not document or not document.get("text"):
        raise ValueError("no article text found in the page")
    title = str(document.get("title") or "")
    text = str(document["text"])
    found = find_date(page, url=url, original_date=True, extensive_search=True) if page else None
    published = date.fromisoformat(found) if found else None
    author = str(document.get("author") or "")
    authors = tuple(name.strip() for name in re.split(r";\s*|\s+and\s+", author) if name.strip())
    body = read_article(f"{title}\n{text}")
    return Article(
        headline=(title or body.headline).strip(),
        published=published or body.published,
        authors=authors or body.authors,
        publisher=str(document.get("sitename") or "").strip() or body.publisher,
        paragraphs=body.paragraphs,
        url=url if url and url.startswith(("http://", "https://")) else None,
    )


def fetch(url: str) -> str:
    """A web page's HTML, on a machine with a network (trafilatura's fetcher: timeouts, retries)."""
    import trafilatura

    page = trafilatura.fetch_url(url)
    if page is None:
        raise ValueError(f"could not download {url}")
    return str(page)
