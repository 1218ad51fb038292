"""A station's database role, seen from the station (issue #17, item 10): no temporary objects, no other
database, no listing of the other stations' roles, and — with client-certificate logins — a password
the station changes for itself does not matter."""

from __future__ import annotations

import io
import json

import psycopg
import pytest
from pgcerts import TestCA
from pgcluster import destroy_cluster, start_cluster
from psycopg import errors
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from station_helpers import Central, drop_roles, queue

from counter_app.cli import main as counter_app
from counter_app.services import open_counter
from counter_app.sync import central_db

pytestmark = pytest.mark.postgres

LISTINGS = ("SELECT rolname FROM pg_roles", "SELECT usename FROM pg_user", "SELECT * FROM pg_auth_members",
            "SELECT usename FROM pg_stat_activity", "SELECT datname FROM pg_database",
            "SELECT pg_get_userbyid(10)")


def test_a_station_can_make_no_temporary_objects(central):
    # Attack: "it can create temporary objects".
    station = central.add_station()
    with station.connect() as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("CREATE TEMP TABLE probe (x int)")


@pytest.mark.parametrize("database", ["postgres", "template1"])
def test_a_station_connects_to_the_fund_database_only(central, database):
    # Attack: "it can connect to the postgres database".
    station = central.add_station()
    elsewhere = make_conninfo(station.dsn, dbname=database)
    with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
        psycopg.connect(elsewhere, connect_timeout=5)
    with station.connect() as conn:  # its own database still works
        assert conn.execute("SELECT code FROM central.stations").fetchall() == [(station.code,)]


@pytest.mark.parametrize("statement", LISTINGS)
def test_a_station_cannot_list_the_other_stations_roles(central, statement):
    # Attack: "it can list every station's role".
    mine, other = central.add_station(), central.add_station()
    with mine.connect() as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute(statement)
    with central.connect() as owner:  # the back office still can
        assert owner.execute("SELECT count(*) FROM pg_roles WHERE rolname = %s", (other.role,)).fetchone() == (1,)


def test_what_postgresql_cannot_hide_an_oid_still_turns_into_a_role_name(central):
    """Recorded on purpose: every role may cast an oid to ``regrole`` (the type's output function
    cannot be revoked), so a station that scans oids can still learn role names. Listing is what we
    can take away. If a future PostgreSQL closes this, this test says so and the docs must follow."""
    mine, other = central.add_station(), central.add_station()
    with central.connect() as owner:
        oid = owner.execute("SELECT oid FROM pg_roles WHERE rolname = %s", (other.role,)).fetchone()[0]
    with mine.connect() as conn:
        assert conn.execute("SELECT %s::oid::regrole::text", (oid,)).fetchone() == (other.role,)


def test_with_password_logins_a_station_can_change_its_own_password(central):
    """The finding that makes client certificates worth having: PostgreSQL lets any role set its own
    password, so a password login is only as good as the station's own discipline."""
    station = central.add_station()
    with station.connect() as conn:
        conn.execute(f"ALTER ROLE {station.role} PASSWORD 'chosen-by-the-station'")
    with psycopg.connect(make_conninfo(station.dsn, password="chosen-by-the-station"), connect_timeout=5):
        pass


@pytest.fixture(scope="module")
def cert_cluster(tmp_path_factory):
    """A cluster with TLS on and certificate-only logins for the station group ``grp_cert``: the test
    CA (cryptography library) signs the server's and the stations' certificates."""
    folder = tmp_path_factory.mktemp("ca")
    ca = TestCA(folder)
    server = ca.server()
    cluster = start_cluster(ssl=(ca.files.cert, server.cert, server.key), hba_first=(
        "hostssl all +grp_cert 127.0.0.1/32 cert",      # a station logs in with its certificate only
        "host    all +grp_cert 127.0.0.1/32 reject",    # and never with a password, with or without TLS
    ))
    with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE centre")
    dsn = cluster.dsn("centre") + f"?sslmode=verify-full&sslrootcert={ca.files.cert}"
    central_db.init_central(dsn, "grp_cert")
    yield cluster, ca, Central(dsn=dsn, group="grp_cert")
    destroy_cluster(cluster)


def station_with_certificate(central: Central, ca: TestCA):
    station = central.add_station()
    issued = ca.client(station.role)
    parts = conninfo_to_dict(station.dsn)
    parts.pop("password")
    dsn = make_conninfo(**parts, sslcert=str(issued.cert), sslkey=str(issued.key))
    return station, dsn


def test_a_certificate_login_makes_a_password_change_pointless(cert_cluster):
    _, ca, central = cert_cluster
    station, cert_dsn = station_with_certificate(central, ca)
    with psycopg.connect(cert_dsn, autocommit=True, connect_timeout=5) as conn:
        assert conn.execute("SELECT ssl, client_dn FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone() == (
            True, f"/CN={station.role}")
        conn.execute(f"ALTER ROLE {station.role} PASSWORD 'chosen-by-the-station'")  # still allowed…
    for password in ("chosen-by-the-station", station.password):  # …and useless: no password login at all
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(make_conninfo(central.dsn, user=station.role, password=password), connect_timeout=5)
    with pytest.raises(psycopg.OperationalError):  # another station's certificate is not this login
        other, other_dsn = station_with_certificate(central, ca)
        psycopg.connect(make_conninfo(other_dsn, user=station.role), connect_timeout=5)
    with psycopg.connect(cert_dsn, connect_timeout=5):  # the certificate still is
        pass
    drop_roles(central.dsn, [station.role, other.role])


def test_a_station_connects_and_syncs_with_its_certificate_and_no_password(cert_cluster, tmp_path, file_keyring,
                                                                          capsys, monkeypatch):
    _, ca, central = cert_cluster
    station, cert_dsn = station_with_certificate(central, ca)
    data = tmp_path / "data"
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # nothing to type: no password is asked for
    assert counter_app(["--data-dir", str(data), "connect", "--dsn", cert_dsn, "--station", station.code,
                        "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["connected"] is True
    with open_counter(data) as counter:
        queue(counter.store, station.code, 3)
    assert counter_app(["--data-dir", str(data), "sync", "--once", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pushed"] >= 3
    entries = json.loads(file_keyring.read_text())
    assert not [k for k in entries if "audit-key/" not in k and "receipt-key/" not in k]  # no centre password
    assert [k for k in entries if "receipt-key/" in k]  # the centre's receipt key came with the certificate login
    with central.connect() as owner:
        assert owner.execute("SELECT count(*) FROM central.inbox WHERE station_code = %s",
                             (station.code,)).fetchone() == (3,)
    drop_roles(central.dsn, [station.role])
