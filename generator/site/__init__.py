"""The site's Markdown pages from the checked timeline: render (with its templates), the time
axis (axis, axis_svg), the maps (basemap, placemap, map_svg), write,
build (the pipeline check -> model -> render -> write), the build's stamp, and `layout`, the one
declaration of what the generator owns in docs/.

May import: `generator.content`, `generator.exports`, `generator.parallel`. Never MkDocs: the
generator runs standalone (`timeline build`), and the MkDocs hook only calls it.
"""
