"""The JSON Schemas in schema/, written from generator.schema so they cannot drift."""

from __future__ import annotations

import json
from pathlib import Path

from generator.content.schema import json_schemas


def write_schemas(folder: Path, check_only: bool = False) -> list[str]:
    """Write each schema whose text changed; return the names that were (or would be) written."""
    stale = []
    for name, document in json_schemas().items():
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        target = folder / name
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not check_only:
            folder.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return stale
