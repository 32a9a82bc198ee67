"""The site past one host: each file's headers (a table of names), the hosts' limits against a
site's footprint, the deploy's settings, and the deploy itself: the real rclone (Debian's package)
against a local S3-compatible server (moto's server mode, started and stopped here), driven
through `timeline deploy` as a maintainer or CI runs it."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import mkdocs

from generator import environment
from generator.hosting import headers, limits
from generator.hosting.deploy import DeployError, Target, groups, rclone_environment, target

BIN = Path(sys.executable).parent
LONG, SHORT = headers.LONG, headers.SHORT


# --- what each file is sent with -------------------------------------------------------------

CACHED = [
    # (path under site/, fingerprinted: its name holds the digest of its bytes)
    ("assets/javascripts/bundle.79ae519e.min.js", True),
    ("assets/stylesheets/main.484c7ddc.min.css", True),
    ("assets/stylesheets/main.484c7ddc.min.css.map", True),
    ("_pagefind/fragment/en_4c5f1b2e0a.pf_fragment", True),
    ("_pagefind/index/en_15f81d4020.pf_index", True),
    ("_pagefind/pagefind.en_15f81d4020.pf_meta", True),
    ("ar/_pagefind/fragment/ar_0a1b2c3d4e.pf_fragment", True),
    ("_pagefind/fragment/en_10c68aa.pf_fragment", True),  # Pagefind's: 7 digits
    ("_pagefind/filter/en_1234567.pf_filter", True),  # all of them figures
    ("_pagefind/pagefind.en_1234567.pf_meta", True),
    ("_pagefind/words.json", False),  # ours, beside Pagefind's
    ("_pagefind/shards.json", False),
    ("events/_pagefind/fragment/index.html", False),  # not the index: a page
    ("media/site-card-c09e4785d54806d4.png", True),
    ("media/camp-taji-0123456789abcdef-640.webp", True),
    # a name that keeps its name when its bytes change: short
    ("index.html", False),
    ("events/2020-03-rocket-attack-on-camp-taji-kills-three/index.html", False),
    ("_pagefind/pagefind.js", False),
    ("_pagefind/pagefind-entry.json", False),
    ("_pagefind/wasm.en.pagefind", False),
    ("assets/axis.js", False),
    ("assets/lib/palette.js", False),
    ("data/events.json", False),
    ("maps/8-76-49.svg", False),
    ("feed.xml", False),
    # edges: digits only (a date, a count), letters only, too short, not between separators
    ("events/event-20200316/index.html", False),
    ("media/photo-20200316.jpg", False),
    ("media/deadbeefcafe.png", False),  # no digit: a word, not a digest
    ("assets/x.79ae519.min.js", False),  # 7 digits
    ("media/x79ae519e.png", False),  # not after a separator
    ("events/79ae519e12/index.html", False),  # a folder's name: the page keeps its address
]


@pytest.mark.parametrize("path, fingerprinted", CACHED)
def test_a_file_is_kept_long_only_when_its_name_holds_its_digest(path, fingerprinted):
    assert headers.fingerprinted(path) is fingerprinted
    assert headers.cache_control(path) == (LONG if fingerprinted else SHORT)


TYPES = [
    ("index.html", "text/html; charset=utf-8"),
    ("ar/events/x/index.html", "text/html; charset=utf-8"),
    ("assets/timeline.css", "text/css; charset=utf-8"),
    ("assets/axis.js", "text/javascript; charset=utf-8"),
    ("data/events.json", "application/json"),
    ("stories/s/oembed.json", "application/json"),
    ("feed.xml", "application/atom+xml; charset=utf-8"),
    ("ar/feed.xml", "application/atom+xml; charset=utf-8"),
    ("sitemap.xml", "application/xml"),
    ("sitemap.xml.gz", "application/gzip"),
    ("events.ics", "text/calendar; charset=utf-8"),
    ("data/events.csv", "text/csv; charset=utf-8"),
    ("maps/8-76-49.svg", "image/svg+xml"),
    ("media/a-0123456789abcdef-640.webp", "image/webp"),
    ("media/a-0123456789abcdef-640.jpg", "image/jpeg"),
    ("media/site-card-c09e4785d54806d4.png", "image/png"),
    ("assets/images/favicon.png", "image/png"),
    ("_pagefind/fragment/en_4c5f1b2e0a.pf_fragment", "application/octet-stream"),
    ("_pagefind/wasm.en.pagefind", "application/octet-stream"),
    ("PAGE.HTML", "text/html; charset=utf-8"),  # the ending in any case
    ("LICENSE", "application/octet-stream"),  # no ending
]


@pytest.mark.parametrize("path, kind", TYPES)
def test_each_file_has_the_content_type_of_its_kind(path, kind):
    assert headers.content_type(path) == kind


def test_the_groups_send_lasting_files_first_and_pages_last():
    paths = [path for path, _ in CACHED] + [path for path, _ in TYPES]
    sent = groups(paths)
    caches = [cache for (_, cache), _ in sent]
    kinds = [kind for (kind, _), _ in sent]
    assert caches[: caches.count(LONG)] == [LONG] * caches.count(LONG)
    assert kinds[-1] == "text/html; charset=utf-8" and caches[-1] == SHORT
    assert sorted(path for _, listed in sent for path in listed) == sorted(paths)
    for (kind, cache), listed in sent:
        assert all(headers.content_type(path) == kind and headers.cache_control(path) == cache for path in listed)


# --- the hosts' limits ------------------------------------------------------------------------

MB, GB = 1_000_000, 1_000_000_000
LIMITS = [
    # (bytes, files, fullest folder's entries, largest file's bytes) -> the hosts it is past
    ((900 * MB, 19_000, 10_000, 1 * MB), []),
    ((1 * GB, 20_000, 54_000, 25 * 1024 * 1024), []),  # at every limit: still taken
    ((1 * GB + 1, 100, 10, 1), ["GitHub Pages", "GitLab Pages"]),
    ((10 * MB, 20_001, 10, 1), ["Cloudflare Pages"]),
    ((10 * MB, 100, 54_001, 1), ["Netlify"]),
    ((10 * MB, 100, 10, 25 * 1024 * 1024 + 1), ["Cloudflare Pages"]),
    ((3_750 * MB, 221_300, 100_001, 2 * MB), ["GitHub Pages", "Cloudflare Pages", "Netlify", "GitLab Pages"]),
]


@pytest.mark.parametrize("figures, hosts", LIMITS)
def test_the_build_says_which_hosts_a_site_is_past_and_the_way_out(figures, hosts):
    size, files, folder, largest = figures
    found = limits.Footprint(size, files, ("events", folder), ("media/big.jpg", largest))
    said = limits.warnings(found)
    named = [host.name for host in limits.HOSTS if any(line.count(host.name) for line in said)]
    assert named == hosts
    if hosts:
        assert said[-1].startswith("warning: ") and "make deploy" in said[-1]
        assert all(line.startswith("warning: site/ is ") for line in said[:-1])
    else:
        assert said == []


def test_the_footprint_counts_what_a_host_counts(tmp_path):
    (tmp_path / "events" / "a").mkdir(parents=True)
    (tmp_path / "events" / "b").mkdir()
    (tmp_path / "events" / "c").mkdir()
    (tmp_path / "index.html").write_bytes(b"x" * 10)
    (tmp_path / "events" / "a" / "index.html").write_bytes(b"x" * 300)
    (tmp_path / "events" / "b" / "index.html").write_bytes(b"x" * 20)
    found = limits.footprint(tmp_path)
    assert (found.bytes, found.files) == (330, 3)
    assert found.largest_folder == ("events", 3)  # folders are entries too (Netlify counts them)
    assert found.largest_file == (os.path.join("events", "a", "index.html"), 300)


def test_a_built_site_past_a_hosts_limit_is_said_and_still_built(project):
    """A real build: a file past Cloudflare Pages' 25 MiB (hand-written, in docs/)."""
    (project / "docs" / "big.bin").write_bytes(b"\0" * (26 * 1024 * 1024))
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "warning: site/ is " in result.stderr
    assert "Cloudflare Pages takes files of at most 26.2 MB (big.bin: 27.3 MB)" in result.stderr
    assert "make deploy" in result.stderr
    assert "GitHub Pages" not in result.stderr


