"""Shared fixtures: where ../shared is, and skipping cleanly when it is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared corpus and data beside the repo), which is absent")
    return path


@pytest.fixture(scope="session")
def seed_raw() -> str:
    """The seed article's raw text."""
    return shared_path("corpus", "seed", "000_7ba5d46f9773e582.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    """The seed article's gold reading."""
    return json.loads(shared_path("corpus", "seed", "gold", "000_7ba5d46f9773e582.gold.json").read_text(encoding="utf-8"))


def dev_rows() -> list[dict]:
    """The development set's rows (skips when absent)."""
    path = shared_path("corpus", "dev", "articles.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def row_raw(row: dict) -> str:
    """The raw text of a JSONL row as EVENTS.md defines it: title, blank line, text."""
    return f"{row['title']}\n\n{row['text']}" if row.get("title") else row["text"]
