"""The station's embedded store: one SQLite file in the data directory, migrated on open."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine

from counter_app.faults import DAMAGED, StoreDamaged, classify
from counter_app.store import migrate
from counter_app.store.backup import backup_before_migration
from counter_app.store.engine import DB_FILENAME, make_engine
from counter_app.store.health import check_on_open, full_check, mark_damaged, scan
from counter_app.store.records import SearchHit
from counter_app.store.search import search
from counter_app.store.uow import UnitOfWork


class Store:
    """Open with ``Store.open(data_dir)``; work through ``unit_of_work()``; ``close()`` at the end."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self._engine = engine

    @classmethod
    def open(cls, data_dir: Path | str) -> Store:
        """Open (creating if needed) ``data_dir/station.sqlite3`` and upgrade it to the newest schema."""
        directory = Path(data_dir)
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / DB_FILENAME
        check_on_open(path)  # a damaged file is refused before anything (a migration) writes to it
        engine = make_engine(path)
        try:
            backup_before_migration(path)  # a store behind head is copied before upgrading
            migrate.upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(path, engine)

    def unit_of_work(self, write: bool = False) -> UnitOfWork:
        return UnitOfWork(self._engine, write=write, path=self.path)

    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        """Ranked hits for an ID number, USCC, account number, name or pinyin (see ``search.py``)."""
        raw = self._engine.raw_connection()  # pooled; plain SELECTs in autocommit, no BEGIN needed
        try:
            return search(raw.driver_connection, text, limit)
        except sqlite3.DatabaseError as exc:
            if isinstance(classify(exc, self.path.parent), StoreDamaged):
                mark_damaged(self.path, str(exc))
                raise StoreDamaged(DAMAGED) from exc
            raise
        finally:
            raw.close()

    def integrity_problems(self) -> list[str]:
        """A full ``PRAGMA integrity_check`` (seconds on a big store): empty when intact."""
        return full_check(self.path)

    def scan(self) -> list[str]:
        """A whole-file ``quick_check`` (every table and index; about a second on a big store)."""
        return scan(self.path)

    def schema_revision(self) -> str | None:
        return migrate.current_revision(self._engine)

    def optimize(self) -> None:
        """Refresh the query planner's statistics (after a bulk load)."""
        with self._engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA optimize")

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
