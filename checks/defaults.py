"""Link-check defaults, in a module light enough for the CLI to import at start-up (the
checker itself pulls in requests): `LinkSettings` and `journal-ingest links --help` share them."""
from __future__ import annotations

CONNECT_TIMEOUT = 5.0   # seconds
READ_TIMEOUT = 15.0     # seconds
MAX_REDIRECTS = 10
PER_HOST = 2            # requests in flight per host
MIN_GAP = 0.5           # seconds between request starts on one host
WORKERS = 32            # hosts checked at once
RETRIES = 2             # extra attempts for timeouts, resets, 5xx, 429
