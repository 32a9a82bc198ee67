/* One start-up for every script of the site: `ready(start)` runs start once the page is parsed,
   and again on each page Material's instant navigation brings (if a site turns it on). A start
   that finds nothing of its own on the page returns at once. */
export function ready(start) {
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}

/* Once per element: marks it started, and says whether it already was. */
export function once(element) {
  if (!element || element.dataset.ready) return false;
  element.dataset.ready = "1";
  return true;
}
