"""`journal-ingest schemas fetch`: download the official XML schemas and check their SHA-256.

The schemas are not part of the repository. This command downloads the official
releases (Crossref schema bundle 0.3.1 from GitLab, NISO JATS 1.3 and 1.4 Journal
Publishing XSDs from NLM), takes out exactly the files listed in SOURCES.md, checks each
against its SHA-256, applies the two documented `schemaLocation` rewrites in the Crossref
files (so lxml never looks for MathML on the network), and installs them under DEST. It
writes nothing unless every file checks out.

DEST defaults to $JOURNAL_INGEST_SCHEMAS, else ~/.cache/journal-ingest/schemas (which the
other commands also look in). Use --base-url to fetch the same archive names from a
mirror.

Examples:

    journal-ingest schemas fetch
    journal-ingest schemas fetch --dest ~/schemas --only crossref-5.3.1
    journal-ingest schemas fetch --base-url https://mirror.example.org/xsd
"""
from __future__ import annotations

import argparse
import hashlib
import io
import logging
import os
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from parsers.errors import IngestError

log = logging.getLogger(__name__)

MAX_ARCHIVE_BYTES = 200 * 1024 * 1024


class FetchFailed(IngestError):
    """A download failed or a file did not match its checksum."""


@dataclass(frozen=True)
class Release:
    kind: str
    url: str  # the official archive
    dest: str  # folder under DEST, as in SOURCES.md

    @property
    def archive_name(self) -> str:
        return self.url.rsplit("/", 1)[-1].split("?", 1)[0]


RELEASES = [
    Release("crossref-5.3.1", "https://gitlab.com/crossref/schema/-/archive/0.3.1/schema-0.3.1.zip", "crossref"),
    Release("jats-1.3", "https://jats.nlm.nih.gov/publishing/1.3/JATS-Publishing-1-3-MathML3-XSD.zip", "jats/1.3"),
    Release("jats-1.4", "https://jats.nlm.nih.gov/publishing/1.4/JATS-Publishing-1-4-MathML3-XSD.zip", "jats/1.4"),
]

