"""Words a reader reads, defined where the records are, marked for the catalogs (`N_`) and
translated where they are shown (generator/languages). The editors' messages are not here: they
stay in English."""

from __future__ import annotations


def N_(message: str) -> str:
    """A message marked for the catalogs (`make catalogs` extracts it); it is translated where a
    page shows it, in the page's language."""
    return message


# What a reader reads for each status (a badge, a filter's choice, the about page).
STATUS_LABELS = {
    "draft": N_("Draft"),
    "reported": N_("Reported"),
    "corroborated": N_("Corroborated"),
    "confirmed": N_("Confirmed"),
    "disputed": N_("Disputed"),
    "retracted": N_("Retracted"),
}
PRECISION_LABELS = {
    "exact": N_("Exact"),
    "town": N_("Town"),
    "district": N_("District"),
    "province": N_("Province"),
    "country": N_("Country"),
}
ACTOR_KIND_LABELS = {
    "state": N_("State"),
    "military": N_("Military"),
    "coalition": N_("Coalition"),
    "militia": N_("Militia"),
    "armed-group": N_("Armed group"),
    "person": N_("Person"),
    "organization": N_("Organization"),
}
