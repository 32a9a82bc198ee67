"""Timeline site generator: YAML event records to Markdown pages for MkDocs.

Data flows one way: load (YAML nodes with line marks) -> check (typed records, every error)
-> model (resolved, ordered timeline) -> render (Markdown text) -> write (changed files only).
"""

__version__ = "0.1.0"
