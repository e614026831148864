"""File renderers for demo documents: PDF, scanned PDF, DOCX, DOC, RTF, ODT and HTML.

``render(doc, fmt, rng)`` returns the bytes of one file; ".doc" files are produced in bulk by
``render_doc_batch`` with one LibreOffice run, because starting soffice costs seconds.
"""

from __future__ import annotations

import datetime
import html
import io
import pathlib
import random
import shutil
import subprocess
import zipfile

from . import pdf_writer
from .page_layout import (MARGIN_B, MARGIN_L, MARGIN_R, PAGE_H, PAGE_W, Box, Run, is_approval,
                          is_caps_line, is_heading, layout_document, text_width, wrap)
from .scan import render_scan
from .texts.base import APPROVAL_WORDS, LAYOUT_ROW_STARTS, DocumentSpec

FORMATS = ("pdf", "scan_pdf", "docx", "doc", "rtf", "odt", "html")

_WORD_PRODUCERS = ("Microsoft® Word 2016", "Microsoft® Word 2019", "Microsoft® Word для Microsoft 365",
                   "LibreOffice 7.3", "LibreOffice 7.6", "Microsoft® Word 2010")


def render(doc: DocumentSpec, fmt: str, rng: random.Random) -> bytes:
    """Bytes of ``doc`` as a file of format ``fmt`` (any of FORMATS except "doc")."""
    if fmt == "pdf":
        return render_pdf(doc, rng)
    if fmt == "scan_pdf":
        return render_scan(doc, rng)
    if fmt == "docx":
        return render_docx(doc)
    if fmt == "rtf":
        return render_rtf(doc).encode("ascii")
    if fmt == "odt":
        return render_odt(doc)
    if fmt == "html":
        return render_html(doc).encode("utf-8")
    if fmt == "doc":
        raise ValueError("'doc' needs LibreOffice: use render_doc_batch() for .doc files")
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


# --- blocks: the paragraphs grouped the way every renderer needs them -----------------------------

def _blocks(doc: DocumentSpec):
    """Yield ("title"|"heading"|"caps"|"approval"|"head"|"para", text) and ("table", rows, bordered)."""
    paras = doc.paragraphs
    try:
        title_idx = paras.index(doc.title)
    except ValueError:
        title_idx = -1
    i = 0
    while i < len(paras):
        p = paras[i]
        if "\t" in p:
            j = i
            while j < len(paras) and "\t" in paras[j]:
                j += 1
            rows = [r.split("\t") for r in paras[i:j]]
            ncol = max(len(r) for r in rows)
            rows = [r + [""] * (ncol - len(r)) for r in rows]
            bordered = not rows[0][0].startswith(APPROVAL_WORDS + LAYOUT_ROW_STARTS)
            yield ("table", rows, bordered)
            i = j
            continue
        if i == title_idx:
            kind = "title"
        elif is_approval(p):
            kind = "approval"
        elif i < title_idx:
            kind = "caps" if is_caps_line(p) else "head"
        elif is_caps_line(p):
            kind = "caps"
        elif is_heading(p):
            kind = "heading"
        else:
            kind = "para"
        yield (kind, p)
        i += 1


# --- PDF ----------------------------------------------------------------------------------------

def render_pdf(doc: DocumentSpec, rng: random.Random) -> bytes:
    lay = layout_document(doc)
    extra_runs: list[Run] = []
    extra_boxes: list[Box] = []
    if doc.signature_stamp:
        lines = []
        width = 250.0
        for hard in doc.signature_stamp.split("\n"):
            lines += wrap(hard, width - 12, 8.0)
        height = len(lines) * 10.5 + 10
        y = lay.end_y + 20
        if y + height > PAGE_H - MARGIN_B:
            lay.pages += 1
            y = 60.0
        x = PAGE_W - MARGIN_R - width
        extra_boxes.append(Box(lay.pages, x, y, width, height))
        for k, line in enumerate(lines):
            extra_runs.append(Run(lay.pages, x + 6, y + 5 + 10.5 * (k + 1) - 2.5, 8.0, k == 0, line))
    if lay.pages > 1 or rng.random() < 0.5:
        for p in range(1, lay.pages + 1):
            label = str(p)
            extra_runs.append(Run(p, (PAGE_W + MARGIN_L - MARGIN_R) / 2 - text_width(label, 9) / 2,
                                  PAGE_H - 28, 9.0, False, label))
    return pdf_writer.text_pdf(lay, title=doc.title, producer=rng.choice(_WORD_PRODUCERS), date=doc.date,
                               extra_runs=extra_runs, extra_boxes=extra_boxes)


# --- DOCX ---------------------------------------------------------------------------------------

