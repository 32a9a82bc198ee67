"""A typed, declarative schema for records, in the manner of MkDocs's config_options.

Each kind checks one YAML node, says precisely what is wrong and where, and describes itself
as JSON Schema, so the checker and the editors' schema come from one definition. Kinds are
generic in the value they give once checked (`Kind[str]`, `ListOf[EventDate]`...), and a
record builds its model's object itself, so the model's types reach the checker's result.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from html import unescape
from typing import Any, Final, Generic, TypeAlias, TypeVar
from urllib.parse import urlsplit

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.content import edtf
from generator.content.load import STANDARD_TAGS
from generator.content.model import Count
from generator.content.problems import Mark, Problem, mark_of

TAG = "tag:yaml.org,2002:"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"


class Invalid:
    """The value of a node that had a problem: nothing downstream may use it."""

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "INVALID"


INVALID: Final = Invalid()
Value = TypeVar("Value")
Checked = TypeVar("Checked", covariant=True)  # what a kind gives once it has checked a node
Model = TypeVar("Model", covariant=True)
# JSON, as JSON Schema documents are written.
Json: TypeAlias = "str | int | float | bool | list[Json] | dict[str, Json] | None"
JsonSchema: TypeAlias = "dict[str, Json]"


@dataclass(frozen=True)
class Reference:
    """A use of an id that must exist in another collection; resolved after every file is read."""

    collection: str
    target: str
    mark: Mark


@dataclass
class Context:
    """What checking one file collects: its problems and the references it makes."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)

    def error(self, node: Node, message: str, hint: str = "") -> Invalid:
        self.problems.append(mark_of(self.path, node).problem(message, hint))
        return INVALID


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    kinds = {"int": "a number", "float": "a number", "bool": "a yes/no value", "null": "empty"}
    return kinds.get(node.tag.removeprefix(TAG), "text")


class Kind(Generic[Checked]):
    """One type of value. Subclasses check a node and describe themselves as JSON Schema."""

    expected = "a value"

    def check(self, node: Node, ctx: Context) -> Checked | Invalid:
        raise NotImplementedError

    def schema(self) -> JsonSchema:
        raise NotImplementedError


class Text(Kind[str]):
    """Plain text, shown escaped. A plain scalar YAML reads as another type must be quoted."""

    expected = "text"

    LINE = 300  # the longest one-line text (a name, a credit): longer is a paste gone wrong

    def __init__(self, multiline: bool = False, description: str = "", longest: int | None = None, too_long: str = ""):
        self.multiline = multiline
        self.description = description
        self.longest = longest if longest is not None or multiline else self.LINE
        self.too_long = too_long or "shorten it"

    def check(self, node: Node, ctx: Context) -> str | Invalid:
        if node.tag not in STANDARD_TAGS:
            return INVALID  # the loader reported the tag
        if not isinstance(node, ScalarNode):
            return ctx.error(node, f"expected {self.expected}, found {_describe(node)}")
        if node.tag != TAG + "str":
            if node.tag == TAG + "null":
                return ctx.error(node, "this value is empty", "write a value or remove the key")
            return ctx.error(
                node,
                f"'{node.value}' is read by YAML as {_describe(node)}, not text",
                f'quote it: "{node.value}"',
            )
        value = node.value.strip()
        if not value:
            return ctx.error(node, "this value is empty", "write a value or remove the key")
        if not self.multiline and "\n" in value:
            return ctx.error(node, "this value must fit on one line")
        if self.longest is not None and len(value) > self.longest:
            return ctx.error(
                node, f"this text is {len(value):,} characters long; at most {self.longest}", self.too_long
            )
        return self.validate(value, node, ctx)

    def validate(self, value: str, node: Node, ctx: Context) -> str | Invalid:
        return value

    def schema(self) -> JsonSchema:
        result: JsonSchema = {"type": "string", "minLength": 1}
        if not self.multiline:
            result["pattern"] = "^[^\\n]*$"
        if self.longest is not None:
            result["maxLength"] = self.longest
        return result


