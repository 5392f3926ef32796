"""Run one command and measure its wall time and peak memory.

Each measurement is its own process, so peaks never mix. Three peaks are taken:

- `peak_rss_mb`: the kernel's maximum resident set of the largest single process of the run
  (the rusage that os.wait4 returns for that child and the descendants it waited for). An
  upper bound only: Linux carries a process's peak across fork and exec into the program it
  starts, so every child of a large process is reported at least as large as it was;
- `largest_process_mb`: the largest peak of any one process of the tree, each process's own
  (VmHWM in /proc/<pid>/status, which a new program starts afresh), sampled with the tree,
  with `largest_process` its command (`python -m build_scripts build`, `pagefind`...);
- `peak_tree_mb`: the largest sum of the resident sets of the whole process tree (the build
  and its Node.js citation workers), sampled from /proc every SAMPLE_SECONDS. This is the
  figure a machine must have free (the tree's memory target); the one-process target takes
  `largest_process_mb`.
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
    largest_process_mb: float | None = None  # None where /proc is not available
    largest_process: str = ""

    def as_dict(self) -> dict:
        return {
            "seconds": self.seconds,
            "peak_rss_mb": self.peak_rss_mb,
            "peak_tree_mb": self.peak_tree_mb,
            "largest_process_mb": self.largest_process_mb,
            "largest_process": self.largest_process,
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


def tree_pids(pid: int) -> list[int]:
    """`pid` and all its descendants now."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += _children(current)
    return found


def own_peak_kib(pid: int) -> int:
    """The process's own peak resident set so far (VmHWM), in KiB; 0 when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass
    return 0


def command_of(pid: int) -> str:
    """The process's program (its file name) and its first arguments, for the report."""
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    shown = [
        Path(w.decode("utf-8", "replace")).name if i == 0 else w.decode("utf-8", "replace")
        for i, w in enumerate(words[:5])
        if w
    ]
    return " ".join(shown)


class TreeSampler(threading.Thread):
    """Samples the resident memory of a process tree until stopped; keeps the peak."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.largest_kib = 0  # the largest own peak of one process of the tree
        self.largest = ""  # its command
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            pids = tree_pids(self.pid)
            self.peak = max(self.peak, sum(_resident_bytes(p) for p in pids))
            for pid in pids:
                own = own_peak_kib(pid)
                if own > self.largest_kib:
                    self.largest_kib, self.largest = own, command_of(pid)
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
        round(sampler.largest_kib / 1024, 1) if sampler else None,
        sampler.largest if sampler else "",
    )
