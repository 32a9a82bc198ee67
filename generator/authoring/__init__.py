"""Commands that write content for editors: `new`, `new-story`, `extract`, `import` and `fmt`.

Modules: files (new event and story files, never over an editor's), article (an article's text,
title and date from a saved page or a URL), extract (draft events from its sentences), titles
(a title from a sentence), importer (TimelineJS3 JSON and this site's CSV), timelinejs (reading
TimelineJS3's dates and text), fmt (the canonical key order and style, comments kept).

They read articles and other timelines and write YAML for an editor to review; they depend on the
content model (schema, model, load) and the exports' cell rules, never on the site's pages or
MkDocs (enforced by `make lint`)."""
