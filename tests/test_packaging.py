"""The wheel ships the sample library, and `hltui` installed from it opens the samples from anywhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

from hltui.cli import bundled_samples, main


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built offline from a copy of the project (the checkout's build/ folder is left alone)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "sample_exports"):
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        copy(ROOT / name, source / name)
    # symlinks=True: the package's link to the samples is copied as the link it is in the repository.
    shutil.copytree(ROOT / "hltui", source / "hltui", symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    dist = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist)]
    subprocess.run([*command, str(source)], check=True, capture_output=True, env=_without_pip_version_check())
    (built,) = dist.glob("hltui-*.whl")
    return built


def _without_pip_version_check() -> dict[str, str]:
    return {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def test_the_wheel_holds_every_sample_file(wheel: Path) -> None:
    samples = sorted(path.relative_to(SAMPLES).as_posix() for path in SAMPLES.rglob("*") if path.is_file())
    with zipfile.ZipFile(wheel) as archive:
        shipped = sorted(
            name.removeprefix("hltui/sample_exports/")
            for name in archive.namelist()
            if name.startswith("hltui/sample_exports/")
        )
    assert len(samples) > 10 and shipped == samples


def test_installed_from_the_wheel_it_opens_its_samples_from_anywhere(wheel: Path, tmp_path: Path) -> None:
    installed = tmp_path / "site-packages"  # a wheel installs by unpacking; no repository copy is near it
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(installed)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    environment = {**os.environ, "PYTHONPATH": str(installed)}
    environment.pop("HLTUI_LIBRARY", None)

    def hltui(*arguments: str) -> str:
        command = [sys.executable, "-m", "hltui", *arguments]
        ran = subprocess.run(command, cwd=elsewhere, env=environment, capture_output=True, text=True, check=True)
        return ran.stdout

    assert hltui("check").splitlines()[-1].startswith("15 documents")
    assert f"\n  {installed / 'hltui' / 'sample_exports'}\n" in hltui("--help")


def test_help_says_where_the_samples_are(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert bundled_samples() == SAMPLES  # in the checkout, through the package's link
    out = capsys.readouterr().out
    assert "bundled samples:" in out and f"\n  {SAMPLES}\n" in out
