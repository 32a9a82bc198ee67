/* Headlines beside the time axis's marks, laid out as pure functions of each mark's facts (its
   days, row and title) and the view's width in pixels, so that the rule is tested as a table
   (tests/test_axis_reading.py) and axis.js only draws what they decide. */
import constants from "./constants.js";
import { say } from "./strings.js";

var HIT = constants.axis.hit, GAP = constants.axis.gap;
/* 12 px text, about this wide a character; a label shorter than twelve characters says too
   little to be worth its room. */
export var CHAR_PX = 6.4, LABEL_MIN_CHARS = 12, LABEL_MAX_PX = 280, LABEL_GAP = 6;
export var GROUP_STRETCH_PX = 88; /* the width of the axis one group's count stands for */

/* What a mark takes of its row, in pixels of this view: its drawing or its 24 px target. */
export function extent(f, px) {
  return [Math.min(px(f.x0), px(f.centre) - HIT / 2), Math.max(px(f.x1), px(f.centre) + HIT / 2)];
}

/* Rows laid out again, first fit in time order, each mark with its headline where a row has
   room for both; null when the marks need more than `limit` rows. */
export function rowsWithLabels(all, px, width, limit) {
  var ends = [], plan = [];
  for (var i = 0; i < all.length; i++) {
    var f = all[i].facts, box = extent(f, px), left = box[0], right = box[1];
    var inView = right > 0 && left < width;
    var want = inView ? Math.min(LABEL_MAX_PX, f.title.length * CHAR_PX + 4) : 0;
    var after = Math.min(want, width - right - LABEL_GAP), before = Math.min(want, left - LABEL_GAP);
    var least = LABEL_MIN_CHARS * CHAR_PX; /* the side with the whole headline, or else the more room */
    var side = after >= least && (after >= want || after >= before) ? "after" : before >= least ? "before" : after >= least ? "after" : "";
    var room = side === "after" ? after : side === "before" ? before : 0;
    var row = -1, labelled = false;
    for (var r = 0; r < limit && side; r++) { /* a row with room for the mark and its label */
      var from = side === "before" ? left - LABEL_GAP - room : left;
      if ((ends[r] === undefined ? -Infinity : ends[r]) <= from) { row = r; labelled = true; break; }
    }
    if (row < 0) {
      for (r = 0; r < limit; r++) if ((ends[r] === undefined ? -Infinity : ends[r]) <= left) { row = r; break; }
    }
    if (row < 0) return null; /* more rows than the page allows: left as drawn */
    ends[row] = (labelled && side === "after" ? right + LABEL_GAP + room : right) + GAP;
    plan.push({ mark: all[i].mark, facts: f, row: row, label: labelled ? { side: side, room: room, left: left, right: right } : null, left: left, right: right, inView: inView });
  }
  return plan;
}
export function countsOf(plan, width) {
  var stretches = Math.max(1, Math.floor(width / GROUP_STRETCH_PX)), share = width / stretches, badges = [];
  for (var s = 0; s < stretches; s++) {
    var items = plan.filter(function (item) {
      var centre = (Math.max(item.left, 0) + Math.min(item.right, width)) / 2;
      return item.inView && !item.label && centre >= s * share && (centre < (s + 1) * share || (s === stretches - 1 && centre <= width));
    });
    if (items.length < 2) continue;
    var text = say("axis.events", { n: items.length }), size = text.length * CHAR_PX + 14;
    badges.push({ items: items, text: text, x: s * share + (share - size) / 2 });
  }
  return badges;
}
/* More marks than rows with room for their headlines: the rows stay as drawn, and a mark gets
   its headline where its row leaves room beside it. */
export function labelsInPlace(all, px, width) {
  var plan = all.map(function (one) {
    var f = one.facts, box = extent(f, px), left = box[0], right = box[1];
    return { mark: one.mark, facts: f, row: f.row, label: null, left: left, right: right, inView: right > 0 && left < width };
  });
  var rows = {};
  plan.forEach(function (item) { (rows[item.row] = rows[item.row] || []).push(item); });
  Object.keys(rows).forEach(function (key) {
    var row = rows[key].sort(function (a, b) { return a.left - b.left; }), taken = 0;
    row.forEach(function (item, i) {
      var next = row[i + 1], want = Math.min(LABEL_MAX_PX, item.facts.title.length * CHAR_PX + 4);
      var after = Math.min(want, (next ? next.left : width) - item.right - 2 * LABEL_GAP, width - item.right - LABEL_GAP);
      var before = Math.min(want, item.left - Math.max(taken, 0) - 2 * LABEL_GAP);
      var least = LABEL_MIN_CHARS * CHAR_PX;
      if (item.inView && after >= least && (after >= want || after >= before)) {
        item.label = { side: "after", room: after, left: item.left, right: item.right };
        taken = item.right + LABEL_GAP + after;
      } else if (item.inView && before >= least) {
        item.label = { side: "before", room: before, left: item.left, right: item.right };
        taken = item.right;
      } else {
        taken = item.right;
      }
    });
  });
  return plan;
}
