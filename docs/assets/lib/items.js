/* One event of a list, as the generator writes it on a timeline page (timeline_pages.py's
   timeline_item): its thumbnail, date, title linked to its page, who and where. The timeline's
   filters and the embedded timeline both make their items here. */
import { address } from "./constants.js";

var SITE = new URL("../../", import.meta.url).href; /* this module is in assets/lib/ */

export function eventItem(row, root, options) {
  var newTab = options && options.newTab;
  var li = document.createElement("li");
  li.className = "tl-event";
  li.dataset.start = row.start;
  li.dataset.end = row.end;
  if (row.thumb && !(options && options.noThumb)) { /* [path from the site's root, width, height] */
    var thumb = document.createElement("img");
    thumb.className = "tl-thumb";
    thumb.src = SITE + row.thumb[0]; /* the pictures are the site's, whichever language's page lists them */
    thumb.width = row.thumb[1];
    thumb.height = row.thumb[2];
    thumb.alt = "";
    thumb.loading = "lazy";
    thumb.decoding = "async";
    li.appendChild(thumb);
  }
  var when = document.createElement("span");
  when.className = "tl-date";
  when.textContent = row.words;
  var link = document.createElement("a");
  link.href = root + address("event", row.id);
  if (newTab) { link.target = "_blank"; link.rel = "noopener"; }
  link.textContent = row.title;
  link.dir = "auto"; /* a title in another direction keeps its order (an English title on an Arabic page) */
  li.appendChild(when);
  li.appendChild(document.createTextNode(" "));
  li.appendChild(link);
  [["tl-who", row.who], ["tl-where", row.where]].forEach(function (part) {
    if (!part[1]) return;
    var span = document.createElement("span");
    span.className = part[0];
    span.textContent = part[1];
    li.appendChild(document.createTextNode(" "));
    li.appendChild(span);
  });
  return li;
}
