"""A throwaway real CUPS print server for tests and benchmarks: its own cupsd on a free loopback
port, config/spool/log dirs in a temp dir, and cups-pdf queues that write each job's PDF to a
temp folder (no system cupsd, no systemd).

cups-pdf reads its config only from ``/etc/cups/cups-pdf-<instance>.conf`` (compiled in), so each
server writes one such file under a unique instance name and removes it when it stops. The
backend must run as root (as it does under a root cupsd: CI and these machines run as root).
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

CUPSD = "/usr/sbin/cupsd"
SERVER_BIN = "/usr/lib/cups"
PDF_PPD = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"
CUPS_PDF_CONF_DIR = Path("/etc/cups")


class CupsUnavailable(RuntimeError):
    pass


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Queue:
    name: str
    out_dir: Path  # where cups-pdf writes the job's PDF (job_<id>-<title>.pdf)


@dataclass
class CupsServer:
    base: Path
    port: int
    process: subprocess.Popen[bytes]
    queues: dict[str, Queue] = field(default_factory=dict)
    confs: list[Path] = field(default_factory=list)

    @property
    def server(self) -> str:
        """What CUPS_SERVER (libcups, lp) takes: host:port."""
        return f"127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": self.server}

    def log(self) -> str:
        path = self.base / "log" / "error_log"
        return path.read_text(errors="replace") if path.exists() else ""

    def connection(self):  # type: ignore[no-untyped-def]
        import cups

        cups.setServer(self.server)  # libcups keeps the server per thread: set it on this one
        cups.setPort(self.port)
        return cups.Connection(host="127.0.0.1", port=self.port)

    def add_pdf_queue(self, name: str, info: str, *, default: bool = False, page_size: str = "A4") -> Queue:
        """A cups-pdf virtual printer whose jobs land as PDFs in their own folder."""
        instance = f"counterapp{secrets.token_hex(4)}"
        out = self.base / "out" / name
        out.mkdir(parents=True)
        out.chmod(0o777)
        conf = CUPS_PDF_CONF_DIR / f"cups-pdf-{instance}.conf"
        conf.write_text(
            f"Out {out}\nAnonDirName {out}\nSpool {self.base / 'cups-pdf-spool'}\nLog {self.base / 'log'}\n"
            "Label 1\nGrp root\nUserUMask 0000\nLogType 3\nTitlePref 1\n"
        )
        self.confs.append(conf)
        conn = self.connection()
        conn.addPrinter(name, filename=PDF_PPD, device=f"cups-pdf:/{instance}", info=info,
                        location="counter-app tests")
        conn.addPrinterOptionDefault(name, "media", page_size)
        conn.enablePrinter(name)
        conn.acceptJobs(name)
        if default:
            conn.setDefault(name)
        self.queues[name] = queue = Queue(name, out)
        return queue

    def add_file_queue(self, name: str, info: str,
                       ppd: str = "lsb/usr/cupsfilters/HP-Color_LaserJet_CM3530_MFP-PDF.ppd") -> Path:
        """An office laser printer with a duplex unit, writing to a file (its options are the point)."""
        target = self.base / "out" / f"{name}.ps"
        conn = self.connection()
        conn.addPrinter(name, ppdname=ppd, device=f"file://{target}", info=info)
        conn.enablePrinter(name)
        conn.acceptJobs(name)
        return target

    def job_state(self, job_id: int) -> int:
        return int(self.connection().getJobAttributes(job_id, requested_attributes=["job-state"])["job-state"])

    def job_pdf(self, queue: str, job_id: int, timeout: float = 120.0) -> Path:
        """The PDF cups-pdf wrote for a job, once the job has completed (fails loudly otherwise)."""
        deadline = time.monotonic() + timeout
        while (state := self.job_state(job_id)) < 7:  # pending, held, processing, stopped
            if time.monotonic() > deadline:
                raise TimeoutError(f"job {job_id} not done after {timeout:.0f} s:\n{self.log()[-3000:]}")
            time.sleep(0.05)
        if state != 9:
            raise AssertionError(f"job {job_id} ended in state {state}:\n{self.log()[-3000:]}")
        found = sorted(self.queues[queue].out_dir.glob(f"*job_{job_id}.pdf"))
        assert len(found) == 1, (found, sorted(p.name for p in self.queues[queue].out_dir.iterdir()))
        return found[0]

    def job_document(self, job_id: int) -> Path:
        """The document as the print service received it (kept in its spool: PreserveJobFiles)."""
        return self.base / "spool" / f"d{job_id:05d}-001"

    def wait_for_jobs(self, timeout: float = 120.0) -> None:
        """Until no job is pending or processing (the PDFs are then in their folders)."""
        conn = self.connection()
        deadline = time.monotonic() + timeout
        while conn.getJobs(which_jobs="not-completed"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"CUPS jobs still pending after {timeout:.0f} s:\n{self.log()[-3000:]}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for conf in self.confs:
            conf.unlink(missing_ok=True)


def _check_installed() -> None:
    missing = [p for p in (CUPSD, f"{SERVER_BIN}/backend/cups-pdf", PDF_PPD) if not Path(p).exists()]
    if missing:
        raise CupsUnavailable(f"CUPS or cups-pdf not installed ({', '.join(missing)}): run scripts/run-tests, "
                              "which installs cups and printer-driver-cups-pdf")
    if os.geteuid() != 0:
        raise CupsUnavailable("the cups-pdf backend runs only under a root cupsd: run the CUPS tests as root")
    try:
        import cups  # noqa: F401
    except ImportError as exc:
        raise CupsUnavailable(f"pycups missing ({exc}): run scripts/run-tests") from None


def start_server() -> CupsServer:
    """cupsd in the foreground on a free loopback port, everything it writes under one temp dir."""
    _check_installed()
    base = Path(tempfile.mkdtemp(prefix="counter-app-cups-", dir="/tmp"))
    base.chmod(0o755)  # filters run as lp and must reach the spool
    for sub in ("etc/ppd", "etc/ssl", "spool/tmp", "cache", "state", "log", "out", "cups-pdf-spool"):
        (base / sub).mkdir(parents=True)
    (base / "spool").chmod(0o710)
    (base / "spool/tmp").chmod(0o1777)
    port = _free_port()
    (base / "etc/cups-files.conf").write_text(
        f"ServerRoot {base / 'etc'}\nRequestRoot {base / 'spool'}\nTempDir {base / 'spool/tmp'}\n"
        f"CacheDir {base / 'cache'}\nStateDir {base / 'state'}\nServerBin {SERVER_BIN}\n"
        f"DataDir /usr/share/cups\nDocumentRoot /usr/share/cups/doc-root\n"
        f"AccessLog {base / 'log/access_log'}\nErrorLog {base / 'log/error_log'}\nPageLog {base / 'log/page_log'}\n"
        "FileDevice Yes\nSandboxing Relaxed\nSystemGroup root\nUser lp\nGroup lp\n"
    )
    (base / "etc/cupsd.conf").write_text(
        f"Listen 127.0.0.1:{port}\nListen {base / 'state/cups.sock'}\nLogLevel info\nBrowsing No\n"
        "WebInterface No\nDefaultAuthType None\nMaxJobs 0\nPreserveJobHistory Yes\nPreserveJobFiles Yes\n"
        "DefaultEncryption Never\nServerAlias *\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n    Allow all\n  </Limit>\n</Policy>\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUPS_")}
    with open(base / "log/cupsd.stderr", "wb") as stderr:  # cupsd keeps its own copy of the descriptor
        process = subprocess.Popen(
            [CUPSD, "-f", "-c", str(base / "etc/cupsd.conf"), "-s", str(base / "etc/cups-files.conf")],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr, env=env, start_new_session=True,
        )
    server = CupsServer(base, port, process)
    deadline = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            err = (base / "log/cupsd.stderr").read_text(errors="replace")
            raise CupsUnavailable(f"cupsd exited ({process.returncode}): {err}\n{server.log()[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if time.monotonic() > deadline:
                server.stop()
                raise CupsUnavailable(f"cupsd did not listen on {port}:\n{server.log()[-3000:]}") from None
            time.sleep(0.05)
    return server


def destroy_server(server: CupsServer) -> None:
    server.stop()
    shutil.rmtree(server.base, ignore_errors=True)
