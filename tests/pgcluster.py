"""A throwaway real PostgreSQL cluster for tests and benchmarks (initdb + pg_ctl on loopback).

Works as a normal user and as root (PostgreSQL refuses to run as root, so the cluster then runs as
the ``postgres`` system user, in a directory that user can reach).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"


class PostgresUnavailable(RuntimeError):
    pass


def _bindir() -> Path:
    explicit = os.environ.get("PG_BINDIR")
    candidates = [explicit] if explicit else []
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    which = shutil.which("initdb")
    if which:
        candidates.append(str(Path(which).parent))
    for cand in candidates:
        if cand and (Path(cand) / "initdb").exists() and (Path(cand) / "pg_ctl").exists():
            return Path(cand)
    raise PostgresUnavailable(
        "PostgreSQL server binaries (initdb, pg_ctl) not found: run scripts/run-tests, which installs them"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Cluster:
    datadir: Path
    port: int
    password: str
    bindir: Path
    run_as: str | None

    @property
    def host(self) -> str:
        return "127.0.0.1"

    def dsn(self, dbname: str = "postgres", user: str = SUPERUSER, password: str | None = None) -> str:
        pw = self.password if password is None else password
        return f"postgresql://{user}:{pw}@{self.host}:{self.port}/{dbname}"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        return subprocess.run(cmd, check=True, capture_output=True, text=True)

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run("pg_ctl", "-D", str(self.datadir), "-m", "immediate", "-w", "stop")

    def start(self) -> None:
        self._run(
            "pg_ctl", "-D", str(self.datadir), "-w", "-t", "60", "-l", str(self.datadir / "server.log"),
            "-o", f"-p {self.port} -k {self.datadir} -c listen_addresses=127.0.0.1", "start",
        )


def start_cluster(ssl: tuple[Path, Path, Path] | None = None, hba_first: tuple[str, ...] = ()) -> Cluster:
    """initdb a fresh cluster in a temp dir, start it on a free loopback port, return it.

    ``ssl`` = (CA certificate, server certificate, server key): TLS on, and client certificates
    checked against that CA (``ssl_ca_file``). ``hba_first`` are pg_hba.conf lines put before the
    defaults, e.g. ``hostssl all +grp 127.0.0.1/32 cert`` for certificate logins of a group."""
    bindir = _bindir()
    run_as = "postgres" if os.geteuid() == 0 else None
    base = Path(tempfile.mkdtemp(prefix="counter-app-pg-", dir="/tmp" if run_as else None))
    datadir = base / "data"
    password = secrets.token_hex(12)
    pwfile = base / "pw"
    pwfile.write_text(password + "\n")
    if run_as:
        user = pwd.getpwnam(run_as)
        os.chmod(base, 0o755)
        os.chown(base, user.pw_uid, user.pw_gid)
        os.chown(pwfile, user.pw_uid, user.pw_gid)
    cluster = Cluster(datadir=datadir, port=_free_port(), password=password, bindir=bindir, run_as=run_as)
    cluster._run(
        "initdb", "-D", str(datadir), "-U", SUPERUSER, f"--pwfile={pwfile}",
        "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
    )
    with open(datadir / "postgresql.conf", "a") as conf:
        # A test cluster: speed over durability is fine except where a test restarts the server.
        conf.write("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 200\n")
        if ssl is not None:
            for name, source in zip(("ca.crt", "server.crt", "server.key"), ssl):
                target = datadir / name
                shutil.copy(source, target)
                os.chmod(target, 0o600)
                if run_as:
                    shutil.chown(target, run_as, run_as)
            conf.write("ssl = on\nssl_ca_file = 'ca.crt'\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n")
    if hba_first:
        hba = datadir / "pg_hba.conf"
        hba.write_text("\n".join(hba_first) + "\n" + hba.read_text())
    cluster.start()
    return cluster


def destroy_cluster(cluster: Cluster) -> None:
    cluster.stop()
    shutil.rmtree(cluster.datadir.parent, ignore_errors=True)


def start_standby(primary: Cluster, name: str = "standby1") -> Cluster:
    """A streaming-replication hot standby of ``primary`` (``pg_basebackup -R``), started on its own
    port. ``name`` is its ``application_name``, for ``synchronous_standby_names`` on the primary."""
    run_as = primary.run_as
    base = Path(tempfile.mkdtemp(prefix="counter-app-pg-standby-", dir="/tmp" if run_as else None))
    datadir = base / "data"
    if run_as:
        user = pwd.getpwnam(run_as)
        os.chmod(base, 0o755)
        os.chown(base, user.pw_uid, user.pw_gid)
    standby = Cluster(datadir=datadir, port=_free_port(), password=primary.password, bindir=primary.bindir,
                      run_as=run_as)
    conninfo = (f"host={primary.host} port={primary.port} user={SUPERUSER} password={primary.password}"
                f" application_name={name}")
    standby._run("pg_basebackup", "-D", str(datadir), "-d", conninfo, "-R", "-X", "stream", "-c", "fast")
    with open(datadir / "postgresql.conf", "a") as conf:
        conf.write("hot_standby = on\n")
    standby.start()
    return standby


def promote(cluster: Cluster) -> None:
    """Turn a standby into a primary (``pg_ctl promote``, waiting until it accepts writes)."""
    cluster._run("pg_ctl", "-D", str(cluster.datadir), "-w", "-t", "60", "promote")
