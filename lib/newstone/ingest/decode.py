"""Bytes to text, as Python's ``open(path).read()`` would give it, or a reason why not.

Offsets into the text must be the ones the PolNeAR scorer and a user's editor see: UTF-8
is read with universal newlines and a byte-order mark kept as U+FEFF; cp1252 is the
fallback; UTF-16/32 with a byte-order mark are decoded (the mark dropped, as ``open``
does). A file with NUL bytes or mostly control characters is binary and refused.
:func:`stream_encoding` makes the same choice for a file too large to hold, chunk by chunk.
"""

from __future__ import annotations

import codecs
import re

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
        if looks_binary(text):
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
    if looks_binary(text):
        return None, "binary file (mostly control characters), not text"
    return normalise_newlines(text), None


def stream_encoding(handle, chunk_size: int = 1 << 20) -> tuple[str | None, str | None]:
    """(encoding, None) for the binary file ``handle`` as :func:`decode_bytes` would decode
    it, or (None, error message), reading it in chunks (then rewound to its start). A
    UTF-8 file is "utf-8-sig", so a byte-order mark does not stick to a table's first
    column name. A UTF-16/32 file is judged by its start; a decoding error further on
    comes from reading it."""
    head = handle.read(8192)
    if encoding := wide_encoding(head):
        sample = head.decode(encoding, errors="ignore")
        handle.seek(0)
        if not sample.strip() and len(head) < 8192:
            return None, "empty file"
        if looks_binary(sample):
            return None, "binary file (mostly control characters), not text"
        return encoding, None
    utf8 = codecs.getincrementaldecoder("utf-8")()
    cp1252 = codecs.getincrementaldecoder("cp1252")()
    utf8_ok, cp1252_error, blank, offset, chunk = True, None, True, 0, head
    while chunk:
        blank = blank and not chunk.strip()
        if utf8_ok:
            try:
                utf8.decode(chunk)
            except UnicodeDecodeError:
                utf8_ok = False
        if cp1252_error is None:
            try:
                cp1252.decode(chunk)
            except UnicodeDecodeError as exc:
                cp1252_error = f"{exc.reason} at byte {offset + exc.start}"
        if not utf8_ok and cp1252_error:
            break
        offset += len(chunk)
        chunk = handle.read(chunk_size)
    if utf8_ok:
        try:
            utf8.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8_ok = False
    handle.seek(0)
    if blank and not chunk:
        return None, "empty file"
    if b"\x00" in head:
        return None, "binary file (contains NUL bytes), not text"
    if not utf8_ok and cp1252_error:
        return None, f"undecodable text (neither UTF-8 nor cp1252): {cp1252_error}"
    encoding = "utf-8-sig" if utf8_ok else "cp1252"
    if looks_binary(head.decode(encoding, errors="ignore")):
        return None, "binary file (mostly control characters), not text"
    return encoding, None


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD, one character for one, so
    offsets stay. Decoded bytes never hold one, but JSON may escape half a pair
    ("\\ud800", kept by ``json.loads``) and a caller of ``parse_text`` may pass one: no UTF-8
    writer takes such a string, so the pandas tables, Parquet and JSON output failed on it
    (one record stopped a whole ``newstone parse``)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Control characters other than white space: deleting them and comparing lengths counts
# them at C speed (this runs on every file before anything else).
_DROP_CONTROL = str.maketrans(dict.fromkeys(ch for ch in range(32) if chr(ch) not in "\n\r\t\f\v"))


def looks_binary(text: str) -> bool:
    sample = text[:4096]
    control = len(sample) - len(sample.translate(_DROP_CONTROL))
    return control > max(8, len(sample) // 20)
