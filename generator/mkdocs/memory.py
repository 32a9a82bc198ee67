"""The preview's memory: Python's cycle collector kept out of a save's build.

A save's build makes a model of every event and MkDocs a page object for every file, so each
collection during the build rescanned tens of thousands of young objects (docs/performance.md).
The first build's survivors move out of the collector's view once, as soon as it returns
(or, failing that, as the first save's build starts); later builds hold the
collector until their page is served, and collect once after, beside the exports."""

from __future__ import annotations

import gc


class Collector:
    def __init__(self, settled: bool = False) -> None:
        self.settled = settled  # the first build's survivors are out of the cycle collector's view
        self.holding = False  # the cycle collector waits until the build's page is served

    def settle(self, builds: int) -> None:
        """Called as a later build starts, once per serve (after the first build): what the first
        build left alive (the content model, the generator's memo, MkDocs's theme) moves out of
        the collector's view. It holds no reference cycles to free; the first build's own garbage
        is collected first, so nothing it left is kept for good."""
        if builds == 1:
            self.settle_now()

    def settle_now(self) -> None:
        """The first build's survivors out of the collector's view, once: called by the preview as
        soon as that build has returned (its garbage is garbage then), while the editor reads
        the page, so that the first save does not wait for a full collection."""
        if not self.settled:
            gc.collect()
            gc.freeze()
            self.settled = True

    def hold(self) -> None:
        """Called as a build starts, after the first: no collection until the page is served."""
        if self.settled and not self.holding:
            gc.disable()
            self.holding = True

    def release(self) -> None:
        """The build's page is served (or the build failed): collect what it left, once."""
        if self.holding:
            self.holding = False
            gc.enable()
            gc.collect()
