"""Office files made byte by byte for upload tests: OLE2 compound files (.doc, .xls, .ppt) and zip-based
ones (.docx, .odt), honest or hostile."""

import io
import struct
import zipfile

SECTOR = 512
END_OF_CHAIN = 0xFFFFFFFE
FREE = 0xFFFFFFFF
FAT_SECTOR = 0xFFFFFFFD
NO_STREAM = 0xFFFFFFFF


def _entry(name, kind, child=NO_STREAM, right=NO_STREAM, start=END_OF_CHAIN, size=0):
    encoded = (name + "\0").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBBIII", len(encoded), kind, 1, NO_STREAM, right, child)
        + b"\0" * 16  # class id
        + struct.pack("<IQQIQ", 0, 0, 0, start, size)
    )


def ole_file(streams):
    """A compound file holding `streams` ({"WordDocument": bytes, "Macros/VBA": bytes, ...}; one level of
    storages). Each stream is padded to 4096 bytes or more, so it lives in ordinary sectors."""
    storages = {}
    for path, data in streams.items():
        storage, _slash, name = path.rpartition("/")
        storages.setdefault(storage, []).append((name, data.ljust(4096, b"\0")))
    sectors = []  # the stream data, sector by sector
    fat = []
    placed = {}
    for storage, items in storages.items():
        for name, data in items:
            count = -(-len(data) // SECTOR)
            first = len(fat)
            fat.extend(first + n + 1 for n in range(count - 1))
            fat.append(END_OF_CHAIN)
            sectors.append(data.ljust(count * SECTOR, b"\0"))
            placed[(storage, name)] = (first, len(data))
    # Directory: the root, then each top-level stream or storage as a chain of right siblings.
    entries = [None]
    top = [(name, None) for name, _d in storages.get("", [])] + [(s, s) for s in storages if s]
    top_ids = list(range(1, len(top) + 1))
    entries.extend([None] * len(top))
    for index, (name, storage) in zip(top_ids, top, strict=True):
        right = index + 1 if index < len(top) else NO_STREAM
        if storage is None:
            start, size = placed[("", name)]
            entries[index] = _entry(name, 2, right=right, start=start, size=size)
        else:
            children = storages[storage]
            child_ids = list(range(len(entries), len(entries) + len(children)))
            for n, (child_name, _data) in enumerate(children):
                start, size = placed[(storage, child_name)]
                child_right = child_ids[n + 1] if n + 1 < len(children) else NO_STREAM
                entries.append(_entry(child_name, 2, right=child_right, start=start, size=size))
            entries[index] = _entry(storage, 1, right=right, child=child_ids[0])
    entries[0] = _entry("Root Entry", 5, child=1 if top else NO_STREAM)
    while len(entries) % 4:
        entries.append(_entry("", 0))
    directory = b"".join(entries)
    directory_first = len(fat)
    directory_count = len(directory) // SECTOR
    fat.extend(directory_first + n + 1 for n in range(directory_count - 1))
    fat.append(END_OF_CHAIN)
    # FAT sectors: enough to describe every sector, themselves included.
    fat_count = 1
    while (len(fat) + fat_count) > fat_count * (SECTOR // 4):
        fat_count += 1
    fat_first = len(fat)
    fat.extend([FAT_SECTOR] * fat_count)
    fat.extend([FREE] * (fat_count * (SECTOR // 4) - len(fat)))
    difat = [fat_first + n for n in range(fat_count)] + [FREE] * (109 - fat_count)
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, fat_count, directory_first, 0, 4096, END_OF_CHAIN, 0, END_OF_CHAIN, 0)
        + struct.pack("<109I", *difat)
    )
    return header + b"".join(sectors) + directory + struct.pack(f"<{len(fat)}I", *fat)


def zip_file(parts, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>{extra}</Types>'
)
RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>'


def docx(extra_parts=None, content_types_extra=""):
    parts = {
        "[Content_Types].xml": CONTENT_TYPES.format(extra=content_types_extra),
        "_rels/.rels": RELS.format(
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/>'
        ),
        "word/document.xml": "<w:document/>",
    }
    parts.update(extra_parts or {})
    return zip_file(parts)


def odt(extra_parts=None):
    parts = {
        "mimetype": "application/vnd.oasis.opendocument.text",
        "META-INF/manifest.xml": "<manifest:manifest/>",
        "content.xml": "<office:document-content/>",
    }
    parts.update(extra_parts or {})
    return zip_file(parts)
