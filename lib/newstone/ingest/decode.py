"""Bytes to text, as Python's ``open(path).read()`` would give it, or a reason why not.

Offsets into the text must be the ones the PolNeAR scorer and a user's editor see: UTF-8
is read with universal newlines and a byte-order mark kept as U+FEFF; cp1252 is the
fallback; UTF-16/32 with a byte-order mark are decoded (the mark dropped, as ``open``
does). A file with NUL bytes or mostly control characters is binary and refused.
"""

from __future__ import annotations

# Byte-order marks of the encodings whose text holds NUL bytes (Windows tools write UTF-16
# "Unicode" files with one); UTF-32's first, as its little-endian mark starts like UTF-16's.
WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def wide_encoding(data: bytes) -> str | None:
    """ "utf-16" or "utf-32" when ``data`` starts with that encoding's byte-order mark."""
    return next((encoding for bom, encoding in WIDE_BOMS if data.startswith(bom)), None)


def decode_bytes(data: bytes) -> tuple[str | None, str | None]:
    """(text, None) or (None, error message). UTF-16/32 with a byte-order mark, else UTF-8
    first, then cp1252.

    Newlines are normalised as text-mode ``open`` does; a UTF-8 BOM stays in the text as
    U+FEFF so offsets agree with ``open(path, encoding="utf-8").read()``. A UTF-16/32 BOM
    is dropped, as ``open(path, encoding="utf-16").read()`` drops it. Without a BOM, NUL
    bytes mean a binary file.
    """
    if encoding := wide_encoding(data):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            return None, f"undecodable {encoding.upper()} text: {exc.reason} at byte {exc.start}"
        if not text.strip():
            return None, "empty file"
        if _looks_binary(text):
            return None, "binary file (mostly control characters), not text"
        return normalise_newlines(text), None
    if not data.strip():
        return None, "empty file"
    if b"\x00" in data[:8192]:
        return None, "binary file (contains NUL bytes), not text"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            return None, f"undecodable text (neither UTF-8 nor cp1252): {exc.reason} at byte {exc.start}"
    if _looks_binary(text):
        return None, "binary file (mostly control characters), not text"
    return normalise_newlines(text), None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Control characters other than white space: deleting them and comparing lengths counts
# them at C speed (this runs on every file before anything else).
_DROP_CONTROL = str.maketrans(dict.fromkeys(ch for ch in range(32) if chr(ch) not in "\n\r\t\f\v"))


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    control = len(sample) - len(sample.translate(_DROP_CONTROL))
    return control > max(8, len(sample) // 20)
