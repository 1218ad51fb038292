"""Content-addressed files of the data dir (``attachments/ab/abcdef…``): a file's name is its SHA-256.

Written once through a temporary file and an atomic rename, so a crash leaves either the whole file
or none; the same content written twice is stored once. A file whose content no longer hashes to
its name has been swapped or damaged (``audit verify`` reads them all, ``check``).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

FOLDER = "attachments"
READ_CHUNK = 1 << 20


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(READ_CHUNK):
            digest.update(block)
    return digest.hexdigest()


class BlobStore:
    """The ``attachments/`` folder of one data dir."""

    def __init__(self, data_dir: Path | str) -> None:
        self.root = Path(data_dir) / FOLDER

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes) -> str:
        """Store ``data`` (once) and return its SHA-256."""
        digest = sha256_of(data)
        target = self.path(digest)
        if target.exists() and target.stat().st_size == len(data):
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return digest

    def read(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def size(self, sha256: str) -> int:
        return self.path(sha256).stat().st_size

    def read_range(self, sha256: str, offset: int, length: int) -> bytes:
        with self.path(sha256).open("rb") as f:
            f.seek(offset)
            return f.read(length)

    def problem(self, sha256: str) -> str | None:
        """Why the stored file is not what its name says (missing, or content swapped), else None."""
        path = self.path(sha256)
        if not path.is_file():
            return "文件缺失"
        if sha256_file(path) != sha256:
            return "文件内容与登记的哈希值不符（被替换或损坏）"
        return None

    def __iter__(self) -> Iterator[str]:
        if self.root.is_dir():
            for path in sorted(self.root.glob("??/*")):
                if not path.name.startswith("."):
                    yield path.name
