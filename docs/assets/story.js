/* A story, one step at a time (site/stories.py writes every step; without this script the page
   reads them all in order). Previous/next buttons, the arrow keys and a swipe move between
   steps; the step is in the address (?step=N), so a link opens it and Back returns to the one
   before; the step's event is marked on the axis and its places on the map. In an embedded
   page the height is sent to the page around it (docs/assets/embed.js sizes the frame). Nothing
   is kept in the reader's browser. */
import { idFrom } from "./lib/constants.js";
import { go as goTo, params, withParams } from "./lib/address.js";
import { ready } from "./lib/start.js";
import { DIRECTION, say } from "./lib/strings.js";

  function sendHeight() {
    if (window.parent === window || !document.getElementById("tl-embed")) return;
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    window.parent.postMessage({ type: "tl-embed-height", height: height }, "*");
  }

  function start() {
    var story = document.getElementById("tl-story");
    if (story && !story.dataset.ready) startStory(story);
    if (document.getElementById("tl-embed")) {
      sendHeight();
      if (window.ResizeObserver) new ResizeObserver(sendHeight).observe(document.body);
      window.addEventListener("load", sendHeight);
    }
  }

  function startStory(story) {
    story.dataset.ready = "1";
    var steps = Array.prototype.slice.call(story.querySelectorAll(".tl-step"));
    var nav = story.querySelector(".tl-story__nav");
    if (!steps.length || !nav) return;
    var previous = nav.querySelector("[data-step=previous]");
    var next = nav.querySelector("[data-step=next]");
    var at = nav.querySelector(".tl-story__at");
    var current = 0;
    nav.hidden = false;
    story.classList.add("tl-story--stepping");

    function fromAddress() {
      var asked = Number(params().get("step"));
      if (!asked) {
        var hash = /^#step-(\d+)/.exec(window.location.hash);
        asked = hash ? Number(hash[1]) : 1;
      }
      return Math.min(Math.max(1, Math.round(asked) || 1), steps.length) - 1;
    }

    function addressOf(index) { /* the step in the address; a #step-N it was opened with goes */
      return withParams({ step: index ? String(index + 1) : "" }).split("#")[0];
    }

    function mark() {
      var step = steps[current];
      var event = step.dataset.event;
      var places = (step.dataset.places || "").split(" ").filter(Boolean);
      document.querySelectorAll("#tl-axis a.tl-m").forEach(function (a) {
        var href = a.getAttribute("href") || "";
        a.classList.toggle("tl-m--current", idFrom("event", href) === event);
      });
      document.querySelectorAll("#tl-map a.tl-pm").forEach(function (a) {
        a.classList.toggle("tl-pm--current", places.indexOf(a.dataset.place) >= 0);
      });
      story.dataset.current = event; /* tests read which event is shown */
    }

    function show(index, how) {
      current = Math.min(Math.max(0, index), steps.length - 1);
      steps.forEach(function (step, i) { step.hidden = i !== current; });
      var first = document.getElementById("tl-story-first"); /* the rule that showed the first step */
      if (first) first.remove();
      at.textContent = say("story.step", { n: current + 1, total: steps.length });
      previous.disabled = current === 0;
      next.disabled = current === steps.length - 1;
      if (how) goTo(addressOf(current), how === "replace", { step: current });
      mark();
      /* the axis (axis.js) centres the step's event among its neighbours in time */
      document.dispatchEvent(new CustomEvent("tl:show-event", { detail: { id: steps[current].dataset.event } }));
      sendHeight();
    }

    function go(delta, focus) {
      var target = current + delta;
      if (target < 0 || target >= steps.length) return;
      show(target, "push");
      if (focus) {
        var title = steps[current].querySelector(".tl-step__title a");
        if (title) title.focus({ preventScroll: false });
      }
    }

    previous.addEventListener("click", function () { go(-1); });
    next.addEventListener("click", function () { go(1); });
    document.addEventListener("keydown", function (event) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      var target = event.target;
      if (target && target.closest && target.closest("input, textarea, select, .tl-map__plot, .tl-axis, [contenteditable]")) return;
      /* the reading direction: right to left, the next step is to the left */
      if (event.key === (DIRECTION === "rtl" ? "ArrowLeft" : "ArrowRight")) { go(1); event.preventDefault(); }
      else if (event.key === (DIRECTION === "rtl" ? "ArrowRight" : "ArrowLeft")) { go(-1); event.preventDefault(); }
    });
    var touch = null;
    story.addEventListener("touchstart", function (event) {
      touch = event.touches.length === 1 ? { x: event.touches[0].clientX, y: event.touches[0].clientY } : null;
    }, { passive: true });
    story.addEventListener("touchend", function (event) {
      if (!touch || !event.changedTouches.length) return;
      var dx = event.changedTouches[0].clientX - touch.x;
      var dy = event.changedTouches[0].clientY - touch.y;
      touch = null;
      if (Math.abs(dx) > 50 && Math.abs(dx) > 1.5 * Math.abs(dy)) go(dx < 0 ? 1 : -1);
    }, { passive: true });
    window.addEventListener("popstate", function () { show(fromAddress(), ""); });
    var axis = document.getElementById("tl-axis");
    if (axis && window.MutationObserver) {
      new MutationObserver(function () { mark(); }).observe(axis, { childList: true, subtree: true });
    }
    var map = document.getElementById("tl-map");
    if (map && window.MutationObserver) {
      new MutationObserver(function (changes) {
        if (changes.some(function (change) { return change.type === "childList"; })) mark();
      }).observe(map, { childList: true, subtree: true });
    }
    show(fromAddress(), "replace");
  }

  /* The code to embed: absolute addresses, made from where the page is read. */
  function offerEmbedCode() {
    document.querySelectorAll("textarea.tl-embedcode__code").forEach(function (box) {
      var src = new URL(box.dataset.src, window.location.href).href + (box.dataset.follow ? window.location.search : "");
      var script = new URL(box.dataset.script, window.location.href).href;
      var frame = document.createElement("iframe");
      frame.setAttribute("src", src);
      frame.setAttribute("title", box.dataset.title || "");
      frame.setAttribute("loading", "lazy");
      frame.setAttribute("width", "100%");
      frame.setAttribute("height", "640");
      frame.setAttribute("style", "border:0;max-width:100%");
      box.value = frame.outerHTML + '\n<script src="' + script + '" async></' + "script>";
    });
  }

  document.addEventListener("tl:filtered", offerEmbedCode); /* the timeline's filters: the frame shows what they match */
  ready(function () { start(); offerEmbedCode(); });
