/* Timeline filters. Without this script each timeline page is a plain list (a year, or a month
   of a crowded year) and every event is reached by links. With it, readers narrow the whole
   timeline by text, actor, place, tag, status, years, or a stretch of the time axis: the
   timeline's compact index (a small JSON file per year, fetched on the first filter, by
   axis.js's window.TimelineData) is matched here, and the matching events of every year are
   shown in time order; the axis draws only them (the "tl:filtered" event). The filter lives in
   the URL (?actor=...&from=2020-03), so a shared link opens the same view and Back undoes it. */
(function () {
  "use strict";

  /* "text", not "q": a search box elsewhere may read ?q=. */
  var FIELDS = ["text", "actor", "place", "tag", "status", "from", "to"];
  var PAGE = 30; /* events shown at a time; "Show more" adds the next ones */

  function start() {
    var controls = document.getElementById("tl-controls");
    var form = document.getElementById("tl-filters");
    if (!controls || !form || controls.dataset.ready) return;
    controls.dataset.ready = "1";
    document.querySelectorAll(".tl-js-only").forEach(function (el) { el.hidden = false; });

    var root = controls.dataset.root || "";
    var total = Number(controls.dataset.total);
    var staticPart = document.getElementById("tl-static");
    var results = document.getElementById("tl-results");
    var list = document.getElementById("tl-results-list");
    var more = document.getElementById("tl-more");
    var count = document.getElementById("tl-count");
    var activeLabel = document.getElementById("tl-active");
    var input = {};
    FIELDS.forEach(function (name) { input[name] = form.elements[name]; });
    var allText = count.textContent;

    /* The actors and places the filters offer, [id, name] pairs: fetched once, when the filters
       open or the address names one, rather than written into every timeline page (at 100,000
       events they would be most of each page). */
    var knownNames = null;
    function names() {
      if (!knownNames) knownNames = fetch(root + "timeline/names.json").then(function (r) { return r.json(); });
      return knownNames;
    }
    var filled = null;
    function fillChoices() {
      if (!filled) {
        filled = names().then(function (known) {
          [["actor", known.actors], ["place", known.places]].forEach(function (pair) {
            var select = input[pair[0]], chosen = select.value;
            var fragment = document.createDocumentFragment();
            pair[1].forEach(function (entry) { /* in name order already */
              var option = document.createElement("option");
              option.value = entry[0];
              option.textContent = entry[1];
              fragment.appendChild(option);
            });
            select.appendChild(fragment);
            select.value = chosen;
          });
        });
      }
      return filled;
    }
    var box = document.getElementById("tl-filters-box");
    if (box) box.addEventListener("toggle", function () { if (box.open) fillChoices(); });
    /* Apply a state (from the address): with its actor or place, once they can be chosen. */
    function applyChosen(state) {
      if (state.actor || state.place) {
        fillChoices().then(function () { apply(state); }, function () { apply(state); });
      } else {
        apply(state);
      }
    }

    /* The compact index, loaded once, on the first filter: a row per event, in time order. */
    function index() {
      return window.TimelineData.rows(root, (controls.dataset.years || "").split(" ").filter(Boolean));
    }

    /* State <-> URL */
    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      var state = {};
      FIELDS.forEach(function (name) { state[name] = params.get(name) || ""; });
      return state;
    }
    function urlFor(state) {
      var params = new URLSearchParams();
      FIELDS.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
      var query = params.toString();
      return window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    }
    var selectedFrom = "", selectedTo = "";
    function current() {
      var state = {};
      FIELDS.forEach(function (name) { state[name] = input[name].value.trim(); });
      if (selectedFrom) state.from = selectedFrom; /* a stretch chosen on the time axis */
      if (selectedTo) state.to = selectedTo;
      return state;
    }

    var matching = window.TimelineData.matching; /* axis.js: the rule the embedded timeline uses too */

    var generation = 0, found = [];
    function apply(state) {
      FIELDS.forEach(function (name) {
        if (name === "from" || name === "to") {
          input[name].value = state[name] ? state[name].slice(0, 4) : "";
        } else if (name === "text" && input.text.value.trim() === state.text) {
          /* leave the box as typed: writing back the trimmed text would eat a space */
        } else {
          input[name].value = state[name];
        }
      });
      selectedFrom = state.from.length === 7 ? state.from : "";
      selectedTo = state.to.length === 7 ? state.to : "";
      var active = FIELDS.filter(function (name) { return state[name]; }).length;
      if (activeLabel) activeLabel.textContent = active ? " (" + active + " active)" : "";
      var mine = ++generation;
      if (!active) {
        results.hidden = true;
        staticPart.hidden = false;
        count.textContent = allText;
        document.dispatchEvent(new CustomEvent("tl:filtered", { detail: null }));
        return;
      }
      index().then(function (rows) {
        if (mine !== generation) return;
        found = matching(rows, state);
        count.textContent = "Showing " + found.length + " of " + total + " events.";
        controls.dataset.answered = String(mine); /* which filter the count is for (tests read it) */
        list.textContent = "";
        staticPart.hidden = true;
        results.hidden = false;
        showMore();
        document.dispatchEvent(new CustomEvent("tl:filtered", { detail: { rows: found, state: state } }));
      }).catch(function () {
        if (mine === generation) count.textContent = "The filters could not load the timeline's index.";
      });
    }
    function showMore() {
      var fragment = document.createDocumentFragment();
      found.slice(list.children.length, list.children.length + PAGE).forEach(function (row) {
        fragment.appendChild(itemFor(row));
      });
      list.appendChild(fragment);
      more.hidden = list.children.length >= found.length;
    }
    function itemFor(row) {
      var li = document.createElement("li");
      li.className = "tl-event";
      li.dataset.start = row.start;
      li.dataset.end = row.end;
      if (row.thumb) { /* [path from the site's root, width, height], as the page's own list has it */
        var thumb = document.createElement("img");
        thumb.className = "tl-thumb";
        thumb.src = root + row.thumb[0];
        thumb.width = row.thumb[1];
        thumb.height = row.thumb[2];
        thumb.alt = "";
        thumb.loading = "lazy";
        thumb.decoding = "async";
        li.appendChild(thumb);
      }
      var when = document.createElement("span");
      when.className = "tl-date";
      when.textContent = row.words;
      var link = document.createElement("a");
      link.href = root + "events/" + row.id + "/";
      link.textContent = row.title;
      li.appendChild(when);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(link);
      [["tl-who", row.who], ["tl-where", row.where]].forEach(function (part) {
        if (!part[1]) return;
        var span = document.createElement("span");
        span.className = part[0];
        span.textContent = part[1];
        li.appendChild(document.createTextNode(" "));
        li.appendChild(span);
      });
      return li;
    }
    more.addEventListener("click", showMore);

    var lastPushed = urlFor(readUrl());
    function commit(replace) {
      var state = current();
      var url = urlFor(state);
      if (url !== lastPushed) {
        if (replace) window.history.replaceState(state, "", url);
        else window.history.pushState(state, "", url);
        lastPushed = url;
      }
      apply(state);
    }

    ["actor", "place", "tag", "status"].forEach(function (name) {
      input[name].addEventListener("change", function () { commit(false); });
    });
    ["from", "to"].forEach(function (name) {
      input[name].addEventListener("change", function () {
        selectedFrom = "";
        selectedTo = "";
        commit(false);
      });
    });
    var typing = null;
    input.text.addEventListener("input", function () {
      window.clearTimeout(typing);
      apply(current());
      typing = window.setTimeout(function () { commit(false); }, 600);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); commit(false); });
    document.getElementById("tl-clear").addEventListener("click", function () {
      FIELDS.forEach(function (name) { input[name].value = ""; });
      selectedFrom = selectedTo = "";
      commit(false);
    });
    window.addEventListener("popstate", function () {
      lastPushed = urlFor(readUrl());
      applyChosen(readUrl());
    });

    /* "Show only this stretch" on the time axis (axis.js): its months become the date filter. */
    document.addEventListener("tl:choose", function (event) {
      selectedFrom = event.detail.from;
      selectedTo = event.detail.to;
      commit(false);
    });

    /* A place chosen on the timeline's map (map.js) becomes the place filter. */
    document.addEventListener("tl:choose-place", function (event) {
      fillChoices().then(function () {
        input.place.value = input.place.value === event.detail.place ? "" : event.detail.place;
        commit(false);
      });
    });

    applyChosen(readUrl());
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start); /* Material's instant navigation, if enabled */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
