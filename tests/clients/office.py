"""LibreOffice headless and poppler, to read what the project writes as another program would."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")

#: Calc's CSV filter: comma separated, double quotes, UTF-8.
CSV_UTF8 = "csv:Text - txt - csv (StarCalc):44,34,76"
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def convert(files: list[Path], to: str, out: Path, profile: Path) -> list[Path]:
    """Convert with LibreOffice headless into `out`; the converted files, in order."""
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    suffix = "." + to.split(":")[0]
    return [out / (f.stem + suffix) for f in files]


def words(pdf: Path) -> list[tuple[int, float, float, float, float, str]]:
    """(page, x0, y0, x1, y1, text) of every word, from poppler's pdftotext."""
    xhtml = subprocess.run(
        [str(PDFTOTEXT), "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    found = []
    for page, text in enumerate(xhtml.split("<page ")[1:], start=1):
        for x0, y0, x1, y1, word in WORD.findall(text):
            found.append((page, float(x0), float(y0), float(x1), float(y1), word))
    return found


def overlapping_words(pdf: Path) -> list[tuple[str, str]]:
    """Pairs of words printed over each other (more than a third of the smaller one covered)."""
    grid: dict[tuple[int, int, int], list[tuple[float, float, float, float, str]]] = {}
    pairs = []
    for page, x0, y0, x1, y1, text in words(pdf):
        box = (x0, y0, x1, y1, text)
        cells = {
            (page, gx, gy)
            for gx in range(int(x0 // 20), int(x1 // 20) + 1)
            for gy in range(int(y0 // 5), int(y1 // 5) + 1)
        }
        seen = set()
        for cell in cells:
            for other in grid.get(cell, []):
                if id(other) in seen:
                    continue
                seen.add(id(other))
                ox0, oy0, ox1, oy1, otext = other
                wide = min(x1, ox1) - max(x0, ox0)
                high = min(y1, oy1) - max(y0, oy0)
                smaller = min((x1 - x0) * (y1 - y0), (ox1 - ox0) * (oy1 - oy0))
                if wide > 0 and high > 0 and wide * high > smaller / 3:
                    pairs.append((otext, text))
            grid.setdefault(cell, []).append(box)
    return pairs
