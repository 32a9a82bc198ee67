"""Commands that write content for editors: `new`, `extract`, `import` and `fmt`.

They read articles and other timelines and write YAML for an editor to review; they depend on the
content model (schema, model, load) and the exports' cell rules, never on the site's pages or
MkDocs (enforced by `make lint`)."""
