"""What a render read: the record (or the list of records) behind every lookup, noted as it happens.

A long-lived process (the preview) skips a page whose inputs are the same as when it last wrote
it. Listing a page's inputs by hand drifts from what its templates really show (an input dropped
from a list fails nothing until a page goes stale), so they are recorded instead: the timeline's
collections are `WatchedDict`s and `WatchedList`s that note each read, by name and key, while a
`recording` is open. A read is checked again with `Inputs.value`, which looks the same name and
key up without noting it; a page is made again when any of its reads has another value now.

Values computed from many records (the timeline cut into pages, the filters' choices) are read
through `Inputs.derived`: the page notes the derived value itself, which is compared whole, so a
page that uses only the list of the timeline's page addresses is not made again when an event's
title changes.

Noting costs one Python call per lookup; outside a recording it notes nothing.
"""

from __future__ import annotations

import operator
import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

Read = tuple[str, Hashable]  # (the collection's name, a key, or ALL for the whole collection)
ALL = "\0all"  # a key no record has: the whole collection was read (iterated, counted)


class _Missing:
    """The value of a read whose key is not there (a page may show an absence): one object, in
    this process and in the next build's, which reads the memo this one kept (pickled by name)."""

    def __reduce__(self) -> str:
        return "MISSING"

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()

_local = threading.local()  # each thread's recordings (the preview writes its exports in a thread)
_recording = 0  # recordings open in any thread: outside them a lookup costs one comparison more

Key = TypeVar("Key")
Value = TypeVar("Value")
Result = TypeVar("Result")


def _opened() -> list[set[Read]]:
    opened: list[set[Read]] | None = getattr(_local, "opened", None)
    if opened is None:
        opened = _local.opened = []
    return opened


def note(read: Read) -> None:
    if _recording:
        opened = _opened()
        if opened:
            opened[-1].add(read)


def recording(make: Callable[[], Result]) -> tuple[Result, frozenset[Read]]:
    """`make()`, and every read it made. A recording inside another adds its reads to it."""
    global _recording
    opened = _opened()
    opened.append(set())
    _recording += 1
    try:
        result = make()
    finally:
        _recording -= 1
        reads = opened.pop()
    if opened:
        opened[-1] |= reads
    return result, frozenset(reads)


def _whole(method: Callable[..., Result]) -> Any:
    """`method` of a dict or list, noting a read of the whole collection first."""

    def noted(self: WatchedDict[Any, Any] | WatchedList[Any], *args: Any) -> Result:
        note((self.name, ALL))
        return method(self, *args)

    return noted


def noting() -> bool:
    """Whether any recording is open: a caller about to note many reads may skip them all."""
    return _recording > 0


class WatchedDict(dict[Key, Value]):
    """A dict that notes each lookup by key, and a read of the whole when iterated or counted."""

    __slots__ = ("name",)

    def __init__(self, name: str, *args: Any) -> None:
        super().__init__(*args)
        self.name = name

    def __getitem__(self, key: Key) -> Value:
        note((self.name, key))
        return dict.__getitem__(self, key)

    def get(self, key: Key, default: Any = None) -> Any:
        note((self.name, key))
        return dict.get(self, key, default)

    def __contains__(self, key: object) -> bool:
        note((self.name, key))
        return dict.__contains__(self, key)

    __iter__ = _whole(dict.__iter__)
    __len__ = _whole(dict.__len__)
    keys = _whole(dict.keys)
    values = _whole(dict.values)
    items = _whole(dict.items)

    def __reduce__(self) -> Any:  # a copy for another process is a plain dict of the same name
        return (WatchedDict, (self.name, dict(dict.items(self))))


class WatchedList(list[Value]):
    """A list whose every use is a read of the whole (its order is part of what a page shows)."""

    __slots__ = ("name",)

    def __init__(self, name: str, *args: Any) -> None:
        super().__init__(*args)
        self.name = name

    __iter__ = _whole(list.__iter__)
    __len__ = _whole(list.__len__)
    __getitem__ = _whole(list.__getitem__)
    __reversed__ = _whole(list.__reversed__)

    def __reduce__(self) -> Any:
        return (WatchedList, (self.name, list(list.__iter__(self))))


def unwatched_items(collection: dict[Any, Any] | list[Any]) -> tuple[Any, ...]:
    """The whole of a collection, read without noting it."""
    if isinstance(collection, dict):
        return tuple(dict.items(collection))
    return tuple(list.__iter__(collection))


