"""Everything that knows MkDocs: the hook MkDocs loads (hook.py), the build on every core over
MkDocs 1.6's page functions (parallel_build.py), the editor's preview under `mkdocs serve`,
the Pagefind search index written after MkDocs, and the theme's overrides (theme/).

May import: `generator.site` and the floors below it. Nothing below may import this package, so
the generator keeps working without MkDocs (Zensical runs no hooks).
"""
