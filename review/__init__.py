"""The review report: one self-contained HTML page per issue for an editor to check by eye.

`review.report` gathers what the page shows (issue.json, links.json, the deposit ledger,
first-page images from `review.render`), `review.html` builds the page with lxml, and
`write_review_report` ties them together.
"""
from review.report import write_review_report

__all__ = ["write_review_report"]
