"""The real court-data samples the tests read, kept in the repository (see tests/fixtures/samples/README.md)."""

from pathlib import Path

SAMPLES = Path(__file__).resolve().parent / "fixtures" / "samples"


def sample(relative: str) -> Path:
    path = SAMPLES / relative
    if not path.exists():
        raise FileNotFoundError(f"Sample {path} is missing from tests/fixtures/samples.")
    return path
