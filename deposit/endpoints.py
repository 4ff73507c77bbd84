"""Crossref's deposit endpoints and the request deadline: constants the settings need
without importing the HTTP client (requests and its TLS stack), which an ingest that only
looks up where the deposit ledger lives should not pay for."""
from __future__ import annotations

TEST_URL = "https://test.crossref.org"
PRODUCTION_URL = "https://doi.crossref.org"
DEADLINE = 300.0  # seconds for one whole request (upload included), not per read
