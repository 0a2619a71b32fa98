"""Words with boxes from the ``tesseract`` command (its TSV output).

The command is run directly (no Python binding needed): the image goes in
on standard input as PNG, one word per TSV row comes out with its box in
pixels and a confidence. Tesseract is told to use one thread: the page
workers already use the cores, and its own threads only add contention.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from dataclasses import dataclass

from PIL import Image

MIN_CONFIDENCE = 30.0
"""Words read with less confidence (0-100) are noise: a ruling fragment,
a stain, a cell's shading."""


@dataclass(frozen=True)
class OcrWord:
    text: str
    left: int
    top: int
    right: int
    bottom: int
    confidence: float


class OcrUnavailable(RuntimeError):
    """Tesseract is missing or failed on this image."""


def parse_tsv(tsv: str, min_confidence: float = MIN_CONFIDENCE) -> list[OcrWord]:
    """The word rows (level 5) of Tesseract's TSV, the unsure ones dropped."""
    words: list[OcrWord] = []
    lines = tsv.splitlines()
    for line in lines[1:]:
        parts = line.split("\t")
        if len(parts) < 12 or parts[0] != "5":
            continue
        text = parts[11].strip()
        try:
            left, top, width, height = (int(v) for v in parts[6:10])
            conf = float(parts[10])
        except ValueError:
            continue
        if not text or conf < min_confidence:
            continue
        words.append(OcrWord(text, left, top, left + width, top + height, conf))
    return words


def ocr_words(image: Image.Image, languages: str, timeout: float, psm: int = 6) -> list[OcrWord]:
    """Every word Tesseract reads in ``image`` (``psm`` 6: one block of text
    lines, which is what a table's rows are once its rulings are erased)."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise OcrUnavailable("tesseract is not installed")
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    dpi = str(image.info.get("dpi", (300, 300))[0])
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    cmd = [exe, "stdin", "stdout", "-l", languages, "--psm", str(psm), "--dpi", dpi, "tsv"]
    try:
        out = subprocess.run(cmd, input=buf.getvalue(), capture_output=True, timeout=timeout, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise OcrUnavailable(f"tesseract took longer than {timeout:g} s") from None
    except OSError as exc:
        raise OcrUnavailable(f"tesseract could not run ({exc.strerror})") from None
    if out.returncode != 0:
        first = out.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
        raise OcrUnavailable(f"tesseract failed ({first[0][:80] if first else out.returncode})")
    return parse_tsv(out.stdout.decode("utf-8", "replace"))
