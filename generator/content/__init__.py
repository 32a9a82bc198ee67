"""The records, read and checked, and what their fields mean: the ground floor of the pipeline.

Modules: load (YAML nodes with their lines), problems (errors as data), fields and schema (one
definition of each record kind, from which the checker, the model and the JSON Schema follow;
schema_files writes the editors' JSON Schemas), check (every content file, every error), guard
(the one rule for what may be read), media (the pictures records name), model (the resolved
timeline), reads (what a render looked up, for the preview to skip unchanged pages), addresses
(where each record is published), edtf (dates), prose_dates (dates as news writes them, read for
`timeline extract` and for the checker's hints), indentation (YAML's indentation slips in
words), markup (what Markdown fields may hold), history (git), similar (look-alike warnings),
links (whether each source's address still answers).

May import: the standard library, third-party parsers, and `generator.parallel` and
`generator.environment`. Nothing here knows about pages, exports, MkDocs or authoring commands
(enforced by `make lint`).
"""
