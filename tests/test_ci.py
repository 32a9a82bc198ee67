"""The GitHub workflow: what a first deploy needs, stated as rules (check-jsonschema validates
its shape in `make test`)."""

from __future__ import annotations

import yaml
from conftest import ROOT

WORKFLOW = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text())
JOBS = WORKFLOW["jobs"]


def test_every_job_has_a_time_limit_and_can_read_the_repository():
    for name, job in JOBS.items():
        assert isinstance(job.get("timeout-minutes"), int), name
        # A job's own permissions replace the workflow's: without contents: read, checkout
        # fails on a private repository.
        assert job.get("permissions", WORKFLOW["permissions"]).get("contents") == "read", name


def test_deploy_follows_the_default_branch_and_is_never_cancelled():
    deploy = JOBS["deploy"]
    decided = " ".join(step.get("run", "") for step in JOBS["test"]["steps"])
    assert "github.event.repository.default_branch" in decided and "'main'" not in decided
    assert "refs/heads/main" not in str(WORKFLOW)
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert "default_branch" in str(WORKFLOW["concurrency"]["cancel-in-progress"])
    assert deploy["permissions"]["pages"] == "write" and deploy["permissions"]["id-token"] == "write"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_dependencies_install_once_per_run_from_a_cache():
    steps = JOBS["test"]["steps"]
    python = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python"))
    node = next(step for step in steps if step.get("uses", "").startswith("actions/setup-node"))
    assert python["with"]["cache"] == "pip" and node["with"]["cache"] == "npm"
    assert sum("make site" in step.get("run", "") for step in JOBS["test"]["steps"]) == 1


def test_a_macos_job_builds_the_site_and_runs_the_fast_tier():
    """Editors work on macOS: the site and the fast tests run there too, with the Makefile's targets."""
    macos = JOBS["macos"]
    assert macos["runs-on"].startswith("macos")
    commands = [step.get("run", "") for step in macos["steps"]]
    assert "make site" in commands and "make test-fast" in commands
    assert macos["if"] == JOBS["test"]["if"]


def test_a_pull_request_from_this_repository_is_not_tested_twice():
    condition = " ".join(JOBS["test"]["if"].split())
    assert "github.event.pull_request.head.repo.full_name != github.repository" in condition
