"""`make serve` after a one-record edit: how long until the served page shows the new text,
and how many rebuilds the edit started.

`mkdocs serve --strict` runs in the work folder (the default language, as `make serve` does);
once it serves, one record's English summary gets a new sentence, and the record's page is
fetched until it carries that sentence. Then the server's log is watched for SETTLE_SECONDS
more: every "Building documentation..." after the edit is one rebuild (a build that writes
into a watched folder would start another).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from build_scripts.data.load import read_yaml

from .synthetic import write_record

START_TIMEOUT = 900.0
REBUILD_TIMEOUT = 600.0
POLL_SECONDS = 0.05
SETTLE_SECONDS = 4.0
# What MkDocs logs at the start of every build of `mkdocs serve`.
BUILD_STARTED = b"Building documentation..."


class ServeFailed(Exception):
    """The server did not start, or the edit never showed; the message ends with its output."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, wanted: str, timeout: float, server: subprocess.Popen) -> float:
    """Seconds until the page at `url` contains `wanted`."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if server.poll() is not None:
            raise ServeFailed(f"mkdocs serve exited with {server.returncode}")
        body = _fetch(url)
        if body is not None and wanted in body:
            return time.perf_counter() - started
        time.sleep(POLL_SECONDS)
    raise ServeFailed(f"{url} did not show {wanted!r} within {timeout:.0f} s")


def edit_summary(record_file: Path, root: Path, sentence: str) -> None:
    """Append `sentence` to the record's English summary, keeping the file's other fields."""
    loaded, problems = read_yaml(record_file, root)
    if problems:
        raise ServeFailed(f"{record_file}: {problems}")
    value = loaded.value
    value["summary"]["en"] = f"{value['summary']['en']} {sentence}"
    write_record(record_file.parent, record_file.parent.name, value)


def rebuild_seconds(work: Path, dataset: str, record_id: str, env: dict[str, str]) -> dict:
    """Start `mkdocs serve` in `work`, edit the record, time until its page shows the edit."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    sentence = f"Benchmark edit {time.time_ns()}."
    with tempfile.TemporaryFile() as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
            cwd=work,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            started = time.perf_counter()
            _wait_for(base, "</html>", START_TIMEOUT, server)
            first_serve = time.perf_counter() - started
            edit_summary(work / "data" / dataset / f"{record_id}.yml", work, sentence)
            output.seek(0)
            builds_before = output.read().count(BUILD_STARTED)
            seconds = _wait_for(f"{base}{dataset}/{record_id}/", sentence, REBUILD_TIMEOUT, server)
            rebuilds = _rebuilds_after(output, builds_before, server)
        except ServeFailed as err:
            output.seek(0)
            tail = output.read().decode("utf-8", "replace")[-4000:]
            raise ServeFailed(f"{err}:\n{tail}") from None
        finally:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGTERM)  # the server's own session, started above
                try:
                    server.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(server.pid, signal.SIGKILL)
                    server.wait()
    return {
        "page": f"{dataset}/{record_id}/",
        "first_serve_seconds": round(first_serve, 2),
        "rebuild_seconds": round(seconds, 2),
        "rebuilds_per_edit": rebuilds,
    }


def _rebuilds_after(output, builds_before: int, server: subprocess.Popen) -> int:
    """The builds the server started since `builds_before`, once none has started for
    SETTLE_SECONDS (and the last has ended)."""
    count, quiet_since = None, time.perf_counter()
    while time.perf_counter() - quiet_since < SETTLE_SECONDS:
        if server.poll() is not None:
            raise ServeFailed(f"mkdocs serve exited with {server.returncode}")
        output.seek(0)
        now = output.read().count(BUILD_STARTED) - builds_before
        if now != count:
            count, quiet_since = now, time.perf_counter()
        time.sleep(POLL_SECONDS)
    return count
