"""`timeline` / `python -m generator`: check and build from the command line.

Exit status: 0 when all is well, 1 when the content has errors, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from generator import environment
from generator.authoring.article import Article
from generator.authoring.files import AuthoringError
from generator.content.check import check_content, valid_actors_and_places
from generator.content.model import Content
from generator.content.problems import ContentError
from generator.parallel import PARALLEL_FROM

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def _folder(value: str) -> Path:
    path = Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"'{value}' is not a folder")
    return path


def _content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=_folder, default=Path("content"), help="content folder (default: content)")


def _jobs_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help=f"processes to use (default: one per core from {PARALLEL_FROM:,} files, else 1)",
    )


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline", description="Check timeline content and generate its site.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check every content file and report all errors")
    _content_option(check)
    _jobs_option(check)
    check.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="read the languages the site publishes from here"
    )
    check.add_argument("--verbose", action="store_true", help="name each record not yet translated into each language")

    build = commands.add_parser("build", help="check, then write the generated pages into the docs folder")
    _content_option(build)
    _jobs_option(build)
    build.add_argument("--docs", type=Path, default=Path("docs"), help="docs folder (default: docs)")
    build.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="read site_name, site_description, site_url from here"
    )
    build.add_argument("--site-url", help="the published site's address, for absolute links in feeds")
    build.add_argument("--title", help="the site's name, for feeds and calendars")
    build.add_argument(
        "--drafts", action="store_true", help="include events whose status is draft (as the preview does)"
    )
    build.add_argument("--description", help="what the timeline covers, for the TimelineJS title slide")

    new = commands.add_parser("new", help="write a ready-to-edit event file named from its date and title")
    new.add_argument("title", help="what happened, in a line")
    new.add_argument("--date", required=True, help="EDTF date, e.g. 2020-03-16, 2020-03, 2019-23~")
    new.add_argument("--source", help="id of a source in sources.yaml (required: every event cites one)")
    new.add_argument("--actor", action="append", default=[], help="id of an actor (repeatable)")
    new.add_argument("--place", action="append", default=[], help="id of a place (repeatable)")
    new.add_argument("--tag", action="append", default=[], help="a tag slug (repeatable)")
    _content_option(new)

    story = commands.add_parser("new-story", help="write a ready-to-edit story through some events")
    story.add_argument("title", help="the story's headline")
    story.add_argument("events", nargs="+", metavar="EVENT_ID", help="the events' ids, in the story's order")
    _content_option(story)

    extract = commands.add_parser("extract", help="propose draft events from an article's text")
    extract.add_argument(
        "article", help="the article: a plain-text file, a saved web page (.html), or a URL (needs a network)"
    )
    extract.add_argument("--published", help="publication day YYYY-MM-DD, if the text has none")
    extract.add_argument("--source-id", help="id for the article in sources.yaml (default: made from it)")
    extract.add_argument("--write", action="store_true", help="write the drafts into content/ as new files")
    _content_option(extract)

    importer = commands.add_parser("import", help="new event files from TimelineJS3 JSON or this site's CSV")
    importer.add_argument("file", type=Path, help="a TimelineJS3 .json or an events .csv")
    importer.add_argument("--source", help="source id for every imported event (needed for TimelineJS)")
    _content_option(importer)

    fmt = commands.add_parser("fmt", help="rewrite YAML in the canonical key order and style, keeping comments")
    fmt.add_argument(
        "paths", nargs="*", type=Path, default=[Path("content")], help="files or folders (default: content)"
    )
    fmt.add_argument("--check", action="store_true", help="only report what would change; exit 1 if anything would")

    links = commands.add_parser("links", help="check that every source's address still answers (needs the network)")
    _content_option(links)
    links.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for each server (default: 10)")

    deploy = commands.add_parser(
        "deploy", help="send the built site to S3-compatible object storage with rclone (TIMELINE_DEPLOY_*)"
    )
    deploy.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    deploy.add_argument("--dry-run", action="store_true", help="list what would change; change nothing")

    schema = commands.add_parser("schema", help="write the JSON Schemas editors' YAML tools use")
    schema.add_argument("--out", type=Path, default=Path("schema"), help="folder to write into (default: schema)")
    schema.add_argument("--check", action="store_true", help="exit 1 if the files are not up to date")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    handlers = {
        "check": _check,
        "build": _build,
        "schema": _schema,
        "new": _new,
        "new-story": _new_story,
        "extract": _extract,
        "import": _import,
        "fmt": _fmt,
        "links": _links,
        "deploy": _deploy,
    }
    try:
        environment.check()
    except environment.SettingError as error:
        for line in str(error).splitlines():
            print(f"timeline {args.command}: error: {line}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return handlers[args.command](args)
    except AuthoringError as error:
        print(f"timeline {args.command}: error: {error}", file=sys.stderr)
        return EXIT_CONTENT
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        files = len({problem.path for problem in error.problems})
        count = len(error.problems)
        print(f"{count} error{'s' * (count != 1)} in {files} file{'s' * (files != 1)}", file=sys.stderr)
        return EXIT_CONTENT


def _check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    from generator.mkdocs.settings import SettingsError, site_settings
    from generator.site.build import few_collections

    try:  # the languages a record's translations may be in
        languages = site_settings(args.config).languages
    except SettingsError as error:
        for line in str(error).splitlines():
            print(f"timeline check: error: {line}", file=sys.stderr)
        return EXIT_USAGE
    with few_collections():
        content = check_content(args.content, args.jobs, languages=languages)
    from generator.content.similar import content_warnings

    warnings = content_warnings(content, args.content)
    for warning in warnings:
        print(warning, file=sys.stderr)
    elapsed = time.perf_counter() - started
    noted = f", {len(warnings)} warning{'s' * (len(warnings) != 1)}" if warnings else ""
    drafts = sum(event.status == "draft" for event in content.events.values())
    waiting = f" ({drafts} draft{'s' * (drafts != 1)}, left out of the site until reviewed)" if drafts else ""
    print(
        f"{args.content}: OK, {len(content.events)} events{waiting}, {len(content.sources)} sources, "
        f"{len(content.actors)} actors, {len(content.places)} places{noted} ({elapsed:.2f} s)"
    )
    for line in translation_report(content, args.content, languages, args.verbose):
        print(line)
    return EXIT_OK


def translation_report(content: Content, folder: Path, languages: tuple[str, ...], verbose: bool) -> list[str]:
    """What is not yet translated, per language the site publishes besides its main one: a count
    (information, not an error: the pages show the main language's text, marked), and with
    `verbose` each record by its file."""
    from generator.languages.records import untranslated_records

    lines = []
    total = sum(len(records) for records in (content.events, content.actors, content.places, content.sources))
    total += len(content.tags) + len(content.stories)
    for language in languages[1:]:
        missing = untranslated_records(content, language)
        if not missing:
            lines.append(f"{language}: every record is translated")
            continue
        hint = "" if verbose else " (--verbose names them)"
        lines.append(f"{language}: {len(missing)} of {total} records not yet translated{hint}")
        for kind, key in missing if verbose else ():
            lines.append(f"  {record_file(folder, kind, key)}")
    return lines


def record_file(folder: Path, kind: str, key: str) -> str:
    """Where an editor finds a record: its own file, or its entry in its collection's."""
    if kind in ("event", "story"):
        return str(folder / ("events" if kind == "event" else "stories") / f"{key}.yaml")
    return f"{folder / (kind + 's.yaml')}: {key}"


def _build(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from generator.mkdocs.settings import SettingsError, site_settings
    from generator.site.build import build

    try:  # every setting mkdocs.yml gives, so `make site` finds the pages current
        configured = site_settings(args.config)
    except SettingsError as error:
        for line in str(error).splitlines():
            print(f"timeline build: error: {line}", file=sys.stderr)
        return EXIT_USAGE
    site = replace(
        configured,
        title=configured.title if args.title is None else args.title,
        description=configured.description if args.description is None else args.description,
        url=configured.url if args.site_url is None else args.site_url,
    )
    report = build(args.content, args.docs, site, args.jobs, drafts=args.drafts)
    print(report.summary())
    return EXIT_OK


def _deploy(args: argparse.Namespace) -> int:
    from generator.hosting.deploy import DeployError, RcloneFailed, deploy, target

    try:
        report = deploy(args.site, target(), dry_run=args.dry_run)
    except DeployError as error:
        print(f"timeline deploy: error: {error}", file=sys.stderr)
        return EXIT_CONTENT if isinstance(error, RcloneFailed) else EXIT_USAGE
    if args.dry_run:
        for path in report.uploaded:
            print(f"would upload {path}")
        for path in report.deleted:
            print(f"would delete {path}")
    print(report.summary())
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from generator.content.schema_files import write_schemas

    stale = write_schemas(args.out, check_only=args.check)
    if args.check and stale:
        for name in stale:
            print(f"{args.out / name}: out of date; run 'timeline schema'", file=sys.stderr)
        return EXIT_CONTENT
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from generator.authoring.files import new_event

    path = new_event(args.content, args.title, args.date, args.source, args.actor, args.place, args.tag)
    print(f"wrote {path}: edit the TODO lines, then `timeline check`")
    return EXIT_OK


def _new_story(args: argparse.Namespace) -> int:
    from generator.authoring.files import new_story

    path = new_story(args.content, args.title, args.events)
    print(f"wrote {path}: write its summary (and each step's text, or delete it), then `timeline check`")
    return EXIT_OK


def _extract(args: argparse.Namespace) -> int:
    from dataclasses import replace
    from datetime import date

    from generator.authoring.extract import draft_yaml, extract, source_id, source_yaml
    from generator.authoring.files import Written, create_file, known_ids

    try:
        published = date.fromisoformat(args.published) if args.published else None
    except ValueError:
        raise AuthoringError(f"--published '{args.published}' is not YYYY-MM-DD") from None
    actors, places = valid_actors_and_places(args.content)
    try:
        result = extract(read_source(args.article), actors, places, published)
    except ValueError as error:
        raise AuthoringError(str(error)) from None
    article = replace(result.article, published=published) if published else result.article
    source = args.source_id or source_id(article)
    files = [
        (args.content / "events" / f"{draft.identifier}.yaml", draft_yaml(draft, source)) for draft in result.drafts
    ]

    print(f"# Source, for {args.content / 'sources.yaml'}:")
    print(source_yaml(article, source))
    for path, draft_text in files:
        print(f"--- # {path}")
        print(draft_text)
    if result.unresolved:
        print("# Time expressions not resolved to a date (write these by hand if they are events):")
        for sentence, expression in result.unresolved:
            print(f'#   "{expression.words}" ({expression.reason}): {sentence[:90]}')
    print(f"# {len(result.drafts)} drafts, {len(result.unresolved)} unresolved expressions")
    if not args.write:
        return EXIT_OK
    written = Written()
    for path, draft_text in files:
        create_file(path, draft_text, written)
    sources_file = args.content / "sources.yaml"
    if source not in known_ids(sources_file):  # adding an entry is the one change to an existing file
        with sources_file.open("a", encoding="utf-8") as stream:
            stream.write(("\n" if sources_file.stat().st_size else "") + source_yaml(article, source))
        print(f"added source '{source}' to {sources_file}", file=sys.stderr)
    for path in written.created:
        print(f"wrote {path}", file=sys.stderr)
    for path in written.refused:
        print(f"left {path} alone: it exists", file=sys.stderr)
    return EXIT_OK


def read_source(where: str) -> Article | str:
    """An article from a text file, a saved web page or a URL; a located error for what fails."""
    from generator.authoring.article import fetch, read_html

    try:
        if re.match(r"https?://", where):
            return read_html(fetch(where), url=where)
        text = Path(where).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise AuthoringError(f"cannot read {where}: {error}") from None
    if Path(where).suffix.lower() in (".html", ".htm") or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        try:
            return read_html(text)
        except ValueError as error:
            raise AuthoringError(f"{where}: {error}") from None
    return text


def _import(args: argparse.Namespace) -> int:
    from generator.authoring.importer import import_file

    result = import_file(args.file, args.content, args.source)
    for path in result.written.created:
        print(f"wrote {path}")
    for path in result.written.refused:
        print(f"left {path} alone: it exists", file=sys.stderr)
    for line in result.added:
        print(f"added {line}", file=sys.stderr)
    for line in result.unmapped:
        print(f"not imported: {line}", file=sys.stderr)
    for line in result.todo:
        print(f"to do: {line}", file=sys.stderr)
    for line in result.look_alikes:
        print(f"warning: {line}", file=sys.stderr)
    print(f"{len(result.written.created)} events written, {len(result.written.refused)} existing left alone")
    return EXIT_CONTENT if result.written.refused else EXIT_OK


def _fmt(args: argparse.Namespace) -> int:
    from generator.authoring.fmt import format_files

    report = format_files(args.paths, check_only=args.check)
    for line in report.failed:
        print(line, file=sys.stderr)
    for path, diff in zip(report.changed, report.diffs, strict=True):
        if args.check:
            sys.stdout.write(diff)
        print(f"{'would reformat' if args.check else 'reformatted'} {path}")
    if (args.check and report.changed) or report.failed:
        return EXIT_CONTENT
    print(f"OK: {report.checked} files {'already formatted' if args.check or not report.changed else 'formatted'}")
    return EXIT_OK


def _links(args: argparse.Namespace) -> int:
    from generator.content.links import check_links

    answers = check_links(args.content, timeout=args.timeout)
    if answers and all(answer.offline for answer in answers):
        print(
            f"timeline links: no address could be looked up ({answers[0].failure}): this machine seems to be "
            "offline; nothing was checked. Run it again with a network.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    errors = warnings = 0
    for answer in answers:
        found = answer.problem
        if found is None:
            continue
        level, problem = found
        text = str(problem)
        if level == "warning":
            text = text.replace(": error: ", ": warning: ", 1)
            warnings += 1
        else:
            errors += 1
        print(text, file=sys.stderr)
    checked = len(answers)
    print(f"{checked} address{'es' * (checked != 1)} checked: {errors} dead, {warnings} moved")
    return EXIT_CONTENT if errors else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
