/* One address state: what a page shows is kept in its address (?text=...&view=...), so a shared
   link opens the same view and Back undoes a step. Each script reads and writes its own keys and
   leaves the others' alone. */
export function params() {
  return new URLSearchParams(window.location.search);
}

/* The address with these keys set ("" or null: removed), the others kept. */
export function withParams(changes, from) {
  var found = from ? new URLSearchParams(from) : params();
  Object.keys(changes).forEach(function (key) {
    if (changes[key] === "" || changes[key] === null || changes[key] === undefined) found.delete(key);
    else found.set(key, changes[key]);
  });
  var query = found.toString();
  return window.location.pathname + (query ? "?" + query : "") + window.location.hash;
}

export function current() {
  return window.location.pathname + window.location.search + window.location.hash;
}

/* Go to `url` as a step Back undoes (push) or in place of the current one (replace). */
export function go(url, replace, state) {
  if (url === current()) return false;
  if (replace) window.history.replaceState(state === undefined ? window.history.state : state, "", url);
  else window.history.pushState(state === undefined ? null : state, "", url);
  return true;
}
