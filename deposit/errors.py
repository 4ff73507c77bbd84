"""Deposit errors: all `IngestError`s, so the CLI prints one line and exits non-zero.

No message built here ever contains a credential: callers pass only paths, DOIs, file
names and server text that has already been through `Credentials.scrub`.
"""
from __future__ import annotations

from parsers.errors import IngestError


class DepositError(IngestError):
    """A deposit could not be made or completed (exit code 3)."""

    exit_code = 3


class CredentialsError(IngestError):
    """Credentials missing, unreadable, too widely readable, or refused by Crossref."""


class DepositRefused(DepositError):
    """The deposit would be unsafe: duplicate file, stale timestamp, pending submission."""


class ServiceBusy(DepositError):
    """Crossref answered 429/503 (rate limit or pending-submission limit) on every try.

    Nothing was accepted, so sending again later is safe.
    """


class UploadUncertain(DepositError):
    """The connection failed after the upload started: Crossref may or may not have it.

    Never resend blindly; look the file name up first (see `workflow.reconcile`).
    """


class UploadRejected(DepositError):
    """Crossref answered the upload with an explicit refusal (not queued)."""


class DiagnosticError(DepositError):
    """A submission log that is not a readable `doi_batch_diagnostic`."""