def _fixed_zip(data: bytes, when: datetime.date | None) -> bytes:
    """Rewrite a zip with fixed timestamps so that equal documents give equal bytes."""
    d = when or datetime.date(2024, 9, 1)
    stamp = (max(d.year, 1980), d.month, d.day, 10, 0, 0)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            new = zipfile.ZipInfo(info.filename, date_time=stamp)
            new.compress_type = info.compress_type
            new.external_attr = info.external_attr
            dst.writestr(new, src.read(info.filename))
    return out.getvalue()


def render_docx(doc: DocumentSpec) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = Document()
    style = d.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    cp = d.core_properties
    cp.title = doc.title
    cp.author = "Пользователь"
    when = datetime.datetime.combine(doc.date or datetime.date(2024, 9, 1), datetime.time(10, 0))
    cp.created = cp.modified = when
    cp.last_modified_by = "Пользователь"
    cp.revision = 1

    def add_text(par, text: str, bold: bool = False) -> None:
        for k, line in enumerate(text.split("\n")):
            run = par.add_run(line)
            run.bold = bold
            if k < text.count("\n"):
                run.add_break()

    for block in _blocks(doc):
        if block[0] == "table":
            _, rows, bordered = block
            table = d.add_table(rows=len(rows), cols=len(rows[0]))
            if bordered:
                table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    add_text(table.cell(r, c).paragraphs[0], cell, bold=bordered and r == 0)
            continue
        kind, text = block
        par = d.add_paragraph()
        add_text(par, text, bold=kind in ("title", "heading", "caps"))
        if kind in ("title", "caps", "head"):
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "approval":
            par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif kind == "para":
            par.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if doc.signature_stamp:
        table = d.add_table(rows=1, cols=1)
        table.style = "Table Grid"
        add_text(table.cell(0, 0).paragraphs[0], doc.signature_stamp)
    buf = io.BytesIO()
    d.save(buf)
    return _fixed_zip(buf.getvalue(), doc.date)


# --- RTF ----------------------------------------------------------------------------------------

def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        o = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\line ")
        elif o < 128:
            out.append(ch)
        else:
            out.append(f"\\u{o if o < 32768 else o - 65536}?")
    return "".join(out)


def render_rtf(doc: DocumentSpec) -> str:
    parts = [r"{\rtf1\ansi\ansicpg1251\deff0\deflang1049{\fonttbl{\f0\froman\fcharset204 Times New Roman;}}",
             r"{\info{\title " + _rtf_escape(doc.title) + "}}",
             r"\paperw11906\paperh16838\margl1701\margr850\margt1134\margb1134\fs24"]
    text_twips = 11906 - 1701 - 850
    for block in _blocks(doc):
        if block[0] == "table":
            _, rows, bordered = block
            ncol = len(rows[0])
            border = r"\clbrdrt\brdrs\brdrw10\clbrdrl\brdrs\brdrw10\clbrdrb\brdrs\brdrw10\clbrdrr\brdrs\brdrw10"
            for row in rows:
                defs = "".join((border if bordered else "") + rf"\cellx{text_twips * (k + 1) // ncol}"
                               for k in range(ncol))
                cells = "".join(r"\pard\intbl\ql " + _rtf_escape(c) + r"\cell " for c in row)
                parts.append(r"\trowd\trgaph108\trleft0" + defs + cells + r"\row")
            parts.append(r"\pard\plain\fs24\par")
            continue
        kind, text = block
        align = {"title": r"\qc", "caps": r"\qc", "head": r"\qc", "approval": r"\qr", "para": r"\qj\fi709"}.get(
            kind, r"\ql")
        bold = kind in ("title", "heading", "caps")
        parts.append(r"\pard\plain\fs24" + align + (r"\b " if bold else " ") + _rtf_escape(text)
                     + (r"\b0" if bold else "") + r"\par")
    if doc.signature_stamp:
        parts.append(r"\pard\plain\fs18\box\brdrs\brdrw10 " + _rtf_escape(doc.signature_stamp) + r"\par")
    parts.append("}")
    return "\n".join(parts)


# --- ODT ----------------------------------------------------------------------------------------

