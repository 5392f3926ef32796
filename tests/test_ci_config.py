"""The CI set-up: GitHub workflows and pre-commit hooks are valid, pinned and name real targets."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
PRE_COMMIT_CONFIG = ROOT / ".pre-commit-config.yaml"
WORKFLOW_FILES = sorted(WORKFLOWS.glob("*.yml"))

# An exact release tag (v4.2.2) or a full commit SHA; never a branch or a moving major tag.
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$")
MAKE_TARGET = re.compile(r"\bmake\s+([a-z][\w-]*)")


def venv_tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(arg) for arg in args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=300,
    )


def actionlint(*files: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    # Without the optional shellcheck and pyflakes integrations: the same answer everywhere,
    # as in .pre-commit-config.yaml.
    return run(venv_tool("actionlint"), "-shellcheck=", "-pyflakes=", "-no-color", *files, cwd=cwd)


def load(path: Path) -> dict:
    with path.open(encoding="utf-8") as stream:
        return yaml.safe_load(stream)


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z0-9][\w.-]*)\s*:(?!=)", text, flags=re.MULTILINE))


def uses_of(workflow: dict) -> list[str]:
    """Every `uses:` of a workflow: steps' actions and jobs' reusable workflows."""
    found = []
    for job in workflow["jobs"].values():
        if "uses" in job:
            found.append(job["uses"])
        found += [step["uses"] for step in job.get("steps", []) if "uses" in step]
    return found


def make_targets_named(text: str) -> set[str]:
    return set(MAKE_TARGET.findall(text))


def test_both_workflows_exist():
    assert [path.name for path in WORKFLOW_FILES] == ["publish.yml", "pull-request.yml"]


def test_actionlint_passes_on_the_workflows():
    result = actionlint(*WORKFLOW_FILES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    """The lint above can fail: a misspelt key and an unknown event are both reported."""
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        "on:\n  pull_requests:\n"
        "permissions:\n  contents: read\n"
        "jobs:\n  check:\n    run-on: ubuntu-latest\n    timeout-minutes: 5\n"
        "    steps:\n      - run: make test\n",
        encoding="utf-8",
    )
    result = actionlint(broken, cwd=tmp_path)
    assert result.returncode != 0, result.stdout + result.stderr
    assert "run-on" in result.stdout and "pull_requests" in result.stdout, result.stdout


@pytest.mark.parametrize(
    "schema", ["vendor.github-workflows", "custom.github-workflows-require-timeout"]
)
@pytest.mark.parametrize("workflow", WORKFLOW_FILES, ids=lambda path: path.name)
def test_workflow_matches_the_schema(workflow, schema):
    result = run(venv_tool("check-jsonschema"), "--builtin-schema", schema, workflow)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  check:\n    run-on: ubuntu-latest\n"
        "    steps:\n      - run: make test\n",
        encoding="utf-8",
    )
    result = run(
        venv_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", broken
    )
    assert result.returncode != 0, result.stdout + result.stderr


def test_pre_commit_config_is_valid():
    result = run(venv_tool("pre-commit"), "validate-config", PRE_COMMIT_CONFIG)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_hooks_are_local_and_use_the_venv():
    """No hook repository is fetched: every hook runs a tool pinned in requirements*.txt."""
    config = load(PRE_COMMIT_CONFIG)
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = config["repos"][0]["hooks"]
    assert {hook["language"] for hook in hooks} == {"system"}
    for hook in hooks:
        assert hook["entry"].startswith(".venv/bin/"), hook["id"]
        tool = Path(hook["entry"].split()[0]).name
        assert Path(venv_tool(tool)).exists(), f"{hook['id']}: {tool} is not in the venv"


@pytest.mark.parametrize("workflow", WORKFLOW_FILES, ids=lambda path: path.name)
def test_every_action_is_pinned_to_an_exact_version(workflow):
    uses = uses_of(load(workflow))
    assert uses, workflow.name
    unpinned = [use for use in uses if not use.startswith("./") and not PINNED.match(use)]
    assert unpinned == [], f"{workflow.name}: pin these to vX.Y.Z or a commit SHA: {unpinned}"


@pytest.mark.parametrize(
    "use, pinned",
    [
        ("actions/checkout@v4.2.2", True),
        ("actions/checkout@" + "0123456789abcdef" * 2 + "01234567", True),
        ("actions/checkout@v4", False),
        ("actions/checkout@main", False),
        ("actions/checkout@v4.2", False),
        ("actions/checkout", False),
    ],
)
def test_the_pin_rule_rejects_moving_references(use, pinned):
    assert bool(PINNED.match(use)) is pinned


def test_workflows_ask_only_for_the_permissions_they_need():
    for workflow in WORKFLOW_FILES:
        data = load(workflow)
        assert data["permissions"] == {"contents": "read"}, workflow.name
        for name, job in data["jobs"].items():
            if "permissions" in job:
                assert (workflow.name, name) == ("publish.yml", "deploy")
                assert job["permissions"] == {"pages": "write", "id-token": "write"}


def test_pull_request_runs_the_checks_and_never_blocks_on_external_links():
    steps = load(WORKFLOWS / "pull-request.yml")["jobs"]["check"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert {"make validate", "make test", "make links-external"} <= set(runs)
    external = steps[runs.index("make links-external")]
    assert external.get("continue-on-error") is True
    blocking = [step for step in steps if step.get("run") in ("make validate", "make test")]
    assert all(not step.get("continue-on-error") for step in blocking)
    uploads = [
        step["with"]["name"]
        for step in steps
        if step.get("uses", "").startswith("actions/upload-artifact@")
    ]
    assert uploads == ["site-preview", "screenshots"]


def test_publish_tests_before_it_builds_and_deploys():
    jobs = load(WORKFLOWS / "publish.yml")["jobs"]
    steps = jobs["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    check = next(
        i for i, run in enumerate(runs) if "make --no-print-directory -s public-url" in run
    )
    assert "${{ steps.pages.outputs.base_url }}/" in runs[check] and "exit 1" in runs[check]
    upload = next(i for i, s in enumerate(steps) if "upload-pages-artifact" in s.get("uses", ""))
    assert runs.index("make test") < check < upload
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["environment"]["name"] == "github-pages"


def test_every_make_target_named_exists_in_the_makefile():
    targets = makefile_targets()
    assert {"validate", "test", "site"} <= targets, targets
    named: dict[str, set[str]] = {}
    for workflow in WORKFLOW_FILES:
        named[workflow.name] = make_targets_named(workflow.read_text(encoding="utf-8"))
    named[PRE_COMMIT_CONFIG.name] = make_targets_named(
        PRE_COMMIT_CONFIG.read_text(encoding="utf-8")
    )
    assert named["pull-request.yml"] >= {"validate", "test", "links-external"}
    missing = {name: sorted(found - targets) for name, found in named.items() if found - targets}
    assert missing == {}, f"not targets in the Makefile: {missing}"
