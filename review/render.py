"""First pages of article PDFs as small inline images, so the report needs no other file.

Rendered with PDFium (pypdfium2) to a width in pixels, grey, quantised to 16 levels and
PNG-encoded: text stays sharp and a page costs about 30 kB. A missing or unreadable PDF gives
an image-less `PageImage` whose `problem` says why, never an exception: one bad page must not
cost the editor the whole report.
"""
from __future__ import annotations

import base64
import io
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pypdfium2 as pdfium
from PIL import Image

DEFAULT_WIDTH = 360  # px: legible beside the fields, small enough to inline five to fifty of them

# PDFium is not thread-safe; reports may be written from a thread pool (Prefect/Dask tasks).
_PDFIUM = threading.Lock()


@dataclass
class PageImage:
    data_uri: str = ""  # "data:image/png;base64,…"; "" when the page could not be rendered
    width: int = 0
    height: int = 0
    problem: str = ""  # why there is no image ("" when there is one)


def first_page_image(pdf: Path, width: int = DEFAULT_WIDTH) -> PageImage:
    """The first page of `pdf` as a data: URI PNG about `width` pixels wide."""
    return pages_of_issue(pdf, [0], width)[0]


class RenderAhead:
    """Pages of one PDF rendered while the caller goes on: an ingest knows its articles'
    first pages once the split is planned, and renders them while the fields are extracted,
    instead of after the XML (the 160-page bench issue's 30 first pages take about 0.35 s
    where a CJK font draws them, bench/README.md). Where processes can be forked, in a
    process of its own: a thread's Python half (PDFium's bindings, PIL's set-up) takes the
    GIL from the extraction in turns, which cost it a fifth of its time; elsewhere in a
    thread. `pages_of_issue` takes what was rendered ahead and renders the rest."""

    def __init__(self, pdf: Path, indexes: list[int], width: int = DEFAULT_WIDTH) -> None:
        self.pdf, self.width = Path(pdf).resolve(), width
        self.indexes = list(dict.fromkeys(indexes))
        self.images: dict[int, PageImage] = {}
        self._thread: threading.Thread | None = None
        self._process: Any = None
        ctx = _fork_context()
        if ctx is not None:
            self._pipe, sending = ctx.Pipe(duplex=False)
            self._process = ctx.Process(target=_render_and_send, args=(sending, self.pdf, self.indexes, width),
                                        name="render-ahead", daemon=True)
            self._process.start()
            sending.close()
        else:
            self._thread = threading.Thread(target=self._run, name="render-ahead", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            self.images = dict(zip(self.indexes, _render_pages(self.pdf, self.indexes, self.width)))
        except Exception:  # (the report renders them again, and says what went wrong then)
            self.images = {}

    def wait(self) -> None:
        """Until the pages are rendered (or the renderer failed: then there are none)."""
        if self._thread is not None:
            self._thread.join()
        elif self._process is not None:
            try:
                self.images = dict(self._pipe.recv())
            except (EOFError, OSError):  # (it died: the report renders the pages itself)
                self.images = {}
            finally:
                self._pipe.close()
                self._process.join()
                self._process = None

    def cancel(self) -> None:
        """Stop a render-ahead process no report took (its ingest failed, another began)."""
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._pipe.close()
            self._process = None

    def take(self, pdf: Path, indexes: list[int], width: int) -> dict[int, PageImage]:
        """The pages of `indexes` rendered ahead for this PDF and width (waits for them)."""
        if Path(pdf).resolve() != self.pdf or width != self.width:
            return {}
        self.wait()
        return {i: self.images[i] for i in indexes if i in self.images and self.images[i].data_uri}


def _fork_context() -> Any:
    """multiprocessing's fork context where the platform forks safely (Linux), else None."""
    import multiprocessing as mp
    import sys

    return mp.get_context("fork") if sys.platform.startswith("linux") else None


def _render_and_send(sending: Any, pdf: Path, indexes: list[int], width: int) -> None:
    """The render-ahead process: the pages, sent back as (index, PageImage) pairs."""
    global _PDFIUM
    _PDFIUM = threading.Lock()  # (a fresh lock: a thread of the parent may have held its copy at the fork)
    try:
        sending.send(list(zip(indexes, _render_pages(pdf, indexes, width))))
    except Exception:
        sending.send([])
    finally:
        sending.close()


_AHEAD: list[RenderAhead] = []  # (at most one: the current ingest's)


def render_ahead(pdf: Path, indexes: list[int], width: int = DEFAULT_WIDTH) -> RenderAhead:
    """Start rendering pages `indexes` (0-based) of `pdf` for a report written soon after."""
    for stale in _AHEAD:
        stale.cancel()
    ahead = RenderAhead(pdf, indexes, width)
    _AHEAD[:] = [ahead]
    return ahead


def pages_of_issue(pdf: Path, indexes: list[int], width: int = DEFAULT_WIDTH) -> list[PageImage]:
    """Pages `indexes` (0-based) of one PDF, opened once: rendering every article's first page
    from the issue PDF shares PDFium's parsed fonts between them (about half the time of
    opening each article PDF, which carries its own copy of the fonts). Pages rendered ahead
    (`render_ahead`) are taken from there."""
    pdf = Path(pdf)
    if not pdf.is_file():
        return [PageImage(problem=f"{pdf}: no such file") for _ in indexes]
    ready = _AHEAD.pop().take(pdf, indexes, width) if _AHEAD else {}
    rest = [i for i in dict.fromkeys(indexes) if i not in ready]
    done = dict(zip(rest, _render_pages(pdf, rest, width))) if rest else {}
    return [ready[i] if i in ready else done[i] for i in indexes]


def _render_pages(pdf: Path, indexes: list[int], width: int) -> list[PageImage]:
    """The pages rendered now; a page this machine cannot draw whole gets a problem instead
    (a page image without its Chinese text would show the editor a wrong page)."""
    blind = _undrawable(pdf, indexes)
    shown = [i for i in indexes if i not in blind]
    drawn = dict(zip(shown, _draw(pdf, shown, width))) if shown else {}
    return [drawn[i] if i in drawn else PageImage(problem=blind[i]) for i in indexes]


def _draw(pdf: Path, indexes: list[int], width: int) -> list[PageImage]:
    """The pages drawn by PDFium, one document opened for all of them."""
    with _PDFIUM:
        try:
            doc = pdfium.PdfDocument(str(pdf))
        except (pdfium.PdfiumError, OSError) as exc:
            return [PageImage(problem=f"{pdf}: cannot open the PDF ({exc})") for _ in indexes]
        # PNG encoding runs outside the GIL: a second thread encodes one page while PDFium
        # (one thread only: it is not thread-safe) renders the next (0.45 s -> 0.26 s for 58 pages)
        with ThreadPoolExecutor(max_workers=1) as encoder:
            try:
                pending = [_render_page(doc, pdf, i, width, encoder.submit) for i in indexes]
            finally:
                doc.close()
            return [p.result() if isinstance(p, Future) else p for p in pending]


def _undrawable(pdf: Path, indexes: list[int]) -> dict[int, str]:
    """Pages (0-based) whose Chinese fonts the PDF does not embed, on a machine with no CJK
    font to draw them (parsers.render_fonts): index -> why the page is not shown."""
    from parsers.render_fonts import INSTALL_HINT, can_draw_cjk, cjk_fonts_not_embedded

    if not indexes or can_draw_cjk():
        return {}
    missing = cjk_fonts_not_embedded(pdf, [i + 1 for i in indexes])
    return {n - 1: f"{pdf.name}: its Chinese fonts ({', '.join(names[:2])}) are not embedded and this machine has "
                   f"no CJK font to draw them; {INSTALL_HINT}" for n, names in missing.items()}


def _encoded(image: Image.Image) -> PageImage:
    return PageImage(data_uri=_png_data_uri(image), width=image.width, height=image.height)


def _render_page(doc: pdfium.PdfDocument, pdf: Path, index: int, width: int,
                 submit: Callable[..., "Future[PageImage]"] | None = None) -> "PageImage | Future[PageImage]":
    """The page as a PageImage, or (given an executor's `submit`) a future of its encoding."""
    which = "the first page" if index == 0 else f"page {index + 1}"
    try:
        if len(doc) == 0:
            return PageImage(problem=f"{pdf}: the PDF has no pages")
        if not 0 <= index < len(doc):
            return PageImage(problem=f"{pdf}: has no page {index + 1}")
        page = doc[index]
        try:
            page_width = page.get_width()
            if page_width <= 0:
                return PageImage(problem=f"{pdf}: {which} has no size")
            image = page.render(scale=width / page_width, grayscale=True).to_pil()
        finally:
            page.close()
    except pdfium.PdfiumError as exc:
        return PageImage(problem=f"{pdf}: cannot render {which} ({exc})")
    return submit(_encoded, image) if submit else _encoded(image)


_LEVELS = [(v // 17) * 17 for v in range(256)]  # 16 even grey levels: a page stays legible


def _png_data_uri(image: Image.Image) -> str:
    # a fixed 16-level posterisation saved as a 4-bit grey PNG: 7x faster than quantize +
    # optimize (about 4 ms against 30 ms a page) and no larger
    grey = image.convert("L").point(_LEVELS)
    buf = io.BytesIO()
    grey.save(buf, format="PNG", bits=4, compress_level=6)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
