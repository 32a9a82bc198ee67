/* What the generator hands the scripts (data/constants.js, written from its own Python
   constants: generator/site/constants.py), and the addresses of records built from its table. */
import constants from "../../data/constants.js";

export default constants;

/* A record's page, from the site's root: address("event", "camp-taji") is "events/camp-taji/". */
export function address(kind, id) {
  return constants.addresses[kind].replace("{id}", encodeURIComponent(id).replace(/%2F/g, "/"));
}

/* The id of a record from its page's address (a link's href), "" when it is not one of `kind`. */
export function idFrom(kind, href) {
  var pattern = constants.addresses[kind].split("{id}");
  var at = (href || "").lastIndexOf(pattern[0]);
  if (at < 0 || href.slice(-pattern[1].length) !== pattern[1]) return "";
  return decodeURIComponent(href.slice(at + pattern[0].length, href.length - pattern[1].length));
}
