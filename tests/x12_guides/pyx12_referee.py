"""Run pyx12 (the outside referee) on X12 text: does it find errors?"""

from __future__ import annotations

import io
import logging
import tempfile
import warnings
from pathlib import Path


def pyx12_ok(text: str) -> bool:
    """True when pyx12's validator reports no error for ``text``."""
    import pyx12.params
    import pyx12.x12n_document

    logging.getLogger("pyx12").setLevel(logging.CRITICAL)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.x12"
        src.write_text(text)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            param = pyx12.params.params()
            return bool(
                pyx12.x12n_document.x12n_document(param, str(src), io.StringIO(), None, None)
            )
