/* The embedded timeline (embed/timeline/): the events matching the filters in the frame's
   address, read from the compact index with the rule the timeline's own filters use
   (lib/data.js), each a link that opens on the full site (lib/items.js, as the timeline lists them). */
import { params } from "./lib/address.js";
import { matching, names, rows, stateOf } from "./lib/data.js";
import { eventItem } from "./lib/items.js";
import { once, ready } from "./lib/start.js";
import { say } from "./lib/strings.js";

function start() {
  var list = document.getElementById("tl-embed-list");
  if (!once(list)) return;
  var root = list.dataset.root || "";
  var asked = params();
  var state = stateOf(asked);
  var tags = {};
  try { JSON.parse(list.dataset.tags || "[]").forEach(function (pair) { tags[pair[0]] = pair[1]; }); } catch (error) { /* slugs then */ }
  var query = asked.toString();
  document.getElementById("tl-embed-full").href = root + "timeline/" + (query ? "?" + query : "");
  var count = document.getElementById("tl-embed-count");
  var years = (list.dataset.years || "").split(" ").filter(Boolean);
  Promise.all([rows(root, years), names(root)])
    .then(function (parts) {
      var found = matching(parts[0], state), known = parts[1];
      var said = [];
      function nameOf(kind, id) {
        var pair = (known[kind] || []).filter(function (p) { return p[0] === id; })[0];
        return pair ? pair[1] : id;
      }
      if (state.tag) said.push(tags[state.tag] || state.tag);
      if (state.actor) said.push(nameOf("actors", state.actor));
      if (state.place) said.push(nameOf("places", state.place));
      if (state.status) said.push(state.status);
      if (state.from || state.to) said.push((state.from || "…") + "–" + (state.to || "…"));
      if (state.text) said.push("“" + state.text + "”");
      if (said.length) document.getElementById("tl-embed-title").textContent = said.join(" · ");
      count.textContent = say("embed.count", { n: found.length });
      var fragment = document.createDocumentFragment();
      found.forEach(function (row) { fragment.appendChild(eventItem(row, root, { newTab: true, noThumb: true })); });
      list.appendChild(fragment);
      document.getElementById("tl-embed").dataset.shown = String(found.length); /* tests read it */
    })
    .catch(function () { count.textContent = say("embed.failed"); });
}

ready(start);
