"""A keyring backend for tests only: a JSON file named by COUNTER_TEST_KEYRING (shared with subprocesses).

Selected with ``PYTHON_KEYRING_BACKEND=keyring_file_backend.FileKeyring`` (with ``tests/sync`` on the
path). Plaintext on purpose and never shipped: the application itself uses the OS keyring.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @property
    def path(self) -> Path:
        return Path(os.environ["COUNTER_TEST_KEYRING"])

    def _load(self) -> dict[str, str]:
        return json.loads(self.path.read_text()) if self.path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\t{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\t{username}"] = password
        self.path.write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}\t{username}", None)
        self.path.write_text(json.dumps(data))
