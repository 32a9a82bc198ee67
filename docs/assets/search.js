/* Site search: Pagefind's index of the built site (_pagefind/), opened from the header's search
   button or with "/", "s" or "f" as in Material. Nothing is fetched until a reader opens it; then
   Pagefind's UI downloads only the index fragments a query needs. */
(function () {
  "use strict";
  var dialog = document.getElementById("tl-search");
  var mount = document.getElementById("tl-search-ui");
  var button = document.querySelector(".tl-search-open");
  if (!dialog || !mount || !button) return;
  /* An address from the site's root: Pagefind resolves a relative one against its own script. */
  var bundle = new URL(mount.dataset.bundle || "_pagefind/", window.location.href).pathname;
  var loading = null;

  function load() {
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      var style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = bundle + "pagefind-ui.css";
      document.head.appendChild(style);
      var script = document.createElement("script");
      script.src = bundle + "pagefind-ui.js";
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    }).then(function () {
      /* global PagefindUI */
      new PagefindUI({
        element: "#tl-search-ui",
        bundlePath: bundle,
        baseUrl: bundle.replace(/_pagefind\/$/, ""),
        showImages: false,
        showSubResults: false,
        resetStyles: false,
        autofocus: true,
        /* On a phone the facets would fill the first screen before any result. */
        showFilters: window.matchMedia("(min-width: 60em)").matches
      });
    }).catch(function () {
      mount.textContent = "Search is not available here: the site's search index was not built.";
    });
    return loading;
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    load().then(function () {
      var input = mount.querySelector("input");
      if (input) input.focus();
    });
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
})();
