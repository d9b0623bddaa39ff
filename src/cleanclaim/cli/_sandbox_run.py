"""The sandbox clearinghouse as a background process beside the app (``make run``):
``cleanclaim sandbox start`` / ``stop``.

``start`` restarts rather than reuses: the demo rewrites the world on every run, and a
sandbox reads its world when it starts. It stops the sandbox an earlier ``start`` left
running (its pid in ``ROOT/sandbox.pid``, checked to be a ``cleanclaim sandbox serve``
before it is signalled, so a recycled pid is never killed), checks that both ports are
free (a port another program holds is a plain error naming the setting to change),
starts ``cleanclaim sandbox serve`` in its own session (it outlives the shell that
started it; output in ``ROOT/sandbox.log``) with the users file in
``CLEANCLAIM_SANDBOX_USERS_FILE`` (never a password on a command line), and waits
until both ports answer.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from cleanclaim.cli import CLIError

PID_FILE = "sandbox.pid"
LOG_FILE = "sandbox.log"
#: Sandboxes this process started (a test, or ``start`` then ``stop`` in one run): kept
#: so the child is reaped when stopped, not left a zombie or warned about.
_STARTED: dict[int, subprocess.Popen[bytes]] = {}


def _alive_sandbox(pid: int) -> bool:
    """True when ``pid`` runs and is a ``cleanclaim sandbox serve``."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return False  # alive but unreadable: not ours to signal
    words = [w.decode(errors="replace") for w in cmdline]
    return "sandbox" in words and "serve" in words


def _read_pid(root: Path) -> int | None:
    try:
        return int((root / PID_FILE).read_text().strip())
    except (OSError, ValueError):
        return None


def stop(root: Path, *, wait: float = 10.0) -> bool:
    """Stop the sandbox ``start`` left running under ``root``; True when one was."""
    pid = _read_pid(root)
    (root / PID_FILE).unlink(missing_ok=True)
    if pid is None or not _alive_sandbox(pid):
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and _alive_sandbox(pid):
        time.sleep(0.1)
    if _alive_sandbox(pid):
        os.kill(pid, signal.SIGKILL)
    child = _STARTED.pop(pid, None)
    if child is not None:
        child.wait(timeout=wait)
    return True


def _free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def start(
    root: Path,
    *,
    host: str,
    sftp_port: int,
    core_port: int,
    users_file: Path | None,
    world: Path | None = None,
    wait: float = 30.0,
) -> int:
    """Start ``cleanclaim sandbox serve`` in the background; its pid."""
    root.mkdir(parents=True, exist_ok=True)
    stop(root)
    for port, setting in (
        (sftp_port, "CLEANCLAIM_SANDBOX_SFTP_PORT"),
        (core_port, "CLEANCLAIM_SANDBOX_CORE_PORT"),
    ):
        deadline = time.monotonic() + 5.0
        while not _free(host, port) and time.monotonic() < deadline:
            time.sleep(0.2)  # a sandbox just stopped may hold it a moment
        if not _free(host, port):
            raise CLIError(
                f"port {port} on {host} is taken by another program (not a sandbox this "
                f"var/ started): stop it or set {setting} to a free port and run the demo again"
            )
    argv = [sys.executable, "-m", "cleanclaim", "sandbox", "serve", "--root", str(root)]
    argv += ["--host", host, "--sftp-port", str(sftp_port), "--core-port", str(core_port)]
    if world is not None:
        argv += ["--world", str(world)]
    env = dict(os.environ)
    if users_file is not None:
        env["CLEANCLAIM_SANDBOX_USERS_FILE"] = str(users_file)
        env.pop("CLEANCLAIM_SANDBOX_USERS", None)
    log = open(root / LOG_FILE, "ab")  # noqa: SIM115 - handed to the child
    try:
        child = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    finally:
        log.close()
    _STARTED[child.pid] = child
    (root / PID_FILE).write_text(f"{child.pid}\n")
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if child.poll() is not None:
            _STARTED.pop(child.pid, None)
            (root / PID_FILE).unlink(missing_ok=True)
            tail = (root / LOG_FILE).read_text(errors="replace").strip().splitlines()[-3:]
            raise CLIError("the sandbox stopped at start: " + " / ".join(tail))
        if _answers(host, sftp_port) and _answers(host, core_port):
            return child.pid
        time.sleep(0.2)
    stop(root)
    raise CLIError(f"the sandbox did not listen on {host}:{sftp_port}/{core_port} in {wait:.0f} s")
