PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SAMPLE := tests/fixtures/issue_seed_gb1/issue.pdf

.PHONY: demo test browser fonts poppler tesseract bench links-bench ocr-bench fixtures screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

# --force: a second `make demo` replaces the sample's output (the old one is kept aside as
# output/<issue-id>.replaced-<time>, as for any forced ingest) instead of refusing
demo: $(STAMP) fonts
	$(VENV)/bin/journal-ingest ingest $(SAMPLE) --out output --journal tests/fixtures/journal.toml --no-links --force

test: $(STAMP) browser fonts
	$(PY) -m pytest

# Headless Chromium for the review-report browser test (tests/test_review_browser.py).
# Debian packages only (never a downloaded browser); sudo only when not root. A failed
# install stops `make test`; JOURNAL_INGEST_SKIP_BROWSER=1 skips install and test locally
# (never in CI, where CI is set).
browser:
	@if [ "$$JOURNAL_INGEST_SKIP_BROWSER" = 1 ] && [ -z "$$CI" ]; then \
		echo "JOURNAL_INGEST_SKIP_BROWSER=1: not installing chromium"; \
	elif [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y --no-install-recommends chromium chromium-driver; \
	fi

# The review app's screenshots in the README (docs/review-*.png), taken by its browser test;
# a CJK font (Debian's fonts-wqy-microhei) so Chromium and PDFium draw the Chinese text
screenshots: $(STAMP) browser fonts
	JOURNAL_INGEST_SCREENSHOTS=docs $(PY) -m pytest -q -p no:randomly tests/test_workbench_browser.py

# A CJK font for PDFium: Chinese fonts a PDF does not embed (STSong-Light, 宋体, 方正书宋_GBK:
# common in CNKI and VIP exports) are drawn with a system font, and a fresh Debian has none.
# Without it such pages render without their Chinese text, so OCR cannot read them (they keep
# their text layer, flagged: parsers/render_fonts.py) and the report's page images are blank.
fonts:
	@if ! fc-list 2>/dev/null | grep -qi -e wenquanyi -e "noto sans cjk" -e "noto serif cjk"; then \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y --no-install-recommends fontconfig fonts-wqy-microhei; \
	fi

# pdftotext is the reference the bench measures against (Debian's poppler-utils)
poppler:
	@if [ ! -x /usr/bin/pdftotext ]; then \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y --no-install-recommends poppler-utils; \
	fi

# Tesseract with Simplified Chinese: only the OCR bench compares against it (the project
# itself OCRs with RapidOCR, a pip dependency)
tesseract:
	@if [ ! -x /usr/bin/tesseract ] || [ ! -f /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata ]; then \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-chi-sim; \
	fi

ocr-bench: $(STAMP) tesseract
	$(PY) bench/ocr_bench.py

bench: $(STAMP) poppler fonts
	$(PY) bench/ingest_bench.py

# the cited-URL checker against LinkChecker and lychee on the stand-in web (bench/README.md)
links-bench: $(STAMP)
	$(PY) -m pip install -q -e '.[test,bench]'
	$(PY) bench/links_bench.py

fixtures: $(STAMP)
	$(PY) tests/make_fixtures.py

clean:
	rm -rf $(VENV) build *.egg-info