# --- the deploy's settings --------------------------------------------------------------------

SETTINGS = [
    # (variable, value, accepted)
    ("TIMELINE_DEPLOY_BUCKET", "my-timeline", True),
    ("TIMELINE_DEPLOY_BUCKET", "my.timeline.org/site/en", True),
    ("TIMELINE_DEPLOY_BUCKET", "abc", True),
    ("TIMELINE_DEPLOY_BUCKET", "ab", False),  # too short
    ("TIMELINE_DEPLOY_BUCKET", "My-Timeline", False),  # S3 names are lowercase
    ("TIMELINE_DEPLOY_BUCKET", "a" * 64, False),
    ("TIMELINE_DEPLOY_BUCKET", "my-timeline/../other", False),
    ("TIMELINE_DEPLOY_BUCKET", "s3://my-timeline", False),
    ("TIMELINE_DEPLOY_PROVIDER", "cloudflare", True),
    ("TIMELINE_DEPLOY_PROVIDER", "AWS", True),
    ("TIMELINE_DEPLOY_PROVIDER", "cloudfare", False),
    ("TIMELINE_DEPLOY_ENDPOINT", "https://abc.r2.cloudflarestorage.com", True),
    ("TIMELINE_DEPLOY_ENDPOINT", "http://127.0.0.1:9000", True),
    ("TIMELINE_DEPLOY_ENDPOINT", "abc.r2.cloudflarestorage.com", False),
    ("TIMELINE_DEPLOY_REGION", "eu-west-3", True),
    ("TIMELINE_DEPLOY_REGION", "auto", True),
    ("TIMELINE_DEPLOY_REGION", "eu west", False),
]


