"""Smoke test of the installed package: build the wheel, install it in a fresh venv, run it elsewhere.

The PyInstaller bundle takes minutes to build, so the suite checks the *wheel* (same code, same
resources copied into ``counter_app/_resources``); ``installer/build`` is run by hand or in release CI.
No network: the wheel is built without build isolation from this venv's setuptools (extra ``build``),
and the fresh venv finds the dependencies in this venv's site-packages through a ``.pth`` line,
after its own site-packages, so the installed wheel (not the source tree) is what runs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT_FILES = ("pyproject.toml", "setup.py", "README.md")
TIMEOUT_S = 300


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=TIMEOUT_S)
    assert "Traceback" not in done.stderr, done.stderr
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A fresh venv with the wheel installed; its ``counter-app`` script and interpreter."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "src"  # a copy: building must not write build/ or egg-info into the work tree
    source.mkdir()
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("counter_app", "resources"):
        shutil.copytree(ROOT / folder, source / folder, ignore=ignore)
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                "-q", "-w", base / "dist", source, cwd=base)
    assert built.returncode == 0, built.stderr
    [wheel] = (base / "dist").glob("counter_app-*.whl")

    target = base / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    python = target / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=base).stdout.strip())
    (site / "_project_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    done = run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q",
               wheel, cwd=base)
    assert done.returncode == 0, done.stderr
    script = target / ("Scripts/counter-app.exe" if os.name == "nt" else "bin/counter-app")
    return {"script": script, "python": python, "site": site, "cwd": tmp_path_factory.mktemp("elsewhere")}


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "COUNTER_APP_RESOURCES", "PYTHONHOME"}}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def app(installed: dict[str, Path], *args: str) -> subprocess.CompletedProcess[str]:
    return run(installed["script"], *args, cwd=installed["cwd"], env=clean_env())


def test_version(installed) -> None:
    from counter_app import __version__

    done = app(installed, "--version")
    assert done.returncode == 0 and done.stdout.strip() == f"counter-app {__version__}"


def test_check_id_from_outside_the_source_tree(installed) -> None:
    done = app(installed, "check", "id", "11010519491231002X", "--json")
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["valid"] is True and shown["birth_date"] == "1949-12-31" and shown["sex"] == "2"
    assert app(installed, "check", "id", "110105194912310021", "--json").returncode == 1


def test_the_installed_package_runs_and_finds_its_own_resources(installed) -> None:
    probe = (
        "import counter_app, json\n"
        "from counter_app.paths import resources_dir\n"
        "from counter_app.printing.fonts import FALLBACK_FONT, MAIN_FONT, covers\n"
        "print(json.dumps({'package': counter_app.__file__, 'resources': str(resources_dir()),\n"
        "  'main': covers(MAIN_FONT, '张'), 'rare': covers(FALLBACK_FONT, '\\U00020bb7')}))\n"
    )
    done = run(installed["python"], "-c", probe, cwd=installed["cwd"], env=clean_env())
    found = json.loads(done.stdout)
    site = str(installed["site"])
    assert found["package"].startswith(site) and found["resources"].startswith(site)
    assert found["resources"].endswith("_resources") and found["main"] and found["rare"]


def test_policy_data_is_found_by_the_calculator(installed) -> None:
    done = app(installed, "calc", "loan-limit", "--category", "general", "--balance", "50000",
               "--monthly-income", "8000", "--monthly-debt", "0", "--price", "600000", "--months", "240",
               "--date", "2025-06-01", "--json")
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert set(shown["constraints"]) == {"category_cap", "balance_multiple", "repayment_capacity", "loan_to_value"}
    assert shown["limit"] == min(shown["constraints"].values(), key=float)


def test_the_store_migrates_and_backs_up_from_the_installed_package(installed) -> None:
    data = installed["cwd"] / "data"
    done = app(installed, "--data-dir", str(data), "records", "--json")  # opens (creates, migrates) the store
    assert done.returncode == 0 and json.loads(done.stdout) == []
    done = app(installed, "--data-dir", str(data), "backup", str(installed["cwd"] / "b.sqlite3"), "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["revision"]
