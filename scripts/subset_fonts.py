"""Rebuild the bundled PDF fonts in home/fonts/ from Debian's Noto Sans (OFL 1.1).

The subset keeps Latin, Cyrillic with the Cyrillic Supplement (every Tajik letter: ғ ӣ қ ӯ ҳ ҷ),
combining accents and punctuation, so certificates and study packs print Tajik, Russian and
English without an internet font. To repeat it (the internet is not needed beyond Debian's archive):

    apt-get download fonts-noto-core && dpkg-deb -x fonts-noto-core_*_all.deb /tmp/noto
    .venv/bin/python scripts/subset_fonts.py /tmp/noto/usr/share/fonts/truetype/noto
"""

import sys
from pathlib import Path

from fontTools import subset

UNICODES = [
    *range(0x0020, 0x007F),  # Basic Latin
    *range(0x00A0, 0x0250),  # Latin-1 Supplement, Latin Extended-A and -B
    *range(0x0300, 0x0370),  # combining diacritical marks (decomposed й, ӣ, ӯ)
    *range(0x0400, 0x0530),  # Cyrillic and Cyrillic Supplement (Tajik ғ ӣ қ ӯ ҳ ҷ)
    *range(0x2000, 0x2070),  # general punctuation: dashes, quotes, bullet, ellipsis
    0x20AC,  # euro sign
    0x2116,  # numero sign
    0x2122,  # trade mark
    0x2190,
    0x2192,  # arrows
]
FONTS = {"NotoSans-Regular.ttf": "NotoSans-Regular.ttf", "NotoSans-Bold.ttf": "NotoSans-Bold.ttf"}


def main(source_dir: str) -> None:
    target = Path(__file__).resolve().parent.parent / "home" / "fonts"
    for source, name in FONTS.items():
        options = subset.Options()
        options.hinting = False  # PDF viewers rasterise well without TrueType hints; halves the size
        options.desubroutinize = True
        options.name_IDs = ["*"]  # keep copyright and licence records
        options.notdef_outline = True
        font = subset.load_font(str(Path(source_dir) / source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=UNICODES)
        subsetter.subset(font)
        subset.save_font(font, str(target / name), options)
        print(target / name, (target / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main(sys.argv[1])