# Raw HTML: an opening or closing tag, a comment, a processing instruction or a declaration.
# Raw HTML, and anything Python-Markdown might pass through as a tag: '<' before a letter, '/', '!', '?'.
_HTML = re.compile(r"<[A-Za-z/!?]")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^\s<>]*>")
_INLINE_LINK = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)>]*)")  # the whole target: a browser ignores its spaces
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.M)
_IMAGE_REFERENCE = re.compile(r"!\[[^\]]*\](?!\()")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
SAFE_SCHEMES = ("http", "https", "mailto")


class Markdown(Text):
    """Markdown prose. Raw HTML and links to scripts are refused: no page carries content's code."""

    expected = "Markdown text"

    def __init__(self, description: str = ""):
        super().__init__(multiline=True, description=description)

    def validate(self, value: str, node: Node, ctx: Context) -> str | Invalid:
        without_autolinks = _AUTOLINK.sub("", value)
        html = _HTML.search(without_autolinks)
        if html:
            fragment = without_autolinks[html.start() : html.start() + 12].split("\n")[0]
            return ctx.error(
                node,
                f"raw HTML is not allowed in Markdown ('{fragment}')",
                "use Markdown, or write &lt; for a literal '<'",
            )
        if _IMAGE_REFERENCE.search(value):
            return ctx.error(
                node, "images by reference ('![alt][ref]') are not allowed", "write ![alt](path/in/docs.png)"
            )
        links = [(bang, url) for bang, url in _INLINE_LINK.findall(value)]
        links += [("", url) for url in _REFERENCE_DEFINITION.findall(value)]
        for bang, url in links:
            # As a browser reads it: entities decoded, tabs, newlines and spaces ignored.
            seen = _INVISIBLE.sub("", unescape(url))
            scheme = urlsplit(seen).scheme.lower() if ":" in seen else ""
            if scheme and scheme not in SAFE_SCHEMES:
                return ctx.error(node, f"the link '{url}' is not http(s)", "link to an http:// or https:// address")
            if bang and (scheme or seen.startswith("//")):
                return ctx.error(
                    node,
                    f"the image '{url}' is on another host",
                    "pages load nothing from other hosts: put the image in docs/ and link it relatively",
                )
        return value

    def schema(self) -> JsonSchema:
        return {"type": "string", "minLength": 1, "not": {"pattern": "<[A-Za-z/!?]"}}


class Slug(Text):
    expected = "a slug (lowercase letters, digits and hyphens)"

    def validate(self, value: str, node: Node, ctx: Context) -> str | Invalid:
        if not SLUG.fullmatch(value):
            suggestion = slugify(value)
            return ctx.error(
                node,
                f"'{value}' is not a slug (lowercase letters, digits and hyphens)",
                f"write '{suggestion}'" if suggestion else "",
            )
        return value

    def schema(self) -> JsonSchema:
        return {"type": "string", "pattern": SLUG_PATTERN}


