"""`timeline` / `python -m generator`: check and build from the command line.

Exit status: 0 when all is well, 1 when the content has errors, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .check import check_content
from .problems import ContentError

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def _folder(value: str) -> Path:
    path = Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"'{value}' is not a folder")
    return path


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline", description="Check timeline content and generate its site.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check every content file and report all errors")
    check.add_argument("--content", type=_folder, default=Path("content"), help="content folder (default: content)")

    build = commands.add_parser("build", help="check, then write the generated pages into the docs folder")
    build.add_argument("--content", type=_folder, default=Path("content"), help="content folder (default: content)")
    build.add_argument("--docs", type=Path, default=Path("docs"), help="docs folder (default: docs)")
    build.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="read site_name, site_description, site_url from here"
    )
    build.add_argument("--site-url", help="the published site's address, for absolute links in feeds")
    build.add_argument("--title", help="the site's name, for feeds and calendars")
    build.add_argument("--description", help="what the timeline covers, for the TimelineJS title slide")

    schema = commands.add_parser("schema", help="write the JSON Schemas editors' YAML tools use")
    schema.add_argument("--out", type=Path, default=Path("schema"), help="folder to write into (default: schema)")
    schema.add_argument("--check", action="store_true", help="exit 1 if the files are not up to date")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "build":
            return _build(args)
        return _schema(args)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        files = len({problem.path for problem in error.problems})
        count = len(error.problems)
        print(f"{count} error{'s' * (count != 1)} in {files} file{'s' * (files != 1)}", file=sys.stderr)
        return EXIT_CONTENT


def _check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    content = check_content(args.content)
    elapsed = time.perf_counter() - started
    print(
        f"{args.content}: OK, {len(content.events)} events, {len(content.sources)} sources, "
        f"{len(content.actors)} actors, {len(content.places)} places ({elapsed:.2f} s)"
    )
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from .build import Site, build, site_from_config

    configured = site_from_config(args.config)
    site = Site(
        title=configured.title if args.title is None else args.title,
        description=configured.description if args.description is None else args.description,
        url=configured.url if args.site_url is None else args.site_url,
    )
    report = build(args.content, args.docs, site)
    print(report.summary())
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from .schema_files import write_schemas

    stale = write_schemas(args.out, check_only=args.check)
    if args.check and stale:
        for name in stale:
            print(f"{args.out / name}: out of date; run 'timeline schema'", file=sys.stderr)
        return EXIT_CONTENT
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
