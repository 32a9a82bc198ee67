"""mkdocs.yml read as MkDocs reads it, for the `timeline` command: every option validated by MkDocs
(the plugin's included, with its did-you-mean), `!ENV` resolved by MkDocs's own loader, so that
`timeline build` writes what `mkdocs build` would."""

from __future__ import annotations

from pathlib import Path

from generator.languages.catalogs import SOURCE
from generator.languages.settings import LanguagesError, site_languages
from generator.mkdocs.languages import material_languages
from generator.site.build import Site

PLUGIN = "timeline"


class SettingsError(ValueError):
    """mkdocs.yml holds settings MkDocs or the plugin refuses: one line per setting."""


def site_settings(config_file: Path) -> Site:
    """The site's name, description, addresses and the plugin's options; the defaults when there
    is no mkdocs.yml."""
    if not config_file.is_file():
        return Site()
    from mkdocs.config.defaults import MkDocsConfig

    config = MkDocsConfig(config_file_path=str(config_file))
    with config_file.open("rb") as stream:
        config.load_file(stream)
    errors, warnings = config.validate()
    refused = errors + [(name, warning) for name, warning in warnings if config.strict]
    if refused:
        raise SettingsError("\n".join(f"{config_file}: '{name}': {message}" for name, message in refused))
    plugin = config.plugins.get(PLUGIN)
    borders = bool(plugin.config.map_borders) if plugin is not None else False
    extra = config.extra.get("timeline") or {}
    theme_language = config.theme.get("language") or SOURCE
    try:
        languages = site_languages(extra.get("languages"), theme_language, material_languages())
    except LanguagesError as error:
        raise SettingsError(f"{config_file}: {error}") from None
    return Site(
        languages=languages,
        title=config.site_name or "Timeline",
        description=config.site_description or "",
        url=config.site_url or "",
        repo_url=config.repo_url or "",
        map_borders=borders,
    )
