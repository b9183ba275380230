"""Shared fixtures: the repository's paths and the command-line binary the Python results are
checked against."""

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


@pytest.fixture(scope="session")
def cli() -> str:
    """The framelens binary of this checkout (built here if it is not yet)."""
    path = os.environ.get("FRAMELENS_BIN")
    if path:
        return path
    subprocess.run(
        ["cargo", "build", "--release", "--locked", "--quiet", "--bin", "framelens"],
        cwd=ROOT,
        check=True,
    )
    return str(ROOT / "target" / "release" / "framelens")


def bundled_articles():
    """Every article of the repository: the samples and the gold sets' texts."""
    paths = sorted((ROOT / "samples").glob("*.txt"))
    for d in ["wire", "newset", "newset2", "newset3", "story", "unlisted"]:
        paths += sorted((ROOT / "tests" / "fixtures" / d).glob("*.txt"))
    return paths
