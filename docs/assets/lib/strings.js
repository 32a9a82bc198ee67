/* Every string the scripts show a reader, in one table (English; the languages issue swaps the
   table for the page's language). `say(key, values)` fills {name} in; an entry with "one" and
   "other" forms is chosen by values.n. Strings the generator writes into pages are in its
   templates, not here. */
var STRINGS = {
  /* the time axis */
  "axis.earlier": { one: "← {n} earlier event", other: "← {n} earlier events" },
  "axis.later": { one: "{n} later event →", other: "{n} later events →" },
  "axis.showThem": "Show them on the axis",
  "axis.events": "{n} events",
  "axis.showing": "Showing {from} to {to}",
  "axis.empty": "No event in this stretch: ",
  "axis.approximate": " (approximate)",
  "axis.ongoing": " (ongoing)",
  "axis.monthCount": { one: "{month} {year}: {n} matching event", other: "{month} {year}: {n} matching events" },
  /* the map */
  "map.zoomIn": "Zoom in",
  "map.zoomInKey": "Zoom in (+)",
  "map.zoomOut": "Zoom out",
  "map.zoomOutKey": "Zoom out (−)",
  "map.whole": "Whole map",
  "map.keys": "Map: + and - zoom, arrow keys move",
  "map.zoom": "Zoom ×{k}",
  "map.group": "{shown}{places} places: {names}; {n} events (zoom in to tell them apart)",
  /* the timeline's filters and its embed */
  "filters.active": " ({n} active)",
  "filters.showing": "Showing {n} of {total} events.",
  "filters.failed": "The filters could not load the timeline's index.",
  "embed.count": { one: "{n} event, in time order.", other: "{n} events, in time order." },
  "embed.failed": "The timeline's index could not be loaded.",
  /* stories and pictures */
  "story.step": "Step {n} of {total}",
  "media.player": "video player",
  /* the site's search */
  "search.label": "Search the site",
  "search.facet.kind": "Kind",
  "search.facet.year": "Year",
  "search.facet.actor": "Actor",
  "search.facet.place": "Place",
  "search.facet.tag": "Tag",
  "search.facet.status": "Status",
  "search.placeholder": "Search events, actors, places, sources",
  "search.narrow": "Narrow the results",
  "search.more": "Show more results",
  "search.unavailable": "Search is not available here: the site's search index was not built.",
  "search.none": "No results for “{term}”{narrowed}.",
  "search.searching": "Searching…",
  "search.loading": "Loading…",
  "search.all": "Show all {n}",
  "search.for": " for “{term}”",
  "search.filtersOn": { one: " ({n} filter on)", other: " ({n} filters on)" },
  "search.results": { one: "{count} result{what}{narrowed}", other: "{count} results{what}{narrowed}" },
  "search.noResults": "No results{what}{narrowed}",
  "search.searchFor": " Search for ",
  "search.instead": " instead?"
};

export function say(key, values) {
  var entry = STRINGS[key];
  if (entry === undefined) throw new Error("no string " + key);
  if (typeof entry !== "string") entry = values && values.n === 1 ? entry.one : entry.other;
  return entry.replace(/\{(\w+)\}/g, function (whole, name) {
    return values && values[name] !== undefined ? String(values[name]) : whole;
  });
}

export var KEYS = Object.keys(STRINGS);
