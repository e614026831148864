"""The site model shared by every platform: pages, document links, routes, files.

A platform (theme) decides three things only: the URL of a page, the URL of an
uploaded file, and the HTML around the content.  The content itself (menus,
news, the «Сведения» subsections, document lists) is the same kind of thing on
every real school site, so it is built once in ``content.py``.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass, field
from urllib.parse import quote

from ..schools import School, translit

PORT = "{{PORT}}"

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "rtf": "application/rtf",
    "odt": "application/vnd.oasis.opendocument.text",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jpg": "image/jpeg",
    "html": "text/html",
}

# Subsections of «Сведения об образовательной организации»: (code of MR v9, title, Gosweb slug)
SVEDEN = (
    ("common", "Основные сведения", "osnovnye-svedeniya"),
    ("struct", "Структура и органы управления образовательной организацией", "struktura-i-organy-upravleniya"),
    ("document", "Документы", "dokumenty"),
    ("education", "Образование", "obrazovanie"),
    ("eduStandarts", "Образовательные стандарты и требования", "obrazovatelnye-standarty-i-trebovaniya"),
    ("managers", "Руководство", "rukovodstvo"),
    ("employees", "Педагогический состав", "pedagogicheskiy-sostav"),
    ("objects", "Материально-техническое обеспечение и оснащенность образовательного процесса. "
                "Доступная среда", "materialno-tehnicheskoe-obespechenie"),
    ("paid_edu", "Платные образовательные услуги", "platnye-obrazovatelnye-uslugi"),
    ("budget", "Финансово-хозяйственная деятельность", "finansovo-hozyaystvennaya-deyatelnost"),
    ("vacant", "Вакантные места для приема (перевода) обучающихся", "vakantnye-mesta-dlya-priema"),
    ("grants", "Стипендии и меры поддержки обучающихся", "stipendii-i-mery-podderzhki"),
    ("inter", "Международное сотрудничество", "mezhdunarodnoe-sotrudnichestvo"),
    ("catering", "Организация питания в образовательной организации", "organizatsiya-pitaniya"),
)
SVEDEN_TITLE = "Сведения об образовательной организации"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass
class DocLink:
    title: str
    href: str
    ext: str               # pdf, docx, … or "html" for a pasted page
    size: int | None = None
    itemprop: str | None = None
    style: str = "title"   # title | trailing ("Title — скачать") | filename


@dataclass
class Page:
    key: str
    title: str
    parent: str | None
    path: str = ""
    blocks: list[str] = field(default_factory=list)   # HTML fragments, in order
    docs: list[DocLink] = field(default_factory=list)
    in_menu: bool = True
    doc_heading: str | None = None
    date: str | None = None       # as shown: 05.09.2024
    iso: str | None = None        # 2024-09-05, for platforms that put the date in URLs


class Site:
    """Everything one host serves: pages by logical key, then routes and bodies."""

    def __init__(self, host: str, school: School, rng: random.Random, theme: "Theme"):
        self.host = host
        self.school = school
        self.rng = rng
        self.theme = theme
        theme.site = self
        self.pages: dict[str, Page] = {}
        self.order: list[str] = []
        self.routes: dict[str, dict] = {}
        self.bodies: dict[str, bytes | None] = {}   # file name under the host dir → bytes (None: written later)
        self._n = 0

    # --- pages ------------------------------------------------------------------------------
    def add_page(self, key: str, title: str, parent: str | None, *, slug: str | None = None,
                 in_menu: bool = True, path: str | None = None, iso: str | None = None) -> Page:
        page = Page(key=key, title=title, parent=parent, in_menu=in_menu, iso=iso)
        if iso:
            y, m, d = iso.split("-")
            page.date = f"{d}.{m}.{y}"
        page.path = self._unique(path or self.theme.page_path(page, slug or key.split(":")[-1]))
        self.pages[key] = page
        self.order.append(key)
        return page

    def _unique(self, path: str) -> str:
        """Two news items with the same title get distinct URLs, as CMSs do (-2, -3…)."""
        taken = {p.path for p in self.pages.values()} | set(self.routes)
        k, base = 2, path
        while path in taken:
            if base.endswith("/") and "?" not in base:
                path = f"{base[:-1]}-{k}/"
            elif base.endswith(".html"):
                path = f"{base[:-5]}-{k}.html"
            else:
                path = f"{base}-{k}"
            k += 1
        return path

    def children(self, key: str | None) -> list[Page]:
        return [self.pages[k] for k in self.order if self.pages[k].parent == key and self.pages[k].in_menu]

    def url(self, key: str) -> str:
        return self.pages[key].path

    def absolute(self, host: str, path: str) -> str:
        return f"http://{host}:{PORT}{path}"

    # --- routes -----------------------------------------------------------------------------
    def add_route(self, path: str, body: bytes | None, ext: str, content_type: str, *,
                  status: int = 200, headers: dict | None = None) -> str:
        self._n += 1
        name = f"f/{self._n:04d}.{ext}"
        self.bodies[name] = body
        route = {"file": name, "type": content_type, "status": status}
        if headers:
            route["headers"] = headers
        self.routes[path] = route
        return name

    def upload(self, title: str, ext: str, body: bytes | None, *, section: str = "") -> str:
        """Store a file the way the platform stores uploads; returns the URL (path+query) to link."""
        path, headers = self.theme.file_path(title, ext, section)
        stem, dot, suffix = path.rpartition(".")
        k = 1
        while path in self.routes:  # CMSs rename a second upload with the same name: Name_1.pdf
            path = f"{stem}_{k}.{suffix}"
            k += 1
        self.add_route(path, body, ext, self.theme.file_content_type(ext), headers=headers)
        return path

    def file_name(self, title: str, ext: str, sep: str = "_", max_words: int = 7) -> str:
        """A transliterated upload name; some uploaders keep the scanner's or the editor's name."""
        roll = self.rng.random()
        if roll < 0.08:
            base = f"Skan_{self.rng.randint(1, 999):03d}" if ext == "pdf" else f"Dokument{self.rng.randint(1, 40)}"
        elif roll < 0.12:
            base = f"{self.rng.randint(10, 9999)}"
        else:
            words = "".join(c if c.isalnum() else " " for c in translit(title)).split()
            base = sep.join(words[:max_words]) or "document"
        return f"{base}.{ext}"


class Theme:
    """How one CMS lays out URLs and HTML.  Subclasses override what differs."""

    name = "base"
    encoding = "utf-8"
    # The platform's makes of page (templates, CMS versions) a site is given one of.
    layouts: tuple[str, ...] = ("default",)
    # How its CMS publishes an XML sitemap (see demo_region.sitemaps); None: it has none.
    sitemap: str | None = None

    def __init__(self, rng: random.Random, layout: str | None = None):
        self.rng = rng
        self.site: Site  # set by Site
        if layout is not None and layout not in self.layouts:
            raise ValueError(f"{self.name} has no layout {layout!r}; it has {self.layouts}")
        self.layout_name = layout or rng.choice(self.layouts)

    # URLs
    def page_path(self, page: Page, slug: str) -> str:
        raise NotImplementedError

    def file_path(self, title: str, ext: str, section: str) -> tuple[str, dict | None]:
        raise NotImplementedError

    def file_content_type(self, ext: str) -> str:
        return CONTENT_TYPES[ext]

    def news_page_path(self, n: int) -> str:
        return f"{self.site.url('news')}?page={n}"

    # HTML
    def page_content_type(self) -> str:
        return f"text/html; charset={'windows-1251' if self.encoding == 'cp1251' else 'utf-8'}"

    def doc_link_html(self, link: DocLink) -> str:
        size = f" ({link.ext}, {link.size / 1024:.1f} Кб)" if link.size and link.ext != "html" else ""
        prop = f' itemprop="{link.itemprop}"' if link.itemprop else ""
        if link.style == "trailing":
            return f'{esc(link.title)}{size} — <a href="{esc(link.href)}"{prop}>скачать</a>'
        if link.style == "filename":
            name = link.href.rstrip("/").rsplit("/", 1)[-1].split("?")[0]
            return f'{esc(link.title)}: <a href="{esc(link.href)}"{prop}>{esc(name)}</a>'
        return f'<a href="{esc(link.href)}"{prop}>{esc(link.title)}</a>{size}'

    def doc_list_html(self, page: Page) -> str:
        items = "".join(f"<li>{self.doc_link_html(d)}</li>" for d in page.docs)
        heading = f"<h3>{esc(page.doc_heading)}</h3>" if page.doc_heading else ""
        return f'{heading}<ul class="documents">{items}</ul>' if items else ""

    def body_html(self, page: Page) -> str:
        return "\n".join(page.blocks) + self.doc_list_html(page)

    def layout(self, page: Page) -> str:
        raise NotImplementedError

    def not_found(self) -> str:
        page = Page(key="404", title="Страница не найдена", parent=None, path="/404")
        page.blocks = ["<p>Запрашиваемая страница не существует или была удалена. "
                       f'Перейдите на <a href="/">главную страницу</a> или воспользуйтесь меню сайта.</p>']
        return self.layout(page)

    # shared HTML helpers
    def breadcrumbs(self, page: Page, sep: str = " / ") -> str:
        chain = []
        key = page.parent
        while key:
            p = self.site.pages.get(key)
            if not p:
                break
            chain.append(p)
            key = p.parent
        parts = ['<a href="/">Главная</a>'] + [f'<a href="{esc(p.path)}">{esc(p.title)}</a>' for p in reversed(chain)
                                              if p.key != "home"]
        return f'<div class="breadcrumbs">{sep.join(parts)}{sep}<span>{esc(page.title)}</span></div>'

    def ancestors(self, page: Page) -> list[Page]:
        """The pages above ``page``, from the top section down, the home page left out (breadcrumbs)."""
        chain, key = [], page.parent
        while key and key != "home" and key in self.site.pages:
            chain.append(self.site.pages[key])
            key = self.site.pages[key].parent
        return list(reversed(chain))

    def menu_tree(self, css_top: str = "menu", css_sub: str = "submenu") -> str:
        out = [f'<ul class="{css_top}">']
        for item in self.site.children("home"):
            subs = self.site.children(item.key)
            sub_html = ""
            if subs:
                sub_html = f'<ul class="{css_sub}">' + "".join(
                    f'<li><a href="{esc(s.path)}">{esc(s.title)}</a></li>' for s in subs) + "</ul>"
            out.append(f'<li><a href="{esc(item.path)}">{esc(item.title)}</a>{sub_html}</li>')
        out.append("</ul>")
        return "".join(out)

    def school_header(self) -> str:
        s = self.site.school
        return f'<div class="school-name">{esc(s.short_name)}</div><div class="school-place">{esc(s.locality)}</div>'


def _absolute(host: str, href: str) -> str:
    # A file on the municipal server already has its own address.
    return href if href.startswith(("http://", "https://")) else f"http://{host}:{PORT}{href}"


def office_viewer(host: str, href: str) -> str:
    """Gosweb sites often open Word files through the Office Online viewer."""
    return f"https://view.officeapps.live.com/op/view.aspx?src={quote(_absolute(host, href), safe='{}')}"


# Viewers that open a document by its address in the query, as schools link them: Yandex's
# document viewer (docviewer.yandex.ru/view/0/?url=…), Google's (docs.google.com/viewer?url=…)
# and Office Online served from a host other than Microsoft's own (…/op/view.aspx?src=…).
OTHER_VIEWERS = ("https://docviewer.yandex.ru/view/0/?url={src}&name={name}",
                 "https://docs.google.com/viewer?url={src}&embedded=true",
                 "https://officeviewer.office-online.test/op/view.aspx?src={src}")


def other_viewer(host: str, href: str, pattern: str) -> str:
    name = quote(href.rsplit("/", 1)[-1].split("?")[0], safe="")
    return pattern.format(src=quote(_absolute(host, href), safe="{}"), name=name)


def pdfjs_viewer(href: str, prefix: str) -> str:
    """A site's own pdf.js viewer (WordPress PDF plugins): ``…/viewer.html?file=<the PDF's path>``."""
    return f"{prefix}?file={quote(href, safe='/{}')}"
