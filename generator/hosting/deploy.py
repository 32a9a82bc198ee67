"""The deploy to S3-compatible object storage (Amazon S3, Cloudflare R2, Google Cloud Storage,
Backblaze B2, MinIO) with rclone: `timeline deploy` (`make deploy`), configured by the
environment (TIMELINE_DEPLOY_*, and the standard AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY),
which CI fills from the repository's variables and secrets.

rclone because it is the well-kept client made for this, in every system's packages, and it
compares checksums (`--checksum`: a file's MD5 against the ETag the listing gives): in CI every
file is new by its time, and only the files whose bytes changed travel. Object storage sends a
file with the headers it was stored with, so the files go in groups, each with its Content-Type
and Cache-Control (headers.py): the fingerprinted assets first, then the rest, the pages last,
so that a page never names a file not yet there; then one `rclone sync` deletes what the site no
longer has. A file whose bytes did not change keeps the headers it has.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator import environment
from generator.hosting.headers import LONG, cache_control, content_type

REMOTE = "TIMELINE"  # the rclone remote, defined in rclone's environment (no rclone.conf to write)
PROVIDERS = {
    "aws": "AWS",
    "cloudflare": "Cloudflare",
    "gcs": "GCS",
    "minio": "Minio",
    "backblaze": "Other",
    "other": "Other",
}


class DeployError(Exception):
    """A deploy that cannot start (a setting, rclone or the site missing), said as a maintainer
    can act on it."""


class RcloneFailed(DeployError):
    """A deploy that started and did not finish: rclone's own reason."""


@dataclass(frozen=True)
class Target:
    bucket: str  # "bucket" or "bucket/folder"
    provider: str  # rclone's name: AWS, Cloudflare, Other...
    endpoint: str = ""
    region: str = ""

    def remote(self) -> str:
        return f"{REMOTE}:{self.bucket}"


def target(environ: Mapping[str, str] | None = None) -> Target:
    """Where to deploy, from the environment; DeployError names what is missing."""
    environ = os.environ if environ is None else environ
    bucket = environment.value("TIMELINE_DEPLOY_BUCKET", environ)
    if not bucket:
        raise DeployError(
            "no bucket to deploy to: set TIMELINE_DEPLOY_BUCKET (and TIMELINE_DEPLOY_PROVIDER, "
            "TIMELINE_DEPLOY_ENDPOINT, TIMELINE_DEPLOY_REGION as your storage needs; generator/README.md: Deploying)"
        )
    provider = PROVIDERS[environment.value("TIMELINE_DEPLOY_PROVIDER", environ)]
    endpoint = environment.value("TIMELINE_DEPLOY_ENDPOINT", environ) or ""
    region = environment.value("TIMELINE_DEPLOY_REGION", environ) or ""
    if provider != "AWS" and not endpoint:
        named = f"TIMELINE_DEPLOY_PROVIDER={provider.lower()}"
        raise DeployError(f"{named} needs TIMELINE_DEPLOY_ENDPOINT (its S3 address)")
    return Target(bucket, provider, endpoint, region)


