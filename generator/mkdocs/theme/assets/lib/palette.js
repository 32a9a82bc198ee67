{#- The site's colour palettes as a module for the record pages' dark-mode switch (assets/frame.js):
    Material's own settings (theme.palette in mkdocs.yml) and its icons, written once per build
    (a static template: the timeline plugin adds it to the theme's list), not once per page. -#}
{%- set entries = [] -%}
{%- set listed = config.theme.palette if config.theme.palette is not mapping else [config.theme.palette] -%}
{%- for option in listed or [] -%}
{%- set toggle = option.toggle or {} -%}
{%- set icon -%}{% if toggle.icon %}{% include ".icons/" ~ toggle.icon ~ ".svg" %}{% endif %}{%- endset -%}
{%- set _ = entries.append({"media": option.media or "", "scheme": option.scheme or "default", "primary": option.primary or "indigo", "accent": option.accent or "indigo", "name": toggle.name or "", "icon": icon | trim}) -%}
{%- endfor -%}
/* Generated from mkdocs.yml's theme.palette by the theme (generator/mkdocs/theme/assets/lib/palette.js). */
export default {{ entries | tojson }};
