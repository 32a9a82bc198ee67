/* The time axis (drawn by the generator: generator/site/axis.py). Without this script it is a
   drawing whose marks are links. With it, readers zoom and pan (wheel, drag, pinch, the buttons,
   the keyboard), move from event to event with the arrow keys, and the view is in the address
   (?view=FIRST..LAST&focus=ID), so a shared link opens the same view and Back undoes a step.
   The filters of the timeline pages (timeline.js) narrow what it draws. Zooming changes the
   SVG's viewBox only: x is in days, so nothing else moves. A view drawn as counts per period
   is drawn as marks, from the timeline's compact index, once the reader zooms in far enough.
   The compact index comes from lib/data.js, the pan and zoom from lib/panzoom.js. */
import constants, { address, idFrom } from "./lib/constants.js";
import { go, params, withParams } from "./lib/address.js";
import { rows } from "./lib/data.js";
import { LABEL_GAP, countsOf, labelsInPlace, rowsWithLabels } from "./lib/labels.js";
import { clampRange, panZoom } from "./lib/panzoom.js";
import { once, ready } from "./lib/start.js";
import { DIRECTION, MONTHS, SHORT_MONTHS, say } from "./lib/strings.js";

  var DAY = 86400000;
  /* As generator/site/axis.py lays marks out (data/constants.js); the most rows comes from the page (data-max-rows). */
  var ROW = constants.axis.row, HIT = constants.axis.hit, GAP = constants.axis.gap, MAX_DRAWN = 2000, MIN_DAYS = 7;
  /* Once the reader has zoomed or moved, the drawing may grow taller than the page's first view
     allows (events still going when the view begins each take a row). */
  var ZOOMED_ROWS = 40;
  /* Right to left, time runs from right to left: the drawing is mirrored (timeline.css), so
     positions are measured from the right and the arrow keys follow the reading. */
  var RTL = DIRECTION === "rtl", START = RTL ? "right" : "left";
  var LATER = RTL ? "ArrowLeft" : "ArrowRight", EARLIER = RTL ? "ArrowRight" : "ArrowLeft";
  var SVG = "http://www.w3.org/2000/svg";

  /* An event's id, from its mark's link (its address: lib/constants.js); "" for a count. */
  function idOf(mark) {
    return idFrom("event", mark.getAttribute("href") || "");
  }
  function dayNumber(iso) { return Date.parse(iso + "T00:00:00Z") / DAY; }
  function isoOf(day) { return new Date(Math.round(day) * DAY).toISOString().slice(0, 10); }
  function words(day) {
    var d = new Date(Math.round(day) * DAY);
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }

  function start() {
    var figure = document.getElementById("tl-axis");
    if (!once(figure)) return;
    var svg = figure.querySelector(".tl-axis__svg");
    var plot = figure.querySelector(".tl-axis__plot");
    var ticks = figure.querySelector(".tl-axis__ticks");
    var grid = figure.querySelector(".tl-axis__grid");
    var controls = figure.querySelector(".tl-axis__controls");
    var viewText = figure.querySelector(".tl-axis__view");
    var origin = dayNumber(figure.dataset.start);
    var days = Number(figure.dataset.days);
    var root = figure.dataset.root || "";
    var years = (figure.dataset.years || "").split(" ").filter(Boolean);
    var serverMarks = figure.querySelector(".tl-axis__marks");
    var serverBins = figure.querySelector(".tl-axis__bins");
    var serverHeight = svg.viewBox.baseVal.height;
    var maxRows = Number(figure.dataset.maxRows) || 12;
    var height = serverHeight;
    var drawn = null; /* marks this script drew (zoomed into counts, or filtered) */
    var filtered = null; /* the matching rows while a filter is on */
    delete controls.dataset.waiting; /* their room was kept: nothing moves */
    plot.tabIndex = -1;

    var view = { x: 0, w: days };
    var touched = false; /* the reader has zoomed or moved the view (not only loaded it) */

    /* --- drawing ----------------------------------------------------------------------- */
    function el(name, attrs, parent) {
      var node = document.createElementNS(SVG, name);
      for (var key in attrs) node.setAttribute(key, attrs[key]);
      if (parent) parent.appendChild(node);
      return node;
    }
    function line(cls, x1, x2, y1, y2, parent) {
      return el("line", { "class": cls, x1: x1, x2: x2, y1: y1, y2: y2 }, parent);
    }
    /* Rows as the generator lays them out, for this view's real width. */
    function layout(items, perPx) {
      var ends = [];
      return items.map(function (item) {
        var first = item.flags.indexOf("<") >= 0 ? 0 : dayNumber(item.start) - origin;
        var after = item.flags.indexOf(">") >= 0 ? Math.max(days, first + 1) : dayNumber(item.end) - origin + 1;
        var x0 = Math.max(0, first), x1 = Math.min(days, after);
        var w = item.flags.indexOf("p") >= 0 ? 0 : Math.max(0, x1 - x0);
        var centre = x0 + w / 2;
        var left = Math.min(x0, centre - HIT / 2 * perPx);
        var right = Math.max(x0 + w, centre + HIT / 2 * perPx) + GAP * perPx;
        var row = 0;
        while (row < ends.length && ends[row] > left) row++;
        ends[row] = right;
        return { item: item, x: x0, w: w, row: row };
      });
    }
    function label(item) {
      var text = item.words;
      if (/^c\. /.test(text)) text += say("axis.approximate");
      if (item.flags.indexOf(">") >= 0) text += say("axis.ongoing");
      text += ": " + item.title + ", " + item.status;
      item.claims.forEach(function (claim) { text += "; " + claim[2]; });
      return text;
    }
    function drawMarks(items) {
      var perPx = view.w / Math.max(1, plot.clientWidth);
      var placed = layout(items, perPx);
      var count = placed.reduce(function (most, mark) { return Math.max(most, mark.row + 1); }, 0);
      if (count > (touched ? ZOOMED_ROWS : maxRows)) return false;
      var group = el("g", { "class": "tl-axis__marks tl-axis__marks--drawn" });
      placed.forEach(function (mark) {
        var item = mark.item, y = ROW / 2 + 1 + mark.row * ROW, f = item.flags;
        var plain = item.status === "reported" || item.status === "corroborated" || item.status === "confirmed";
        var link = el("a", { "class": "tl-m" + (plain ? "" : " tl-m--" + item.status), href: root + address("event", item.id),
          "data-t": item.title, "data-d": item.words, "data-s": item.status, "aria-label": label(item) }, group);
        if (f.indexOf("[") >= 0) line("tl-m__unknown", mark.x, mark.x, y - 9, y + 9, link);
        if (f.indexOf("]") >= 0) line("tl-m__unknown", mark.x + mark.w, mark.x + mark.w, y - 9, y + 9, link);
        var soft = (f.indexOf("a") >= 0 ? "a" : "") + (f.indexOf("b") >= 0 ? "b" : "");
        if (f.indexOf("p") >= 0) {
          if (soft) line("tl-m__halo", mark.x, mark.x, y, y, link);
          line("tl-m__dot", mark.x, mark.x, y, y, link);
          if (item.status === "disputed" || item.status === "retracted") line("tl-m__hole", mark.x, mark.x, y, y, link);
        } else {
          el("rect", { "class": "tl-m__bar" + (soft ? " tl-soft-" + soft : ""), x: mark.x, y: y - 5, width: mark.w, height: 10 }, link);
        }
        item.claims.forEach(function (claim) {
          var first = dayNumber(claim[0]) - origin, last = dayNumber(claim[1]) - origin;
          var tick = line("tl-m__claim", (first + last + 1) / 2, (first + last + 1) / 2, y - 11, y + 11, link);
          el("title", {}, tick).textContent = claim[2];
        });
        line("tl-m__hit", mark.x + mark.w / 2, mark.x + mark.w / 2, y, y, link);
      });
      clearDrawn();
      drawn = group;
      svg.appendChild(group);
      setHeight(Math.max(1, count) * ROW + 4);
      if (serverMarks) serverMarks.style.display = "none";
      if (serverBins) serverBins.style.display = "none";
      relabel();
      return true;
    }
    function drawBins(items) {
      /* Counts per period of the matching events, as the generator draws them, by month. */
      var counts = {}, peak = 1;
      items.forEach(function (item) {
        var key = item.start.slice(0, 7);
        counts[key] = (counts[key] || 0) + 1;
        peak = Math.max(peak, counts[key]);
      });
      var group = el("g", { "class": "tl-axis__bins tl-axis__marks--drawn" });
      var h = 72;
      Object.keys(counts).forEach(function (key) {
        var first = dayNumber(key + "-01") - origin;
        var parts = key.split("-");
        var after = dayNumber(new Date(Date.UTC(+parts[0], +parts[1], 1)).toISOString().slice(0, 10)) - origin;
        var bar = el("g", { "class": "tl-bin", role: "img", "data-n": counts[key],
          "aria-label": say("axis.monthCount", { month: MONTHS[+parts[1] - 1], year: parts[0], n: counts[key] }) }, group);
        el("rect", { "class": "tl-bin__hit", x: first, y: 0, width: after - first, height: h }, bar);
        var barHeight = 64 * counts[key] / peak;
        el("rect", { "class": "tl-bin__bar", x: first, y: h - 4 - barHeight, width: after - first, height: barHeight }, bar);
      });
      clearDrawn();
      drawn = group;
      svg.appendChild(group);
      setHeight(h);
      labels.textContent = "";
      if (serverMarks) serverMarks.style.display = "none";
      if (serverBins) serverBins.style.display = "none";
    }
    function clearDrawn() {
      if (drawn) drawn.remove();
      drawn = null;
    }
    function restoreServer() {
      clearDrawn();
      if (serverMarks) {
        serverMarks.style.display = "";
        serverMarks.querySelectorAll(".tl-m").forEach(function (mark) { mark.removeAttribute("hidden"); });
      }
      if (serverBins) serverBins.style.display = "";
      setHeight(serverHeight);
      placedRows = 0;
      relabel();
    }
    function relabel() {
      placeLabels();
      svg.setAttribute("viewBox", view.x + " 0 " + view.w + " " + height);
      sayOutside();
    }
    function setHeight(h) {
      height = h;
      svg.style.height = h + "px";
      grid.querySelectorAll("line").forEach(function (gridLine) { gridLine.setAttribute("y2", h); });
    }

    /* What the view shows: the server's drawing, or marks and counts drawn here. */
    var loading = null;
    function visibleRows(items) {
      var first = view.x + origin, last = view.x + view.w + origin;
      return items.filter(function (item) {
        return dayNumber(item.start) < last && (item.flags.indexOf(">") >= 0 || dayNumber(item.end) + 1 > first);
      });
    }
    function matchesPage(item) {
      var match = figure.dataset.match;
      if (!match) return true;
      var kind = match.slice(0, match.indexOf(":")), key = match.slice(match.indexOf(":") + 1);
      return (kind === "actor" && item.actors.indexOf(key) >= 0) || (kind === "place" && item.places.indexOf(key) >= 0) ||
        (kind === "tag" && item.tags.indexOf(key) >= 0);
    }
    function inPage(item) {
      var d = dayNumber(item.start) - origin;
      return d < days && (item.flags.indexOf(">") >= 0 || dayNumber(item.end) - origin + 1 > 0) && matchesPage(item);
    }
    function refresh() {
      if (filtered) {
        if (serverMarks && !serverBins) {
          var ids = {};
          filtered.forEach(function (item) { ids[item.id] = true; });
          serverMarks.querySelectorAll(".tl-m").forEach(function (mark) { mark.toggleAttribute("hidden", !ids[idOf(mark)]); });
          relabel();
          return;
        }
        var mine = filtered.filter(inPage), seen = visibleRows(mine);
        if (seen.length > MAX_DRAWN || !drawMarks(seen)) drawBins(mine);
        return;
      }
      if (!serverBins) { restoreServer(); return; }
      /* Counts per period until the view holds few enough events to draw */
      var estimate = 0;
      serverBins.querySelectorAll(".tl-bin").forEach(function (bin) {
        var rect = bin.querySelector(".tl-bin__hit");
        var x = Number(rect.getAttribute("x")), w = Number(rect.getAttribute("width"));
        if (x < view.x + view.w && x + w > view.x) estimate += Number(bin.dataset.n) || 0; /* its count, as the generator wrote it */
      });
      if (estimate > MAX_DRAWN) { restoreServer(); return; }
      loading = loading || rows(root, years);
      loading.then(function (items) {
        if (filtered) return;
        var seen = visibleRows(items.filter(inPage));
        if (!drawMarks(seen)) restoreServer();
        syncFocus();
      });
    }

    /* --- labels, groups and the card ------------------------------------------------------
       Each mark in view gets its headline beside it where there is room, in its row (the rows
       are laid out again for this width and view so that labels fit, never over another label
       or mark); marks with no room for one are gathered into groups that say how many events
       they hold and zoom to them. A card with the date as recorded, the headline and the status
       shows on hover, focus and a first tap (a second tap, or Enter, opens the event). */
    var labels = document.createElement("div");
    labels.className = "tl-axis__labels";
    labels.setAttribute("aria-hidden", "true"); /* the marks carry the same words as their names */
    plot.insertBefore(labels, ticks);
    var card = document.createElement("div");
    card.className = "tl-axis__card";
    card.hidden = true;
    card.setAttribute("aria-hidden", "true");
    figure.appendChild(card);
    var placedRows = 0;
    /* A mark's headline and date: its own data, or where the page lists the same events below
       the axis (axis_svg.py leaves them out there), that list's line for the same event: its
       link's words and the date before it. */
    var listed = null;
    function saidOf(mark) {
      if (mark.dataset.t !== undefined) return { title: mark.dataset.t, date: mark.dataset.d || "" };
      if (!listed) {
        listed = {};
        figure.parentNode.querySelectorAll(".tl-events > li").forEach(function (line) {
          var link = line.querySelector("a[href]"), date = line.querySelector("strong");
          if (link) listed[link.getAttribute("href")] = { title: link.textContent, date: date ? date.textContent : "" };
        });
      }
      return listed[mark.getAttribute("href")] || { title: "", date: "" };
    }
    function facts(mark) {
      if (!mark.tlFacts) {
        var hit = mark.querySelector(".tl-m__hit"), bar = mark.querySelector(".tl-m__bar");
        var centre = Number(hit.getAttribute("x1")), x0 = bar ? Number(bar.getAttribute("x")) : centre;
        var said = saidOf(mark);
        mark.tlFacts = {
          x0: x0, x1: bar ? x0 + Number(bar.getAttribute("width")) : centre, centre: centre,
          row: Math.round((Number(hit.getAttribute("y1")) - ROW / 2 - 1) / ROW),
          title: said.title, date: said.date, status: mark.dataset.s || "reported"
        };
      }
      return mark.tlFacts;
    }
    function shownMarks() {
      return marks().filter(function (mark) { return mark.classList.contains("tl-m"); });
    }
    function placeLabels() {
      var all = shownMarks(), width = plot.clientWidth || 1, perPx = view.w / width;
      labels.textContent = "";
      if (!all.length) { placedRows = 0; return; }
      var px = function (day) { return (day - view.x) / perPx; };
      var current = all.reduce(function (most, mark) { return Math.max(most, facts(mark).row + 1); }, 0);
      /* Before the reader zooms, the rows are the drawing's own (the first paint keeps its
         height: nothing below the axis moves); after, up to ZOOMED_ROWS. */
      var drawnRows = Math.round((serverHeight - 4) / ROW); /* with the build's spare row, if any */
      var limit = touched ? Math.max(current, ZOOMED_ROWS) : Math.max(current, drawnRows);
      var items = all.map(function (mark) { return { mark: mark, facts: facts(mark) }; });
      var plan = rowsWithLabels(items, px, width, limit) || labelsInPlace(items, px, width);
      var badges = countsOf(plan, width);
      /* The spare row is for the counts: labels take it only when no count needs it. */
      if (badges.length && !touched && limit > current) {
        plan = rowsWithLabels(items, px, width, current) || labelsInPlace(items, px, width);
        badges = countsOf(plan, width);
      }
      var rowsUsed = plan.reduce(function (most, item) { return Math.max(most, item.row + 1); }, 0);
      plan.forEach(function (item) {
        var dy = (item.row - item.facts.row) * ROW;
        if (dy) item.mark.setAttribute("transform", "translate(0 " + dy + ")"); else item.mark.removeAttribute("transform");
        if (!item.label) return;
        var text = document.createElement("a");
        text.className = "tl-axis__label";
        text.href = item.mark.getAttribute("href");
        text.tabIndex = -1;
        text.textContent = item.facts.title;
        text.dir = "auto"; /* a headline in another direction keeps its order and ellipsis (an English title on an Arabic page) */
        var x = item.label.side === "after" ? item.label.right + LABEL_GAP : item.label.left - LABEL_GAP - item.label.room;
        text.style[START] = x.toFixed(1) + "px";
        text.style.top = (item.row * ROW + 1) + "px";
        text.style.maxWidth = item.label.room.toFixed(1) + "px";
        if (item.label.side === "before") text.style.textAlign = RTL ? "left" : "right";
        text.tlMark = item.mark;
        labels.appendChild(text);
      });
      /* Marks in view without a headline: the counts (countsOf), on a row of their own under the marks. */
      badges.forEach(function (badge) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "tl-axis__group";
        button.tabIndex = -1;
        button.textContent = badge.text;
        button.style[START] = badge.x.toFixed(1) + "px";
        button.style.top = (rowsUsed * ROW + 1) + "px";
        var first = Math.min.apply(null, badge.items.map(function (item) { return item.facts.x0; }));
        var last = Math.max.apply(null, badge.items.map(function (item) { return item.facts.x1; }));
        button.addEventListener("click", function () { showSpan(first, last); remember(false); });
        labels.appendChild(button);
      });
      if (badges.length) rowsUsed += 1;
      if (!touched) rowsUsed = Math.max(rowsUsed, Math.round((serverHeight - 4) / ROW)); /* never shorter than drawn */
      if (rowsUsed !== placedRows) { placedRows = rowsUsed; setHeight(Math.max(1, rowsUsed) * ROW + 4); }
      labels.style.height = height + "px";
      figure.dataset.labels = String(labels.querySelectorAll(".tl-axis__label").length); /* tests read it */
    }
    /* A view that shows the days from `first` to `last` with a margin, as the reader's step. */
    function showSpan(first, last) {
      var pad = Math.max((last - first) * 0.1, 2);
      setView(first - pad, Math.max(MIN_DAYS, last - first + 2 * pad));
    }
    function showCard(mark) {
      var f = facts(mark), box = mark.getBoundingClientRect(), frameBox = figure.getBoundingClientRect();
      card.textContent = "";
      var when = document.createElement("span"), title = document.createElement("strong"), status = document.createElement("span");
      when.className = "tl-axis__card-date"; when.textContent = f.date;
      title.className = "tl-axis__card-title"; title.textContent = f.title; title.dir = "auto";
      status.className = "tl-status tl-status--" + f.status; status.textContent = say("status." + f.status);
      card.append(when, title, status);
      card.hidden = false;
      card.tlMark = mark;
      var hit = mark.querySelector(".tl-m__hit").getBoundingClientRect();
      var left = Math.max(0, Math.min(frameBox.width - card.offsetWidth, hit.left + hit.width / 2 - frameBox.left - card.offsetWidth / 2));
      var below = box.bottom - frameBox.top + 4;
      card.style.left = left.toFixed(1) + "px";
      card.style.top = (below + card.offsetHeight > plot.offsetTop + plot.offsetHeight + 40 ? box.top - frameBox.top - card.offsetHeight - 4 : below).toFixed(1) + "px";
    }
    function hideCard() { card.hidden = true; card.tlMark = null; tapped = null; }
    var tapped = null; /* the mark whose card a tap showed: the next tap on it opens it */
    function markOf(target) {
      if (!target || !target.closest) return null;
      var label = target.closest(".tl-axis__label");
      return label ? label.tlMark : target.closest(".tl-m");
    }
    var lastPointer = "mouse";
    plot.addEventListener("pointerover", function (event) {
      var mark = markOf(event.target);
      if (mark && event.pointerType === "mouse") showCard(mark);
    });
    plot.addEventListener("pointerout", function (event) {
      if (event.pointerType === "mouse" && markOf(event.target) && !markOf(event.relatedTarget)) hideCard();
    });
    plot.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType; }, true);
    plot.addEventListener("click", function (event) {
      var mark = markOf(event.target);
      if (!mark) return; /* a click that ends a drag never comes here: lib/panzoom.js swallows it */
      if (lastPointer !== "mouse" && tapped !== mark) { /* a first tap: the card; a second opens it */
        event.preventDefault();
        showCard(mark);
        tapped = mark;
      }
    });
    svg.addEventListener("focusin", function (event) { var mark = markOf(event.target); if (mark) showCard(mark); });
    svg.addEventListener("focusout", function () { hideCard(); });
    figure.addEventListener("keydown", function (event) { if (event.key === "Escape") hideCard(); });

    /* The page's first view: where its events are. Events far apart in time (a long empty
       stretch between them) are clusters; the view opens on the one with the most events (the
       latest of equals), and the controls say how many are before and after it. An event of a
       month or more counts by its start, so that "2020" does not stretch a view of March. */
    function firstView() {
      var all = serverMarks && !serverBins ? Array.prototype.slice.call(serverMarks.querySelectorAll(".tl-m")) : [];
      if (!all.length) return { x: 0, w: days };
      var spans = all.map(function (mark) {
        var f = facts(mark);
        return [f.x0, f.x1 - f.x0 > 45 ? f.x0 + 1 : Math.max(f.x1, f.x0 + 1)];
      }).sort(function (a, b) { return a[0] - b[0]; });
      var clusters = [], gap = Math.max(90, days * 0.2);
      spans.forEach(function (span) {
        var last = clusters[clusters.length - 1];
        if (last && span[0] - last.end <= gap) { last.count++; last.end = Math.max(last.end, span[1]); }
        else clusters.push({ start: span[0], end: span[1], count: 1 });
      });
      var best = clusters.reduce(function (chosen, cluster) { return cluster.count >= chosen.count ? cluster : chosen; });
      var pad = Math.max((best.end - best.start) * 0.06, 3);
      var chosen = clamp(best.start - pad, best.end - best.start + 2 * pad);
      return chosen.w >= days * 0.85 ? { x: 0, w: days } : chosen;
    }
    var first = firstView();
    figure.dataset.first = isoOf(origin + first.x) + ".." + isoOf(origin + first.x + first.w - 1); /* tests read it */
    var outside = document.createElement("span"); /* over the ticks' line: it takes no room of its own */
    outside.className = "tl-axis__outside";
    plot.appendChild(outside);
    function sayOutside() {
      outside.textContent = "";
      var all = shownMarks();
      var before = all.filter(function (mark) { return facts(mark).x1 < view.x; }).length;
      var after = all.filter(function (mark) { return facts(mark).x0 > view.x + view.w; }).length;
      [[before, say("axis.earlier", { n: before }), -1],
        [after, say("axis.later", { n: after }), 1]].forEach(function (part) {
        if (!part[0]) return;
        var button = document.createElement("button");
        button.type = "button";
        button.className = "tl-axis__btn tl-axis__btn--text" + (part[2] > 0 ? " tl-axis__later" : "");
        button.textContent = part[1];
        button.title = say("axis.showThem");
        button.addEventListener("click", function () {
          var xs = all.map(facts).filter(function (f) { return part[2] < 0 ? f.x1 < view.x : f.x0 > view.x + view.w; });
          var lo = Math.min(view.x, Math.min.apply(null, xs.map(function (f) { return f.x0; })));
          var hi = Math.max(view.x + view.w, Math.max.apply(null, xs.map(function (f) { return f.x1; })));
          showSpan(lo, hi);
          remember(false);
        });
        outside.appendChild(button);
      });
    }

    /* --- the view ---------------------------------------------------------------------- */
    function clamp(x, w) {
      var kept = clampRange(x, w, 0, days, MIN_DAYS);
      return { x: kept[0], w: kept[1] };
    }
    var frame = null, lastDrawnView = null;
    function setView(x, w, byReader) {
      if (byReader !== false) touched = true;
      view = clamp(x, w);
      if (!frame) frame = window.requestAnimationFrame(paint);
    }
    function paint() {
      frame = null;
      svg.setAttribute("viewBox", view.x + " 0 " + view.w + " " + height);
      drawTicks();
      relabel(); /* the rows may change the height: the viewBox follows */
      if (card.tlMark) hideCard();
      var whole = view.w >= days - 0.5;
      /* The map of the same page (map.js) shows the places of the events in view. */
      window.clearTimeout(paint.told);
      paint.told = window.setTimeout(function () {
        document.dispatchEvent(new CustomEvent("tl:view", { detail: whole ? null : {
          from: isoOf(origin + view.x), to: isoOf(origin + view.x + view.w - 1) } }));
      }, 150);
      /* said once the reader moves: the first view's words would push the controls' line */
      viewText.textContent = emptyNote + (whole || isFirst() || !touched ? "" : say("axis.showing", { from: words(origin + view.x), to: words(origin + view.x + view.w - 1) }));
      emptyNote = "";
      if ((serverBins && touched) || (filtered && drawn)) { /* the index is fetched only once the reader asks */
        var key = Math.round(view.x) + ":" + Math.round(view.w);
        if (key !== lastDrawnView) { lastDrawnView = key; window.clearTimeout(paint.redraw); paint.redraw = window.setTimeout(refresh, 120); }
      }
    }
    var emptyNote = "";
    function isFirst() { return Math.abs(view.x - first.x) < 0.5 && Math.abs(view.w - first.w) < 0.5; }
    /* Where + and − zoom about: the focused mark, or else the middle of the events in view; a
       view with no event in it zooms about its middle and says so. */
    function zoomAnchor() {
      var focused = shownMarks().filter(function (mark) { return mark.classList.contains("tl-focus") && visible(mark); })[0];
      if (focused) return facts(focused).centre;
      var seen = shownMarks().map(facts).filter(function (f) { return f.centre >= view.x && f.centre <= view.x + view.w; });
      if (!seen.length) {
        emptyNote = say("axis.empty"); /* said by the next paint */
        return view.x + view.w / 2;
      }
      var low = Math.min.apply(null, seen.map(function (f) { return f.centre; }));
      var high = Math.max.apply(null, seen.map(function (f) { return f.centre; }));
      return (low + high) / 2;
    }
    function zoomAt(factor, anchorX) {
      var w = view.w / factor;
      var ratio = (anchorX - view.x) / view.w;
      setView(anchorX - ratio * clamp(0, w).w, w);
    }
    function toDays(clientX) {
      var box = plot.getBoundingClientRect();
      return view.x + ((RTL ? box.right - clientX : clientX - box.left) / box.width) * view.w;
    }

    /* Ticks: the finest unit whose labels fit this width, never overlapping. */
    function drawTicks() {
      var width = plot.clientWidth || 1;
      var perPx = view.w / width;
      var units = [["day", 1, 52], ["day", 7, 52], ["month", 1, 64], ["month", 2, 64], ["month", 3, 64], ["month", 6, 64]];
      var unit = null;
      for (var i = 0; i < units.length; i++) {
        var length = units[i][0] === "day" ? units[i][1] : units[i][1] * 30.44;
        if (length / perPx >= units[i][2] + 8) { unit = units[i]; break; }
      }
      if (!unit) {
        var steps = [1, 2, 5, 10, 20, 50, 100, 1000];
        for (var s = 0; s < steps.length; s++) if (steps[s] * 365.25 / perPx >= 48) { unit = ["year", steps[s], 40]; break; }
      }
      var first = new Date((origin + view.x) * DAY), last = origin + view.x + view.w;
      var day = Date.UTC(first.getUTCFullYear(), unit[0] === "day" ? first.getUTCMonth() : (unit[0] === "month" ? first.getUTCMonth() : 0), unit[0] === "day" ? first.getUTCDate() : 1);
      var out = [], previousYear = null;
      while (day / DAY < last && out.length < 400) {
        var d = new Date(day);
        var keep = unit[0] === "year" ? d.getUTCFullYear() % unit[1] === 0 :
          unit[0] === "month" ? d.getUTCMonth() % unit[1] === 0 : unit[1] === 1 || d.getUTCDay() === 1;
        if (keep && day / DAY >= origin + view.x - 0.01) {
          var text = unit[0] === "year" ? String(d.getUTCFullYear()) :
            unit[0] === "month" ? SHORT_MONTHS[d.getUTCMonth()] + (d.getUTCMonth() === 0 || previousYear === null ? " " + d.getUTCFullYear() : "") :
            d.getUTCDate() + " " + SHORT_MONTHS[d.getUTCMonth()];
          out.push([day / DAY - origin, text]);
          previousYear = d.getUTCFullYear();
        }
        if (unit[0] === "year") day = Date.UTC(d.getUTCFullYear() + 1, 0, 1);
        else if (unit[0] === "month") day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
        else day += DAY;
      }
      var fragment = document.createDocumentFragment(), lines = document.createDocumentFragment();
      var previousRight = -Infinity;
      out.forEach(function (tick) {
        var left = (tick[0] - view.x) / view.w * width;
        var span = document.createElement("span");
        span.textContent = tick[1];
        span.style[START] = (100 * (tick[0] - view.x) / view.w).toFixed(3) + "%";
        if (left >= previousRight && left + unit[2] <= width + 1) {
          fragment.appendChild(span);
          previousRight = left + unit[2] + 4;
        }
        lines.appendChild(el("line", { x1: tick[0], x2: tick[0], y1: 0, y2: height }));
      });
      ticks.textContent = "";
      ticks.appendChild(fragment);
      grid.textContent = "";
      grid.appendChild(lines);
    }

    /* --- the address ------------------------------------------------------------------- */
    function readUrl() {
      var asked = params();
      var state = { view: null, focus: asked.get("focus") || "" };
      var match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(asked.get("view") || "");
      if (match) {
        var x = dayNumber(match[1]) - origin;
        state.view = { x: x, w: dayNumber(match[2]) - origin + 1 - x };
      }
      return state;
    }
    function urlFor() {
      var whole = isFirst() || view.w >= days - 0.5;
      var focused = marks().filter(function (mark) { return mark.classList.contains("tl-focus"); })[0];
      return withParams({
        view: whole ? "" : isoOf(origin + view.x) + ".." + isoOf(origin + view.x + view.w - 1),
        focus: focused ? idOf(focused) : ""
      });
    }
    function remember(replace) {
      go(urlFor(), replace, window.history.state);
    }
    window.addEventListener("popstate", function () { applyUrl(); });
    function applyUrl() {
      var state = readUrl();
      if (state.view) setView(state.view.x, state.view.w); else setView(first.x, first.w, false);
      pendingFocus = state.focus;
      syncFocus();
    }

    /* --- marks and focus --------------------------------------------------------------- */
    function marks() {
      var group = drawn && drawn.classList.contains("tl-axis__marks") ? drawn : (serverBins && !drawn ? serverBins : serverMarks);
      if (!group) return [];
      return Array.prototype.slice.call(group.querySelectorAll(".tl-m, .tl-bin[href]")).filter(function (mark) { return !mark.hidden; });
    }
    var pendingFocus = "";
    function syncFocus() {
      var all = marks();
      all.forEach(function (mark) { mark.setAttribute("tabindex", "-1"); mark.classList.remove("tl-focus"); });
      var chosen = pendingFocus ? all.filter(function (mark) { return idOf(mark) === pendingFocus; })[0] : null;
      if (chosen) chosen.classList.add("tl-focus");
      var entry = chosen || all.filter(visible)[0] || all[0];
      if (entry) entry.setAttribute("tabindex", "0");
    }
    function visible(mark) {
      var x = markX(mark);
      return x >= view.x && x <= view.x + view.w;
    }
    function markX(mark) {
      var hit = mark.querySelector(".tl-m__hit, .tl-bin__hit");
      return Number(hit.getAttribute("x1") || (Number(hit.getAttribute("x")) + Number(hit.getAttribute("width")) / 2));
    }
    function focusMark(mark) {
      var all = marks();
      all.forEach(function (other) { other.setAttribute("tabindex", "-1"); other.classList.remove("tl-focus"); });
      mark.setAttribute("tabindex", "0");
      mark.classList.add("tl-focus");
      pendingFocus = idOf(mark);
      if (!visible(mark)) setView(markX(mark) - view.w / 2, view.w);
      mark.focus();
      remember(true);
    }
    svg.addEventListener("keydown", function (event) {
      var mark = event.target.closest && event.target.closest(".tl-m, .tl-bin");
      if (!mark) return;
      var all = marks(), index = all.indexOf(mark), key = event.key, next = null;
      if (key === LATER || key === "ArrowDown") next = all[Math.min(all.length - 1, index + 1)];
      else if (key === EARLIER || key === "ArrowUp") next = all[Math.max(0, index - 1)];
      else if (key === "Home") next = all[0];
      else if (key === "End") next = all[all.length - 1];
      else if (key === "+" || key === "=") { zoomAt(2, markX(mark)); remember(false); event.preventDefault(); return; }
      else if (key === "-" || key === "_" || key === "−") { zoomAt(0.5, markX(mark)); remember(false); event.preventDefault(); return; }
      else return;
      event.preventDefault();
      if (next) focusMark(next);
    });
    svg.addEventListener("focusin", function (event) {
      var mark = event.target.closest && event.target.closest(".tl-m");
      if (mark && !mark.classList.contains("tl-focus")) {
        marks().forEach(function (other) { other.classList.remove("tl-focus"); });
        mark.classList.add("tl-focus");
        pendingFocus = idOf(mark);
      }
    });

    /* --- pointer: drag to pan, pinch to zoom, wheel to zoom (lib/panzoom.js) ------------ */
    panZoom(plot, {
      threshold: 6, /* a tap on a mark stays a tap */
      horizontal: true,
      pan: function (dx) {
        var width = plot.getBoundingClientRect().width || 1;
        setView(view.x - (RTL ? -dx : dx) / width * view.w, view.w);
      },
      pinch: function (ratio, x) { zoomAt(ratio, toDays(x)); },
      wheel: function (event) {
        var horizontal = Math.abs(event.deltaX) > Math.abs(event.deltaY);
        if (!horizontal && !event.ctrlKey && view.w >= days - 0.5 && event.deltaY > 0) return false; /* let the page scroll */
        if (horizontal) setView(view.x + (RTL ? -event.deltaX : event.deltaX) / (plot.clientWidth || 1) * view.w, view.w);
        else zoomAt(Math.exp(-event.deltaY * 0.002), toDays(event.clientX));
        return true;
      },
      settle: function () { remember(false); }
    });

    /* --- buttons ----------------------------------------------------------------------- */
    controls.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      var act = button.dataset.act;
      if (act === "in") zoomAt(2, zoomAnchor());
      else if (act === "out") zoomAt(0.5, zoomAnchor());
      else if (act === "all") setView(first.x, first.w); /* the page's first view */
      else if (act === "choose") {
        document.dispatchEvent(new CustomEvent("tl:choose", { detail: {
          from: isoOf(origin + view.x).slice(0, 7), to: isoOf(origin + view.x + view.w - 1).slice(0, 7) } }));
        return;
      }
      remember(false);
    });

    /* --- the filters (timeline.js) ----------------------------------------------------- */
    document.addEventListener("tl:filtered", function (event) {
      filtered = event.detail ? event.detail.rows : null;
      refresh();
      syncFocus();
    });

    plot.addEventListener("dblclick", function (event) {
      if (markOf(event.target)) return;
      zoomAt(2, toDays(event.clientX));
      remember(false);
    });
    /* A story's step (story.js): its event in the middle, its neighbours in time around it. */
    document.addEventListener("tl:show-event", function (event) {
      var id = event.detail && event.detail.id;
      var all = shownMarks().map(function (mark) { return { id: idOf(mark), f: facts(mark) }; })
        .sort(function (a, b) { return a.f.centre - b.f.centre; });
      var at = all.map(function (item) { return item.id; }).indexOf(id);
      if (at < 0) return;
      var centre = all[at].f.centre, reach = 15;
      if (at > 0) reach = Math.max(reach, centre - all[at - 1].f.centre);
      if (at < all.length - 1) reach = Math.max(reach, all[at + 1].f.centre - centre);
      /* centred even at the ends of the story's span: the view may reach past them there */
      var w = Math.min(2 * days, Math.max(2 * reach * 1.15, all[at].f.x1 - all[at].f.x0 + 8, 30));
      view = { x: centre - w / 2, w: w };
      if (!frame) frame = window.requestAnimationFrame(paint);
    });

    window.addEventListener("resize", function () { setView(view.x, view.w, false); });
    applyUrl();
    if (!readUrl().view) drawTicks();
  }

  ready(start);
