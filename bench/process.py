"""Run one command and measure its wall time and peak memory.

Each measurement is its own process, so peaks never mix. Two peaks are taken:

- `peak_rss_mb`: the kernel's maximum resident set of the largest single process of the run
  (the rusage that os.wait4 returns for that child and the descendants it waited for);
- `peak_tree_mb`: the largest sum of the resident sets of the whole process tree (the build
  and its Node.js citation workers), sampled from /proc every SAMPLE_SECONDS. This is the
  figure a machine must have free, and the one the memory target is checked against.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

SAMPLE_SECONDS = 0.05
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
MB = 1024 * 1024
OUTPUT_KEPT = 1_000_000


class CommandFailed(Exception):
    """The measured command exited with an error; the message ends with its output."""


@dataclass(frozen=True)
class Measurement:
    seconds: float
    peak_rss_mb: float
    peak_tree_mb: float | None  # None where /proc is not available
    output: str = field(default="", repr=False)  # what the command printed (its last part)

    def as_dict(self) -> dict:
        return {
            "seconds": self.seconds,
            "peak_rss_mb": self.peak_rss_mb,
            "peak_tree_mb": self.peak_tree_mb,
        }


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _resident_bytes(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_BYTES
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants now."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _resident_bytes(current)
        todo += _children(current)
    return total


class TreeSampler(threading.Thread):
    """Samples the resident memory of a process tree until stopped; keeps the peak."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self._done.wait(SAMPLE_SECONDS)

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.peak


def _maxrss_mb(maxrss: int) -> float:
    # Linux gives kilobytes, macOS bytes.
    return maxrss / MB if sys.platform == "darwin" else maxrss / 1024


def run_measured(command: list[str], cwd: Path, env: dict[str, str]) -> Measurement:
    """Run `command` to its end; raise CommandFailed (with its output) if it fails."""
    sampling = Path("/proc/self/statm").exists()
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        sampler = TreeSampler(process.pid) if sampling else None
        if sampler:
            sampler.start()
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        peak_tree = sampler.stop() if sampler else None
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        tail = output.read().decode("utf-8", "replace")[-OUTPUT_KEPT:]
    if process.returncode != 0:
        raise CommandFailed(f"{' '.join(command)} exited with {process.returncode}:\n{tail}")
    return Measurement(
        round(seconds, 3),
        round(_maxrss_mb(usage.ru_maxrss), 1),
        round(peak_tree / MB, 1) if peak_tree is not None else None,
        tail,
    )
