"""The suite's own PostgreSQL cluster is real and usable."""

import psycopg
import pytest


@pytest.mark.postgres
def test_cluster_runs_real_postgres_with_password_auth(pg_cluster, pg_dsn):
    with psycopg.connect(pg_dsn) as conn:
        version = conn.execute("SHOW server_version_num").fetchone()[0]
        conn.execute("CREATE TABLE t (id int PRIMARY KEY, name text)")
        conn.execute("INSERT INTO t VALUES (1, '𠮷田')")
        assert conn.execute("SELECT name FROM t").fetchone()[0] == "𠮷田"
    assert int(version) >= 150000
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(pg_cluster.dsn(password="wrong"), connect_timeout=5)
