"""A draft's title: a short headline of what a sentence says happened.

Subject, verb, object: the sentence's main clause without its time words, without a leading
adverbial ("In a May 2018 photo,", "But", "Last week in Iraq,"), without attribution inserted between
commas (", officials said,"), cut at about ten words on a word that can end a headline. It is a guess
for an editor to rewrite, and the draft says so; it is never empty.
"""

from __future__ import annotations

import re

MAX_WORDS = 12
MIN_WORDS = 3
_CONJUNCTIONS = re.compile(
    r"^(?:but|and|so|yet|or|also|still|then|now|meanwhile|however|moreover|instead|indeed|separately)\b,?\s*",
    re.I,
)
_LEADING = re.compile(
    r"^(?:in|on|at|by|after|before|during|since|for|with|under|despite|although|though|while|when|as|"
    r"according|earlier|later|once|until|from|over|within|following|amid|last|this|next|on|around|about)\b",
    re.I,
)
_INSERTED = re.compile(
    r",\s+(?:[^,]*\b(?:said|says|told|according|speaking|reported|added|noted)\b[^,]*|"
    r"who [^,]*|which [^,]*|or the [^,]*)(?:,|$)",
    re.I,
)
_TRAILING_ATTRIBUTION = re.compile(
    r",?\s+(?:\w+\s+){0,6}(?:said|says|told \w+|reported|according to .*)\s*$",
    re.I,
)
# Words a headline does not end on.
_DANGLING = {
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "as",
    "that", "which", "who", "its", "their", "his", "her", "our", "your", "into", "onto", "over", "after",
    "before", "than", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
    "said", "says", "not", "no", "this", "these", "those", "some", "any", "also", "about", "across",
    "against", "between", "during", "under", "while", "where", "when", "if", "so", "very", "more", "most",
}  # fmt: skip
_TIME_PREPOSITION = re.compile(r"\b(?:on|in|at|by|since|until|during|from|of|through)\s*(?=[,.;]|$)", re.I)


def headline(sentence: str, time_words: str = "") -> str:
    """A short headline for a sentence, without the words that say when."""
    text = sentence.strip().strip("\"“”'")
    if time_words:
        text = _without(text, time_words)
    clause = _main_clause(text)
    words = _cut(clause.split())
    if len(words) < MIN_WORDS:  # the clause said too little: fall back on the sentence as written
        words = _cut(_without(text, time_words).split() if time_words else text.split())
    title = " ".join(words).strip(" ,;:—–-")
    return title[:1].upper() + title[1:] if title else sentence.strip()[:80]


def _without(text: str, words: str) -> str:
    """The sentence without its time words, and without a preposition they leave dangling."""
    index = text.find(words)
    if index < 0:
        return text
    before, after = text[:index], text[index + len(words) :]
    while True:  # "since late" before "last year": both go
        shorter = re.sub(
            r"\b(?:on|in|at|by|since|until|during|from|of|through|as of|late|early|mid-?)\s*$", "", before, flags=re.I
        )
        if shorter == before:
            break
        before = shorter
    joined = f"{before.rstrip()} {after.lstrip()}".strip()
    return re.sub(r"\s+([,.;:])", r"\1", re.sub(r"^[,;:]\s*", "", joined)).strip()


def _main_clause(text: str) -> str:
    text = re.sub(r"\s*\([^)]*\)", "", text)  # asides in brackets
    for _ in range(3):
        stripped = _CONJUNCTIONS.sub("", text)
        if _LEADING.match(stripped):
            comma = stripped.find(", ")
            if comma > 0 and len(stripped[:comma].split()) <= 12:
                stripped = stripped[comma + 2 :]
        if stripped == text:
            break
        text = stripped
    text = _INSERTED.sub(" ", text).replace("  ", " ")
    text = _TRAILING_ATTRIBUTION.sub("", text) if len(text.split()) > 6 else text
    clause = re.split(r",\s|;\s|\s[—–]\s|:\s", text)[0]
    return clause.strip(" .")


_BOUNDARY = re.compile(
    r"^(?:in|on|at|for|with|after|before|as|which|that|who|while|when|where|because|amid|despite|"
    r"including|near|into|from|during|across|against|according|\w{3,}ing)$",
    re.I,
)


def _cut(words: list[str]) -> list[str]:
    """At most MAX_WORDS: where a longer clause goes on, cut before the last phrase that starts
    within the limit ('... airstrikes | targeting ...'), and never on a word a headline cannot end
    on."""
    words = [word.strip(".") if index == len(words) - 1 else word for index, word in enumerate(words)]
    if len(words) > MAX_WORDS:
        boundaries = [index for index in range(5, MAX_WORDS + 1) if _BOUNDARY.match(words[index].strip(",;:"))]
        words = words[: boundaries[-1]] if boundaries else words[:MAX_WORDS]
    while len(words) > MIN_WORDS and words[-1].lower().strip(",;:") in _DANGLING:
        words.pop()
    return [word.rstrip(",;:") if index == len(words) - 1 else word for index, word in enumerate(words)]
