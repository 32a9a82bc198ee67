/* Videos and posts from other hosts (generator/site/figures.py). Each is a poster (our own
   picture) and a link: without this script the link opens the video or post on its host, and
   nothing is asked of that host until the reader follows it. With it, playing a video swaps the
   poster for the host's privacy-enhanced player (youtube-nocookie.com, Vimeo with dnt=1), in
   place, at the poster's size. */
import { say } from "./lib/strings.js";

function play(link) {
    var img = link.querySelector("img");
    var frame = document.createElement("iframe");
    frame.src = link.dataset.player;
    frame.title = (img && img.alt ? img.alt + ": " : "") + say("media.player");
    frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    frame.setAttribute("allowfullscreen", "");
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.className = "tl-embed__player";
    if (img) frame.style.aspectRatio = img.getAttribute("width") + " / " + img.getAttribute("height");
    link.replaceWith(frame);
    frame.focus();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.tl-embed__link[data-player]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    play(link);
  });
