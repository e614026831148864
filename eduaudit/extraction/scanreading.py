"""OCR of a document's scanned pages in reading order, until the text read settles the verdict."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PIL import Image

from .model import ExtractionSettings
from .ocr import OcrText
from .scanpage import head_cut, read_band, upright_page
from .signatures import stamp_evidence
from .textclean import clean_text
from .textquality import russian_score


@dataclass
class ScanPage:
    index: int  # 0-based
    text: str
    reason: str | None  # why it needs OCR: "no-text", "scan", "garbage", or None
    layer: str = field(init=False)  # the text layer as read, before OCR replaced it

    def __post_init__(self) -> None:
        self.layer = self.text


class ScanReading:
    """OCR of the pages that need it, in reading order.

    Without ``settings.ocr_enough`` every page in the OCR budget is recognised. With it, the
    first scanned page's head is recognised alone first and, when that does not settle it, the
    whole page, then the next pages, and the judge is asked after each step: pages it made unnecessary are
    left unread and listed in ``unread`` (1-based), as are pages beyond the budget.
    ``render`` gives a page's image and its resolution; ``failures`` are the exceptions that
    end one page's OCR (the reason is kept in ``error``) without ending the document's.
    """

    def __init__(self, pages: list[ScanPage], page_count: int, settings: ExtractionSettings,
                 render: Callable[[int], tuple[Image.Image, int]], *,
                 failures: tuple[type[BaseException], ...]):
        self.pages, self.page_count, self.settings = pages, page_count, settings
        self.render, self.failures = render, failures
        self.used = False
        self.error: str | None = None
        self.confidences: list[tuple[float, int]] = []
        self.unread: list[int] = []
        # A signing service's stamp is often real text on top of a scanned page; OCR may
        # replace that layer, so the stamp is looked for before it does.
        self.layer_stamp = stamp_evidence("\n".join(p.text for p in pages if p.reason == "scan"))

    def run(self) -> "ScanReading":
        settings = self.settings
        budget = settings.max_ocr_pages if settings.ocr_enabled else 0
        waiting = [p for p in self.pages if p.reason is not None]
        for position, page in enumerate(waiting):
            if budget <= 0 or self._settled(page.index):
                self._leave(waiting[position:])
                break
            budget -= 1
            head = settings.ocr_enough is not None and position == 0
            if not self._recognise(page, head=head):
                self._leave(waiting[position + 1:])
                break
        return self

    @property
    def confidence(self) -> float | None:
        """Mean word confidence of everything recognised, weighted by words."""
        words = sum(n for _c, n in self.confidences)
        if not words:
            return None
        return round(sum(c * n for c, n in self.confidences) / words, 1)

    def _settled(self, before: int) -> bool:
        """Whether the text of the pages before ``before`` settles the verdict."""
        judge = self.settings.ocr_enough
        if judge is None or not self.used:
            return False
        pages_after = max(0, self.page_count - before)
        return bool(judge("\n\n".join(p.text for p in self.pages[:before] if p.text), pages_after))

    def _leave(self, pages: list[ScanPage]) -> None:
        for page in pages:
            if page.reason == "garbage":
                page.text = ""  # junk letters would only mislead the classifier
            if self.settings.ocr_enabled:
                self.unread.append(page.index + 1)

    def _recognise(self, page: ScanPage, *, head: bool) -> bool:
        """OCR one page (its head first when asked); False when the judge stopped inside it."""
        try:
            image, dpi = self.render(page.index)
            upright = upright_page(image, self.settings)
            cut = head_cut(upright, self.settings.ocr_head_share) if head else None
            if cut is not None:
                counted = len(self.confidences)
                self._take(page, read_band(upright, dpi, self.settings, 0, cut))
                if self._settled(page.index + 1):
                    self.unread.append(page.index + 1)
                    return False
                if self.settings.ocr_after_head == "rest" and page.text != page.layer:
                    # The rows below the head, joined to it: the page costs one reading, not 1.4.
                    # (A head that lost to the page's own text layer is not joined to anything:
                    # that layer is the whole page's, and the page is read whole below.)
                    head_text = page.text
                    rest = read_band(upright, dpi, self.settings, cut, upright.height)
                    self._take(page, rest, before=head_text)
                    return True
                # Not settled: the page is read whole, as without focusing. A band read alone can
                # come out worse than the same lines read with their page (tesseract's layout and
                # thresholds see less): a garbled title there once turned a regulation into an
                # untitled students' one. The head's reading only ever stands when it settled.
                del self.confidences[counted:]
                page.text = page.layer
            self._take(page, read_band(upright, dpi, self.settings, 0, upright.height))
        except self.failures as exc:
            self.error = str(exc)
            if page.reason == "garbage":
                page.text = ""
        return True

    def _take(self, page: ScanPage, reading: OcrText, before: str = "") -> None:
        """The page's text from one reading of it (or of its head, or of the rows below the head
        already read as ``before``), when it beats the text layer."""
        self.used = True
        recognised = clean_text(reading.text)
        if before:
            recognised = before + "\n" + recognised
        if reading.confidence is not None:
            self.confidences.append((reading.confidence, reading.words))
        if page.reason == "garbage" or russian_score(recognised) > russian_score(page.layer):
            page.text = recognised
