"""Alembic environment of the central schema: runs on the connection handed in by ``central_db.upgrade``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

SCHEMA = "central"

connection = context.config.attributes["connection"]
connection.execute(text(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}"))
context.configure(
    connection=connection,
    target_metadata=None,
    version_table="alembic_version",
    version_table_schema=SCHEMA,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