def render_odt(doc: DocumentSpec) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style, TableCellProperties, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import LineBreak, P, Span

    odt = OpenDocumentText()
    styles = {}
    for name, align, bold in (("Title", "center", True), ("Heading", "start", True), ("Caps", "center", True),
                              ("Head", "center", False), ("Approval", "end", False), ("Body", "justify", False)):
        st = Style(name=name, family="paragraph")
        st.addElement(ParagraphProperties(textalign=align, marginbottom="0.1cm"))
        st.addElement(TextProperties(fontsize="12pt", fontweight="bold" if bold else "normal",
                                     fontname="Times New Roman"))
        odt.automaticstyles.addElement(st)
        styles[name] = st
    cell_style = Style(name="Cell", family="table-cell")
    cell_style.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.05cm"))
    odt.automaticstyles.addElement(cell_style)

    def para(text: str, style) -> P:
        p = P(stylename=style)
        for k, line in enumerate(text.split("\n")):
            if k:
                p.addElement(LineBreak())
            p.addElement(Span(text=line))
        return p

    kind_style = {"title": "Title", "heading": "Heading", "caps": "Caps", "head": "Head", "approval": "Approval",
                  "para": "Body"}
    for n, block in enumerate(_blocks(doc)):
        if block[0] == "table":
            _, rows, bordered = block
            table = Table(name=f"Table{n}")
            table.addElement(TableColumn(numbercolumnsrepeated=len(rows[0])))
            for row in rows:
                tr = TableRow()
                for cell in row:
                    tc = TableCell(stylename=cell_style) if bordered else TableCell()
                    tc.addElement(para(cell, styles["Head"]))
                    tr.addElement(tc)
                table.addElement(tr)
            odt.text.addElement(table)
            continue
        kind, text = block
        odt.text.addElement(para(text, styles[kind_style[kind]]))
    if doc.signature_stamp:
        odt.text.addElement(para(doc.signature_stamp, styles["Approval"]))
    buf = io.BytesIO()
    odt.write(buf)
    return _fixed_zip(buf.getvalue(), doc.date)


# --- HTML ---------------------------------------------------------------------------------------

def html_fragment(doc: DocumentSpec) -> str:
    """The document as the <article> a school pastes into a page of its site."""
    out = ['<article class="document">']
    for block in _blocks(doc):
        if block[0] == "table":
            _, rows, bordered = block
            attrs = ' border="1" cellspacing="0" cellpadding="4"' if bordered else ' class="approval"'
            out.append(f"<table{attrs}>")
            for r, row in enumerate(rows):
                tag = "th" if bordered and r == 0 else "td"
                out.append("<tr>" + "".join(f"<{tag}>{_h(c)}</{tag}>" for c in row) + "</tr>")
            out.append("</table>")
            continue
        kind, text = block
        if kind == "title":
            out.append(f"<h1>{_h(text)}</h1>")
        elif kind in ("heading", "caps"):
            out.append(f"<p><strong>{_h(text)}</strong></p>")
        elif kind in ("approval", "head"):
            align = "right" if kind == "approval" else "center"
            out.append(f'<p style="text-align:{align}">{_h(text)}</p>')
        else:
            out.append(f"<p>{_h(text)}</p>")
    if doc.signature_stamp:
        out.append(f'<div class="signature-stamp" style="border:1px solid #333;padding:4px;display:inline-block">'
                   f"{_h(doc.signature_stamp)}</div>")
    out.append("</article>")
    return "\n".join(out)


def _h(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def render_html(doc: DocumentSpec) -> str:
    return ('<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(doc.title)}</title>\n</head>\n<body>\n{html_fragment(doc)}\n</body>\n</html>\n")


# --- DOC (MS Word 97) via LibreOffice ---------------------------------------------------------------

class SofficeMissing(RuntimeError):
    pass


def render_doc_batch(docs: list[DocumentSpec], workdir: pathlib.Path) -> list[bytes]:
    """Real Word 97 .doc files for ``docs``, converted from RTF by one headless LibreOffice run."""
    if not docs:
        return []
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SofficeMissing("LibreOffice (soffice) is not installed: it is needed to write .doc files; "
                             "install libreoffice-writer or render these documents in another format")
    workdir = pathlib.Path(workdir).resolve()
    src_dir, out_dir, profile = workdir / "rtf", workdir / "doc", workdir / "lo_profile"
    for d in (src_dir, out_dir):
        d.mkdir(parents=True, exist_ok=True)
    names = []
    for k, doc in enumerate(docs):
        path = src_dir / f"d{k:05d}.rtf"
        path.write_text(render_rtf(doc), encoding="ascii")
        names.append(path)
    cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--convert-to", "doc:MS Word 97", "--outdir", str(out_dir), *map(str, names)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120 + 2 * len(docs))
    results = []
    missing = []
    for path in names:
        out = out_dir / (path.stem + ".doc")
        if out.exists():
            results.append(out.read_bytes())
        else:
            missing.append(path.name)
    if missing:
        raise RuntimeError(f"soffice did not convert {len(missing)} of {len(names)} files "
                           f"(e.g. {missing[:3]}); exit code {proc.returncode}; stderr: {proc.stderr[-500:]}")
    return results
