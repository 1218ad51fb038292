"""Partition the big reference tables by district (issue #22 item 3): workers, accounts, withdrawal history.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05

Each becomes a table ``PARTITION BY HASH (district)`` with eight partitions: a station reads only
its own district (row-level security ``district = <the login's district>``), so its snapshot and
the centre's per-district queries touch one partition (run-time pruning) instead of the whole city,
and districts need no partition management when the city adds one. The primary key takes the
district in (PostgreSQL requires the partition key in every unique index); the person's ID number
stays the key within a district. ``withdrawal_history.id`` comes from a sequence (PostgreSQL 15
has no identity columns on partitioned tables). Rows are moved in the upgrade's transaction; the
feed triggers are created after the move, so moving writes no feed rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MY_DISTRICT = "(SELECT s.district FROM central.stations s WHERE s.role = current_user)"
PARTITIONS = 8
DOC = "upper(regexp_replace(document_no, '[[:space:]-]', '', 'g'))"

# table, feed entity, key column, indexes after the move
TABLES = (
    ("workers", "worker", "id_number", ("CREATE INDEX workers_district ON central.workers (district);",)),
    ("accounts", "account", "account_no", ("CREATE INDEX accounts_id_number ON central.accounts (id_number);",)),
    ("withdrawal_history", "withdrawal_history", "id", (
        "CREATE INDEX withdrawal_history_id_number ON central.withdrawal_history (id_number);",
        f"CREATE INDEX withdrawal_history_document ON central.withdrawal_history (({DOC}));",
    )),
)


def _feed_and_policy(table: str, entity: str, key: str) -> str:
    args = f"'{entity}', '{key}', 'district'"
    return f"""
CREATE TRIGGER {table}_feed_ins AFTER INSERT ON central.{table}
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION central.feed_rows({args});
CREATE TRIGGER {table}_feed_upd AFTER UPDATE ON central.{table}
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION central.feed_rows({args});
CREATE TRIGGER {table}_feed_del AFTER DELETE ON central.{table}
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION central.feed_rows({args});
ALTER TABLE central.{table} ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_district ON central.{table} FOR SELECT USING (district = {MY_DISTRICT});
"""


def _rebuild(table: str, entity: str, key: str, indexes: tuple[str, ...], partitioned: bool) -> str:
    old = f"{table}_before_0011" if partitioned else f"{table}_partitioned"
    steps = [f"ALTER TABLE central.{table} RENAME TO {old};"]
    seq = f"central.{table}_ids"  # not the old identity sequence (table_id_seq), which goes with the old table
    if key == "id":  # before the partitions, which take the parent's default when they are created
        steps.append(f"CREATE SEQUENCE IF NOT EXISTS {seq};")
    if partitioned:
        steps.append(f"CREATE TABLE central.{table} (LIKE central.{old} INCLUDING DEFAULTS) PARTITION BY HASH (district);")
        if key == "id":
            steps.append(f"ALTER TABLE central.{table} ALTER COLUMN id SET DEFAULT nextval('{seq}');")
        steps += [f"CREATE TABLE central.{table}_p{i} PARTITION OF central.{table}"
                  f" FOR VALUES WITH (MODULUS {PARTITIONS}, REMAINDER {i});" for i in range(PARTITIONS)]
    else:
        steps.append(f"CREATE TABLE central.{table} (LIKE central.{old} INCLUDING DEFAULTS);")
        if key == "id":
            steps.append(f"ALTER TABLE central.{table} ALTER COLUMN id SET DEFAULT nextval('{seq}');")
    steps.append(f"INSERT INTO central.{table} SELECT * FROM central.{old};")
    if key == "id":
        steps.append(f"SELECT setval('{seq}', coalesce((SELECT max(id) FROM central.{table}), 0) + 1, false);")
    steps.append(f"DROP TABLE central.{old} CASCADE;")  # its key and indexes go: their names are free again
    steps.append(f"ALTER TABLE central.{table} ADD PRIMARY KEY ({key}{', district' if partitioned else ''});")
    steps += indexes
    steps.append(_feed_and_policy(table, entity, key))
    return "\n".join(steps)


def upgrade() -> None:
    for table, entity, key, indexes in TABLES:
        op.execute(_rebuild(table, entity, key, indexes, partitioned=True))


def downgrade() -> None:
    for table, entity, key, indexes in TABLES:
        op.execute(_rebuild(table, entity, key, indexes, partitioned=False))
