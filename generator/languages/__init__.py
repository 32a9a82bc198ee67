"""What a reader reads in their language: the interface's strings, dates and numbers, and the
records' translations.

Modules: catalogs (the gettext catalogs under locale/, compiled by `make catalogs`, and the
language a page is being made in), dates (dates as each language writes them, from CLDR through
Babel), records (a record's text in a language, its translation or the main language's text,
marked), and scripts (the scripts' strings and month names, handed to the browser as data).

May import: `generator.content`, `generator.parallel`, `generator.environment` and Babel. The
editors' messages (the checker, the CLI) stay in English and never pass through here.
"""
