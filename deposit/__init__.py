"""Crossref deposit: review, approval, submission and tracking.

Modules: `batch` (validate/read/correct crossref.xml), `review` (editor summary),
`credentials`, `client` (HTTP protocol), `http` (no redirects, capped answers, an overall
deadline per request), `diagnostic` (submission logs), `ledger` (SQLite state + history),
`settings`, `workflow` (the plain-function pipeline used by `cli/deposit.py` and
`flows/deposit_flow.py`).
"""
