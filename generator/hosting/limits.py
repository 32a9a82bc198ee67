"""The hosts a static site is published on and what each takes, and the built site's footprint
against them: said by the build (the MkDocs plugin, after the search index) when the site is
past one, with the way out (object storage behind a CDN: deploy.py)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

GB = 1_000_000_000


@dataclass(frozen=True)
class Host:
    name: str
    total_bytes: int | None = None  # the published site, at most
    files: int | None = None  # files of a deploy, at most
    files_per_folder: int | None = None  # files in one folder, at most
    file_bytes: int | None = None  # one file, at most


# From each host's documentation (figures as of 2026; generator/README.md: Deploying).
HOSTS = (
    Host("GitHub Pages", total_bytes=1 * GB),
    Host("Cloudflare Pages", files=20_000, file_bytes=25 * 1024 * 1024),
    Host("Netlify", files_per_folder=54_000),
    Host("GitLab Pages", total_bytes=1 * GB, files=200_000),
)


@dataclass(frozen=True)
class Footprint:
    """What a host counts of a built site."""

    bytes: int
    files: int
    largest_folder: tuple[str, int]  # the folder with the most entries (files and folders), and how many
    largest_file: tuple[str, int]  # the largest file, and its size


def footprint(site: Path) -> Footprint:
    """The built site's size, files, fullest folder and largest file (one walk of site/)."""
    total = files = 0
    fullest, largest = ("", 0), ("", 0)
    folders = [site]
    while folders:
        folder = folders.pop()
        entries = 0
        with os.scandir(folder) as listing:
            for entry in listing:
                entries += 1
                if entry.is_dir(follow_symlinks=False):
                    folders.append(Path(entry.path))
                elif entry.is_file(follow_symlinks=False):
                    size = entry.stat(follow_symlinks=False).st_size
                    total += size
                    files += 1
                    if size > largest[1]:
                        largest = (os.path.relpath(entry.path, site), size)
        if entries > fullest[1]:
            fullest = (os.path.relpath(folder, site), entries)
    return Footprint(total, files, fullest, largest)


def past(found: Footprint, host: Host) -> list[str]:
    """Each of the host's limits the site is past, said with the figures."""
    said = []
    if host.total_bytes is not None and found.bytes > host.total_bytes:
        said.append(f"{host.name} publishes at most {_size(host.total_bytes)} (this site: {_size(found.bytes)})")
    if host.files is not None and found.files > host.files:
        said.append(f"{host.name} takes at most {host.files:,} files (this site: {found.files:,})")
    if host.files_per_folder is not None and found.largest_folder[1] > host.files_per_folder:
        folder, count = found.largest_folder
        limit = host.files_per_folder
        said.append(f"{host.name} takes at most {limit:,} files in a folder ({folder}/ holds {count:,})")
    if host.file_bytes is not None and found.largest_file[1] > host.file_bytes:
        name, size = found.largest_file
        said.append(f"{host.name} takes files of at most {_size(host.file_bytes)} ({name}: {_size(size)})")
    return said


def warnings(found: Footprint, hosts: tuple[Host, ...] = HOSTS) -> list[str]:
    """What the build says of the site's size: nothing while every host takes it."""
    reasons = [reason for host in hosts for reason in past(found, host)]
    if not reasons:
        return []
    way_out = (
        "publish it to object storage behind a CDN (Amazon S3 with CloudFront, Cloudflare R2, ...) with "
        "`make deploy`: generator/README.md, Deploying"
    )
    return [f"warning: site/ is {_size(found.bytes)} in {found.files:,} files: {reason}" for reason in reasons] + [
        f"warning: {way_out}"
    ]


def _size(count: int) -> str:
    if count >= GB:
        return f"{count / GB:.2f} GB"
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f} MB"
    return f"{count / 1000:.0f} KB"