@pytest.mark.parametrize("name, text, accepted", SETTINGS)
def test_the_deploys_settings_are_checked_with_what_to_write(name, text, accepted):
    found = environment.problems({name: text})
    assert (found == []) is accepted, found
    if not accepted:
        assert found[0].startswith(f"{name}=") and "takes" in found[0]


def test_a_providers_typo_is_answered_with_the_closest_provider():
    assert "did you mean cloudflare?" in environment.problems({"TIMELINE_DEPLOY_PROVIDER": "cloudfare"})[0]


@pytest.mark.parametrize(
    "environ, said",
    [
        ({}, "no bucket to deploy to: set TIMELINE_DEPLOY_BUCKET"),
        ({"TIMELINE_DEPLOY_BUCKET": "b-1", "TIMELINE_DEPLOY_PROVIDER": "cloudflare"}, "needs TIMELINE_DEPLOY_ENDPOINT"),
    ],
)
def test_a_deploy_without_a_place_to_go_says_what_to_set(environ, said):
    with pytest.raises(DeployError, match=said):
        target(environ)


def test_rclones_remote_is_defined_by_its_environment_without_a_ca_bundle():
    where = target(
        {
            "TIMELINE_DEPLOY_BUCKET": "my-site/en",
            "TIMELINE_DEPLOY_PROVIDER": "cloudflare",
            "TIMELINE_DEPLOY_ENDPOINT": "https://abc.r2.cloudflarestorage.com",
            "TIMELINE_DEPLOY_REGION": "auto",
        }
    )
    assert where == Target("my-site/en", "Cloudflare", "https://abc.r2.cloudflarestorage.com", "auto")
    assert where.remote() == "TIMELINE:my-site/en"
    env = rclone_environment(where, {"AWS_CA_BUNDLE": "/etc/ca.pem", "AWS_ACCESS_KEY_ID": "key"})
    assert "AWS_CA_BUNDLE" not in env and env["AWS_ACCESS_KEY_ID"] == "key"
    assert env["RCLONE_CONFIG_TIMELINE_TYPE"] == "s3"
    assert env["RCLONE_CONFIG_TIMELINE_PROVIDER"] == "Cloudflare"
    assert env["RCLONE_CONFIG_TIMELINE_ENDPOINT"] == "https://abc.r2.cloudflarestorage.com"
    assert env["RCLONE_CONFIG_TIMELINE_REGION"] == "auto"
    assert env["RCLONE_CONFIG_TIMELINE_ENV_AUTH"] == "true"