#: SHA-256 of every installed file (from /work/shared/schemas/SOURCES.md)
EXPECTED_SHA256: dict[str, str] = {
    "crossref/AccessIndicators.xsd": "e003a35fa3e2c0e0a7e4e3b6c7ce6398fe21ac5d2502c09661db8db4411bb811",
    "crossref/JATS-journalpublishing1-3d2-mathml3-elements.xsd": "9798c93059b8c71d3d6dabc7d8673712a21dafed0f4dfe8cf5805336951a6616",
    "crossref/JATS-journalpublishing1-3d2-mathml3.xsd": "8283b67249b5d9f176fa4185642fc569305d8b804add8091c1bfc44aeafc75f6",
    "crossref/clinicaltrials.xsd": "cc540947ab933a3df373d7a711bccffb5778185b245da73ff136c73ec22cb899",
    "crossref/common5.3.1.xsd": "538c60bda7df15cfff529a57f795fa639a0b925c79567f631e3bc3bb1f37170e",
    "crossref/crossref5.3.1.xsd": "974ebc29fe48bd55b631fcfa0113ea34120d156d174255d603bad0a04010d432",
    "crossref/fundref.xsd": "4e9e656fcc6075ccec702be6c77e73635781ed051c5a84b04c87cb28377a3ac1",
    "crossref/relations.xsd": "8845e28b8d77d20d8742ac54d15fc6cfe3cece13e38e5a80689d79bf7c5e01d4",
    "crossref/standard-modules/mathml3/mathml3-common.xsd": "3f0ba889b16dbb2ec39eeeb799e777227c51d3129697316610f2b1d185ad1db6",
    "crossref/standard-modules/mathml3/mathml3-content.xsd": "7f2c679f8ac223cd59835af62dfb063b18f5b8ec2919e0a1841f8f0225455a3d",
    "crossref/standard-modules/mathml3/mathml3-presentation.xsd": "4919906381bff160d08186b28e0a355cd2bb3cea1ab2d4139580f635fda545f6",
    "crossref/standard-modules/mathml3/mathml3-strict-content.xsd": "e088d44535a774c343dea51b8cb5f2057b79af04b2adfebb95ea438728f76765",
    "crossref/standard-modules/mathml3/mathml3.xsd": "f7e03c16ac50574e724802cc67e42300b404d7976306d56a38091115630e2d9e",
    "crossref/standard-modules/module-ali.xsd": "73fba5884602b101d198a3c0bf6c53491b08ecb54940f1109c46a12f1fdd5234",
    "crossref/standard-modules/xlink.xsd": "84b3ca0fba2b6226af5936c13ecd9701a2c7d44c9397ae0c35e4889f98d80f40",
    "crossref/standard-modules/xml.xsd": "61960fb3131e38022caad5360e2f33a3382578ab3c80cd58bd74320ede61b20c",
    "jats/1.3/JATS-journalpublishing1-3-mathml3-elements.xsd": "b2787e52f31a443232ac3e5dbb224eaffcacbcc00afc59038ebaa997b78b14b9",
    "jats/1.3/JATS-journalpublishing1-3-mathml3.xsd": "0cc2bcd1ec6f5dd231b11b0ef4efaac83c8c1ac7725d4c52164858b56707949f",
    "jats/1.3/standard-modules/mathml3/mathml3-common.xsd": "3183625821e38bc5e80c7e8bb53eaeb8448a5a08924d767de064865e3b967c48",
    "jats/1.3/standard-modules/mathml3/mathml3-content.xsd": "7f2c679f8ac223cd59835af62dfb063b18f5b8ec2919e0a1841f8f0225455a3d",
    "jats/1.3/standard-modules/mathml3/mathml3-presentation.xsd": "4919906381bff160d08186b28e0a355cd2bb3cea1ab2d4139580f635fda545f6",
    "jats/1.3/standard-modules/mathml3/mathml3-strict-content.xsd": "e088d44535a774c343dea51b8cb5f2057b79af04b2adfebb95ea438728f76765",
    "jats/1.3/standard-modules/mathml3/mathml3.xsd": "f7e03c16ac50574e724802cc67e42300b404d7976306d56a38091115630e2d9e",
    "jats/1.3/standard-modules/module-ali.xsd": "175548c34bb74d6d18d3b40ace0e2ed0bbd22b9d866709e0c84ac3f73890509d",
    "jats/1.3/standard-modules/xlink.xsd": "84b3ca0fba2b6226af5936c13ecd9701a2c7d44c9397ae0c35e4889f98d80f40",
    "jats/1.3/standard-modules/xml.xsd": "61960fb3131e38022caad5360e2f33a3382578ab3c80cd58bd74320ede61b20c",
    "jats/1.4/JATS-journalpublishing1-4-mathml3-elements.xsd": "642c42ee2703a0090239c21653e2d40f48e9cc95dc2c966bac61d87baa7a5fe0",
    "jats/1.4/JATS-journalpublishing1-4-mathml3.xsd": "9000f64a32ca9e1a47576d116e9c159312e4a6cb5712b8c51fc52a64b700faee",
    "jats/1.4/standard-modules/mathml3/mathml3-common.xsd": "4a3785d3a9ff3e362c0020abdc107a2b79e9a06f863b8a279cd6148e0539e96c",
    "jats/1.4/standard-modules/mathml3/mathml3-content.xsd": "9f817c92b69d0f6c2aabc604b97f4a68a8797ee799abb446168151e8931dad8c",
    "jats/1.4/standard-modules/mathml3/mathml3-presentation.xsd": "c875f8460cd5a7bd047361519b3781cad9bb5f9c8782955b67cad2733f07bf96",
    "jats/1.4/standard-modules/mathml3/mathml3-strict-content.xsd": "e088d44535a774c343dea51b8cb5f2057b79af04b2adfebb95ea438728f76765",
    "jats/1.4/standard-modules/mathml3/mathml3.xsd": "f7e03c16ac50574e724802cc67e42300b404d7976306d56a38091115630e2d9e",
    "jats/1.4/standard-modules/module-ali.xsd": "8e79859c7fa06177a3ee8987053273b04c3104ab958c873f41d2c03459034c8b",
    "jats/1.4/standard-modules/xlink.xsd": "84b3ca0fba2b6226af5936c13ecd9701a2c7d44c9397ae0c35e4889f98d80f40",
    "jats/1.4/standard-modules/xml.xsd": "61960fb3131e38022caad5360e2f33a3382578ab3c80cd58bd74320ede61b20c",}

#: The two Crossref files are installed with one schemaLocation rewritten (SOURCES.md,
#: "Local modifications"); these are the SHA-256 of the files as released.
ORIGINAL_SHA256: dict[str, str] = {
    "crossref/crossref5.3.1.xsd": "0465eb615d97708f031854db62e276c947046bace4e4a0237924e1933d62f4fa",
    "crossref/common5.3.1.xsd": "92e60aa3fcf5632fa4db21cc45c2ebd7ea7a3194cdb2daaa23d81c7592cc3af0",
}
REWRITE = (
    b'schemaLocation="http://www.w3.org/Math/XMLSchema/mathml3/mathml3.xsd"',
    b'schemaLocation="standard-modules/mathml3/mathml3.xsd"',
)


def default_dest() -> Path:
    from schemas.xmlcheck import ENV_VAR, user_schema_dir

    env = os.environ.get(ENV_VAR)
    return Path(env).expanduser() if env else user_schema_dir()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def download(url: str, timeout: float = 60) -> bytes:
    """GET `url`; raises FetchFailed with the reason."""
    import requests

    try:
        with requests.get(url, stream=True, timeout=timeout) as resp:
            if resp.status_code != 200:
                raise FetchFailed(url, f"HTTP {resp.status_code}")
            chunks, size = [], 0
            for chunk in resp.iter_content(1 << 16):
                size += len(chunk)
                if size > MAX_ARCHIVE_BYTES:
                    raise FetchFailed(url, f"larger than {MAX_ARCHIVE_BYTES} bytes")
                chunks.append(chunk)
            return b"".join(chunks)
    except requests.RequestException as exc:
        raise FetchFailed(url, f"download failed: {exc}") from None


