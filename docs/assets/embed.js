/* For a page that embeds this timeline's story or timeline in an <iframe>: the frame takes the
   height the embedded page reports (postMessage), so it shows everything without a scroll bar
   of its own. Only messages from the frame itself, from its own origin, are read. Ours to copy
   and serve with the frame (no library, no licence but the site's). */
(function () {
  "use strict";
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "tl-embed-height" || typeof data.height !== "number") return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try { origin = new URL(frame.src, window.location.href).origin; } catch (error) { return; }
      if (origin !== event.origin) return;
      frame.style.height = Math.max(100, Math.min(20000, Math.round(data.height))) + "px";
      return;
    }
  });
})();
