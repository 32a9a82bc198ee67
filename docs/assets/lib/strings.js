/* Every string the scripts show a reader, in one table: English as written here (marked for the
   catalogs: `make catalogs` extracts each gettext/ngettext), and in the page's language from
   data/strings/<lang>.js, which the generator writes from the same catalogs as the pages
   (generator/languages/scripts.py), with the catalog's rule for plural forms (Arabic has six)
   and CLDR's month names. `say(key, values)` fills {name} in; a plural entry is chosen by
   values.n. Strings the generator writes into pages are in its templates, not here. */
import constants from "./constants.js";

function gettext(text) { return text; }
function ngettext(one, other) { return { one: one, other: other }; }

var STRINGS = {
  /* the time axis */
  "axis.earlier": ngettext("← {n} earlier event", "← {n} earlier events"),
  "axis.later": ngettext("{n} later event →", "{n} later events →"),
  "axis.showThem": gettext("Show them on the axis"),
  "axis.events": gettext("{n} events"),
  "axis.showing": gettext("Showing {from} to {to}"),
  "axis.empty": gettext("No event in this stretch: "),
  "axis.approximate": gettext(" (approximate)"),
  "axis.ongoing": gettext(" (ongoing)"),
  "axis.monthCount": ngettext("{month} {year}: {n} matching event", "{month} {year}: {n} matching events"),
  /* an event's status, as its badge says it */
  "status.draft": gettext("Draft"),
  "status.reported": gettext("Reported"),
  "status.corroborated": gettext("Corroborated"),
  "status.confirmed": gettext("Confirmed"),
  "status.disputed": gettext("Disputed"),
  "status.retracted": gettext("Retracted"),
  /* the map */
  "map.zoomIn": gettext("Zoom in"),
  "map.zoomInKey": gettext("Zoom in (+)"),
  "map.zoomOut": gettext("Zoom out"),
  "map.zoomOutKey": gettext("Zoom out (−)"),
  "map.whole": gettext("Whole map"),
  "map.keys": gettext("Map: + and - zoom, arrow keys move"),
  "map.zoom": gettext("Zoom ×{k}"),
  "map.group": gettext("{shown}{places} places: {names}; {n} events (zoom in to tell them apart)"),
  /* the timeline's filters and its embed */
  "filters.active": gettext(" ({n} active)"),
  "filters.showing": gettext("Showing {n} of {total} events."),
  "filters.failed": gettext("The filters could not load the timeline's index."),
  "embed.count": ngettext("{n} event, in time order.", "{n} events, in time order."),
  "embed.failed": gettext("The timeline's index could not be loaded."),
  /* stories and pictures */
  "story.step": gettext("Step {n} of {total}"),
  "media.player": gettext("video player"),
  /* the site's search */
  "search.label": gettext("Search the site"),
  "search.key": gettext("Search (/)"),
  "search.close": gettext("Close the search"),
  "search.facet.kind": gettext("Kind"),
  "search.facet.year": gettext("Year"),
  "search.facet.actor": gettext("Actor"),
  "search.facet.place": gettext("Place"),
  "search.facet.tag": gettext("Tag"),
  "search.facet.status": gettext("Status"),
  "search.placeholder": gettext("Search events, actors, places, sources"),
  "search.narrow": gettext("Narrow the results"),
  "search.more": gettext("Show more results"),
  "search.unavailable": gettext("Search is not available here: the site's search index was not built."),
  "search.none": gettext("No results for “{term}”{narrowed}."),
  "search.searching": gettext("Searching…"),
  "search.loading": gettext("Loading…"),
  "search.all": gettext("Show all {n}"),
  "search.for": gettext(" for “{term}”"),
  "search.filtersOn": ngettext(" ({n} filter on)", " ({n} filters on)"),
  "search.results": ngettext("{count} result{what}{narrowed}", "{count} results{what}{narrowed}"),
  "search.noResults": gettext("No results{what}{narrowed}"),
  "search.searchFor": gettext(" Search for "),
  "search.instead": gettext(" instead?")
};

var language = document.documentElement.lang || "en";
/* The page's language's table (none for English, the strings' own language): a module of the
   site's root, loaded before any script that imports this one runs. */
var table = language === "en" ? null
  : await import(new URL("../../data/strings/" + language + ".js", import.meta.url).href)
    .then(function (module) { return module.default; }, function () { return null; });

function translated(entry, n) {
  if (typeof entry === "string") return (table && table.messages[entry]) || entry;
  var forms = table && table.messages[entry.one];
  if (forms && typeof forms !== "string") return forms[Math.min(forms.length - 1, table.plural(n))] || entry.other;
  return n === 1 ? entry.one : entry.other;
}

export function say(key, values) {
  var entry = STRINGS[key];
  if (entry === undefined) throw new Error("no string " + key);
  var text = translated(entry, values && values.n);
  return text.replace(/\{(\w+)\}/g, function (whole, name) {
    return values && values[name] !== undefined ? String(values[name]) : whole;
  });
}

/* Month names, January first, as the page's language writes them (CLDR, through Babel). */
export var MONTHS = (table && table.months) || constants.months;
export var SHORT_MONTHS = (table && table.short) || constants.months.map(function (name) { return name.slice(0, 3); });
/* The page's reading direction (Material sets it on the body, our embeds on the html element). */
export var DIRECTION = ((document.body && document.body.dir) || document.documentElement.dir) === "rtl" ? "rtl" : "ltr";

export var KEYS = Object.keys(STRINGS);
