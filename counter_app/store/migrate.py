"""Schema migrations run from code: Alembic ``upgrade`` on open, inside one write transaction."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine

from counter_app.store.engine import write_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision``; BEGIN IMMEDIATE makes concurrent openers take turns."""
    config = alembic_config()
    from counter_app.store.backup import backup_before_migration  # lazy: it reads the migration scripts

    backup_before_migration(engine.url.database)  # a store behind head is copied before upgrading
    with write_engine(engine).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()