def rclone_environment(where: Target, environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """rclone's environment: the remote defined by variables, the credentials the environment has
    (env_auth: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a role CI assumed)."""
    env = dict(os.environ if environ is None else environ)
    # Debian's rclone (1.60) stops with "LoadCustomCABundleError: unsupported transport" when this
    # is set; it reads the system's certificates without it.
    env.pop("AWS_CA_BUNDLE", None)
    prefix = f"RCLONE_CONFIG_{REMOTE}_"
    env.update(
        {
            prefix + "TYPE": "s3",
            prefix + "PROVIDER": where.provider,
            prefix + "ENV_AUTH": "true",
            prefix + "NO_CHECK_BUCKET": "true",  # the bucket exists: no CreateBucket (and its permission)
        }
    )
    if where.endpoint:
        env[prefix + "ENDPOINT"] = where.endpoint
    if where.region:
        env[prefix + "REGION"] = where.region
    return env


def site_files(site: Path) -> Iterator[str]:
    """Every file of the built site, as a path under it with forward slashes."""
    for folder, _, names in os.walk(site):
        relative = os.path.relpath(folder, site)
        for name in names:
            yield name if relative == "." else f"{relative}/{name}".replace(os.sep, "/")


Group = tuple[str, str]  # (Content-Type, Cache-Control)


def groups(paths: list[str]) -> list[tuple[Group, list[str]]]:
    """The files by the headers they are sent with, in the order they are sent: what lasts long
    first (nothing names it yet), the pages last."""
    grouped: dict[Group, list[str]] = {}
    for path in sorted(paths):
        grouped.setdefault((content_type(path), cache_control(path)), []).append(path)

    def order(item: tuple[Group, list[str]]) -> tuple[int, str]:
        (kind, cache), _ = item
        return (0 if cache == LONG else 2 if kind.startswith("text/html") else 1, kind)

    return sorted(grouped.items(), key=order)


@dataclass
class Report:
    uploaded: list[str]
    deleted: list[str]
    dry_run: bool

    def summary(self) -> str:
        files = f"{len(self.uploaded):,} file{'s' * (len(self.uploaded) != 1)}"
        if self.dry_run:
            return f"deploy (dry run): {files} would be uploaded, {len(self.deleted):,} deleted; nothing changed"
        return f"deploy: {files} uploaded, {len(self.deleted):,} deleted"


# rclone's log lines of what it did (-v) or would do (--dry-run)
_COPIED = re.compile(
    r"(?:INFO|NOTICE)\s*: (.+?): (?:Copied \((?:new|replaced existing)\)|Skipped copy as --dry-run is set)"
)
_DELETED = re.compile(r"(?:INFO|NOTICE)\s*: (.+?): (?:Deleted|Skipped delete as --dry-run is set)")


def deploy(site: Path, where: Target, dry_run: bool = False, environ: Mapping[str, str] | None = None) -> Report:
    """Send the built site to the bucket: only the files whose bytes changed, each group with its
    headers, then delete what the site no longer has."""
    rclone = shutil.which("rclone")
    if rclone is None:
        raise DeployError(
            "rclone is not installed: `sudo apt-get install rclone` (Debian, Ubuntu), `brew install rclone` (macOS)"
        )
    if not (site / "index.html").is_file():
        raise DeployError(f"no built site in {site}/: run `make site` first")
    env = rclone_environment(where, environ)
    common = [rclone, "--checksum", "--fast-list", "-v", "--stats", "0"] + (["--dry-run"] if dry_run else [])
    uploaded: list[str] = []
    deleted: list[str] = []
    with tempfile.TemporaryDirectory(prefix="timeline-deploy-") as scratch:
        for index, ((kind, cache), paths) in enumerate(groups(list(site_files(site)))):
            listed = Path(scratch) / f"group-{index}.txt"
            listed.write_text("".join(path + "\n" for path in paths), encoding="utf-8")
            headers = ["--header-upload", f"Content-Type: {kind}", "--header-upload", f"Cache-Control: {cache}"]
            said = _run(
                [*common, "copy", "--files-from-raw", str(listed), *headers, str(site), where.remote()], env, where
            )
            uploaded += _COPIED.findall(said)
        # Everything is there now: this only deletes what the site no longer has.
        said = _run([*common, "sync", str(site), where.remote()], env, where)
        deleted += _DELETED.findall(said)
        if not dry_run:  # (a dry run's sync lists again what the groups would have sent)
            uploaded += _COPIED.findall(said)
    return Report(uploaded, deleted, dry_run)


def _run(command: list[str], env: dict[str, str], where: Target) -> str:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        lines = [_STAMP.sub("", line) for line in result.stderr.splitlines()]
        said = [line for line in lines if line.startswith("Failed to")] or [line for line in lines if "ERROR" in line]
        reason = said[-1] if said else result.stderr.strip()[-500:]
        raise RcloneFailed(
            f"rclone failed, sending to {where.bucket} at {where.endpoint or where.provider}: {reason} "
            "(does the bucket exist, and may these credentials write to it?)"
        )
    return result.stderr


_STAMP = re.compile(r"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d ")  # the time rclone starts its lines with
