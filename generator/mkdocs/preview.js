// Added to every page only under `mkdocs serve`: shows content errors over the page and follows
// later builds. The status is written by the timeline plugin next to this script after every build.
(function () {
  "use strict";
  var statusUrl = new URL("status.json", document.currentScript.src);
  var seen = null;
  var panel = null;

  var style = document.createElement("style");
  style.textContent =
    "#tl-preview-errors{position:fixed;z-index:10000;inset:0 0 auto 0;max-height:70vh;overflow:auto;" +
    "margin:0;padding:1rem 1.25rem;background:#fff4f4;color:#1a1a1a;border-bottom:4px solid #b00020;" +
    "box-shadow:0 4px 16px rgba(0,0,0,.35);font:15px/1.5 system-ui,sans-serif}" +
    "#tl-preview-errors h2{margin:0 0 .5rem;font-size:1.05rem;color:#8a0018}" +
    "#tl-preview-errors ol{margin:0 0 .5rem;padding-left:1.5rem}" +
    "#tl-preview-errors li{margin:.25rem 0;overflow-wrap:anywhere}" +
    "#tl-preview-errors code{font:13px/1.4 ui-monospace,monospace;background:none;color:#1a1a1a}" +
    ".tl-preview-hint{color:#005a2b}" +
    "#tl-preview-errors p{margin:.25rem 0}" +
    "#tl-preview-errors button{font:inherit;padding:.2rem .8rem;border:1px solid #8a0018;background:#fff;color:#8a0018;border-radius:3px;cursor:pointer}";
  document.head.appendChild(style);

  function line(problem) {
    var item = document.createElement("li");
    var where = document.createElement("code");
    where.textContent = problem.path + ":" + problem.line + ":" + problem.column + ":";
    item.appendChild(where);
    item.appendChild(document.createTextNode(" error: " + problem.message));
    if (problem.hint) {
      var hint = document.createElement("span");
      hint.className = "tl-preview-hint";
      hint.textContent = " (" + problem.hint + ")";
      item.appendChild(hint);
    }
    item.title = problem.text;
    return item;
  }

  function show(problems) {
    if (panel) {
      panel.remove();
      panel = null;
    }
    if (!problems.length) return;
    panel = document.createElement("section");
    panel.id = "tl-preview-errors";
    panel.setAttribute("role", "alert");
    panel.setAttribute("aria-labelledby", "tl-preview-heading");
    var heading = document.createElement("h2");
    heading.id = "tl-preview-heading";
    heading.textContent =
      problems.length + (problems.length === 1 ? " error" : " errors") + " in content/: this preview shows the last good pages";
    var list = document.createElement("ol");
    problems.forEach(function (problem) {
      list.appendChild(line(problem));
    });
    var help = document.createElement("p");
    help.textContent = "Fix the file and save it: this page reloads by itself. Until then, make site would publish nothing.";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.addEventListener("click", function () {
      panel.hidden = true;
    });
    panel.append(heading, list, help, close);
    document.body.prepend(panel);
  }

  function poll() {
    fetch(statusUrl, { cache: "no-store" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (status) {
        if (!status) return;
        if (seen !== null && status.build !== seen && typeof window.livereload !== "function") {
          // Pages MkDocs serves without its reload script (the 404 page) follow builds here.
          location.reload();
          return;
        }
        if (status.build !== seen) show(status.problems);
        seen = status.build;
      })
      .catch(function () {})
      .then(function () {
        setTimeout(poll, 700);
      });
  }
  poll();
})();
