"""Sample paths, collected at import time (empty when ../shared/data is absent)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from pathlib import Path

from samples import sample_files

_ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "data"
SAMPLES = sample_files(_ROOT) if _ROOT.is_dir() else []
