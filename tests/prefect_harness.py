"""One Prefect test server for the whole test session (a pytest plugin, see conftest.py).

Starting Prefect's temporary server costs ~10-20 s, so every flow test shares one, started
on first use by the session-scoped `prefect_server` fixture, with its own temporary
PREFECT_HOME (database, result storage for cached tasks) so tests never touch the user's.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A running temporary Prefect API; yields the temporary PREFECT_HOME."""
    from prefect.settings import (PREFECT_HOME, PREFECT_LOCAL_STORAGE_PATH,
                                  PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, temporary_settings)
    from prefect.testing.utilities import prefect_test_harness

    home = tmp_path_factory.mktemp("prefect-home")
    with temporary_settings(updates={PREFECT_HOME: home, PREFECT_LOCAL_STORAGE_PATH: home / "storage",
                                     PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS: 180}):
        with prefect_test_harness(server_startup_timeout=180):
            yield home
