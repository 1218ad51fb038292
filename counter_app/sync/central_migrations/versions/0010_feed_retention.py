"""Feed retention (issue #22 item 3): stations acknowledge their feed position; the centre purges what all have passed.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

- ``central.change_feed.at``: when the row was written (rows older than this revision get the time
  of the upgrade).
- ``central.stations.feed_xid, feed_seq, feed_acked_at``: the position up to which the station has
  applied the feed, reported after every pull (``central.ack_feed``; it may go back, when a station
  was restored from an old backup).
- ``central.purge_feed(days)`` (owner only, ``counter-central purge --older-than DAYS``) removes the
  rows older than ``days`` that every station which ever acknowledged has passed, and keeps the
  greatest position removed as ``feed_purged_to``; ``central.feed_horizon()`` tells a station that
  position, and a station whose cursor is behind it loads a fresh snapshot instead of paging.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = """
ALTER TABLE central.change_feed ADD COLUMN at timestamptz NOT NULL DEFAULT now();
ALTER TABLE central.stations ADD COLUMN feed_xid xid8, ADD COLUMN feed_seq bigint, ADD COLUMN feed_acked_at timestamptz;

CREATE FUNCTION central.ack_feed(cursor_xid text, cursor_seq bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = central, pg_temp AS $$
DECLARE
    me text := central.login_station();
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION '中心没有登记此服务站' USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE central.stations SET feed_xid = cursor_xid::xid8, feed_seq = cursor_seq, feed_acked_at = now()
     WHERE code = me;
END $$;
REVOKE ALL ON FUNCTION central.ack_feed(text, bigint) FROM PUBLIC;

CREATE FUNCTION central.feed_horizon() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = central, pg_temp AS $$
    SELECT value FROM central.settings WHERE key = 'feed_purged_to'
$$;
REVOKE ALL ON FUNCTION central.feed_horizon() FROM PUBLIC;

CREATE FUNCTION central.purge_feed(older_than_days integer) RETURNS bigint
LANGUAGE plpgsql SET search_path = central, pg_temp AS $$
DECLARE
    low record;
    top record;
    removed bigint;
BEGIN
    IF older_than_days IS NULL OR older_than_days < 0 THEN
        RAISE EXCEPTION 'days must be 0 or more' USING ERRCODE = 'check_violation';
    END IF;
    SELECT feed_xid AS xid, feed_seq AS seq INTO low FROM central.stations
     WHERE feed_xid IS NOT NULL ORDER BY feed_xid, feed_seq LIMIT 1;
    IF NOT FOUND THEN
        RETURN 0;  -- no station has reported a position yet: nothing is known to be passed
    END IF;
    WITH gone AS (
        DELETE FROM central.change_feed f
         WHERE (f.xid, f.seq) <= (low.xid, low.seq) AND f.at < now() - make_interval(days => older_than_days)
        RETURNING f.xid, f.seq
    ), counted AS (SELECT count(*) AS n FROM gone),
       last AS (SELECT g.xid, g.seq FROM gone g ORDER BY g.xid DESC, g.seq DESC LIMIT 1)
    SELECT counted.n, last.xid, last.seq INTO top FROM counted LEFT JOIN last ON true;
    removed := top.n;
    IF removed > 0 THEN
        -- The greatest position removed: a station whose cursor is below it may have missed rows.
        INSERT INTO central.settings (key, value) VALUES ('feed_purged_to', top.xid::text || ':' || top.seq::text)
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
         WHERE (split_part(central.settings.value, ':', 1)::xid8, split_part(central.settings.value, ':', 2)::bigint)
             < (split_part(EXCLUDED.value, ':', 1)::xid8, split_part(EXCLUDED.value, ':', 2)::bigint);
    END IF;
    RETURN removed;
END $$;
REVOKE ALL ON FUNCTION central.purge_feed(integer) FROM PUBLIC;
"""


def upgrade() -> None:
    op.execute(SCHEMA)


def downgrade() -> None:
    op.execute("DROP FUNCTION central.purge_feed(integer); DROP FUNCTION central.feed_horizon();"
               " DROP FUNCTION central.ack_feed(text, bigint);"
               " ALTER TABLE central.stations DROP COLUMN feed_xid, DROP COLUMN feed_seq, DROP COLUMN feed_acked_at;"
               " ALTER TABLE central.change_feed DROP COLUMN at;")