def archive_members(data: bytes, name: str) -> dict[str, bytes]:
    """path -> content for every regular file in a zip or tar(.gz) archive."""
    buf = io.BytesIO(data)
    if zipfile.is_zipfile(buf):
        with zipfile.ZipFile(buf) as zf:
            return {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}
    buf.seek(0)
    try:
        with tarfile.open(fileobj=buf, mode="r:*") as tf:
            out = {}
            for member in tf.getmembers():
                if member.isfile():
                    fh = tf.extractfile(member)
                    if fh is not None:
                        out[member.name] = fh.read()
            return out
    except tarfile.TarError:
        raise FetchFailed(name, "neither a zip nor a tar archive") from None


def files_for(release: Release) -> dict[str, str]:
    """Installed path -> path inside the release folder, for the files of `release`."""
    prefix = release.dest + "/"
    return {path: path[len(prefix):] for path in EXPECTED_SHA256 if path.startswith(prefix)}


def extract_release(release: Release, members: dict[str, bytes]) -> dict[str, bytes]:
    """Pick, check and (for two Crossref files) rewrite the release's files.

    Raises FetchFailed naming every missing or mismatching file.
    """
    out: dict[str, bytes] = {}
    problems = []
    for installed, inner in sorted(files_for(release).items()):
        want_original = ORIGINAL_SHA256.get(installed, EXPECTED_SHA256[installed])
        candidates = [data for name, data in members.items()
                      if PurePosixPath(name).as_posix() == inner or name.endswith("/" + inner)]
        match = next((d for d in candidates if sha256(d) == want_original), None)
        if match is None:
            if candidates:
                problems.append(f"{inner}: SHA-256 mismatch (got {sha256(candidates[0])}, expected {want_original})")
            else:
                problems.append(f"{inner}: not in the archive")
            continue
        if installed in ORIGINAL_SHA256:
            match = match.replace(*REWRITE)
            if sha256(match) != EXPECTED_SHA256[installed]:
                problems.append(f"{inner}: SHA-256 after the schemaLocation rewrite does not match SOURCES.md")
                continue
        out[installed] = match
    if problems:
        raise FetchFailed(release.archive_name, "\n  " + "\n  ".join(problems))
    return out


def install(files: dict[str, bytes], dest: Path) -> list[Path]:
    """Write every file under `dest` (each via a temp file and os.replace)."""
    written = []
    for rel, data in sorted(files.items()):
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
        written.append(target)
    return written


def fetch(dest: Path, *, base_url: str | None = None, only: list[str] | None = None,
          timeout: float = 60) -> list[Path]:
    """Download, verify and install the schemas; returns the installed paths.

    Raises FetchFailed (nothing is installed then) when a download fails or a checksum
    does not match.
    """
    releases = [r for r in RELEASES if not only or r.kind in only]
    collected: dict[str, bytes] = {}
    for release in releases:
        url = f"{base_url.rstrip('/')}/{release.archive_name}" if base_url else release.url
        log.info("downloading %s", url)
        data = download(url, timeout=timeout)
        collected.update(extract_release(release, archive_members(data, url)))
    return install(collected, dest)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "schemas",
        help="download the official JATS and Crossref schemas",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = p.add_subparsers(dest="schemas_command", metavar="ACTION")
    f = sub.add_parser("fetch", help="download and verify the schemas", description=__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    f.add_argument("--dest", type=Path, metavar="DIR", help="where to install (default: %s)" % default_dest())
    f.add_argument("--base-url", metavar="URL", help="fetch the archives by name from this mirror instead")
    f.add_argument("--only", action="append", choices=[r.kind for r in RELEASES],
                   help="fetch only this release (repeatable)")
    f.add_argument("--timeout", type=float, default=60, metavar="S", help="per-request timeout (default: %(default)s)")
    f.set_defaults(func=run)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def run(args: argparse.Namespace) -> int:
    dest = args.dest or default_dest()
    written = fetch(dest, base_url=args.base_url, only=args.only, timeout=args.timeout)
    print(f"installed {len(written)} schema files under {dest} (SHA-256 verified)")
    if not os.environ.get("JOURNAL_INGEST_SCHEMAS") and dest != default_dest():
        print(f"use them with --schemas {dest} or JOURNAL_INGEST_SCHEMAS={dest}", file=sys.stderr)
    return 0


__all__ = ["fetch", "FetchFailed", "RELEASES", "EXPECTED_SHA256", "ORIGINAL_SHA256"]
