/* One loader of the timeline's data: the compact index (timeline/events-YEAR.json, a file per
   year, and timeline/names.json, the actors and places its rows name by position), each file
   fetched once per page; and the filters' rule, which the timeline pages and the embedded
   timeline share. */

/* The filters, as the address names them ("text", not "q": a search box elsewhere may read ?q=). */
export var FIELDS = ["text", "actor", "place", "tag", "status", "from", "to"];

var files = {};
export function json(url) {
  if (!files[url]) files[url] = fetch(url).then(function (r) { if (!r.ok) throw new Error(url); return r.json(); });
  return files[url];
}

/* The actors and places the filters offer, [id, name] pairs in name order. */
export function names(root) {
  return json(root + "timeline/names.json");
}

/* Every event of these years, a row each, in time order. */
export function rows(root, years) {
  return Promise.all([names(root), Promise.all(years.map(function (year) {
    return json(root + "timeline/events-" + year + ".json");
  }))]).then(function (parts) {
    var known = parts[0], found = [];
    parts[1].forEach(function (shard) {
      shard.forEach(function (row) {
        var actors = row[5].map(function (i) { return known.actors[i]; });
        var places = row[6].map(function (i) { return known.places[i]; });
        var item = {
          id: row[0], title: row[1], start: row[2], end: row[3], words: row[4],
          actors: actors.map(function (a) { return a[0]; }), places: places.map(function (p) { return p[0]; }),
          who: actors.map(function (a) { return a[1]; }).join(", "),
          where: places.map(function (p) { return p[1]; }).join(", "),
          tags: row[7], status: row[8], flags: row[9] || "", claims: row[10] || [], thumb: row[11] || null
        };
        item.text = (item.title + " " + item.who + " " + item.where).toLowerCase();
        found.push(item);
      });
    });
    return found;
  });
}

/* The filters' state in an address's parameters. */
export function stateOf(params) {
  var state = {};
  FIELDS.forEach(function (name) { state[name] = params.get(name) || ""; });
  return state;
}

/* An event matches if it has everything asked for, and its span of possible days overlaps the
   range of years or months. */
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
export function matching(rows, state) {
  var range = bounds(state);
  var words = (state.text || "").toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter(function (row) {
    return (!state.actor || row.actors.indexOf(state.actor) >= 0) &&
      (!state.place || row.places.indexOf(state.place) >= 0) &&
      (!state.tag || row.tags.indexOf(state.tag) >= 0) &&
      (!state.status || row.status === state.status) &&
      (!range.from || row.end >= range.from) &&
      (!range.to || row.start <= range.to) &&
      words.every(function (word) { return row.text.indexOf(word) >= 0; });
  });
}
