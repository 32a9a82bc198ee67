/* Place maps (generator/site/placemap.py draws them; this script only moves them). Without it a
   map is an SVG with a link per place, marks too close together drawn as one numbered mark that
   leads to the list of places. With it, the reader zooms (wheel once the map has focus or with
   Ctrl, pinch, buttons, + and - keys) and drags or uses the arrow keys to move; marks keep their
   size and are grouped again at each scale by the generator's rule; the view is kept in the
   address (?map=zoom/x/y). On the timeline pages the map shows only the places of the events the
   filters (timeline.js, "tl:filtered") and the time axis's view (axis.js, "tl:view") leave, and
   choosing a place sets the place filter ("tl:choose-place"). */
import constants, { idFrom } from "./lib/constants.js";
import { go, params, withParams } from "./lib/address.js";
import { rows as indexRows } from "./lib/data.js";
import { clampNumber, clampRange, panZoom } from "./lib/panzoom.js";
import { once, ready } from "./lib/start.js";
import { say } from "./lib/strings.js";

/* The generator's numbers (site/basemap.py, site/placemap.py); the zoom's limits are the script's. */
var W = constants.map.width, H = constants.map.height, DETAIL = constants.map.detail, GAP = constants.map.gap;
var LABEL_H = constants.map.labelHeight, DOT = constants.map.dot, MAX_ZOOM = 64, DETAIL_FROM = 2;
var SVG = "http://www.w3.org/2000/svg";

function dotRadius(n, sized) {
  return sized ? Math.round(Math.min(DOT.most, DOT.least + DOT.per_root * Math.sqrt(n)) * 10) / 10 : DOT.unsized;
}

