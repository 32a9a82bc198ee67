"""The numbers and addresses the scripts share with the generator, handed over as data: the
generator writes them as an ES module (data/constants.js) that docs/assets/ scripts import, so a
rule the page and its script both follow is stated once, here in Python."""

from __future__ import annotations

import json

from generator.content.addresses import FOLDERS, pattern
from generator.site.axis import BIN_PX, GAP_PX, HIT_PX, MAX_ROWS, ROW_PX
from generator.site.basemap import DETAIL, HEIGHT, WIDTH
from generator.site.placemap import DOT, EDGE_INSET, GAP, LABEL_HEIGHT, LABEL_PX, MAX_LABELS
from generator.site.templating import MONTHS

CONSTANTS_PATH = "data/constants.js"


def constants() -> dict[str, object]:
    return {
        "axis": {"row": ROW_PX, "hit": HIT_PX, "gap": GAP_PX, "maxRows": MAX_ROWS, "binPx": BIN_PX},
        "map": {
            "width": WIDTH,
            "height": HEIGHT,
            "detail": DETAIL,
            "gap": GAP,
            "labelHeight": LABEL_HEIGHT,
            "dot": DOT,
            "labelPx": LABEL_PX,
            "maxLabels": MAX_LABELS,
            "edgeInset": EDGE_INSET,
        },
        "addresses": {kind: pattern(kind) for kind in FOLDERS},  # "events/{id}/": the scripts fill the id in
        "months": [name for name in MONTHS if name],  # January first
    }


def constants_module() -> str:
    """data/constants.js: `export default {...}`, read by docs/assets/lib/constants.js."""
    text = json.dumps(constants(), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"/* Written by the timeline generator (generator/site/constants.py): do not edit. */\nexport default {text};\n"
