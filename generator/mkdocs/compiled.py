"""The theme's templates compiled once per serve (MkDocs makes a new Jinja environment for every
build, which compiled Material's templates again at each save: docs/performance.md)."""

from __future__ import annotations

from types import CodeType

import jinja2


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates, compiled once per serve and kept by their source's checksum.

    MkDocs makes a new Jinja environment for every build, which compiled Material's templates
    again at each save (docs/performance.md); Jinja's bytecode cache is made to carry them from
    one environment to the next. A template whose source changed is compiled again."""

    def __init__(self) -> None:
        self.codes: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        found = self.codes.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.code is not None:
            self.codes[bucket.key] = (bucket.checksum, bucket.code)
