"""Fresh virtual environments built the way a production site or a host site would build them.

pip reads its cache and the package registry; nothing from the test run's own environment leaks in.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent


def pip_env() -> dict:
    # Django and test settings from this run must not reach pip or the new environment.
    return {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTHON", "VIRTUAL_ENV"))}


def start_venv(path: Path, *pip_args: str) -> tuple[Path, subprocess.Popen]:
    """Create a virtual environment at `path` (never seeing this run's site-packages) and start installing."""
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True, timeout=120)
    python = path / "bin" / "python"
    install = subprocess.Popen(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *pip_args],
        env=pip_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return python, install


def finished(python: Path, install: subprocess.Popen) -> Path:
    output, _ = install.communicate(timeout=600)
    assert install.returncode == 0, output[-3000:]
    return python


def package_source(into: Path) -> Path:
    """A copy of what `pip install <repository>` packages, so building it leaves nothing in the work tree."""
    into.mkdir(parents=True)
    shutil.copy(REPO / "pyproject.toml", into)
    for app in ("newsroom", "legaltracker"):
        shutil.copytree(REPO / app, into / app, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return into


def constraints_from_requirements(into: Path) -> Path:
    """requirements.txt as pip constraints: the same exact pins, without extras (constraints refuse them)."""
    lines = (REPO / "requirements.txt").read_text().splitlines()
    pins = [re.sub(r"\[[^\]]*\]", "", line) for line in lines if line.strip() and not line.startswith("#")]
    into.write_text("\n".join(pins) + "\n")
    return into


@pytest.fixture(scope="session")
def _installs(tmp_path_factory):
    """Both environments install at the same time: pip mostly waits on its cache and the registry."""
    base = tmp_path_factory.mktemp("venvs")
    source = package_source(base / "src")
    constraints = constraints_from_requirements(base / "constraints.txt")
    installs = {
        # requirements.txt alone, as production installs the demo site.
        "runtime": start_venv(base / "runtime", "-r", str(REPO / "requirements.txt")),
        # Only this package and what pyproject.toml declares, at the pinned versions, as a host installs it.
        "plugin": start_venv(base / "plugin", str(source), "-c", str(constraints)),
    }
    yield installs
    for _, install in installs.values():  # one no selected test needed
        if install.poll() is None:
            install.terminate()
            install.communicate(timeout=60)


@pytest.fixture(scope="session")
def runtime_python(_installs) -> Path:
    return finished(*_installs["runtime"])


@pytest.fixture(scope="session")
def plugin_python(_installs) -> Path:
    return finished(*_installs["plugin"])
