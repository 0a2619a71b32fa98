"""Deterministic mutations of PDFs and rule files.

Every case is a function of (seed PDF, mutation name, case number, run
seed): the same arguments give the same bytes, so a failing case can be
rebuilt and debugged from the name printed in the report. Seeds are the
first pages of each corpus PDF rewritten by qpdf with uncompressed objects
(``--qdf``), so that structural mutations can find the objects they
change; ``fix-qdf`` repairs offsets and lengths after a structural change,
so the hostile feature itself reaches the parser rather than a broken xref.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BOMB_BYTES = 1 << 30
"""What the decompression bomb inflates to (1 GiB of spaces, ~1 MiB packed)."""

_OBJ = re.compile(rb"(?m)^(\d+) 0 obj\b.*?^endobj\b", re.DOTALL)
_LENGTH = re.compile(rb"/Length (\d+)")
_MEDIABOX = re.compile(rb"/MediaBox\s*\[[^\]]*\]")
_NUMBER = re.compile(rb"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)
_PAGE_DICT = re.compile(rb"/Type /Page\b(?!s)")


@dataclass(frozen=True)
class Case:
    """One fuzz input: where it is and how it was made."""

    name: str
    path: Path
    args: tuple[str, ...]


def make_seeds(corpus: Path, work: Path, pages: str = "1-3") -> list[Path]:
    """The first ``pages`` of each corpus PDF, uncompressed by qpdf (cached in ``work``)."""
    work.mkdir(parents=True, exist_ok=True)
    seeds = []
    for pdf in sorted(corpus.glob("*.pdf")):
        out = work / f"seed-{pdf.stem}.pdf"
        if not out.exists():
            cmd = ["qpdf", "--qdf", "--object-streams=disable", "--empty", "--pages", str(pdf), pages, "--", str(out)]
            subprocess.run(cmd, check=False, capture_output=True, timeout=120)
        if out.exists():
            seeds.append(out)
    return seeds


def _fix_qdf(data: bytes) -> bytes:
    """Offsets and /Length values recomputed, or the bytes as they are."""
    if shutil.which("fix-qdf") is None:
        return data
    res = subprocess.run(["fix-qdf"], input=data, capture_output=True, check=False, timeout=60)
    return res.stdout if res.returncode == 0 and res.stdout else data


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 10, 100, 1000))):
        out[rng.randrange(len(out))] ^= rng.randrange(1, 256)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(16, len(data))]


def delete_object(data: bytes, rng: random.Random) -> bytes:
    objs = list(_OBJ.finditer(data))
    m = rng.choice(objs)
    return data[: m.start()] + data[m.end() :]


def wrong_length(data: bytes, rng: random.Random) -> bytes:
    found = list(_LENGTH.finditer(data))
    m = rng.choice(found)
    n = int(m.group(1))
    new = rng.choice((0, 1, n // 2, n * 10 + 7, 2**31, 10**30, -5))
    return data[: m.start(1)] + str(new).encode() + data[m.end(1) :]


def duplicate_pages(data: bytes, rng: random.Random) -> bytes:
    m = re.search(rb"/Kids \[([^\]]*)\]", data)
    if not m:
        return data
    kids = m.group(1).split(b" R")[0].strip() + b" R "
    times = rng.choice((2, 50, 5000))
    new = b"/Kids [" + m.group(1) + b" " + kids * times + b"]"
    return _fix_qdf(data[: m.start()] + new + data[m.end() :])


def absurd_mediabox(data: bytes, rng: random.Random) -> bytes:
    box = rng.choice(
        (
            b"[0 0 1e308 1e308]", b"[0 0 -612 -792]", b"[0 0 0 0]", b"[-1e308 -1e308 1e308 1e308]",
            b"[0 0 612]", b"[/A /B /C /D]", b"[]", b"[0 0 9999999999999999999999 1]", b"[0 0 nan inf]",
        )
    )  # fmt: skip
    return _fix_qdf(_MEDIABOX.sub(lambda _m: b"/MediaBox " + box, data))


def deep_nesting(data: bytes, rng: random.Random) -> bytes:
    depth = rng.choice((500, 5000, 50000))
    kind = rng.choice(("array", "dict", "content"))
    if kind == "content":
        m = rng.choice(list(_STREAM.finditer(data)))
        body = b"[" * depth + b"]" * depth + b"\n" + m.group(1)
        return _fix_qdf(data[: m.start(1)] + body + data[m.end(1) :])
    nest = b"[" * depth + b"]" * depth if kind == "array" else b"<< /A " * depth + b">>" * depth
    m = _PAGE_DICT.search(data)
    if not m:
        return data
    return _fix_qdf(data[: m.end()] + b" /Deep " + nest + data[m.end() :])


_BOMB: bytes | None = None


def _bomb() -> bytes:
    global _BOMB
    if _BOMB is None:
        packer = zlib.compressobj(9)
        chunk = b" " * (1 << 20)
        _BOMB = b"".join(packer.compress(chunk) for _ in range(BOMB_BYTES >> 20)) + packer.flush()
    return _BOMB


def flate_bomb(data: bytes, rng: random.Random) -> bytes:
    """A page's content stream replaced by 1 GiB of spaces, deflated."""
    pages = [m.end() for m in _PAGE_DICT.finditer(data)]
    if not pages:
        return data
    at = rng.choice(pages)
    m = re.compile(rb"/Contents (\d+) 0 R").search(data, at)
    if not m:
        return data
    obj = re.compile(rb"(?m)^" + m.group(1) + rb" 0 obj\b.*?^endobj\b", re.DOTALL).search(data)
    if not obj:
        return data
    new = m.group(1) + b" 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(_bomb())
    new += _bomb() + b"\nendstream\nendobj"
    return data[: obj.start()] + new + data[obj.end() :]