def slugify(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


class Ref(Slug):
    """The id of a record in another collection; checked once every file is read."""

    def __init__(self, collection: str):
        super().__init__()
        self.collection = collection
        self.expected = f"the id of one of the {collection}"

    def validate(self, value: str, node: Node, ctx: Context) -> str | Invalid:
        checked = super().validate(value, node, ctx)
        if not isinstance(checked, Invalid):
            ctx.references.append(Reference(self.collection, checked, mark_of(ctx.path, node)))
        return checked

    def schema(self) -> JsonSchema:
        return {**super().schema(), "description": f"id of an entry in {self.collection}"}


class Url(Text):
    expected = "an http(s) URL"
    LINE = 2048  # a map's or an archive's address runs long; browsers keep this much

    def validate(self, value: str, node: Node, ctx: Context) -> str | Invalid:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
            return ctx.error(node, f"'{value}' is not an http(s) URL", "write the full address, https://...")
        return value

    def schema(self) -> JsonSchema:
        return {"type": "string", "pattern": "^https?://[^\\s/]+", "maxLength": self.LINE}


class MediaFile(Text):
    """A file in content/media/, named relative to it. Whether it is there and is an image is
    asked once every file is read (check._check_media): a record only says which file."""

    expected = "a file name in content/media/"

    def validate(self, value: str, node: Node, ctx: Context) -> str | Invalid:
        parts = value.split("/")
        if value.startswith(("/", "~")) or "\\" in value or ".." in parts or "" in parts or ":" in value:
            hint = "name a file inside content/media/, such as 2020-03-camp-taji.jpg (or a folder in it: 2020/taji.jpg)"
            return ctx.error(node, f"'{value}' is not a file name inside content/media/", hint)
        ctx.references.append(Reference("media", value, mark_of(ctx.path, node)))
        return value

    def schema(self) -> JsonSchema:
        return {
            "type": "string",
            "pattern": "^(?![/~])(?!.*(^|/)\\.\\.(/|$))[^\\\\:]+$",
            "description": "a file in content/media/",
        }


class Choice(Text):
    """One of a few words; `meanings` (optional) says what each means, for the schema's hover help."""

    def __init__(self, options: tuple[str, ...], meanings: Mapping[Any, str] | None = None):
        super().__init__()
        self.options = options
        self.meanings = meanings or {}
        self.expected = "one of " + ", ".join(options)

    def validate(self, value: str, node: Node, ctx: Context) -> str | Invalid:
        if value not in self.options:
            hint = did_you_mean(value, self.options) or f"choose one of: {', '.join(self.options)}"
            return ctx.error(node, f"'{value}' is not one of the allowed values", hint)
        return value

    def schema(self) -> JsonSchema:
        result: JsonSchema = {"type": "string", "enum": list(self.options)}
        if self.meanings:  # read by editors' YAML language servers as each value's help
            result["markdownEnumDescriptions"] = [self.meanings.get(option, "") for option in self.options]
        return result


def _scalar_text(node: ScalarNode) -> str:
    return str(node.value).strip()


class EdtfDate(Kind[edtf.EventDate]):
    """An EDTF date. Unquoted `2020-03-16` and `2014` are fine: we read the text, not YAML's type."""

    expected = "an EDTF date"

    def check(self, node: Node, ctx: Context) -> edtf.EventDate | Invalid:
        if node.tag not in STANDARD_TAGS:
            return INVALID  # the loader reported the tag
        if not isinstance(node, ScalarNode):
            return ctx.error(node, f"expected {self.expected}, found {_describe(node)}")
        try:
            return edtf.parse(_scalar_text(node))
        except edtf.EdtfError as error:
            return ctx.error(node, error.message, error.hint)

    def schema(self) -> JsonSchema:
        point = "[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?[?~%]?"
        return {
            "type": ["string", "integer"],
            "pattern": f"^(({point})|(({point})?/({point}|\\.\\.)?)|(\\.\\./{point}))$",
            "description": "EDTF: 2014, 2020-03, 2020-03-16, 2019-23 (autumn), 2020-03~, 2020-03-09/2020-03-15",
        }


class Day(Kind[date]):
    """A calendar day, YYYY-MM-DD."""

    expected = "a date YYYY-MM-DD"

    def check(self, node: Node, ctx: Context) -> date | Invalid:
        if not isinstance(node, ScalarNode):
            return ctx.error(node, f"expected {self.expected}, found {_describe(node)}")
        text = _scalar_text(node)
        try:
            point = edtf.parse_point(text)
        except edtf.EdtfError as error:
            return ctx.error(node, error.message, error.hint)
        if point.precision != "day" or point.qualifier:
            return ctx.error(node, f"'{text}' is not a day", "write YYYY-MM-DD")
        return point.earliest

    def schema(self) -> JsonSchema:
        return {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}


class Number(Kind[float]):
    """A number in a range; a whole number unless `integer` is false (an int is a float here)."""

    def __init__(self, minimum: float, maximum: float | None = None, integer: bool = True):
        self.minimum = minimum
        self.maximum = maximum
        self.integer = integer
        self.expected = "a whole number" if integer else "a number"

    def check(self, node: Node, ctx: Context) -> float | Invalid:
        allowed = (TAG + "int",) if self.integer else (TAG + "int", TAG + "float")
        if not isinstance(node, ScalarNode) or node.tag not in allowed:
            return ctx.error(node, f"expected {self.expected}, found {_describe(node)} '{getattr(node, 'value', '')}'")
        try:
            value: float = int(node.value) if self.integer else float(node.value)
        except ValueError:
            return ctx.error(node, f"expected {self.expected}, found '{node.value}'")
        if value < self.minimum or (self.maximum is not None and value > self.maximum):
            upper = f" to {self.maximum:g}" if self.maximum is not None else " or more"
            return ctx.error(node, f"{node.value} is out of range", f"write {self.minimum:g}{upper}")
        return value

    def schema(self) -> JsonSchema:
        result: JsonSchema = {"type": "integer" if self.integer else "number", "minimum": self.minimum}
        if self.maximum is not None:
            result["maximum"] = self.maximum
        return result


# Numbers as news copy writes them in words: the checker tells editors to write digits, and
# `extract` reads "three days ago".
NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12}
_AT_LEAST = re.compile(r"(?:at least|more than|over|>=?)\s*(\S+)|(\S+?)\s*\+", re.I)


