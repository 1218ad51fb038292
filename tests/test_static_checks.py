"""The type checker and the linter, as CI runs them: mypy --strict on domain/ and services/, ruff on
the whole repository (rules and scope in pyproject.toml). A finding fails the suite with its output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=900)


def test_mypy_strict_is_clean_on_domain_and_services() -> None:
    done = _run("mypy")  # files, strictness and overrides: [tool.mypy] in pyproject.toml
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success: no issues found" in done.stdout


def test_ruff_is_clean_on_the_repository() -> None:
    done = _run("ruff", "check", "--no-cache", ".")
    assert done.returncode == 0, done.stdout + done.stderr
