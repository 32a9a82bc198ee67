/* Timeline filters and overview bar. Without this script the timeline is the full plain list;
   with it, readers narrow the list by actor, place, tag, years, text, or a stretch of the
   overview bar. The filter lives in the URL (?actor=...&from=2020-03), so a shared link opens
   the same view and the back button undoes a filter. Nothing is fetched. */
(function () {
  "use strict";

  /* "text", not "q": Material's search opens its overlay for ?q= on any page. */
  var FIELDS = ["text", "actor", "place", "tag", "status", "from", "to"];

  /* Accessible names Material leaves out (axe: aria-dialog-name). */
  function nameLandmarks() {
    var search = document.querySelector(".md-search[role='dialog']");
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search the site");
  }

  function start() {
    nameLandmarks();
    var controls = document.getElementById("tl-controls");
    var form = document.getElementById("tl-filters");
    if (!controls || !form || controls.dataset.ready) return;
    controls.dataset.ready = "1";
    controls.hidden = false;
    document.querySelectorAll(".tl-js-only").forEach(function (el) { el.hidden = false; });

    var items = Array.prototype.slice.call(document.querySelectorAll("li.tl-event"));
    var events = items.map(function (li) {
      return {
        li: li,
        start: li.dataset.start,
        end: li.dataset.end,
        actors: (li.dataset.actors || "").split(" "),
        places: (li.dataset.places || "").split(" "),
        tags: (li.dataset.tags || "").split(" "),
        status: li.dataset.status || "reported",
        text: li.textContent.toLowerCase()
      };
    });
    var lists = Array.prototype.slice.call(document.querySelectorAll("ol.tl-list"));
    var count = document.getElementById("tl-count");
    var activeLabel = document.getElementById("tl-active");
    var box = document.getElementById("tl-filters-box");
    /* Wide screens show the filters; a phone keeps them behind one control, so the first
       event is on the first screen. */
    if (box && window.matchMedia("(min-width: 60em)").matches) box.open = true;
    var overview = document.getElementById("tl-overview");
    var months = overview ? Array.prototype.slice.call(overview.querySelectorAll(".tl-month")) : [];
    var input = {};
    FIELDS.forEach(function (name) { input[name] = form.elements[name]; });

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
    function current() {
      var state = {};
      FIELDS.forEach(function (name) { state[name] = input[name].value.trim(); });
      if (selectedFrom) state.from = selectedFrom; /* a stretch chosen on the overview bar */
      if (selectedTo) state.to = selectedTo;
      return state;
    }
    var selectedFrom = "", selectedTo = "";

    /* Matching: an event is shown if its span of possible days overlaps the range. */
    function bounds(state) {
      var from = state.from ? (state.from.length === 4 ? state.from + "-01" : state.from) + "-01" : "";
      var to = "";
      if (state.to) {
        var parts = (state.to.length === 4 ? state.to + "-12" : state.to).split("-");
        var last = new Date(Date.UTC(+parts[0], +parts[1], 0)).getUTCDate();
        to = parts[0] + "-" + parts[1] + "-" + (last < 10 ? "0" : "") + last;
      }
      return { from: from, to: to };
    }
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
      var range = bounds(state);
      var words = state.text.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      events.forEach(function (event) {
        var visible =
          (!state.actor || event.actors.indexOf(state.actor) >= 0) &&
          (!state.place || event.places.indexOf(state.place) >= 0) &&
          (!state.tag || event.tags.indexOf(state.tag) >= 0) &&
          (!state.status || event.status === state.status) &&
          (!range.from || event.end >= range.from) &&
          (!range.to || event.start <= range.to) &&
          words.every(function (word) { return event.text.indexOf(word) >= 0; });
        event.li.hidden = !visible;
        if (visible) shown += 1;
      });
      hideEmptyHeadings();
      markMonths(state);
      var filtered = FIELDS.some(function (name) { return state[name]; });
      var active = FIELDS.filter(function (name) { return state[name]; }).length;
      if (activeLabel) activeLabel.textContent = active ? " (" + active + " active)" : "";
      count.textContent = filtered
        ? "Showing " + shown + " of " + events.length + " events."
        : "Showing all " + events.length + " events.";
    }
    function hideEmptyHeadings() {
      lists.forEach(function (list) {
        var empty = !list.querySelector("li.tl-event:not([hidden])");
        list.hidden = empty;
        var heading = list.previousElementSibling;
        if (heading && heading.tagName === "H3") heading.hidden = empty;
      });
      document.querySelectorAll(".md-content h2[id^='y']").forEach(function (year) {
        var node = year.nextElementSibling, any = false;
        while (node && node.tagName !== "H2") {
          if (node.tagName === "OL" && !node.hidden) any = true;
          node = node.nextElementSibling;
        }
        year.hidden = !any;
      });
    }
    function markMonths(state) {
      var range = bounds(state);
      months.forEach(function (month) {
        var first = month.dataset.month + "-01", last = month.dataset.month + "-31";
        var inside = (range.from || range.to) && (!range.from || last >= range.from) && (!range.to || first <= range.to);
        month.classList.toggle("tl-selected", Boolean(inside));
      });
    }

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
      apply(readUrl());
    });

    /* The overview bar: click a month, or drag across months, to narrow to that stretch. */
    if (overview && months.length) {
      overview.setAttribute("tabindex", "0");
      overview.setAttribute("role", "slider");
      overview.setAttribute("aria-label", "Overview of events per month: choose a stretch of time");
      overview.setAttribute("aria-describedby", "tl-overview-help");
      overview.setAttribute("aria-valuemin", "0");
      overview.setAttribute("aria-valuemax", String(months.length - 1));
      var anchor = null, cursor = months.length - 1;
      overview.setAttribute("aria-valuenow", String(cursor));
      overview.setAttribute("aria-valuetext", months[cursor].dataset.month);

      function monthAt(event) {
        var box = overview.getBoundingClientRect();
        var index = Math.floor(((event.clientX - box.left) / box.width) * months.length);
        return Math.max(0, Math.min(months.length - 1, index));
      }
      function preview(a, b) {
        var low = Math.min(a, b), high = Math.max(a, b);
        months.forEach(function (month, index) {
          month.classList.toggle("tl-selected", index >= low && index <= high);
        });
        overview.setAttribute("aria-valuenow", String(b));
        overview.setAttribute("aria-valuetext", months[low].dataset.month + (low === high ? "" : " to " + months[high].dataset.month));
      }
      function choose(a, b) {
        var low = Math.min(a, b), high = Math.max(a, b);
        selectedFrom = months[low].dataset.month;
        selectedTo = months[high].dataset.month;
        commit(false);
      }
      overview.addEventListener("pointerdown", function (event) {
        anchor = monthAt(event);
        cursor = anchor;
        overview.setPointerCapture(event.pointerId);
        preview(anchor, anchor);
        event.preventDefault();
      });
      overview.addEventListener("pointermove", function (event) {
        if (anchor === null) return;
        cursor = monthAt(event);
        preview(anchor, cursor);
      });
      overview.addEventListener("pointerup", function (event) {
        if (anchor === null) return;
        cursor = monthAt(event);
        choose(anchor, cursor);
        anchor = null;
      });
      var keyAnchor = null;
      overview.addEventListener("keydown", function (event) {
        if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
          if (event.shiftKey && keyAnchor === null) keyAnchor = cursor;
          if (!event.shiftKey) keyAnchor = null;
          cursor = Math.max(0, Math.min(months.length - 1, cursor + (event.key === "ArrowRight" ? 1 : -1)));
          preview(keyAnchor === null ? cursor : keyAnchor, cursor);
          event.preventDefault();
        } else if (event.key === "Enter" || event.key === " ") {
          choose(keyAnchor === null ? cursor : keyAnchor, cursor);
          keyAnchor = null;
          event.preventDefault();
        } else if (event.key === "Escape") {
          selectedFrom = selectedTo = "";
          input.from.value = input.to.value = "";
          keyAnchor = null;
          commit(false);
        }
      });
    }

    apply(readUrl());
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start); /* Material's instant navigation, if enabled */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
