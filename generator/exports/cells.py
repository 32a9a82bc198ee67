"""Spreadsheet cells that stay text: the CSV export protects them, the importer reads them back.

Both sides live here so that export then import gives back the same text."""

from __future__ import annotations

# What a spreadsheet reads as the start of a formula (or a DDE command), or hides: such a cell
# gets a leading apostrophe, which spreadsheets show as text. A cell that starts with an
# apostrophe gets one too, so that taking one off gives back the same text.
FORMULA_STARTS = "=+-@\t\r\n|%'"


def protected(value: object) -> str:
    """Text a spreadsheet shows as text: a leading formula character gets an apostrophe."""
    text = "" if value is None else str(value)
    if text and text[0] in FORMULA_STARTS:
        return "'" + text
    return text


def unprotected(text: str) -> str:
    """The text a protected cell stood for."""
    return text[1:] if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_STARTS else text
