"""Timeline site generator: YAML event records to Markdown pages for MkDocs.

Data flows one way: load (YAML nodes with line marks) -> check (typed records, every error)
-> model (resolved, ordered timeline) -> render (Markdown text) -> write (changed files only).

The packages are floors; each imports only the floors below it (import-linter's layers
contract in pyproject.toml, checked by `make lint`):

    cli                     the `timeline` command
    mkdocs                  the MkDocs plugin, the parallel build, the preview, the search index
    site | authoring | hosting  the pages and their build | editors' commands | hosts' limits, deploys
    exports                 open data (JSON, CSV, TimelineJS, Atom, iCalendar, JSON-LD)
    languages               the interface's strings, dates and records in each language
    content                 records loaded, checked and modelled
    parallel | environment  forked workers where the platform forks safely | the settings of the environment

generator/README.md is the maintainers' guide.
"""

__version__ = "0.1.0"
