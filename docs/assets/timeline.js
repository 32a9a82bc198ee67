/* Timeline filters. Without this script each timeline page is a plain list (a year, or a month
   of a crowded year) and every event is reached by links. With it, readers narrow the whole
   timeline by text, actor, place, tag, status, years, or a stretch of the time axis: the
   timeline's compact index (a small JSON file per year, fetched on the first filter, by
   lib/data.js) is matched here, and the matching events of every year are
   shown in time order; the axis draws only them (the "tl:filtered" event). The filter lives in
   the URL (?actor=...&from=2020-03), so a shared link opens the same view and Back undoes it. */
import { go, params, withParams } from "./lib/address.js";
import { FIELDS, matching, names as namesOf, rows, stateOf } from "./lib/data.js";
import { eventItem } from "./lib/items.js";
import { once, ready } from "./lib/start.js";
import { say } from "./lib/strings.js";

var PAGE = 30; /* events shown at a time; "Show more" adds the next ones */

function start() {
    var controls = document.getElementById("tl-controls");
    var form = document.getElementById("tl-filters");
    if (!form || !once(controls)) return;
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
    function names() { return namesOf(root); }
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
      return rows(root, (controls.dataset.years || "").split(" ").filter(Boolean));
    }

    /* State <-> URL: the filters' keys, the other scripts' kept */
    function readUrl() { return stateOf(params()); }
    function urlFor(state) {
      var changes = {};
      FIELDS.forEach(function (name) { changes[name] = state[name]; });
      return withParams(changes);
    }
    var selectedFrom = "", selectedTo = "";
    function current() {
      var state = {};
      FIELDS.forEach(function (name) { state[name] = input[name].value.trim(); });
      if (selectedFrom) state.from = selectedFrom; /* a stretch chosen on the time axis */
      if (selectedTo) state.to = selectedTo;
      return state;
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
      var active = FIELDS.filter(function (name) { return state[name]; }).length;
      if (activeLabel) activeLabel.textContent = active ? say("filters.active", { n: active }) : "";
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
        count.textContent = say("filters.showing", { n: found.length, total: total });
        controls.dataset.answered = String(mine); /* which filter the count is for (tests read it) */
        list.textContent = "";
        staticPart.hidden = true;
        results.hidden = false;
        showMore();
        document.dispatchEvent(new CustomEvent("tl:filtered", { detail: { rows: found, state: state } }));
      }).catch(function () {
        if (mine === generation) count.textContent = say("filters.failed");
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
    function itemFor(row) { return eventItem(row, root); }
    more.addEventListener("click", showMore);

    function commit(replace) {
      var state = current();
      go(urlFor(state), replace, state);
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
    window.addEventListener("popstate", function () { applyChosen(readUrl()); });

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

ready(start);