class CountOf(Kind[Count]):
    """A count of people as reported: a whole number, or "at least N" when the source says so."""

    expected = "a whole number, or 'at least N'"

    def check(self, node: Node, ctx: Context) -> Count | Invalid:
        if not isinstance(node, ScalarNode) or node.tag not in (TAG + "int", TAG + "str"):
            return ctx.error(node, f"expected {self.expected}, found {_describe(node)}")
        text = " ".join(str(node.value).split())
        match = _AT_LEAST.fullmatch(text)
        number = (match[1] or match[2]) if match else text
        hint = "write a whole number, 0 or more, or 'at least N'"
        if number.lower() in NUMBER_WORDS:
            digits = NUMBER_WORDS[number.lower()]
            written = f"at least {digits}" if match else str(digits)
            return ctx.error(node, f"'{text}' is a number in words", f"write {written}")
        if not re.fullmatch(r"-?\d+", number):
            return ctx.error(node, f"'{text}' is not a count", hint)
        value = int(number)
        if value < 0:
            return ctx.error(node, f"{value} is not a count of people", hint)
        if text.lower().startswith(("more than", "over", ">")) and not text.startswith(">="):
            value += 1  # "more than 10" is at least 11
        return Count(value, at_least=bool(match))

    def schema(self) -> JsonSchema:
        return {
            "oneOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": "^(at least|more than|over) [0-9]+$|^[0-9]+\\+$"},
            ]
        }


class ListOf(Kind[tuple[Value, ...]]):
    def __init__(self, item: Kind[Value], min_items: int = 0, unique: bool = True):
        self.item = item
        self.min_items = min_items
        self.unique = unique
        self.expected = f"a list of {item.expected}"

    def check(self, node: Node, ctx: Context) -> tuple[Value, ...] | Invalid:
        if not isinstance(node, SequenceNode):
            if isinstance(node, ScalarNode) and node.tag != TAG + "null":
                hint = f"write it as a list: [{node.value}]"
                return ctx.error(node, f"expected {self.expected}, found {_describe(node)}", hint)
            return ctx.error(node, f"expected {self.expected}, found {_describe(node)}")
        if len(node.value) < self.min_items:
            return ctx.error(node, f"this list needs at least {self.min_items} item(s)")
        values: list[Value] = []
        failed = False
        seen: set[str] = set()
        for item in node.value:
            value = self.item.check(item, ctx)
            if isinstance(value, Invalid):
                failed = True
                continue
            if self.unique and isinstance(value, str):
                if value in seen:
                    ctx.error(item, f"'{value}' is listed twice", "remove one")
                    continue
                seen.add(value)
            values.append(value)
        return INVALID if failed else tuple(values)

    def schema(self) -> JsonSchema:
        result: JsonSchema = {"type": "array", "items": self.item.schema()}
        if self.min_items:
            result["minItems"] = self.min_items
        if self.unique:
            result["uniqueItems"] = True
        return result


