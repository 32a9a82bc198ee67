"""The site's Markdown pages from the checked timeline.

Modules: build (the pipeline check -> model -> render -> write), render (every page listed),
kinds (each kind of record page declared once), record_pages (the record pages' makers),
timeline_pages (the paged timeline and its compact index), stories (a story's page, its embeds
and oEmbed answer), share (each page's share preview), templating (escaping and the templates'
environment), axis and axis_svg (the time axis), basemap, placemap and map_svg (the maps),
figures and pictures (pictures and their renditions, the site's card), constants (the numbers
the scripts share, handed over as data), write (changed files only), stamp (the build's
fingerprint), and layout, the one declaration of what the generator owns in docs/.

May import: `generator.content`, `generator.exports`, `generator.parallel`,
`generator.environment`. Never MkDocs: the generator runs standalone (`timeline build`), and the
MkDocs plugin only calls it.
"""
