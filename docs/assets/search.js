/* Site search: Pagefind's index of the built site (_pagefind/), opened from the header's search
   button or with "/", "s" or "f" as in Material. Nothing is fetched until a reader opens it; then
   Pagefind downloads only the index fragments a query needs.

   Our own small interface over Pagefind's JavaScript API rather than Pagefind's UI: its UI loads
   every facet on start, and Pagefind then counts each facet's values over every match of every
   query, which is most of the time of a query matching thousands of pages (docs/performance.md).
   Here the facets are loaded, and counted, only once a reader opens "Narrow the results". */
import { ready } from "./lib/start.js";
import { say } from "./lib/strings.js";

function start() {
  var dialog = document.getElementById("tl-search");
  var mount = document.getElementById("tl-search-ui");
  var button = document.querySelector(".tl-search-open");
  if (!dialog || !mount || !button) return;
  /* An address from the site's root: Pagefind resolves a relative one against its own script. */
  var bundle = new URL(mount.dataset.bundle || "_pagefind/", window.location.href).pathname;
  /* Each language has its own index (its pages' addresses are from its own root: /ar/); the
     pictures are the site's, from its root. */
  var languageRoot = bundle.replace(/_pagefind\/$/, "");
  var siteRoot = new URL(mount.dataset.root || languageRoot, window.location.href).pathname;
  var PAGE = 10; /* results shown at a time */
  var FACETS = ["kind", "year", "actor", "place", "tag", "status"].map(function (name) { return [name, say("search.facet." + name)]; });
  var FIRST_VALUES = 12; /* values of a facet shown before "Show all" */
  var pagefind = null;
  var loading = null;
  var ui = null;
  var state = { term: "", chosen: {}, results: [], shown: 0, asked: 0, facetsLoaded: false, counts: {} };

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function build() {
    var form = element("form", { role: "search", class: "tl-sr__form" });
    var label = element("label", { for: "tl-sr-q", class: "tl-sr__label" }, say("search.label"));
    var input = element("input", {
      id: "tl-sr-q", type: "search", autocomplete: "off", spellcheck: "false",
      placeholder: say("search.placeholder"), "aria-controls": "tl-sr-results"
    });
    form.append(label, input);
    var facets = element("details", { class: "tl-sr__facets" });
    var facetsSummary = element("summary", {}, say("search.narrow"));
    var facetsBody = element("div", { class: "tl-sr__facet-list" });
    facets.append(facetsSummary, facetsBody);
    var status = element("p", { class: "tl-sr__status", role: "status", "aria-live": "polite" });
    var list = element("ol", { id: "tl-sr-results", class: "tl-sr__results" });
    var more = element("button", { type: "button", class: "tl-sr__more", hidden: "" }, say("search.more"));
    mount.textContent = "";
    mount.append(form, facets, status, list, more);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) first.click();
    });
    var timer = null;
    input.addEventListener("input", function () {
      var term = input.value.trim();
      if (pagefind && term) pagefind.preload(term);
      clearTimeout(timer);
      timer = setTimeout(function () { search(term); }, 120);
    });
    facets.addEventListener("toggle", function () {
      if (facets.open && !state.facetsLoaded) loadFacets();
    });
    more.addEventListener("click", function () { showMore(); });
    return { input: input, facets: facets, facetsSummary: facetsSummary, facetsBody: facetsBody, status: status, list: list, more: more };
  }

  function load() {
    if (loading) return loading;
    ui = build();
    var baseUrl = languageRoot;
    /* A large site's index is in shards (generator/search.py): searched as one. */
    var shards = fetch(bundle + "shards.json").then(function (response) {
      return response.ok ? response.json() : [];
    }).catch(function () { return []; });
    loading = import(bundle + "pagefind.js").then(function (module) {
      pagefind = module;
      return pagefind.options({ baseUrl: baseUrl, excerptLength: 24 });
    }).then(function () {
      return pagefind.init();
    }).then(function () {
      return shards;
    }).then(function (names) {
      return Promise.all(names.map(function (name) {
        return pagefind.mergeIndex(bundle + name, { baseUrl: baseUrl });
      }));
    }).catch(function () {
      pagefind = null;
      ui.status.textContent = say("search.unavailable");
    });
    return loading;
  }

  function chosenFilters() {
    var filters = {};
    Object.keys(state.chosen).forEach(function (facet) {
      if (state.chosen[facet].length) filters[facet] = { any: state.chosen[facet] };
    });
    return filters;
  }

  function activeCount() {
    return Object.keys(state.chosen).reduce(function (sum, facet) { return sum + state.chosen[facet].length; }, 0);
  }

  function search(term) {
    state.term = term;
    var asked = ++state.asked;
    loading.then(function () {
      if (pagefind && asked === state.asked) run(term, asked);
    });
  }

  /* Pagefind answers a word it has not indexed with the pages of the word's longest beginning
     that it has ("so" for "Soleimani": Pagefind/pagefind#793), and has no setting against it.
     A page truly matches a typed word when one of its words begins with it ("taj" for "Taji"),
     or when the typed word begins with one of its words of at least three letters and half the
     typed length (a stem: "attack" for "attacks"). Those that do not are never shown: the reader
     reads "No results", and, where a word of the site is a letter or two away from what was
     typed, a link that searches for it (data/words.json, fetched then). */
  function folded(text) { /* as Pagefind reads words: accents and apostrophes dropped ("Kata'ib" is "kataib") */
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/['\u2019]/g, "");
  }
  function wordsOf(text) {
    return folded(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }
  function hasWord(words, typed) {
    return words.some(function (word) {
      return word.indexOf(typed) === 0 || (typed.indexOf(word) === 0 && word.length >= 3 && word.length * 2 >= typed.length);
    });
  }
  function truly(text, term) {
    var words = wordsOf(text);
    return wordsOf(term).every(function (typed) { return hasWord(words, typed); });
  }
  function pageMatches(data, term) {
    return !term || truly(((data.meta || {}).title || "") + " " + (data.content || ""), term);
  }
  window.tlSearchMatches = truly; /* the rule, for tests/test_browser.py's table */

  /* Edit distance with a swap of neighbours as one edit ("coalitoin"), given up past `most`. */
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var before = null, row = [], previous = [];
    for (var j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      row = [i];
      var least = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a[i - 1] === b[k - 1] ? 0 : 1;
        var value = Math.min(previous[k] + 1, row[k - 1] + 1, previous[k - 1] + cost);
        if (before && i > 1 && k > 1 && a[i - 1] === b[k - 2] && a[i - 2] === b[k - 1]) value = Math.min(value, before[k - 2] + 1);
        row[k] = value;
        if (value < least) least = value;
      }
      if (least > most) return most + 1;
      before = previous;
      previous = row;
    }
    return previous[b.length];
  }
  /* The closest word of the site to a typed one: one edit for up to five letters, two beyond;
     the most used among the closest (the list runs most used first). */
  function closest(typed, words) {
    if (typed.length < 4 || words.indexOf(typed) >= 0) return null;
    var most = typed.length <= 5 ? 1 : 2, best = null, bestDistance = most + 1;
    for (var i = 0; i < words.length && bestDistance > 1; i++) {
      var d = distance(typed, words[i], Math.min(most, bestDistance - 1));
      if (d < bestDistance) { best = words[i]; bestDistance = d; }
    }
    return best;
  }
  /* What to search for instead: each typed word no page has, replaced by its closest word;
     null when no word has a close one. */
  function suggestion(term, words) {
    var typed = wordsOf(term), changed = false;
    var fixed = typed.map(function (word) {
      var known = words.some(function (site) { return site.indexOf(word) === 0; });
      var near = known ? null : closest(word, words);
      if (near) changed = true;
      return near || word;
    });
    return changed ? fixed.join(" ") : null;
  }
  window.tlSearchSuggestion = suggestion; /* the rule, for the tests' table */
  var vocabulary = null;
  function siteWords() {
    if (!vocabulary) {
      vocabulary = fetch(languageRoot + "data/words.json").then(function (response) {
        return response.ok ? response.json() : [];
      }).catch(function () { return []; });
    }
    return vocabulary;
  }

  function nothingFor(term, narrowed, asked) {
    ui.list.textContent = "";
    ui.more.hidden = true;
    state.results = [];
    ui.status.textContent = say("search.none", { term: term, narrowed: narrowed });
    ui.status.dataset.none = "1";
    siteWords().then(function (words) {
      if (asked !== state.asked) return;
      var instead = suggestion(term, words);
      if (!instead) return;
      var link = element("a", { href: "#", class: "tl-sr__suggest" }, instead);
      link.addEventListener("click", function (event) {
        event.preventDefault();
        ui.input.value = instead;
        search(instead);
        ui.input.focus();
      });
      ui.status.append(say("search.searchFor"), link, say("search.instead"));
    });
  }

  function run(term, asked) {
    var filters = chosenFilters();
    if (!term && !Object.keys(filters).length) {
      state.results = [];
      ui.list.textContent = "";
      ui.more.hidden = true;
      ui.status.textContent = "";
      return;
    }
    ui.status.textContent = say("search.searching");
    pagefind.search(term || null, { filters: filters }).then(function (found) {
      if (asked !== state.asked || !found) return; /* a newer query replaced this one */
      state.results = found.results;
      state.shown = 0;
      state.counts = found.filters || {};
      ui.list.textContent = "";
      var count = found.results.length;
      var what = term ? say("search.for", { term: term }) : "";
      var narrowed = activeCount() ? say("search.filtersOn", { n: activeCount() }) : "";
      if (state.facetsLoaded) renderFacets();
      ui.status.dataset.none = "";
      if (!count && term) return nothingFor(term, narrowed, asked);
      showMore().then(function (pages) {
        if (asked !== state.asked) return;
        var matching = pages.filter(function (data) { return pageMatches(data, term); }).length;
        if (term && !matching) return nothingFor(term, narrowed, asked);
        if (matching < pages.length) count = matching; /* Pagefind's fallback pages were dropped */
        ui.status.textContent = count ? say("search.results", { n: count, count: count.toLocaleString("en"), what: what, narrowed: narrowed })
          : say("search.noResults", { what: what, narrowed: narrowed });
      });
    });
  }

  function showMore() {
    var asked = state.asked;
    var term = state.term;
    var batch = state.results.slice(state.shown, state.shown + PAGE);
    state.shown += batch.length;
    ui.more.hidden = state.shown >= state.results.length;
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
      if (asked !== state.asked) return pages;
      pages.forEach(function (data) {
        if (pageMatches(data, term)) ui.list.appendChild(resultItem(data)); /* never a page without the word */
      });
      return pages;
    });
  }

  /* Pagefind's excerpt is the page's text with "<" and ">" escaped and the matched words in
     <mark>: it is rebuilt here as text nodes and <mark> elements, never parsed as HTML. */
  function excerptNodes(excerpt) {
    var holder = element("p", { class: "tl-sr__excerpt" });
    excerpt.split(/(<mark>|<\/mark>)/).reduce(function (marked, piece) {
      if (piece === "<mark>") return true;
      if (piece === "</mark>") return false;
      if (piece) {
        var text = piece.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
        holder.appendChild(marked ? element("mark", {}, text) : document.createTextNode(text));
      }
      return marked;
    }, false);
    return holder;
  }

  function resultItem(data) {
    var item = element("li", { class: "tl-sr__result" });
    var meta = data.meta || {};
    var link = element("a", { class: "tl-sr__link", href: data.url }, meta.title || data.url);
    var heading = element("p", { class: "tl-sr__title" });
    heading.appendChild(link);
    var kind = ((data.filters || {}).kind || [])[0];
    var details = [kind, meta.date].filter(Boolean).join(" · ");
    if (meta.thumb && /^media\/[a-z0-9.-]+$/.test(meta.thumb)) { /* a path from the site's root (event, actor, place pages) */
      var thumb = element("img", { class: "tl-thumb", src: siteRoot + meta.thumb, alt: "", loading: "lazy", decoding: "async" });
      item.appendChild(thumb);
    }
    item.appendChild(heading);
    if (details) item.appendChild(element("p", { class: "tl-sr__meta" }, details));
    item.appendChild(excerptNodes(data.excerpt || ""));
    return item;
  }

  function loadFacets() {
    state.facetsLoaded = true;
    ui.facetsBody.textContent = say("search.loading");
    pagefind.filters().then(function (all) {
      state.counts = all;
      renderFacets();
      search(state.term); /* counts for the current results */
    });
  }

  function sortedValues(facet, counts) {
    var chosen = state.chosen[facet] || [];
    var values = Object.keys(counts).filter(function (value) { return counts[value] > 0 || chosen.indexOf(value) >= 0; });
    if (facet === "year") return values.sort().reverse();
    return values.sort(function (a, b) { return counts[b] - counts[a] || a.localeCompare(b); });
  }

  function renderFacets() {
    var open = {};
    ui.facetsBody.querySelectorAll("details[data-facet]").forEach(function (box) {
      open[box.dataset.facet] = { open: box.open, all: box.dataset.all === "1" };
    });
    ui.facetsBody.textContent = "";
    FACETS.forEach(function (pair) {
      var facet = pair[0];
      var counts = state.counts[facet];
      if (!counts) return;
      var values = sortedValues(facet, counts);
      if (!values.length) return;
      var was = open[facet] || { open: false, all: false };
      var box = element("details", { "data-facet": facet, class: "tl-sr__facet" });
      box.open = was.open || (state.chosen[facet] || []).length > 0;
      if (was.all) box.dataset.all = "1";
      box.appendChild(element("summary", {}, pair[1]));
      var shown = was.all ? values : values.slice(0, FIRST_VALUES);
      shown.forEach(function (value) {
        var label = element("label", { class: "tl-sr__value" });
        var box2 = element("input", { type: "checkbox" });
        box2.checked = (state.chosen[facet] || []).indexOf(value) >= 0;
        box2.addEventListener("change", function () { choose(facet, value, box2.checked); });
        label.append(box2, document.createTextNode(" " + value + " "), element("span", { class: "tl-sr__n" }, "(" + counts[value] + ")"));
        box.appendChild(label);
      });
      if (shown.length < values.length) {
        var all = element("button", { type: "button", class: "tl-sr__all" }, say("search.all", { n: values.length }));
        all.addEventListener("click", function () { box.dataset.all = "1"; renderFacets(); });
        box.appendChild(all);
      }
      ui.facetsBody.appendChild(box);
    });
    var active = activeCount();
    ui.facetsSummary.textContent = say("search.narrow") + (active ? say("filters.active", { n: active }) : "");
  }

  function choose(facet, value, on) {
    var chosen = (state.chosen[facet] || []).filter(function (other) { return other !== value; });
    if (on) chosen.push(value);
    state.chosen[facet] = chosen;
    search(ui.input.value.trim());
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    load().then(function () { ui.input.focus(); });
    if (ui) ui.input.focus();
  }

  button.addEventListener("click", open);
  /* A click on the backdrop (outside the dialog's box) closes it. */
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });
  document.addEventListener("keydown", function (event) {
    if (dialog.open || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      open();
    }
  });
}

ready(start);
