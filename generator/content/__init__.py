"""The records, read and checked, and what their fields mean: the ground floor of the pipeline.

Load (YAML nodes with their lines), problems (errors as data), fields and schema (one definition
of each record kind, from which the checker, the model and the JSON Schema follow), check, model
(the resolved timeline), edtf (dates), prose_dates (dates as news writes them, read for
`timeline extract` and for the checker's hints), indentation (YAML's indentation slips in
words), markup (what Markdown fields may hold), history (git), similar (look-alike warnings),
links (links between content files).

May import: the standard library, third-party parsers, and `generator.parallel`. Nothing here
knows about pages, exports, MkDocs or authoring commands (enforced by `make lint`).
"""
