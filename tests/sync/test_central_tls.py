"""TLS to the centre: ``sslmode=verify-full`` and ``sslrootcert`` in the DSN reach libpq unchanged."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import psycopg
import pytest
from pgcluster import destroy_cluster, start_cluster
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from station_helpers import Central, queue

from counter_app.cli import main as app_main
from counter_app.store import Store
from counter_app.sync.central_cli import main as central_main

pytestmark = pytest.mark.postgres


def make_ca(folder: Path, name: str) -> Path:
    key, cert = folder / f"{name}.key", folder / f"{name}.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={name}",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert


def server_cert(folder: Path, ca: Path, datadir: Path, run_as: str | None) -> None:
    """A server certificate for 127.0.0.1 (the name verify-full checks), signed by ``ca``."""
    key, csr, cert = folder / "server.key", folder / "server.csr", folder / "server.crt"
    ext = folder / "san.cnf"
    ext.write_text("subjectAltName=IP:127.0.0.1\n")
    subprocess.run(["openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                    "-keyout", str(key), "-out", str(csr)], check=True, capture_output=True)
    subprocess.run(["openssl", "x509", "-req", "-in", str(csr), "-CA", str(ca), "-CAkey", str(ca.with_suffix(".key")),
                    "-CAcreateserial", "-days", "2", "-extfile", str(ext), "-out", str(cert)],
                   check=True, capture_output=True)
    for src in (key, cert):
        dst = datadir / src.name
        shutil.copy(src, dst)
        os.chmod(dst, 0o600)
        if run_as:
            shutil.chown(dst, run_as, run_as)


@pytest.fixture
def tls_cluster(tmp_path):
    cluster = start_cluster()
    ca = make_ca(tmp_path, "centre-ca")
    server_cert(tmp_path, ca, cluster.datadir, cluster.run_as)
    with open(cluster.datadir / "postgresql.conf", "a") as conf:
        conf.write("ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n")
    cluster.stop()
    cluster.start()
    yield cluster, ca, make_ca(tmp_path, "some-other-ca")
    destroy_cluster(cluster)


def test_verify_full_reaches_libpq_for_the_centre_and_the_station(tls_cluster, tmp_path, file_keyring, capsys,
                                                                   monkeypatch):
    cluster, ca, other_ca = tls_cluster
    with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE centre")
    tls = f"?sslmode=verify-full&sslrootcert={ca}"
    dsn = cluster.dsn("centre") + tls
    assert central_main(["init", "--dsn", dsn, "--group-role", "grp_tls"]) == 0
    with psycopg.connect(dsn) as conn:
        assert conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone() == (True,)
    with pytest.raises(psycopg.OperationalError):  # a server whose certificate our CA did not sign
        psycopg.connect(cluster.dsn("centre") + f"?sslmode=verify-full&sslrootcert={other_ca}", connect_timeout=5)
    capsys.readouterr()

    central = Central(dsn=dsn, group="grp_tls")
    station = central.add_station()
    parts = conninfo_to_dict(station.dsn)
    parts.pop("password")
    monkeypatch.setattr("sys.stdin", io.StringIO(station.password + "\n"))
    data = tmp_path / "data"
    assert app_main(["--data-dir", str(data), "connect", "--dsn", make_conninfo(**parts), "--station",
                     station.code, "--json"]) == 0
    store = Store.open(data)
    with store.unit_of_work() as uow:
        saved = conninfo_to_dict(uow.settings.get("central_dsn"))
    queue(store, station.code, 4)
    store.close()
    capsys.readouterr()
    assert app_main(["--data-dir", str(data), "sync", "--once", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pushed"] == 4
    assert saved["sslmode"] == "verify-full" and saved["sslrootcert"] == str(ca)
    with psycopg.connect(dsn) as conn:
        assert conn.execute("SELECT count(*) FROM central.inbox").fetchone()[0] == 4