function start() {
    var figure = document.getElementById("tl-map");
    if (!once(figure)) return;
    var plot = figure.querySelector(".tl-map__plot");
    var svg = figure.querySelector(".tl-map__svg");
    var ground = figure.querySelector(".tl-map__ground");
    var uses = ground.querySelectorAll("use");
    var layer = figure.querySelector(".tl-map__marks");
    var controls = document.createElement("span"); /* made here: a page without the script has no use for them */
    controls.className = "tl-map__controls";
    [["in", "+", say("map.zoomIn"), say("map.zoomInKey")], ["out", "\u2212", say("map.zoomOut"), say("map.zoomOutKey")],
      ["all", say("map.whole")]].forEach(function (made) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "tl-map__btn" + (made[2] ? "" : " tl-map__btn--text");
      button.dataset.act = made[0];
      button.textContent = made[1];
      if (made[2]) { button.setAttribute("aria-label", made[2]); button.title = made[3]; }
      controls.appendChild(button);
    });
    var said = document.createElement("span");
    said.className = "tl-map__view";
    said.setAttribute("aria-live", "polite");
    controls.appendChild(said);
    var caption = figure.querySelector(".tl-map__caption");
    caption.insertBefore(document.createTextNode(" "), caption.firstChild);
    caption.insertBefore(controls, caption.firstChild);
    var viewText = controls.querySelector(".tl-map__view");
    var base = (figure.dataset.shared || figure.dataset.root || "") + "maps/" + (figure.dataset.frame || "").split(" ").join("-");
    var sized = figure.dataset.sized === "1";
    var pick = figure.dataset.pick === "1";
    var labelPx = constants.map.labelPx, maxLabels = constants.map.maxLabels; /* placemap.py's, as it placed the names */
    plot.setAttribute("tabindex", "0");
    plot.setAttribute("aria-label", say("map.keys"));

    /* The places, as the page drew them; the page's own groups give way to ours. */
    var spots = Array.prototype.map.call(layer.querySelectorAll("a.tl-pm"), function (a) {
      var text = a.querySelector("text");
      /* The id is the link's, the name the one beside the mark unless the page wrote another
         (map_svg.py writes only what the mark does not already say); both kept as data. */
      if (!a.dataset.place) a.dataset.place = idFrom("place", a.getAttribute("href"));
      if (!a.dataset.name) a.dataset.name = text ? text.textContent : "";
      if (text) text.remove();
      var at = /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)/.exec(a.getAttribute("transform") || "") || [0, 0, 0];
      a.dataset.x = at[1]; /* where the page put it, kept as the view moves it (tests read it) */
      a.dataset.y = at[2];
      var outline = a.querySelector(".tl-pm__country"); /* a country's own outline, written finer than the map's units */
      var finer = outline ? Number((/scale\(([\d.e-]+)\)/.exec(outline.getAttribute("transform") || "") || [0, 1])[1]) : 1;
      return {
        el: a, id: a.dataset.place, n: Number(a.dataset.n) || 0, x: Number(at[1]), y: Number(at[2]),
        area: Number(a.dataset.area) || 0, areaEl: a.querySelector(".tl-pm__area"), dotEl: a.querySelector(".tl-pm__dot"),
        outlineEl: outline, finer: finer,
        name: a.dataset.name || "", shown: true /* the name as written: never cut out of the accessible name */
      };
    });
    layer.querySelectorAll("a.tl-pg").forEach(function (g) { g.remove(); });
    /* Places beyond the frame, named at the edge in their direction (placemap.py's Edge): kept
       at the edge of whatever view is shown, in the direction the view's centre sees them. */
    var edges = Array.prototype.map.call(layer.querySelectorAll("a.tl-pe"), function (a) {
      var points = (a.dataset.at || "").split(" ").filter(Boolean).map(function (pair) { return pair.split(",").map(Number); });
      var text = a.querySelector("text");
      return {
        el: a, members: (a.dataset.members || "").split(" "), anchor: text.getAttribute("text-anchor"), width: text.textContent.length,
        x: points.reduce(function (sum, p) { return sum + p[0]; }, 0) / points.length,
        y: points.reduce(function (sum, p) { return sum + p[1]; }, 0) / points.length, shown: true
      };
    });
    var inset = constants.map.edgeInset;
    var groupLayer = document.createElementNS(SVG, "g");
    layer.appendChild(groupLayer);

    var view = { k: 1, x: W / 2, y: H / 2 };
    var size = { w: W, h: H, s: 1 };
    function measure() {
      var w = plot.clientWidth || W;
      size = { w: w, h: w * H / W, s: w / W };
      svg.setAttribute("viewBox", "0 0 " + size.w + " " + size.h);
    }
    function clamp(k, x, y) {
      k = clampNumber(k, 1, MAX_ZOOM);
      var halfW = W / 2 / k, halfH = H / 2 / k;
      return { k: k, x: clampRange(x - halfW, 2 * halfW, 0, W)[0] + halfW, y: clampRange(y - halfH, 2 * halfH, 0, H)[0] + halfH };
    }
    function toScreen(x, y) {
      var f = view.k * size.s;
      return [(x - view.x) * f + size.w / 2, (y - view.y) * f + size.h / 2];
    }
    function toBase(sx, sy) {
      var f = view.k * size.s;
      return [(sx - size.w / 2) / f + view.x, (sy - size.h / 2) / f + view.y];
    }

    /* --- drawing --------------------------------------------------------------------------- */
    var frame = null;
    function redraw() { if (!frame) frame = window.requestAnimationFrame(paint); }
    function paint() {
      frame = null;
      var f = view.k * size.s;
      var detailed = view.k >= DETAIL_FROM;
      ground.setAttribute("transform", "translate(" + (size.w / 2 - view.x * f) + " " + (size.h / 2 - view.y * f) + ") scale(" + f + ")");
      uses.forEach(function (use) {
        var part = use.getAttribute("href").split("#")[1];
        var href = base + (detailed ? "-detail" : "") + ".svg#" + part;
        if (use.getAttribute("href") !== href) use.setAttribute("href", href);
        if (detailed) use.setAttribute("transform", "scale(" + (1 / DETAIL) + ")"); else use.removeAttribute("transform");
      });
      layout();
      viewText.textContent = view.k > 1.01 ? say("map.zoom", { k: Math.round(view.k * 10) / 10 }) : "";
    }

    /* The generator's rule (placemap.py): biggest first, each mark joins the first group it
       touches; names where they fit, right of the mark or else left, most events first. */
    function layout() {
      var shown = spots.filter(function (spot) { return spot.shown; });
      shown.sort(function (a, b) { return b.n - a.n || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0); });
      var groups = [];
      shown.forEach(function (spot) {
        var p = toScreen(spot.x, spot.y);
        spot.sx = p[0]; spot.sy = p[1];
        var r = dotRadius(spot.n, sized);
        for (var i = 0; i < groups.length; i++) {
          var g = groups[i];
          if (Math.hypot(p[0] - g.x, p[1] - g.y) < g.r + r + GAP) {
            g.members.push(spot);
            g.n += spot.n;
            g.r = dotRadius(g.n, sized);
            return;
          }
        }
        groups.push({ x: p[0], y: p[1], r: r, n: spot.n, members: [spot] });
      });
      var taken = groups.map(function (g) { return [g.x - g.r, g.y - g.r, g.x + g.r, g.y + g.r]; });
      edges.forEach(function (edge) {
        edge.el.classList.toggle("tl-pe--off", !edge.shown);
        if (!edge.shown) return;
        var p = toScreen(edge.x, edge.y), dx = p[0] - size.w / 2, dy = p[1] - size.h / 2;
        var reach = Math.min(dx ? (size.w / 2 - inset) / Math.abs(dx) : Infinity, dy ? (size.h / 2 - inset) / Math.abs(dy) : Infinity);
        var x = size.w / 2 + dx * Math.min(reach, 1), y = size.h / 2 + dy * Math.min(reach, 1);
        edge.el.setAttribute("transform", "translate(" + x.toFixed(1) + " " + y.toFixed(1) + ")");
        var width = edge.width * labelPx;
        var left = edge.anchor === "end" ? x - width : edge.anchor === "middle" ? x - width / 2 : x;
        taken.push([left, y - LABEL_H / 2, left + width, y + LABEL_H / 2]);
      });
      var labels = 0;
      groupLayer.textContent = "";
      spots.forEach(function (spot) {
        spot.el.classList.toggle("tl-pm--off", !spot.shown);
        var old = spot.el.querySelector("text");
        if (old) old.remove();
      });
      groups.forEach(function (g) {
        var text = g.members[0].name + (g.members.length > 1 ? " +" + (g.members.length - 1) : "");
        var width = text.length * labelPx, label = null;
        if (labels < maxLabels) {
          [false, true].some(function (left) {
            var x0 = left ? g.x - g.r - 3 - width : g.x + g.r + 3;
            var box = [x0, g.y - LABEL_H / 2, x0 + width, g.y + LABEL_H / 2];
            var inside = box[0] >= 0 && box[2] <= size.w && box[1] >= 0 && box[3] <= size.h;
            if (!inside || taken.some(function (o) { return box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]; })) return false;
            taken.push(box);
            label = { text: text, left: left };
            labels++;
            return true;
          });
        }
        var alone = g.members.length === 1;
        g.members.forEach(function (spot) {
          spot.el.classList.toggle("tl-pm--in", !alone);
          spot.el.setAttribute("transform", "translate(" + spot.sx.toFixed(1) + " " + spot.sy.toFixed(1) + ")");
          if (spot.areaEl) spot.areaEl.setAttribute("r", (spot.area * view.k * size.s).toFixed(1));
          if (spot.outlineEl) spot.outlineEl.setAttribute("transform", "scale(" + (spot.finer * view.k * size.s).toFixed(4) + ")");
          spot.dotEl.setAttribute("r", dotRadius(spot.n, sized));
        });
        var holder = alone ? g.members[0].el : groupMark(g, label ? label.text : "");
        if (label) holder.appendChild(nameText(label, g.r));
      });
    }
    function nameText(label, r) {
      var t = document.createElementNS(SVG, "text");
      t.setAttribute("class", "tl-map__name");
      t.setAttribute("x", label.left ? -(r + 3) : r + 3);
      t.setAttribute("y", 4);
      if (label.left) t.setAttribute("text-anchor", "end");
      t.textContent = label.text;
      return t;
    }
    function groupMark(g, shown) {
      var a = document.createElementNS(SVG, "a");
      a.setAttribute("class", "tl-pg");
      a.setAttribute("href", "#tl-map-list");
      a.setAttribute("transform", "translate(" + g.x.toFixed(1) + " " + g.y.toFixed(1) + ")");
      a.setAttribute("aria-label", say("map.group", { shown: shown ? shown + ": " : "", places: g.members.length,
        names: g.members.map(function (s) { return s.name; }).join(", "), n: g.n }));
      a.dataset.members = g.members.map(function (s) { return s.id; }).join(" ");
      var c = document.createElementNS(SVG, "circle");
      c.setAttribute("class", "tl-pg__dot");
      c.setAttribute("r", g.r);
      a.appendChild(c);
      if (!shown) { /* its count, unless its name ("Iraq +2") is written beside it */
        var t = document.createElementNS(SVG, "text");
        t.setAttribute("class", "tl-pg__n");
        t.setAttribute("y", 4);
        t.textContent = g.members.length;
        a.appendChild(t);
      }
      a.addEventListener("click", function (event) { event.preventDefault(); zoomTo(g.members); });
      groupLayer.appendChild(a);
      return a;
    }

    /* --- the view ------------------------------------------------------------------------------- */
    function setView(k, x, y) {
      view = clamp(k, x, y);
      redraw();
    }
    function zoomAt(factor, sx, sy) {
      var before = toBase(sx, sy);
      var k = Math.max(1, Math.min(MAX_ZOOM, view.k * factor));
      /* keep the point under the hand where it is */
      var f = k * size.s;
      setView(k, before[0] - (sx - size.w / 2) / f, before[1] - (sy - size.h / 2) / f);
    }
    /* A group chosen: the view that frames its members, with room for their marks and names
       (never closer than they need to part, at most eight times closer at once). */
    var FRAME_MARGIN = 60; /* screen pixels kept around the members on every side */
    function zoomTo(members) {
      var xs = members.map(function (s) { return s.x; }), ys = members.map(function (s) { return s.y; });
      var low = [Math.min.apply(null, xs), Math.min.apply(null, ys)], high = [Math.max.apply(null, xs), Math.max.apply(null, ys)];
      var roomW = Math.max(size.w - 2 * FRAME_MARGIN, size.w / 3), roomH = Math.max(size.h - 2 * FRAME_MARGIN, size.h / 3);
      var fits = Math.min(roomW / Math.max(high[0] - low[0], 0.01), roomH / Math.max(high[1] - low[1], 0.01)) / size.s;
      setView(Math.min(fits, view.k * 8), (low[0] + high[0]) / 2, (low[1] + high[1]) / 2);
      remember();
    }
    function remember() {
      var kept = view.k > 1.01 ? [view.k.toFixed(2), view.x.toFixed(1), view.y.toFixed(1)].join("/") : "";
      go(withParams({ map: kept }), true);
    }
    function applyUrl() {
      var found = /^([\d.]+)\/([\d.]+)\/([\d.]+)$/.exec(params().get("map") || "");
      if (found) setView(Number(found[1]), Number(found[2]), Number(found[3])); else setView(1, W / 2, H / 2);
    }

    controls.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      var act = button.dataset.act;
      if (act === "in") zoomAt(2, size.w / 2, size.h / 2);
      else if (act === "out") zoomAt(0.5, size.w / 2, size.h / 2);
      else setView(1, W / 2, H / 2);
      remember();
    });
    plot.addEventListener("keydown", function (event) {
      var step = 60 / (view.k * size.s), handled = true;
      if (event.key === "+" || event.key === "=") zoomAt(2, size.w / 2, size.h / 2);
      else if (event.key === "-" || event.key === "_") zoomAt(0.5, size.w / 2, size.h / 2);
      else if (event.key === "0") setView(1, W / 2, H / 2);
      else if (event.key === "ArrowLeft") setView(view.k, view.x - step, view.y);
      else if (event.key === "ArrowRight") setView(view.k, view.x + step, view.y);
      else if (event.key === "ArrowUp") setView(view.k, view.x, view.y - step);
      else if (event.key === "ArrowDown") setView(view.k, view.x, view.y + step);
      else handled = false;
      if (handled) { event.preventDefault(); remember(); }
    });
    /* Drag to move, two fingers to zoom; the wheel zooms once the reader has chosen the map
       (focus) or holds Ctrl (which is also how a trackpad's pinch arrives), else the page scrolls. */
    panZoom(plot, {
      threshold: 1,
      pan: function (dx, dy) {
        var f = view.k * size.s;
        setView(view.k, view.x - dx / f, view.y - dy / f);
      },
      pinch: function (ratio, x, y) {
        var box = svg.getBoundingClientRect();
        zoomAt(ratio, x - box.left, y - box.top);
      },
      wheel: function (event) {
        if (!event.ctrlKey && document.activeElement !== plot && !plot.contains(document.activeElement)) return false;
        var box = svg.getBoundingClientRect();
        zoomAt(Math.exp(-event.deltaY * 0.002), event.clientX - box.left, event.clientY - box.top);
        return true;
      },
      settle: remember,
      click: function (event) {
        var mark = event.target.closest && event.target.closest("a.tl-pm");
        if (pick && mark) {
          event.preventDefault();
          document.dispatchEvent(new CustomEvent("tl:choose-place", { detail: { place: mark.dataset.place } }));
        }
      }
    });

    /* --- the timeline's filters and the axis's view ----------------------------------------------- */
    var filtered = null, range = null, allRows = null;
    function follow() {
      var rows = filtered;
      if (range && !rows) {
        if (!allRows) {
          var axis = document.getElementById("tl-axis");
          if (!axis) return;
          var years = (axis.dataset.years || "").split(" ").filter(Boolean);
          allRows = indexRows(axis.dataset.root || "", years);
        }
        allRows.then(function (rows) { if (!filtered) show(rows); });
        return;
      }
      show(rows);
    }
    function show(rows) {
      var keep = null;
      if (rows) {
        keep = {};
        rows.forEach(function (row) {
          if (range && (row.end < range.from || row.start > range.to)) return;
          row.places.forEach(function (id) { keep[id] = true; });
        });
      } else if (range) {
        keep = {};
      }
      spots.forEach(function (spot) { spot.shown = !keep || !!keep[spot.id]; });
      edges.forEach(function (edge) { edge.shown = !keep || edge.members.some(function (id) { return keep[id]; }); });
      figure.dataset.shown = String(spots.filter(function (spot) { return spot.shown; }).length);
      figure.dataset.view = range ? range.from + ".." + range.to : ""; /* what it follows (tests read it) */
      figure.dataset.drawn = String(Number(figure.dataset.drawn || 0) + 1);
      redraw();
    }
    document.addEventListener("tl:filtered", function (event) {
      filtered = event.detail ? event.detail.rows : null;
      var chosen = event.detail && event.detail.state ? event.detail.state.place : "";
      spots.forEach(function (spot) { spot.el.classList.toggle("tl-pm--chosen", spot.id === chosen); });
      follow();
    });
    document.addEventListener("tl:view", function (event) {
      range = event.detail;
      if (range || filtered) follow(); else show(null);
    });

    window.addEventListener("resize", function () { measure(); redraw(); });
    /* On the timeline's pages the map is folded beside the filters (the events come first),
       and opened when the address holds a view of it. */
    var box = figure.closest("details");
    if (box) {
      box.addEventListener("toggle", function () { if (box.open) { measure(); redraw(); } });
      if (params().get("map")) box.open = true;
    }
    measure();
    applyUrl();
}

ready(start);
