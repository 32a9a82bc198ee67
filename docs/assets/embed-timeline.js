/* The embedded timeline (embed/timeline/): the events matching the filters in the frame's
   address, read from the compact index with the rule the timeline's own filters use
   (axis.js's TimelineData), each a link that opens on the full site. */
(function () {
  "use strict";
  var FIELDS = ["text", "actor", "place", "tag", "status", "from", "to"];
  function start() {
    var list = document.getElementById("tl-embed-list");
    if (!list || !window.TimelineData || list.dataset.ready) return;
    list.dataset.ready = "1";
    var root = list.dataset.root || "";
    var params = new URLSearchParams(window.location.search);
    var state = {};
    FIELDS.forEach(function (name) { state[name] = params.get(name) || ""; });
    var tags = {};
    try { JSON.parse(list.dataset.tags || "[]").forEach(function (pair) { tags[pair[0]] = pair[1]; }); } catch (error) { /* slugs then */ }
    var query = params.toString();
    document.getElementById("tl-embed-full").href = root + "timeline/" + (query ? "?" + query : "");
    var count = document.getElementById("tl-embed-count");
    var years = (list.dataset.years || "").split(" ").filter(Boolean);
    Promise.all([window.TimelineData.rows(root, years), fetch(root + "timeline/names.json").then(function (r) { return r.json(); })])
      .then(function (parts) {
        var rows = parts[0], names = parts[1];
        var found = window.TimelineData.matching(rows, state);
        var said = [];
        function nameOf(kind, id) {
          var pair = (names[kind] || []).filter(function (p) { return p[0] === id; })[0];
          return pair ? pair[1] : id;
        }
        if (state.tag) said.push(tags[state.tag] || state.tag);
        if (state.actor) said.push(nameOf("actors", state.actor));
        if (state.place) said.push(nameOf("places", state.place));
        if (state.status) said.push(state.status);
        if (state.from || state.to) said.push((state.from || "…") + "–" + (state.to || "…"));
        if (state.text) said.push("“" + state.text + "”");
        if (said.length) document.getElementById("tl-embed-title").textContent = said.join(" · ");
        count.textContent = found.length + " event" + (found.length === 1 ? "" : "s") + ", in time order.";
        var fragment = document.createDocumentFragment();
        found.forEach(function (row) {
          var li = document.createElement("li");
          li.className = "tl-event";
          var when = document.createElement("span");
          when.className = "tl-date";
          when.textContent = row.words;
          var link = document.createElement("a");
          link.href = root + "events/" + row.id + "/";
          link.target = "_blank";
          link.rel = "noopener";
          link.textContent = row.title;
          li.appendChild(when);
          li.appendChild(document.createTextNode(" "));
          li.appendChild(link);
          [["tl-who", row.who], ["tl-where", row.where]].forEach(function (part) {
            if (!part[1]) return;
            var span = document.createElement("span");
            span.className = part[0];
            span.textContent = part[1];
            li.appendChild(span);
          });
          fragment.appendChild(li);
        });
        list.appendChild(fragment);
        document.getElementById("tl-embed").dataset.shown = String(found.length); /* tests read it */
      })
      .catch(function () { count.textContent = "The timeline's index could not be loaded."; });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
