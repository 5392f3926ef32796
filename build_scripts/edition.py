"""The publication's edition: title, version and release date, from CITATION.cff (the one place
a release changes them)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache

import yaml

from . import paths


@dataclass(frozen=True)
class Edition:
    title: str
    version: str
    released: str  # YYYY-MM-DD


@cache
def edition() -> Edition:
    cff = yaml.safe_load((paths.ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    return Edition(cff["title"], str(cff["version"]), str(cff["date-released"]))


def build_moment() -> datetime:
    """SOURCE_DATE_EPOCH (the Makefile sets it to the last commit's time, so that two builds of
    one commit are the same), or now (UTC) when it is not set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)


def build_date() -> str:
    """The build's day as YYYY-MM-DD."""
    return build_moment().date().isoformat()