class OneOrMany(Kind[tuple[str, ...]]):
    """Text or a list of texts (an article's author or authors); always a tuple once checked."""

    def __init__(self, item: Text):
        self.item = item
        self.many = ListOf(item, min_items=1)
        self.expected = f"{item.expected} or a list of them"

    def check(self, node: Node, ctx: Context) -> tuple[str, ...] | Invalid:
        if isinstance(node, SequenceNode):
            return self.many.check(node, ctx)
        value = self.item.check(node, ctx)
        return value if isinstance(value, Invalid) else (value,)

    def schema(self) -> JsonSchema:
        return {"oneOf": [self.item.schema(), self.many.schema()]}


@dataclass(frozen=True)
class Field:
    kind: Kind[object]
    required: bool = False
    description: str = ""
    attribute: str = ""  # the model's name for it, when it differs ("author" -> authors)
    translated: bool = False  # text a reader sees, which `translations:` may give in other languages


Values: TypeAlias = "dict[str, object]"
Translated: TypeAlias = "tuple[tuple[str, tuple[tuple[str, str], ...]], ...]"
LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z]{2,4})?")  # Material's codes: ar, fr, ku-IQ, zh-Hant
TRANSLATIONS = "translations"


class TranslationsOf(Kind[Translated]):
    """`translations:` of a record: for each language, the record's translated fields, each
    checked as the field itself is. Which languages the site publishes is known after every file
    is read: each language is a reference to the "languages" collection (content/check.py)."""

    expected = "a mapping of languages"

    def __init__(self, fields: dict[str, Field], unchecked: Iterable[str] = ()):
        self.fields = {name: spec for name, spec in fields.items() if spec.translated}
        self.unchecked = tuple(unchecked)  # fields that may not be translated: said so by name

    def check(self, node: Node, ctx: Context) -> Translated | Invalid:
        if not isinstance(node, MappingNode):
            hint = "write the language (ar), then its fields indented below"
            return ctx.error(node, f"expected {self.expected}, found {_describe(node)}", hint)
        result = []
        failed = False
        for key, fields in node.value:
            language = key.value if isinstance(key, ScalarNode) else ""
            if not LANGUAGE.fullmatch(language):
                ctx.error(key, f"'{language}' is not a language code", "write a code such as ar, fr or ku-IQ")
                failed = True
                continue
            ctx.references.append(Reference("languages", language, mark_of(ctx.path, key)))
            texts = self._texts(fields, ctx)
            failed = failed or isinstance(texts, Invalid)
            if not isinstance(texts, Invalid):
                result.append((language, texts))
        return INVALID if failed else tuple(result)

    def _texts(self, node: Node, ctx: Context) -> tuple[tuple[str, str], ...] | Invalid:
        if not isinstance(node, MappingNode):
            return ctx.error(node, f"expected a mapping of fields, found {_describe(node)}", "write 'title: ...' lines")
        texts = []
        failed = False
        for key, value_node in node.value:
            name = key.value if isinstance(key, ScalarNode) else ""
            spec = self.fields.get(name)
            if spec is None:
                if name in self.unchecked:
                    translated = ", ".join(self.fields)
                    hint = f"only the text readers read is translated here: {translated}"
                    if name == "sources":
                        hint = "a source's quote stays in the language of its source"
                    ctx.error(key, f"'{name}' is not translated", hint)
                else:
                    hint = did_you_mean(name, self.fields) or "translated fields: " + ", ".join(self.fields)
                    ctx.error(key, f"'{name}' is not a field that is translated", hint)
                failed = True
                continue
            value = spec.kind.check(value_node, ctx)
            if isinstance(value, Invalid):
                failed = True
            elif isinstance(value, str):
                texts.append((name, value))
        return INVALID if failed else tuple(texts)

    def schema(self) -> JsonSchema:
        fields: JsonSchema = {name: spec.kind.schema() for name, spec in self.fields.items()}
        return {
            "type": "object",
            "description": "the record's text in other languages the site publishes (extra.timeline.languages)",
            "propertyNames": {"pattern": "^" + LANGUAGE.pattern + "$"},
            "additionalProperties": {"type": "object", "additionalProperties": False, "properties": fields},
        }


