"""Code values of the 277CA (005010X214): shared with 276/277 (005010X212).

STC01-1 category (code source 507) and STC03 action are the same lists; the
277CA's patient level is HL03 ``PT``.
"""

from __future__ import annotations

from ..x212_276_277.codes import ActionCode, ClaimStatusCategoryCode, HierarchicalLevelCode

__all__ = ["ActionCode", "ClaimStatusCategoryCode", "HierarchicalLevelCode"]
