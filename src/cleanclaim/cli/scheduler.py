"""``cleanclaim scheduler run|start|stop``: the scheduled work without a broker, and
``cleanclaim worker`` / ``cleanclaim beat``: Celery's worker and beat with one.

``scheduler run`` keeps the schedule (:mod:`cleanclaim.web.schedule`) in the foreground
until Ctrl-C or SIGTERM: the process a deployment supervises (one is enough; a second
on another machine is harmless, the jobs' locks keep them from running one job twice).
``scheduler start`` runs it in the background for ``make run`` (pid in
``var/scheduler.pid``, output in ``var/scheduler.log``), stopping one an earlier
``start`` left running; ``scheduler stop`` stops it. With ``CELERY_BROKER_URL`` set the
scheduler refuses: ``cleanclaim beat`` keeps the schedule then, and ``cleanclaim
worker`` does the work (docs/architecture.md, "Background work").

Exit statuses: 0 stopped, 2 unusable settings (a broker configured, a bad variable).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from cleanclaim.cli import CLIError, _django
from cleanclaim.cli.serve import _count

PID_FILE = "scheduler.pid"
LOG_FILE = "scheduler.log"
_STARTED: dict[int, subprocess.Popen[bytes]] = {}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "scheduler",
        help="run the scheduled work (polling, claim status, night-before eligibility)",
        description="Run the scheduled jobs when they are due, without a broker.",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    run = actions.add_parser("run", help="in the foreground until Ctrl-C")
    run.add_argument("--tick", type=float, default=15.0, help="seconds between looks (15)")
    run.set_defaults(func=cmd_run)
    start = actions.add_parser("start", help="(re)start in the background (make run)")
    start.set_defaults(func=cmd_start)
    stop = actions.add_parser("stop", help="stop the scheduler 'start' left running")
    stop.set_defaults(func=cmd_stop)
    jobs = actions.add_parser("jobs", help="list the scheduled jobs and their last runs")
    jobs.set_defaults(func=cmd_jobs)
    worker = subparsers.add_parser(
        "worker", help="a Celery worker (needs CELERY_BROKER_URL)", add_help=True
    )
    worker.add_argument(
        "--concurrency", type=_count("--concurrency"), help="processes (default: cores)"
    )
    worker.set_defaults(func=cmd_worker)
    beat = subparsers.add_parser(
        "beat", help="Celery beat: the schedule, sent to the workers (needs CELERY_BROKER_URL)"
    )
    beat.set_defaults(func=cmd_beat)


def _settings() -> Any:
    _django.setup()
    from django.conf import settings

    return settings


def _no_broker(settings: Any) -> None:
    if settings.CONFIG.celery_broker_url:
        raise CLIError(
            "CELERY_BROKER_URL is set: the schedule is kept by 'cleanclaim beat' and done "
            "by 'cleanclaim worker'; unset it to use this scheduler"
        )


def cmd_run(ns: argparse.Namespace) -> int:
    settings = _settings()
    _no_broker(settings)
    if not 0.1 <= ns.tick <= 3600:
        raise CLIError(f"--tick: expected seconds from 0.1 to 3600, got {ns.tick}")
    from cleanclaim.web.scheduler import Scheduler

    scheduler = Scheduler(tick=ns.tick)
    signal.signal(signal.SIGTERM, lambda *_: scheduler.stop())
    print(
        f"cleanclaim scheduler (pid {os.getpid()}, clock {settings.TIME_ZONE}): "
        + "; ".join(f"{j.name} {j.when}" for j in scheduler.jobs),
        flush=True,
    )
    with contextlib.suppress(KeyboardInterrupt):
        scheduler.run_forever()
    return 0


def _alive_scheduler(pid: int) -> bool:
    """True when ``pid`` runs and is a ``cleanclaim scheduler run`` (never signal a
    recycled pid)."""
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return False
    return "scheduler" in words and "run" in words


def stop(var_dir: Path, *, wait: float = 10.0) -> bool:
    """Stop the scheduler ``start`` left running; True when one was."""
    try:
        pid = int((var_dir / PID_FILE).read_text().strip())
    except (OSError, ValueError):
        return False
    (var_dir / PID_FILE).unlink(missing_ok=True)
    if not _alive_scheduler(pid):
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and _alive_scheduler(pid):
        child = _STARTED.get(pid)
        if child is not None and child.poll() is not None:
            break
        time.sleep(0.1)
    if _alive_scheduler(pid) and (pid not in _STARTED or _STARTED[pid].poll() is None):
        os.kill(pid, signal.SIGKILL)
    child = _STARTED.pop(pid, None)
    if child is not None:
        child.wait(timeout=wait)
    return True


def start(var_dir: Path) -> int:
    """``cleanclaim scheduler run`` in the background, in its own session; its pid."""
    stop(var_dir)
    argv = [sys.executable, "-m", "cleanclaim", "scheduler", "run"]
    log = open(var_dir / LOG_FILE, "ab")  # noqa: SIM115 - handed to the child
    try:
        child = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    finally:
        log.close()
    _STARTED[child.pid] = child
    (var_dir / PID_FILE).write_text(f"{child.pid}\n")
    time.sleep(0.5)
    if child.poll() is not None:
        _STARTED.pop(child.pid, None)
        (var_dir / PID_FILE).unlink(missing_ok=True)
        tail = (var_dir / LOG_FILE).read_text(errors="replace").strip().splitlines()[-3:]
        raise CLIError("the scheduler stopped at start: " + " / ".join(tail))
    return child.pid


def cmd_start(ns: argparse.Namespace) -> int:
    settings = _settings()
    var_dir = Path(settings.VAR_DIR)
    if settings.CONFIG.celery_broker_url:
        print("scheduler not started: CELERY_BROKER_URL is set (run cleanclaim beat and worker)")
        return 0
    pid = start(var_dir)
    print(f"scheduler started (pid {pid}); log {var_dir / LOG_FILE}")
    return 0


def cmd_stop(ns: argparse.Namespace) -> int:
    settings = _settings()
    print("scheduler stopped" if stop(Path(settings.VAR_DIR)) else "no scheduler was running")
    return 0


def cmd_jobs(ns: argparse.Namespace) -> int:
    settings = _settings()
    from cleanclaim.web.scheduler import last_runs

    print(f"clock: {settings.TIME_ZONE}")
    for job, runs in last_runs(per_job=1):
        last = runs[0] if runs else None
        seen = f"last {last.started_at:%Y-%m-%d %H:%M} {last.outcome}" if last else "never run"
        print(f"{job.name:<13} {job.when:<20} {job.setting:<28} {seen}")
    return 0


def _celery(argv: list[str]) -> int:
    settings = _settings()
    if not settings.CONFIG.celery_broker_url:
        raise CLIError(
            "CELERY_BROKER_URL is not set: without a broker tasks run in the app's process "
            "and 'cleanclaim scheduler' keeps the schedule"
        )
    from cleanclaim.web.celery import app

    app.start(argv)
    return 0


def cmd_worker(ns: argparse.Namespace) -> int:
    argv = ["worker", "--loglevel", "INFO"]
    if ns.concurrency:
        argv += ["--concurrency", str(ns.concurrency)]
    return _celery(argv)


def cmd_beat(ns: argparse.Namespace) -> int:
    settings = _settings()
    schedule_file = Path(settings.VAR_DIR) / "celerybeat-schedule"
    return _celery(["beat", "--loglevel", "INFO", "--schedule", str(schedule_file)])
