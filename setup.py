"""Build hook (the rest is in pyproject.toml): the wheel carries ``resources/`` as ``counter_app/_resources``.

``counter_app.paths.resources_dir()`` looks there once installed; an editable install keeps using the
source tree's ``resources/``. Translation sources (``*.ts``) stay behind; font licences go along.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCES = Path(__file__).resolve().parent / "resources"


class BuildPyWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "counter_app" / "_resources"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(RESOURCES, target, ignore=shutil.ignore_patterns("*.ts", "__pycache__"))


setup(cmdclass={"build_py": BuildPyWithResources})
