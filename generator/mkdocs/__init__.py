"""Everything that knows MkDocs.

Modules: plugin (the typed plugin MkDocs loads, `plugins: [timeline]`, with the state of one run of
MkDocs on its instance), settings (mkdocs.yml read through MkDocs's own config, for the `timeline`
command), parallel_build (the build on every core over MkDocs 1.6's page functions), search (the
Pagefind indexes written after MkDocs, one per language), stylesheet (the record pages' one
stylesheet), languages (each page's language, its language's navigation and its counterparts in the
others), rawhtml (a page's HTML-only parts and plain paragraphs set aside while Markdown runs),
converter (the build's one Markdown converter, and what it makes of an event page learnt once),
frontmatter (a generated page's front matter read without YAML), and the editor's preview under `mkdocs serve`:
preview (one Preview per serve, composing the rest), overlay (errors in the browser), saves (the
saves heard), exclusion (what a build leaves out), later (the open data after the page), memory (the
cycle collector), compiled (the theme compiled once), warned (warnings said once), quiet (the log),
indexer (the search index in the background). theme/ holds Material's overrides.

May import: `generator.site` and the floors below it. Nothing below may import this package, so
the generator keeps working without MkDocs (Zensical runs no plugins).
"""
