"""A keyring backend for tests only: a JSON file named by COUNTER_TEST_KEYRING (shared with subprocesses).

The suite selects it for every test (``tests/conftest.py`` sets ``PYTHON_KEYRING_BACKEND`` and puts
this folder on ``PYTHONPATH``), because the audit chain's key lives only in a keyring. Writes are
atomic and serialised by a lock file, so processes killed or running side by side never leave
half a file. Plaintext on purpose and never shipped: the application itself uses the OS keyring.
"""

from __future__ import annotations

import fcntl
import json
import os
from contextlib import contextmanager
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @property
    def path(self) -> Path:
        return Path(os.environ["COUNTER_TEST_KEYRING"])

    def _load(self) -> dict[str, str]:
        try:
            return json.loads(self.path.read_text())
        except FileNotFoundError:
            return {}

    @contextmanager
    def _locked(self):
        with open(str(self.path) + ".lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _save(self, data: dict[str, str]) -> None:
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.partial")
        partial.write_text(json.dumps(data))
        os.replace(partial, self.path)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\t{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._locked():
            data = self._load()
            data[f"{service}\t{username}"] = password
            self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        with self._locked():
            data = self._load()
            data.pop(f"{service}\t{username}", None)
            self._save(data)