class Inputs:
    """Everything a render may read, by name: collections, and values derived from them.

    `value` answers what a read gives now, without noting it; a derived value is computed once,
    when first asked for, with no recording open (its own reads belong to it, not to the page:
    the page notes the derived value, which is compared whole)."""

    def __init__(
        self, collections: dict[str, dict[Any, Any] | list[Any]], derivations: dict[str, Callable[[], Any]]
    ) -> None:
        self.collections = collections
        self.derivations = derivations
        self._derived: dict[str, Any] = {}
        self.namespace = ""

    def derived(self, name: str, key: Hashable = None) -> Any:
        """The value of derivation `name` (its entry `key`, when it is a table by key); the read
        is noted on every call."""
        name = self.namespace + name
        note((name, key))
        value = self._compute(name)
        return value if key is None else value[key]

    def _compute(self, name: str) -> Any:
        if name not in self._derived:
            self._derived[name] = _quietly(self.derivations[name])
        return self._derived[name]

    def scoped(self, namespace: str) -> Inputs:
        """The same inputs, seen by another language's pages: `derived(name)` is its own
        `namespace + name` (the collections already carry their namespace)."""
        view = Inputs.__new__(Inputs)
        view.collections, view.derivations, view._derived = self.collections, self.derivations, self._derived
        view.namespace = self.namespace + namespace
        return view

    def add(
        self, collections: dict[str, dict[Any, Any] | list[Any]], derivations: dict[str, Callable[[], Any]]
    ) -> None:
        """Another language's collections and derivations, their names in its namespace."""
        self.collections.update(collections)
        self.derivations.update(derivations)

    def value(self, read: Read) -> object:
        """What `read` gives now (MISSING for an absent key or an unknown name)."""
        name, key = read
        found = self.collections.get(name)
        if found is None:
            if name not in self.derivations:
                return MISSING
            value = self._compute(name)
            return value if key is None else value.get(key, MISSING)
        if key == ALL:
            return unwatched_items(found)
        return dict.get(found, key, MISSING) if isinstance(found, dict) else MISSING


def _quietly(compute: Callable[[], Result]) -> Result:
    """`compute()` with no recording open: its reads belong to the derived value, not the page."""
    opened = _opened()
    saved = opened[:]
    opened.clear()
    try:
        return compute()
    finally:
        opened[:] = saved


def changed(reads: dict[Read, object], inputs: Inputs) -> set[Read]:
    """The reads, among those remembered with their values, that give another value now (the
    same object is the same value: unchanged records are kept from one build to the next)."""
    found = set()
    compared: dict[tuple[int, int], bool] = {}  # each pair of records once, however many reads hold them
    for read, before in reads.items():
        now = inputs.value(read)
        if now is before:
            continue
        if now is MISSING or before is MISSING or not same(before, now, compared):
            found.add(read)
    return found


def same(before: object, now: object, compared: dict[tuple[int, int], bool] | None = None) -> bool:
    """Whether a read gives the value it gave: the same object, or an equal one. A record compared
    by identity (an event: model.py), or holding one, is compared here field by field, so that a
    value kept by an earlier process (the build's memo, kept on disk) or read again from an
    unchanged file is the same; lists, tuples and dicts element by element."""
    if before is now:
        return True
    kind = type(before)
    if kind is not type(now):
        return False
    if isinstance(before, (list, tuple)) and isinstance(now, (list, tuple)):
        if len(before) != len(now):
            return False
        if all(map(operator.is_, before, now)):  # the usual answer, found without a call per element
            return True
        return all(same(one, other, compared) for one, other in zip(before, now, strict=True))
    if isinstance(before, dict) and isinstance(now, dict):
        if before.keys() != now.keys():
            return False
        if all(map(operator.is_, before.values(), now.values())):  # (in the same order: else below)
            return True
        return all(same(value, now[key], compared) for key, value in before.items())
    fields = getattr(kind, "__dataclass_fields__", None)
    if fields is None:
        return bool(before == now)
    if kind.__eq__ is not object.__eq__ and before == now:
        return True  # (and when not, a field may hold an event: compared by its fields below)
    pair = (id(before), id(now))
    if compared is not None and pair in compared:
        return compared[pair]
    mine = tuple(getattr(before, name) for name in fields)
    theirs = tuple(getattr(now, name) for name in fields)
    answer = mine == theirs or same(mine, theirs, compared)
    if compared is not None:
        compared[pair] = answer
    return answer
