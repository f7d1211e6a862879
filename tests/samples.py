"""Where the real court-data samples live: shared/ beside the repository (or SHARED_DIR)."""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = Path(os.environ.get("SHARED_DIR", REPO.parent / "shared")) / "reference" / "samples"


def sample(relative: str) -> Path:
    path = SAMPLES / relative
    if not path.exists():
        raise FileNotFoundError(f"Sample {path} is missing; set SHARED_DIR to the folder holding reference/samples.")
    return path
