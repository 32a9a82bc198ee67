/* One pan and zoom, for the time axis and the map: drag to move, two fingers to zoom, the wheel,
   and the click that ends a drag swallowed (it would follow a link). Each drawing says what a
   move, a pinch and a wheel do to its own view (`on`), and keeps its view in range with
   `clampRange`. */

/* A view's span kept inside [low, high]: no smaller than `least` (or the whole, if smaller),
   no larger than the whole, and moved back inside. Returns [start, size]. */
export function clampRange(start, size, low, high, least) {
  var whole = high - low;
  size = Math.max(Math.min(least || 0, whole), Math.min(whole, size));
  start = Math.max(low, Math.min(high - size, start));
  return [start, size];
}

export function clampNumber(value, low, high) {
  return Math.max(low, Math.min(high, value));
}

/* on.pan(dx, dy): moved by this many pixels since the last call; on.pinch(ratio, x, y): the
   fingers' distance grew by `ratio` about the client point (x, y) (`on.horizontal`: the distance
   along x only, as on a time axis); on.wheel(event): true if the drawing took the wheel (the page
   does not scroll); on.settle(): a gesture ended (a drag, a pinch, the wheel's last turn);
   on.click(event): a click that was not the end of a drag; on.threshold: pixels a drag must go
   before it moves anything (a tap on a mark stays a tap). */
export function panZoom(plot, on) {
  var pointers = {}, moved = false, last = null, origin = null, threshold = on.threshold || 0;
  plot.addEventListener("pointerdown", function (event) {
    if (event.button !== 0) return;
    pointers[event.pointerId] = [event.clientX, event.clientY];
    moved = false;
    last = null;
    origin = [event.clientX, event.clientY];
  });
  plot.addEventListener("pointermove", function (event) {
    var before = pointers[event.pointerId];
    if (!before) return;
    var ids = Object.keys(pointers);
    if (ids.length === 1) {
      if (!moved && Math.hypot(event.clientX - origin[0], event.clientY - origin[1]) < threshold) return;
      if (!moved && plot.setPointerCapture) plot.setPointerCapture(event.pointerId);
      moved = true;
      pointers[event.pointerId] = [event.clientX, event.clientY];
      on.pan(event.clientX - before[0], event.clientY - before[1]);
      return;
    }
    pointers[event.pointerId] = [event.clientX, event.clientY];
    var a = pointers[ids[0]], b = pointers[ids[1]];
    var distance = (on.horizontal ? Math.abs(a[0] - b[0]) : Math.hypot(a[0] - b[0], a[1] - b[1])) || 1;
    if (last) on.pinch(distance / last, (a[0] + b[0]) / 2, (a[1] + b[1]) / 2);
    last = distance;
    moved = true;
  });
  function lift(event) {
    if (!(event.pointerId in pointers)) return;
    delete pointers[event.pointerId];
    last = null;
    if (!Object.keys(pointers).length && moved) on.settle();
  }
  plot.addEventListener("pointerup", lift);
  plot.addEventListener("pointercancel", lift);
  plot.addEventListener("click", function (event) {
    if (moved) { event.preventDefault(); event.stopPropagation(); moved = false; return; }
    if (on.click) on.click(event);
  }, true);
  var wheelEnd = null;
  plot.addEventListener("wheel", function (event) {
    if (!on.wheel(event)) return;
    event.preventDefault();
    window.clearTimeout(wheelEnd);
    wheelEnd = window.setTimeout(on.settle, 400);
  }, { passive: false });
}