class Record(Kind[Model]):
    """A mapping with known fields: missing, unknown and invalid fields are each reported; a
    valid one becomes its model's object, each field passed as the model's attribute of the
    same name (or `attribute`). A record stored under an id (a file name, a key of a collection)
    is checked with `check_keyed`, which passes the id as the model's `id`."""

    expected = "a mapping of fields"

    def __init__(
        self,
        model: Callable[..., Model],
        fields: dict[str, Field],
        validator: Callable[[Values, MappingNode, Context], None] | None = None,
    ):
        self.model = model
        self.fields = fields
        self.validator = validator
        translated = [name for name, spec in fields.items() if spec.translated]
        self.translations = (
            TranslationsOf(fields, (name for name in fields if name not in translated)) if translated else None
        )

    def check(self, node: Node, ctx: Context) -> Model | Invalid:
        values = self.values(node, ctx)
        return values if isinstance(values, Invalid) else self.model(**values)

    def check_keyed(self, identifier: str, node: Node, ctx: Context) -> Model | Invalid:
        values = self.values(node, ctx)
        return values if isinstance(values, Invalid) else self.model(id=identifier, **values)

    def values(self, node: Node, ctx: Context) -> Values | Invalid:
        """The checked fields by the model's attribute names (absent ones left to its defaults)."""
        if not isinstance(node, MappingNode):
            return ctx.error(node, f"expected {self.expected}, found {_describe(node)}", "write 'key: value' lines")
        values: Values = {}
        nodes: dict[str, Node] = {}
        failed = False
        for key, value_node in node.value:
            name = key.value if isinstance(key, ScalarNode) else ""
            spec = self.fields.get(name)
            if spec is None and name == TRANSLATIONS and self.translations is not None:
                spec = Field(self.translations)
            if spec is None:
                hint = did_you_mean(name, self.fields) or "known fields: " + ", ".join(self.fields)
                ctx.error(key, f"unknown field '{name}'", hint)
                failed = True
                continue
            if name in nodes:  # a duplicate key: the loader reported it
                failed = True
                continue
            nodes[name] = value_node
            value = spec.kind.check(value_node, ctx)
            failed = failed or isinstance(value, Invalid)
            values[spec.attribute or name] = value
        for name, spec in self.fields.items():
            if spec.required and name not in nodes:
                ctx.error(node, f"missing required field '{name}'", spec.description)
                failed = True
        if TRANSLATIONS in nodes and self.translations is not None:
            failed = self._translations_of_absent_fields(nodes, ctx) or failed
        if failed:
            return INVALID
        if self.validator:
            before = len(ctx.problems)
            self.validator(values, node, ctx)
            if len(ctx.problems) > before:
                return INVALID
        return values

    def _translations_of_absent_fields(self, nodes: dict[str, Node], ctx: Context) -> bool:
        """A translation of a field the record does not have is an error at its line."""
        failed = False
        languages = nodes[TRANSLATIONS]
        for _, fields in languages.value if isinstance(languages, MappingNode) else ():
            for key, _ in fields.value if isinstance(fields, MappingNode) else ():
                name = key.value if isinstance(key, ScalarNode) else ""
                if name in self.fields and self.fields[name].translated and name not in nodes:
                    ctx.error(
                        key,
                        f"a translation of '{name}', which this record does not have",
                        f"add {name} to the record, or remove this",
                    )
                    failed = True
        return failed

    def schema(self) -> JsonSchema:
        properties: JsonSchema = {}
        for name, spec in self.fields.items():
            properties[name] = {**spec.kind.schema(), **({"description": spec.description} if spec.description else {})}
        if self.translations is not None:
            properties[TRANSLATIONS] = self.translations.schema()
        return {
            "type": "object",
            "additionalProperties": False,
            "required": [name for name, spec in self.fields.items() if spec.required],
            "properties": properties,
        }