def _deploy(project: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`timeline deploy` as CI runs it: the installed command, in the project."""
    return subprocess.run(
        [str(BIN / "timeline"), "deploy", *args], cwd=project, env=env, capture_output=True, text=True, timeout=300
    )


def test_a_deploy_without_rclone_or_a_site_says_what_to_do(tmp_path):
    env = {**os.environ, "TIMELINE_DEPLOY_BUCKET": "b-1", "PATH": str(tmp_path)}
    result = _deploy(tmp_path, env)
    assert result.returncode == 2
    assert "rclone is not installed: `sudo apt-get install rclone`" in result.stderr
    assert "Traceback" not in result.stderr
    if shutil.which("rclone"):
        env["PATH"] = os.environ["PATH"]
        result = _deploy(tmp_path, env)
        assert result.returncode == 2
        assert "no built site in site/: run `make site` first" in result.stderr
        assert "Traceback" not in result.stderr


# --- the deploy, against a local S3-compatible server -----------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def storage(tmp_path: Path) -> Iterator[tuple[str, object]]:
    """moto's S3 server on a free port, with an empty bucket; stopped after the test."""
    if shutil.which("rclone") is None:
        pytest.fail("rclone is not installed (.ci/run installs Debian's package; `apt-get install rclone`)")
    import boto3

    port = _free_port()
    server = subprocess.Popen(
        [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.1)
        client = boto3.client(
            "s3", endpoint_url=endpoint, aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1"
        )
        client.create_bucket(Bucket="timeline-site")
        yield endpoint, client
    finally:
        server.terminate()
        server.wait(timeout=10)


def _site_digests(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.md5(path.read_bytes()).hexdigest()
        for path in site.rglob("*")
        if path.is_file()
    }


def _stored(client, prefix: str = "") -> dict[str, str]:  # type: ignore[no-untyped-def]
    found = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket="timeline-site", Prefix=prefix):
        for item in page.get("Contents", []):
            found[item["Key"][len(prefix) :]] = item["ETag"].strip('"')
    return found


def _counts(summary: str) -> tuple[int, int]:
    words = summary.split()
    return int(words[1].replace(",", "")), int(words[4].replace(",", ""))


def test_deploys_send_only_what_changed_with_each_files_headers_and_delete_what_went(project, storage):
    endpoint, client = storage
    env = {
        **os.environ,
        "TIMELINE_DEPLOY_BUCKET": "timeline-site/published",
        "TIMELINE_DEPLOY_PROVIDER": "other",
        "TIMELINE_DEPLOY_ENDPOINT": endpoint,
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
    }
    built = mkdocs(project, "build", "--strict")
    assert built.returncode == 0, built.stderr[-2000:]
    site = project / "site"
    first = _site_digests(site)

    # a dry run lists every file and sends none
    tried = _deploy(project, env, "--dry-run")
    assert tried.returncode == 0, tried.stderr
    assert {line.removeprefix("would upload ") for line in tried.stdout.splitlines()[:-1]} == set(first)
    assert tried.stdout.splitlines()[-1].startswith(
        f"deploy (dry run): {len(first):,} files would be uploaded, 0 deleted"
    )
    assert _stored(client) == {}

    # the first deploy sends the whole site, byte for byte, each file with its headers
    sent = _deploy(project, env)
    assert sent.returncode == 0, sent.stderr
    assert _counts(sent.stdout.splitlines()[-1]) == (len(first), 0)
    assert _stored(client, "published/") == first  # single-part uploads: the ETag is the MD5
    for path in first:
        answer = client.head_object(Bucket="timeline-site", Key="published/" + path)
        assert answer["ContentType"] == headers.content_type(path), path
        assert answer["CacheControl"] == headers.cache_control(path), path
    read = {path: client.head_object(Bucket="timeline-site", Key="published/" + path) for path in first}
    assert read["index.html"]["ContentType"] == "text/html; charset=utf-8"
    assert read["index.html"]["CacheControl"] == SHORT
    assert read["data/events.json"]["ContentType"] == "application/json"
    assert read["feed.xml"]["ContentType"] == "application/atom+xml; charset=utf-8"
    bundle = next(path for path in first if path.startswith("assets/javascripts/bundle."))
    assert read[bundle]["CacheControl"] == LONG
    fragment = next(path for path in first if path.startswith("_pagefind/fragment/"))
    assert read[fragment]["CacheControl"] == LONG
    assert read["_pagefind/pagefind.js"]["CacheControl"] == SHORT

    # again with nothing changed: nothing travels
    again = _deploy(project, env)
    assert _counts(again.stdout.splitlines()[-1]) == (0, 0), again.stdout

    # one event edited, one removed: only the files whose bytes changed travel; its page goes
    events = project / "content" / "events"
    edited = events / "2020-03-second-rocket-salvo-hits-camp-taji.yaml"
    edited.write_text(edited.read_text().replace("summary: ", "summary: Edited. ", 1))
    removed = events / "2020-03-marines-killed-in-operation-against-islamic-state.yaml"
    removed.unlink()
    rebuilt = mkdocs(project, "build", "--strict")
    assert rebuilt.returncode == 0, rebuilt.stderr[-2000:]
    second = _site_digests(site)
    changed = {path for path, digest in second.items() if first.get(path) != digest}
    gone = set(first) - set(second)
    assert "events/2020-03-marines-killed-in-operation-against-islamic-state/index.html" in gone
    assert "events/2020-03-second-rocket-salvo-hits-camp-taji/index.html" in changed
    assert len(changed) < len(second) / 2  # a few pages, the data, the index: not the site

    tried = _deploy(project, env, "--dry-run")
    listed = tried.stdout.splitlines()[:-1]
    assert {line.removeprefix("would upload ") for line in listed if line.startswith("would upload ")} == changed
    assert {line.removeprefix("would delete ") for line in listed if line.startswith("would delete ")} == gone
    assert _stored(client, "published/") == first  # a dry run changes nothing

    sent = _deploy(project, env)
    assert sent.returncode == 0, sent.stderr
    assert _counts(sent.stdout.splitlines()[-1]) == (len(changed), len(gone))
    assert _stored(client, "published/") == second
    for path in changed:
        answer = client.head_object(Bucket="timeline-site", Key="published/" + path)
        assert (answer["ContentType"], answer["CacheControl"]) == (
            headers.content_type(path),
            headers.cache_control(path),
        )


def test_a_failed_deploy_says_rclones_reason_without_a_traceback(project, storage):
    endpoint, _ = storage
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("<!doctype html><title>x</title>")
    env = {
        **os.environ,
        "TIMELINE_DEPLOY_BUCKET": "no-such-bucket",
        "TIMELINE_DEPLOY_PROVIDER": "minio",
        "TIMELINE_DEPLOY_ENDPOINT": endpoint,
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
    }
    result = _deploy(project, env)
    assert result.returncode == 1
    assert result.stderr.startswith(f"timeline deploy: error: rclone failed, sending to no-such-bucket at {endpoint}: ")
    assert "no-such-bucket" in result.stderr and "does the bucket exist" in result.stderr
    assert result.stderr.count("\n") == 1  # one line: what failed and what to look at
    assert "Traceback" not in result.stderr
