/* The record pages' header controls (generator/mkdocs/theme/record.html): the dark-mode switch
   and the search button with its dialog, made here rather than written into every record page,
   since neither works without a script. The other pages have Material's own, written by the
   theme; this finds nothing to do there.

   The switch keeps Material's record of the reader's choice (localStorage, "<site's
   path>.__palette": the palette's index and colours), so a choice made on any page holds on
   every page. The search's markup is the other pages' (theme/partials/header.html), which
   search.js opens: this module is listed before it, so the button is there when it starts. */
import palettes from "./lib/palette.js";
import { ready, once } from "./lib/start.js";
import { say } from "./lib/strings.js";

var MAGNIFY = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
var CLOSE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/></svg>';

function element(tag, attributes, html) {
  var node = document.createElement(tag);
  Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
  if (html) node.innerHTML = html; /* our own icons only */
  return node;
}

function storageKey(header) {
  return new URL(header.dataset.root || "./", window.location.href).pathname.replace(/\/$/, "") + "/.__palette";
}

function stored(key) {
  try { return JSON.parse(window.localStorage.getItem(key)); } catch (error) { return null; }
}

function apply(palette) {
  ["media", "scheme", "primary", "accent"].forEach(function (name) {
    document.body.setAttribute("data-md-color-" + name, palette[name]);
  });
}

/* The palette shown: the reader's choice, else the first whose media query matches (as Material). */
function chosen(key) {
  var choice = stored(key);
  if (choice && typeof choice.index === "number" && palettes[choice.index]) return choice.index;
  for (var index = 0; index < palettes.length; index++) {
    if (!palettes[index].media || window.matchMedia(palettes[index].media).matches) return index;
  }
  return 0;
}

function paletteSwitch(header) {
  var key = storageKey(header);
  var index = chosen(key);
  var button = element("button", { type: "button", class: "md-header__button md-icon tl-palette" });
  function show() {
    var palette = palettes[index];
    apply(palette);
    button.innerHTML = palette.icon;
    button.title = palette.name;
    button.setAttribute("aria-label", palette.name);
  }
  button.addEventListener("click", function () {
    index = (index + 1) % palettes.length;
    var palette = palettes[index];
    var color = { media: palette.media, scheme: palette.scheme, primary: palette.primary, accent: palette.accent };
    try { window.localStorage.setItem(key, JSON.stringify({ index: index, color: color })); } catch (error) { /* private mode */ }
    show();
  });
  show();
  return button;
}

function search(header) {
  var label = say("search.label");
  var button = element("button", {
    type: "button", class: "md-header__button md-icon tl-search-open", "aria-label": label,
    "aria-keyshortcuts": "/ s f", "aria-haspopup": "dialog", "aria-controls": "tl-search", title: say("search.key")
  }, MAGNIFY);
  var dialog = element("dialog", { class: "tl-search", id: "tl-search", "aria-label": label });
  var bar = element("form", { method: "dialog", class: "tl-search__bar" });
  bar.append(element("button", { class: "md-icon tl-search__close", "aria-label": say("search.close") }, CLOSE));
  var mount = element("div", { id: "tl-search-ui", class: "tl-search__ui", "data-bundle": header.dataset.bundle || (header.dataset.root || "") + "_pagefind/", "data-root": header.dataset.root });
  dialog.append(bar, mount);
  return [button, dialog];
}

function start() {
  var header = document.querySelector("[data-tl-frame]");
  if (!header || !once(header)) return;
  var bar = header.querySelector(".md-header__inner");
  var languages = bar.querySelector(".tl-languages");
  if (palettes.length > 1) bar.insertBefore(paletteSwitch(header), languages);
  search(header).forEach(function (node) { bar.append(node); });
}

ready(start);
