/* Timeline filters and overview bar. Without this script each timeline page is a plain list
   (a year, or a month of a crowded year) and every event is reached by links. With it, readers
   narrow the whole timeline by text, actor, place, tag, status, years, or a stretch of the
   overview bar: the site's search index (Pagefind, fetched on first use, in chunks) finds the
   matching events on every page, and they are shown here in time order. The filter lives in
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

    var bundle = new URL(controls.dataset.bundle, window.location.href).pathname;
    var total = Number(controls.dataset.total);
    var staticPart = document.getElementById("tl-static");
    var results = document.getElementById("tl-results");
    var list = document.getElementById("tl-results-list");
    var more = document.getElementById("tl-more");
    var count = document.getElementById("tl-count");
    var activeLabel = document.getElementById("tl-active");
    var overview = document.getElementById("tl-overview");
    var months = overview ? Array.prototype.slice.call(overview.querySelectorAll(".tl-month")) : [];
    var input = {};
    FIELDS.forEach(function (name) { input[name] = form.elements[name]; });
    var years = Array.prototype.slice.call(input.from.options).map(function (o) { return o.value; }).filter(Boolean);
    var allText = count.textContent;

    /* The search index, loaded once, on the first filter. */
    var loaded = null;
    function engine() {
      if (!loaded) {
        loaded = import(bundle + "pagefind.js").then(function (pagefind) {
          return Promise.resolve(pagefind.options({ baseUrl: bundle.replace(/_pagefind\/$/, "") }))
            .then(function () { return pagefind.init(); })
            .then(function () { return pagefind; });
        });
      }
      return loaded;
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
      if (selectedFrom) state.from = selectedFrom; /* a stretch chosen on the overview bar */
      if (selectedTo) state.to = selectedTo;
      return state;
    }

    /* A state as the index's filters: names for actors and places, years or months for a range. */
    function nameOf(select, id) {
      var option = Array.prototype.find.call(select.options, function (o) { return o.value === id; });
      return option ? option.dataset.name || option.textContent : id;
    }
    function monthsBetween(from, to) {
      var out = [];
      var year = Number(from.slice(0, 4)), month = Number(from.slice(5, 7));
      var last = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
      while (year * 12 + month <= last && out.length < 1200) {
        out.push(year + "-" + (month < 10 ? "0" : "") + month);
        month += 1;
        if (month > 12) { month = 1; year += 1; }
      }
      return out;
    }
    function filtersFor(state) {
      var filters = { kind: "Event" };
      if (state.actor) filters.actor = nameOf(input.actor, state.actor);
      if (state.place) filters.place = nameOf(input.place, state.place);
      if (state.tag) filters.tag = state.tag;
      if (state.status) filters.status = state.status;
      if (state.from || state.to) {
        var from = state.from || years[0] || "0000", to = state.to || years[years.length - 1] || "9999";
        if (from.length === 7 || to.length === 7) {
          filters.month = { any: monthsBetween(from.length === 4 ? from + "-01" : from, to.length === 4 ? to + "-12" : to) };
        } else {
          filters.year = { any: years.filter(function (y) { return y >= from && y <= to; }) };
        }
      }
      return filters;
    }

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
      markMonths(state);
      var active = FIELDS.filter(function (name) { return state[name]; }).length;
      if (activeLabel) activeLabel.textContent = active ? " (" + active + " active)" : "";
      var mine = ++generation;
      if (!active) {
        results.hidden = true;
        staticPart.hidden = false;
        count.textContent = allText;
        return;
      }
      engine().then(function (pagefind) {
        var options = { filters: filtersFor(state), sort: { date: "asc" } };
        /* While a reader types, a search that the next key makes useless is not run at all. */
        return typingNow && pagefind.debouncedSearch
          ? pagefind.debouncedSearch(state.text || null, options, 60)
          : pagefind.search(state.text || null, options);
      }).then(function (response) {
        if (!response || mine !== generation) return;
        found = response.results;
        count.textContent = "Showing " + found.length + " of " + total + " events.";
        controls.dataset.answered = String(mine); /* which filter the count is for (tests read it) */
        list.textContent = "";
        staticPart.hidden = true;
        results.hidden = false;
        showMore(mine);
      }).catch(function () {
        if (mine === generation) count.textContent = "The filters need the site's search index, which this copy of the site lacks.";
      });
    }
    function showMore(mine) {
      var next = found.slice(list.children.length, list.children.length + PAGE);
      more.hidden = true;
      Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
        if (mine !== generation) return;
        pages.forEach(function (page) { list.appendChild(itemFor(page)); });
        more.hidden = list.children.length >= found.length;
      });
    }
    function itemFor(page) {
      var li = document.createElement("li");
      li.className = "tl-event";
      var when = document.createElement("span");
      when.className = "tl-date";
      when.textContent = page.meta.date || "";
      var link = document.createElement("a");
      link.href = page.url;
      link.textContent = page.meta.title;
      li.appendChild(when);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(link);
      return li;
    }
    more.addEventListener("click", function () { showMore(generation); });

    function bounds(state) {
      var from = state.from ? (state.from.length === 4 ? state.from + "-01" : state.from) : "";
      var to = state.to ? (state.to.length === 4 ? state.to + "-12" : state.to) : "";
      return { from: from, to: to };
    }
    function markMonths(state) {
      var range = bounds(state);
      months.forEach(function (month) {
        var m = month.dataset.month;
        var inside = (range.from || range.to) && (!range.from || m >= range.from) && (!range.to || m <= range.to);
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
    var typingNow = false;
    input.text.addEventListener("input", function () {
      window.clearTimeout(typing);
      typingNow = true;
      apply(current());
      typingNow = false;
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
