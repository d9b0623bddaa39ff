"""Insurance card images (front and back): JPEG, PNG or PDF up to 10 MB, recognised by
their first bytes (not the name or the browser's content type). Stored by
:func:`cleanclaim.patients.actions.attach_card` under ``var/cards`` (0600) and served
only by the audited card view."""

from __future__ import annotations

from typing import IO, Any

from django.core.exceptions import ValidationError

MAX_BYTES = 10 * 1024 * 1024
SIDES = ("front", "back")

#: Leading bytes → (content type, extension).
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"%PDF-", "application/pdf", "pdf"),
)


def kind_of(head: bytes) -> tuple[str, str] | None:
    for magic, content_type, ext in _MAGIC:
        if head.startswith(magic):
            return content_type, ext
    return None


def check_card(upload: Any, *, field: str = "card") -> tuple[str, str]:
    """(content type, extension) of an acceptable card image; :class:`ValidationError`
    naming ``field`` otherwise."""
    size = getattr(upload, "size", None)
    if size is None or size > MAX_BYTES:
        raise ValidationError({field: f"the card image is larger than 10 MB ({size or 0} bytes)"})
    stream: IO[bytes] = upload
    stream.seek(0)
    head = stream.read(16)
    stream.seek(0)
    found = kind_of(head)
    if found is None:
        raise ValidationError({field: "the card image must be a JPEG, PNG or PDF file"})
    return found
