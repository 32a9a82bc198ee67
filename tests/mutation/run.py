"""Do the tests bite? Each mutation breaks one rule on purpose (a comparison flipped, a condition
dropped, an escape removed), runs the tests that cover that rule, and counts it caught when they
fail. The tree is restored after each one, whatever happens.

    .venv/bin/python tests/mutation/run.py            # all, a line each, and the score
    .venv/bin/python tests/mutation/run.py stamp      # those whose name holds "stamp"

The score is recorded in docs/testing.md; a mutation that survives is a missing test.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTEST = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--no-header"]


@dataclass(frozen=True)
class Mutation:
    name: str
    file: str
    old: str
    new: str
    tests: tuple[str, ...]  # pytest arguments, or a command when it starts with "!"


M = Mutation
MUTATIONS = [
    # Missed by the tests in the review that opened issue 21.
    M("preview no longer prunes timeline/", "generator/site/layout.py",
      "    folders = [*OWNED_FOLDERS,", "    folders = [*OWNED_FOLDERS[1:],", ("tests/test_build.py", "-k", "stale")),
    M("stamp ignores the generator's code", "generator/site/stamp.py",
      "*_stats(content, by_content), *_stats(code, by_content)", "*_stats(content, by_content)", ("tests/test_stamp.py",)),
    M("stamp ignores times", "generator/site/stamp.py",
      'return f"{info.st_size} {info.st_mtime_ns}"', 'return f"{info.st_size}"', ("tests/test_stamp.py",)),
    M("stamp ignores git history", "generator/site/stamp.py",
      "repr(sorted(versions().items())), head)", "repr(sorted(versions().items())))", ("tests/test_stamp.py",)),
    M("a worker's warnings never relayed", "generator/mkdocs/parallel_build.py",
      "            logging.getLogger(name).log(level, message)\n", "            pass\n",
      ("tests/test_parallel_build.py", "-k", "workers_warning")),
    M("an empty pagefind.js accepted", "generator/mkdocs/search.py",
      "not (output / name).is_file() or not (output / name).stat().st_size", "not (output / name).is_file()",
      ("tests/test_site.py", "-k", "essential")),
    M("one-line rule for titles disabled", "generator/content/fields.py",
      'if not self.multiline and "\\n" in value:', "if False:", ("tests/test_check.py", "-k", "one_line")),
    M("iCalendar commas unescaped", "generator/exports/feeds.py",
      '.replace(",", "\\\\,")', "", ("tests/test_exports.py", "-k", "icalendar")),
    M("every empty CSV cell turned into '", "generator/exports/cells.py",
      "if text and text[0] in FORMULA_STARTS:", "if not text or text[0] in FORMULA_STARTS:",
      ("tests/test_exports.py", "-k", "protected or empty_csv")),
    M("approximate qualifier lost in ranges", "generator/content/prose_dates.py",
      'return f"{_month(year, start)}~/{_month(year, end)}~"', 'return f"{_month(year, start)}/{_month(year, end)}~"',
      ("tests/test_extract.py", "-k", "parts_of")),
    # This round's code.
    M("serial build wraps MkDocs", "generator/mkdocs/parallel_build.py",
      "        self.finish()\n        pages = list(", "        self.finish()\n        self._patch()\n        pages = list(",
      ("tests/test_parallel_build.py", "-k", "serial")),
    M("failed share rebuilt with other arguments", "generator/mkdocs/parallel_build.py",
      "                for uri in share:\n                    self._render_page(run, by_uri[uri])\n",
      "                for uri in share[1:]:\n                    self._render_page(run, by_uri[uri])\n",
      ("tests/test_parallel_build.py", "-k", "failed_share")),
    M("stamp ignores library versions", "generator/site/stamp.py",
      "    parts = (repr(tuple(settings)), repr(sorted(versions().items())), head)",
      "    parts = (repr(tuple(settings)), head)", ("tests/test_stamp.py",)),
    M("content mode compares times", "generator/site/stamp.py",
      "        if by_content:\n", "        if False:\n", ("tests/test_stamp.py",)),
    M("newest commit misread", "generator/content/history.py",
      '.split(" ", 1)[0] if text.count', '.split(" ", 1)[-1] if text.count', ("tests/test_stamp.py", "-k", "git")),
    M("more than two indexers", "generator/mkdocs/search.py",
      "min(shard_count, cores, AT_ONCE)", "min(shard_count, cores)", ("tests/test_site.py", "-k", "indexers")),
    M("indexer without a time limit", "generator/mkdocs/search.py",
      "text=True, timeout=limit)", "text=True)", ("tests/test_site.py", "-k", "time_limit")),
    M("a zero time limit accepted", "generator/environment.py",
      "    if not value > 0 or value != value", "    if not value >= 0 or value != value", ("tests/test_site.py", "-k", "time_limit")),
    M("holiday past the tables without a reason", "generator/content/prose_dates.py",
      "            reason = _beyond_tables(groups, read_as) or reason\n", "            pass\n",
      ("tests/test_extract.py", "-k", "holiday")),
    M("an event's places resolved in the wrong order", "generator/content/model.py",
      "tuple(dict.__getitem__(self.places, key) for key in event.places),",
      "tuple(dict.__getitem__(self.places, key) for key in reversed(event.places)),",
      ("tests/test_exports.py",)),
    M("content imports the site's layer", "generator/content/model.py",
      "from generator.content.edtf import EventDate\n",
      "from generator.content.edtf import EventDate\nfrom generator.site import layout  # noqa: F401\n",
      ("!", ".venv/bin/lint-imports", "--no-cache")),
    M("text filter escapes no HTML", "generator/site/templating.py",
      'html.escape(" ".join(text.split()))', '" ".join(text.split())', ("tests/test_hostile.py",)),
    M("a same-size page not compared", "generator/site/write.py",
      "elif size == len(data) and _read(target) == data:", "elif size == len(data):", ("tests/test_build.py",)),
    M("owned files not owned", "generator/site/layout.py",
      "return top in OWNED_FOLDERS or relative in OWNED_FILES", "return top in OWNED_FOLDERS",
      ("tests/test_build.py", "tests/test_preview.py")),
    # The time axis (issue 22).
    M("an unsure end drawn hard", "generator/site/axis.py",
      '    if isinstance(end, edtf.DatePoint) and end.qualifier:\n        flags += "b"',
      '    if isinstance(end, edtf.DatePoint) and end.qualifier and start is not end:\n        flags += "b"',
      ("tests/test_axis.py", "-k", "how_each_kind")),
    M("marks stacked into one row", "generator/site/axis.py",
      "            if taken <= left:\n", "            if True:\n", ("tests/test_axis.py", "-k", "overlap")),
    M("an open end stops at its start", "generator/site/axis.py",
      "        after = max(end, first + timedelta(days=1))", "        after = first + timedelta(days=1)",
      ("tests/test_axis.py", "-k", "drawn_over or open_end")),
    M("a crowded view not counted", "generator/site/axis.py",
      "            if len(rows_end) == MAX_ROWS:\n", "            if len(rows_end) == 10 * MAX_ROWS:\n",
      ("tests/test_axis.py", "-k", "counted or too_many")),
    M("soft ends not painted", "generator/site/axis_svg.py",
      'soft = f" tl-soft-{mark.soft}" if mark.soft else ""', 'soft = ""', ("tests/test_axis.py", "-k", "geometry")),
    M("arrow keys skip an event", "docs/assets/axis.js",
      "next = all[Math.min(all.length - 1, index + 1)];", "next = all[Math.min(all.length - 1, index + 2)];",
      ("tests/test_axis.py", "-k", "arrow_keys")),
    M("zoom not kept in history", "docs/assets/axis.js",
      "      go(urlFor(), replace, window.history.state);", "      go(urlFor(), true, window.history.state);",
      ("tests/test_axis.py", "-k", "address")),
    M("a filter leaves every mark", "docs/assets/axis.js",
      "mark.toggleAttribute(\"hidden\", !ids[idOf(mark)]);", "mark.toggleAttribute(\"hidden\", false);",
      ("tests/test_axis.py", "-k", "filter_hides")),
    # The maps (issue 23).
    M("the map mirrored east for west", "docs/assets/map.js",
      "return [(x - view.x) * f + size.w / 2", "return [(view.x - x) * f + size.w / 2",
      ("tests/test_map.py", "-k", "every_pair")),
    M("the map ignores the filters", "docs/assets/map.js",
      "spot.shown = !keep || !!keep[spot.id];", "spot.shown = true;",
      ("tests/test_map.py", "-k", "filter_leaves")),
    M("marks that touch are not grouped", "generator/site/placemap.py",
      "< radius + spot.dot + GAP:", "< 0:", ("tests/test_map.py", "-k", "overlap")),
    M("every place drawn as a spot", "generator/site/placemap.py",
      "km = PRECISION_KM[place.precision] if place.precision else 0.0", "km = 0.0",
      ("tests/test_map.py", "-k", "vaguer or province")),
    M("a place's name unescaped on its mark", "generator/site/map_svg.py",
      'aria-label="{attribute(spot_label(spot))}"', 'aria-label="{spot_label(spot)}"',
      ("tests/test_map.py", "-k", "hostile")),
    M("a frame without its margin", "generator/site/basemap.py",
      "if left <= low_x - margin and", "if left <= low_x and", ("tests/test_map.py", "-k", "margin")),
    # Issue 38's rules (the sweep).
    M("a JPEG comment copied into renditions", "generator/site/pictures.py",
      "    resized.info = {}\n", "", ("tests/test_pictures.py", "-k", "metadata")),
    M("a far place framed with the rest", "generator/site/placemap.py",
      "    if len(region) == len(located) or len(region) * 2 <= len(located):", "    if True:",
      ("tests/test_map.py", "-k", "frames_where_most")),
    M("a map name cut at its comma", "docs/assets/map.js",
      'name: a.dataset.name || "", shown: true', 'name: (a.dataset.name || "").split(",")[0], shown: true',
      ("tests/test_map.py", "-k", "comma")),
    M("search counts Pagefind's fallback pages", "docs/assets/search.js",
      "if (term && !matching) return nothingFor(term, narrowed, asked);", "",
      ("tests/test_browser.py", "-k", "true_matches")),
    M("suggestions two edits away for short words", "docs/assets/search.js",
      "var most = typed.length <= 5 ? 1 : 2", "var most = 2", ("tests/test_browser.py", "-k", "suggestion")),
    M("indentation slips left to the parser", "generator/content/load.py",
      "    if slip:\n", "    if False:\n", ("tests/test_check.py", "-k", "indentation")),
    M("dates in words read against one dateline", "generator/content/edtf.py",
      "    if len(readings) != 1:\n        return None\n", "", ("tests/test_edtf.py", "-k", "in_words")),
    M("a record with no event listed as a fact", "generator/site/templates/places.md.j2",
      '|selectattr("id", "in", in_use)|groupby("country")', '|groupby("country")',
      ("tests/test_site.py", "-k", "no_event")),
    M("latest events oldest first", "generator/site/timeline_pages.py",
      '"latest": events[-LATEST:][::-1],', '"latest": events[-LATEST:],', ("tests/test_site.py", "-k", "overview")),
    M("feed links relative with site_url", "generator/exports/feeds.py",
      "        return absolute(site_url, path)\n", "        return path\n", ("tests/test_exports.py", "-k", "xml_base")),
    M("new files fail the check", "generator/authoring/files.py",
      '"summary": (_as_markdown(title.rstrip(".")) + ".",', '"summary": ("",',
      ("tests/test_authoring.py", "-k", "passes_the_check")),
    # Issue 36's rules (the axis a reader reads).
    M("axis labels over the next mark", "docs/assets/axis.js",
      "        ends[row] = (labelled && side === \"after\" ? right + LABEL_GAP + room : right) + GAP;",
      "        ends[row] = right + GAP;", ("tests/test_axis_reading.py", "-k", "say_what_they_are")),
    M("the first view is the whole span", "docs/assets/axis.js",
      "    var first = firstView();", "    var first = { x: 0, w: days };",
      ("tests/test_axis_reading.py", "-k", "opens_where")),
    M("the axis shrinks to its drawing", "docs/assets/timeline.css",
      ".md-typeset figure.tl-axis, figure.tl-axis { display: block; width: 100%;",
      ".md-typeset figure.tl-axis, figure.tl-axis { display: flex; width: fit-content;",
      ("tests/test_axis_reading.py", "-k", "fills_its_column and year")),
    # The foundations' round (issue 35): the rules a review's mutations found untested, and this
    # round's own: a page's inputs read, one guard, the settings, the shared scripts.
    M("counts at exactly the row limit", "generator/site/axis.py",
      "            if len(rows_end) == MAX_ROWS:", "            if len(rows_end) > MAX_ROWS:",
      ("tests/test_axis.py", "-k", "row_limit")),
    M("a source's date equal to the event's ticked", "generator/site/axis.py",
      "        if citation.date is not None and citation.date.text != event.date.text\n", "        if citation.date is not None\n",
      ("tests/test_axis.py", "-k", "differs")),
    M("coastlines counted as borders", "generator/site/basemap.py",
      "        if times > 1:", "        if times >= 1:", ("tests/test_map.py", "-k", "never_a_coast")),
    M("a month page shares the next month", "generator/site/timeline_pages.py",
      '        return f"{MONTHS[self.month]} {self.year}" if self.month else str(self.year)',
      '        return f"{MONTHS[self.month % 12 + 1]} {self.year}" if self.month else str(self.year)',
      ("tests/test_render.py", "-k", "own_month")),
    M("a story's title unescaped in its oEmbed HTML", "generator/site/stories.py",
      "    quoted = Markup.escape(title)", "    quoted = title", ("tests/test_stories.py", "-k", "oembed_answer_frames")),
    M("a source's own count replaced by the event's", "generator/exports/data.py",
      '                "killed": count_record(citation.killed),', '                "killed": count_record(event.killed),',
      ("tests/test_exports.py", "-k", "own_figures")),
    M("hidden marks reached by the arrow keys", "docs/assets/axis.js",
      '.filter(function (mark) { return !mark.hidden; });', ";",
      ("tests/test_axis.py", "-k", "filter_leaves")),
    M("a render's lookups of places not noted", "generator/content/model.py",
      '            note((self.namespace + "places", key))', "            pass", ("tests/test_incremental.py",)),
    M("a page's stale reads ignored", "generator/site/write.py",
      "        and before[1].isdisjoint(stale)\n", "", ("tests/test_incremental.py",)),
    M("the stories folder not guarded", "generator/content/check.py",
      "    if leads_out(folder, folder.parent):\n        checked.problems.append(_link_problem(base))\n        return\n    for file in sorted(",
      "    for file in sorted(", ("tests/test_check.py", "-k", "link_out")),
    M("a typo in a setting falls back", "generator/environment.py",
      "        raise SettingError(_message(setting, text)) from None", "        return setting.default",
      ("tests/test_stamp.py", "-k", "chosen_by_the_environment")),
    M("an unknown plugin option only warned", "generator/mkdocs/plugin.py",
      "            failed.append((key, base.ValidationError(", "            kept.append((key, base.ValidationError(",
      ("tests/test_map.py", "-k", "settings_ask")),
    M("forking on macOS", "generator/parallel.py",
      '    return sys.platform.startswith("linux") and', "    return True and", ("tests/test_platform.py",)),
    M("a headline before a mark over the row's last headline", "docs/assets/lib/labels.js",
      "      if ((ends[r] === undefined ? -Infinity : ends[r]) <= from) { row = r; labelled = true; break; }",
      "      if ((ends[r] === undefined ? -Infinity : ends[r]) <= left) { row = r; labelled = true; break; }",
      ("tests/test_axis_reading.py", "-k", "labels_rule")),
    M("the embed's list item without spaces", "docs/assets/lib/items.js",
      "    li.appendChild(document.createTextNode(\" \"));\n    li.appendChild(span);", "    li.appendChild(span);",
      ("tests/test_stories.py", "-k", "embed")),
    # The languages (issue 37).
    M("pages made outside their language", "generator/site/render.py",
      "            said = partial(in_language, language, make)", "            said = make",
      ("tests/test_languages.py", "-k", "every_page_of_a_language")),
    M("a translation into any language accepted", "generator/content/check.py",
      "            checked.problems.append(_language_problem(reference, known[\"languages\"], known[MAIN_LANGUAGE]))",
      "            pass", ("tests/test_languages.py", "-k", "wrong_translation")),
    M("an untranslated text not marked", "generator/languages/records.py",
      "        return Markup(marked(text, value.lang))", "        return Markup(escape(text, quote=True))",
      ("tests/test_languages.py", "-k", "untranslated")),
    M("the axis not mirrored right to left", "docs/assets/timeline.css",
      '[dir="rtl"] .tl-axis__svg { transform: scaleX(-1); }', "", ("tests/test_languages.py", "-k", "right_to_left")),
    M("the arrow keys against the reading", "docs/assets/axis.js",
      'var LATER = RTL ? "ArrowLeft" : "ArrowRight"', 'var LATER = "ArrowRight"',
      ("tests/test_languages.py", "-k", "right_to_left")),
    M("a dropped language's pages kept", "generator/site/layout.py",
      "    found = language_folders(root) if languages is None else sorted(languages)",
      "    found = [] if languages is None else sorted(languages)", ("tests/test_incremental.py", "-k", "Arabic")),
    M("a language's derived values computed in any language", "generator/site/render.py",
      "    return {prefix + name: partial(in_language, language, make) for name, make in derivations(timeline).items()}",
      "    return {prefix + name: make for name, make in derivations(timeline).items()}",
      ("tests/test_incremental.py", "-k", "Arabic")),
    M("one search index for every language", "generator/mkdocs/search.py",
      '"" if number == 0 else f"{language}/"', '""', ("tests/test_languages.py", "-k", "searches_its_own")),
    M("a language's strings only English in the scripts", "docs/assets/lib/strings.js",
      'var table = language === "en" ? null', 'var table = true ? null', ("tests/test_languages.py", "-k", "scripts_speak")),
    # issue 39: lean record pages, the deploy, the build over the previous one
    M("the dark-mode choice on a record page not kept", "docs/assets/frame.js",
      "try { window.localStorage.setItem(key", "try { if (0) window.localStorage.setItem(key", ("tests/test_lean.py", "-k", "dark_choice")),
    M("the record pages' tabs hidden on a phone", "docs/assets/timeline.css",
      ".tl-lean .md-tabs { display: block; }", ".tl-lean .md-tabs { }", ("tests/test_lean.py", "-k", "tabs_reach")),
    M("every file kept a year by browsers", "generator/hosting/headers.py",
      "return LONG if fingerprinted(path) else SHORT", "return LONG", ("tests/test_deploy.py", "-k", "kept_long")),
    M("a deploy that deletes nothing", "generator/hosting/deploy.py",
      'said = _run([*common, "sync", str(site), where.remote()], env, where)', 'said = ""', ("tests/test_deploy.py", "-k", "only_what_changed")),
    M("the build's memo not read from disk", "generator/site/build.py",
      "if isinstance(kept, Memo) and kept.stamp == key:", "if False:", ("tests/test_build.py", "-k", "new_process")),
    M("a record's value compared by identity after the memo is read from disk", "generator/content/reads.py",
      "if fields is None:\n        return bool(before == now)", "if True:\n        return bool(before == now)",
      ("tests/test_build.py", "-k", "new_process")),
    M("CI's cached build kept across a change of the generator", ".github/workflows/site.yml",
      "key: site-${{ runner.os }}-${{ hashFiles('generator/**', 'mkdocs.yml', 'pyproject.toml', 'docs/assets/**') }}-${{ github.repository }}-${{ steps",
      "key: site-${{ runner.os }}-${{ hashFiles('mkdocs.yml', 'pyproject.toml', 'docs/assets/**') }}-${{ github.repository }}-${{ steps",
      ("tests/test_site_update.py", "-k", "workflow")),
    M("a cube pair that straddles NEAR_KM counted as surely near", "generator/site/placemap.py",
      "if ((dx + 1) ** 2 + (dy + 1) ** 2 + (dz + 1) ** 2) * side * side <= surely_near:",
      "if (dx**2 + dy**2 + dz**2) * side * side <= surely_near:", ("tests/test_map.py", "-k", "near_counts")),
    M("a search shard kept when its pages were written again", "generator/mkdocs/search.py",
      'digest.update(f"{page}\\0{status.st_size}\\0{status.st_mtime_ns}\\n".encode())', 'digest.update(f"{page}\\n".encode())',
      ("tests/test_site.py", "-k", "edited")),
    M("the timeline's TimelineJS file left out at exactly TIMELINEJS_MOST events", "generator/exports/timelinejs.py",
      "return len(timeline.events) <= TIMELINEJS_MOST", "return len(timeline.events) < TIMELINEJS_MOST",
      ("tests/test_exports.py", "-k", "timelinejs_file")),
    M("every set of places kept, the events' own too", "generator/site/placemap.py",
      "framed, beyond = _framed(located) if len(located) >= KEPT_FROM else _framing(located)",
      "framed, beyond = _framed(located)", ("tests/test_map.py", "-k", "large_set")),
    M("a kept translation with a literal % not formatted", "generator/site/templating.py",
      "return kept % variables if formatted or variables else kept", "return kept % variables if variables else kept",
      ("tests/test_render.py", "-k", "new_style")),
    M("the first build's survivors left for the first save to set aside", "generator/mkdocs/preview.py",
      "            self.memory.settle_now()\n", "            pass\n",
      ("tests/test_preview.py", "-k", "templates_compiled")),
    M("a shard's glob missing its last page", "generator/mkdocs/search.py",
      'return pages[0] if len(pages) == 1 else "{" + ",".join(pages) + "}"',
      'return pages[0] if len(pages) == 1 else "{" + ",".join(pages[:-1]) + "}"', ("tests/test_site.py", "-k", "glob")),
    M("the facts box's lines searched again", "generator/mkdocs/search.py", '    ".tl-facts > p",\n', "",
      ("tests/test_site.py", "-k", "holds_a_records")),
    M("an empty list written into events.json", "generator/exports/data.py",
      "return value is not None and value != [] and value != {}", "return value is not None and value != {}",
      ("tests/test_exports.py", "-k", "holds_nothing or schema_and_holds")),
    M("the record pages' tabs without Material's margin", "docs/assets/timeline.css",
      "font-size: .7rem; margin-top: .8rem;", "font-size: .7rem;", ("tests/test_lean.py", "-k", "look")),
    # Issue 39, its fifth round: what a page no longer writes, the script or the stylesheet says.
    M("a count's link closed as escaped text", "generator/site/templates/axis.html.j2",
      '{% if bin.href %}</a>{% else %}</g>{% endif %}', '{{ "</a>" if bin.href else "</g>" }}',
      ("tests/test_axis.py", "-k", "crowded")),
    M("a mark's date not read from the list", "docs/assets/axis.js",
      'title: link.textContent, date: date ? date.textContent : ""', 'title: link.textContent, date: ""',
      ("tests/test_axis_reading.py", "-k", "own_events")),
    M("a map mark's name not read from its label", "docs/assets/map.js",
      '      if (!a.dataset.name) a.dataset.name = text ? text.textContent : "";\n', "",
      ("tests/test_map.py", "-k", "every_pair")),
    M("the record pages' stylesheet without the palettes", "generator/mkdocs/stylesheet.py",
      'return (MATERIAL_CSS, PALETTE_CSS) if config.theme.get("palette") else (MATERIAL_CSS,)', "return (MATERIAL_CSS,)",
      ("tests/test_lean.py", "-k", "stylesheet")),
    M("a legend sample not drawn", "docs/assets/timeline.css",
      ".tl-legend--dot::before { background-image:", ".tl-legend--dot::before { --unused:",
      ("tests/test_axis_reading.py", "-k", "legend")),
    M("an event's later years not searched", "generator/site/templates/event.md.j2",
      "{% for year in search_years[1:] %}", "{% for year in search_years[:0] %}", ("tests/test_site.py", "-k", "each_year")),
    M("the shared Markdown converter never reset", "generator/mkdocs/converter.py",
      "made: markdown.Markdown = _shared[1].reset()", "made: markdown.Markdown = _shared[1]", ("tests/test_converter.py",)),
    M("a list's marker counted as plain prose", "generator/mkdocs/rawhtml.py",
      "|^[-+]|", "|", ("tests/test_rawhtml.py",)),
    M("a plain paragraph set aside under fenced code", "generator/mkdocs/rawhtml.py",
      '_HOLDS_BLOCKS = re.compile(r"[<`~]")', '_HOLDS_BLOCKS = re.compile(r"[<]")', ("tests/test_rawhtml.py",)),
    M("a clean build walks the site for stale pages", "generator/mkdocs/plugin.py",
      "(preview is None and self.dirty)", "(preview is None)", ("tests/test_site.py", "-k", "sweeps")),
    # The seventh round's rules.
    M("a tuple of equal but not identical values found the same", "generator/content/reads.py",
      "if all(map(operator.is_, before, now)):", "if before == now:", ("tests/test_reads.py",)),
    M("docs/ never walked for stale pages after the first build", "generator/site/write.py",
      "if memo is None or memo.paths != paths:", "if memo is None:", ("tests/test_incremental.py",)),
    M("a headline of runs of white space filled in", "generator/mkdocs/rawhtml.py",
      'return title if is_plain(title) and " ".join(title.split()) == title else None',
      "return title if is_plain(title) else None", ("tests/test_converter.py",)),
    M("the headline's lesson kept unchecked", "generator/mkdocs/converter.py",
      "if _kept(filled) != _kept(checked):", "if False:", ("tests/test_converter.py",)),
    M("a front matter with a raw line separator read as JSON", "generator/mkdocs/frontmatter.py",
      "or _BREAKS.search(found[1])", "", ("tests/test_frontmatter.py",)),
    M("Material's strings in one language for every page", "generator/mkdocs/languages.py",
      "        if language not in self.languages:\n", "        language = 'en'\n        if language not in self.languages:\n",
      ("tests/test_languages.py",)),
]  # fmt: skip


def run(mutation: Mutation) -> tuple[bool, float]:
    """Apply, run the covering tests, restore; (caught, seconds)."""
    path = ROOT / mutation.file
    original = path.read_text(encoding="utf-8")
    if original.count(mutation.old) != 1:
        raise SystemExit(f"{mutation.name}: the text to mutate is not once in {mutation.file}")
    path.write_text(original.replace(mutation.old, mutation.new), encoding="utf-8")
    started = time.perf_counter()
    try:
        command = list(mutation.tests[1:]) if mutation.tests[0] == "!" else [*PYTEST, *mutation.tests]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1200)
    finally:
        path.write_text(original, encoding="utf-8")
    return done.returncode != 0, time.perf_counter() - started


def main() -> None:
    chosen = [m for m in MUTATIONS if all(word in m.name for word in sys.argv[1:])]
    caught = 0
    for mutation in chosen:
        bit, seconds = run(mutation)
        caught += bit
        print(f"{'caught' if bit else 'MISSED'}  {mutation.name}  ({seconds:.1f} s)", flush=True)
    print(f"{caught} of {len(chosen)} mutations caught")
    sys.exit(0 if caught == len(chosen) else 1)


if __name__ == "__main__":
    main()