def huge_number(data: bytes, rng: random.Random) -> bytes:
    found = list(_NUMBER.finditer(data))
    out = data
    for m in sorted(rng.sample(found, min(5, len(found))), key=lambda m: m.start(), reverse=True):
        big = rng.choice((b"9" * 400, b"9" * 100000, b"1e999999", b"-" + b"9" * 50, b"0.000000000000000000001"))
        out = out[: m.start()] + big + out[m.end() :]
    return out


def reference_loop(data: bytes, rng: random.Random) -> bytes:
    """An object that is a reference to itself, or two that point at each other."""
    objs = list(_OBJ.finditer(data))
    a, b = rng.sample(objs, 2)
    na, nb = a.group(1), b.group(1)
    if rng.random() < 0.5:
        repl = {a: na + b" 0 obj\n" + na + b" 0 R\nendobj"}
    else:
        repl = {a: na + b" 0 obj\n" + nb + b" 0 R\nendobj", b: nb + b" 0 obj\n" + na + b" 0 R\nendobj"}
    out = data
    for m in sorted(repl, key=lambda m: m.start(), reverse=True):
        out = out[: m.start()] + repl[m] + out[m.end() :]
    return _fix_qdf(out) if rng.random() < 0.5 else out


PDF_MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "flip": flip_bytes,
    "truncate": truncate,
    "delete-object": delete_object,
    "wrong-length": wrong_length,
    "duplicate-pages": duplicate_pages,
    "mediabox": absurd_mediabox,
    "deep-nesting": deep_nesting,
    "flate-bomb": flate_bomb,
    "huge-number": huge_number,
    "reference-loop": reference_loop,
}

_GOOD_RULES = """\
column_roles:
  - role: selisih
    patterns: ['beda capaian']
rules:
  - code: SEL001
    name: selisih
    title: Selisih tidak sama
    engine: row-formula
    severity: warning
    formula: 'selisih = nilai_akhir - nilai_awal'
    message:
      id: 'Selisih {printed} seharusnya {expected}.'
"""


def _laughs(levels: int) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(lines) + f"\nrules: *a{levels - 1}\n"


def rule_file(rng: random.Random) -> bytes:
    """A hostile or broken rule file."""
    choice = rng.randrange(9)
    if choice == 0:
        return _laughs(rng.choice((6, 9))).encode()
    if choice == 1:
        depth = rng.choice((1000, 100000))
        return ("rules: " + "[" * depth + "]" * depth + "\n").encode()
    if choice == 2:
        return _GOOD_RULES.encode("utf-16")
    if choice == 3:
        return _GOOD_RULES.replace("['beda capaian']", rng.choice(("5", "{a: 1}", "[[1, 2]]", "null"))).encode()
    if choice == 4:
        return _GOOD_RULES.replace("rules:", rng.choice(("rules: 3\nx:", "rules: {a: 1}\nx:", "zzz:"))).encode()
    if choice == 5:
        return _GOOD_RULES.replace("warning", "x" * rng.choice((10000, 1000000))).encode()
    if choice == 6:
        return _GOOD_RULES.replace("message:", "message: 7\n    junk:").encode()
    if choice == 7:
        out = bytearray(_GOOD_RULES.encode())
        for _ in range(5):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    return _GOOD_RULES.replace("column_roles:", "column_roles: {role: x}\nrow_roles:").encode()


def build_cases(seeds: list[Path], report: Path, work: Path, count: int, run_seed: int, start: int = 0) -> list[Case]:
    """``count`` cases from case number ``start``, the same for the same
    seeds and ``run_seed`` (case ``i`` does not depend on ``start`` or
    ``count``, so a long run can go in chunks).

    One case in ten is a rule file (given with ``--rules`` to an audit of
    the small text ``report``); the rest are PDF mutations, taken in turn.
    """
    cases = []
    names = sorted(PDF_MUTATIONS)
    work.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        rng = random.Random(f"{run_seed}:{i}")
        if i % 10 == 9:
            path = work / f"case{i:04d}-rules.yaml"
            path.write_bytes(rule_file(rng))
            cases.append(Case(f"case{i:04d} rules", path, (str(report), "--rules", str(path))))
            continue
        name = names[(i - i // 10) % len(names)]
        seed = seeds[rng.randrange(len(seeds))]
        data = seed.read_bytes()
        try:
            mutated = PDF_MUTATIONS[name](data, rng)
        except (ValueError, IndexError):  # nothing to mutate in this seed
            mutated = flip_bytes(data, rng)
        path = work / f"case{i:04d}-{name}.pdf"
        path.write_bytes(mutated)
        cases.append(Case(f"case{i:04d} {name} {seed.stem}", path, (str(path),)))
    return cases
