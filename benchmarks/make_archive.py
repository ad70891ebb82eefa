"""Build a synthetic archive of about --mb megabytes from the corpus articles, for `batch` runs.

Articles are recombined (1-3 per file, seeded), saved as UTF-8 / GBK / UTF-16 .txt, .md, .docx
(python-docx) and .html in nested folders, plus a few broken files (empty, binary, truncated
docx, fake pdf, unsupported extension).

Run: .venv/bin/python benchmarks/make_archive.py OUTDIR --mb 20 [--seed 6]
"""

from __future__ import annotations

import argparse
import html
import io
import random
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

FORMATS = (("utf8", 30), ("gbk", 15), ("utf16", 10), ("md", 10), ("docx", 15), ("html", 20))
FOLDERS = ("总工会", "教育工会", "企业工会", "机关工会", "社区工会")


def corpus_articles() -> list[tuple[str, str]]:
    """(title, body) of every article of the corpus (read, normalized and split; not annotated)."""
    from nlp.api import load_document

    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        for art in load_document(path).articles:
            if len(art.text) > 200:
                out.append((art.title or path.stem, art.text))
    return out


def _docx_bytes(title: str, body: str) -> bytes:
    import docx

    d = docx.Document()
    d.add_heading(title, level=1)
    for line in body.split("\n"):
        if line.strip():
            d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _html_bytes(title: str, body: str) -> bytes:
    paras = "\n".join(f"<p>{html.escape(line)}</p>" for line in body.split("\n") if line.strip())
    page = (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title></head>"
            f"<body><div class=\"nav\">首页 | 范文</div><article><h1>{html.escape(title)}</h1>\n{paras}"
            f"</article><div class=\"footer\">版权所有</div></body></html>")
    return page.encode("utf-8")


def encode(fmt: str, title: str, body: str) -> tuple[str, bytes]:
    """File suffix and bytes of one document in format `fmt`."""
    text = f"{title}\n\n{body}\n"
    if fmt == "utf8":
        return ".txt", text.encode("utf-8")
    if fmt == "gbk":
        return ".txt", text.encode("gbk", errors="replace")
    if fmt == "utf16":
        return ".txt", text.encode("utf-16")
    if fmt == "md":
        return ".md", f"# {title}\n\n{body}\n".encode("utf-8")
    if fmt == "docx":
        return ".docx", _docx_bytes(title, body)
    return ".html", _html_bytes(title, body)


def _broken(out: Path, rng: random.Random, sample: bytes) -> int:
    bad = out / "待整理"
    bad.mkdir(parents=True, exist_ok=True)
    files = {
        "空文件.txt": b"",
        "乱码.txt": rng.randbytes(3000),
        "损坏.docx": sample[: len(sample) // 2],
        "扫描件.pdf": b"%PDF-1.4\n% not really a pdf\n",
        "表格.xls": b"\xd0\xcf\x11\xe0 spreadsheet",
    }
    for name, data in files.items():
        (bad / name).write_bytes(data)
    return sum(map(len, files.values()))


def build(out: str | Path, mb: float, seed: int = 6) -> dict[str, int]:
    """Write the archive; return counts (files, bytes) per format."""
    rng = random.Random(seed)
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    arts = corpus_articles()
    names, weights = zip(*FORMATS)
    target = int(mb * 1_000_000)
    size = _broken(root, rng, _docx_bytes(*arts[0]))
    counts: dict[str, int] = {}
    n = 0
    while size < target:
        picked = rng.sample(arts, rng.choice((1, 1, 2, 3)))
        title = picked[0][0]
        body = "\n\n".join(picked[0][1:] + tuple(f"{t}\n{b}" for t, b in picked[1:]))
        fmt = rng.choices(names, weights)[0]
        suffix, data = encode(fmt, title, body)
        folder = root / rng.choice(FOLDERS) / str(2010 + rng.randrange(12))
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{n:05d}_{fmt}{suffix}").write_bytes(data)
        size += len(data)
        counts[fmt] = counts.get(fmt, 0) + 1
        n += 1
    counts["bytes"] = size
    counts["files"] = n + 5
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--mb", type=float, default=20.0, help="archive size in megabytes (on disk)")
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    counts = build(args.out, args.mb, args.seed)
    print(f"{args.out}: {counts['files']} files, {counts['bytes'] / 1e6:.1f} MB "
          + ", ".join(f"{k} {v}" for k, v in counts.items() if k not in ("files", "bytes")))


if __name__ == "__main__":
    main()
