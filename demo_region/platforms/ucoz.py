"""uCoz: /index/<slug>/0-<N> pages in windows-1251, uploads under /_ld/ or /docs/."""

from __future__ import annotations

from .base import Page, Theme, esc


class UcozTheme(Theme):
    """Two template generations: ``table`` (the old table layout, menu boxes on the left) and
    ``div`` (a newer block layout, menu in ``<ul class="uMenuRoot">`` across the top, a footer bar)."""

    name = "ucoz"
    encoding = "cp1251"
    layouts = ("table", "div")

    def __init__(self, rng, layout: str | None = None):
        super().__init__(rng, layout)
        self.n = 1
        self.file_n = rng.randint(1, 300)
        self.docs_dir = rng.random() < 0.5
        # Many uCoz templates put the site's name in an <h1> on every page and the material's
        # name in a <div class="eTitle">; the page's own name is then in <title> only.
        self.school_h1 = rng.random() < 0.5

    def page_path(self, page: Page, slug: str) -> str:
        if page.key == "home":
            return "/"
        if page.key == "news":
            return "/news/"
        if page.key.startswith("news:"):
            return f"/news/{slug[:40]}/{page.iso}-{self.rng.randint(1, 400)}"
        self.n += 1
        return f"/index/{slug.replace('-', '_')}/0-{self.n}"

    def news_page_path(self, n):
        return f"/news/?page{n}"

    def file_path(self, title, ext, section):
        self.file_n += 1
        name = self.site.file_name(title, ext, max_words=4).lower()
        if self.docs_dir:
            return f"/docs/{name}", None
        return f"/_ld/{self.file_n // 100}/{self.file_n}_{name}", None

    def file_content_type(self, ext):
        # uCoz serves some uploads as a generic byte stream
        return "application/octet-stream" if ext in ("doc", "rtf", "odt") else super().file_content_type(ext)

    def _title_block(self, page) -> str:
        s = self.site.school
        return (f'<h1>{esc(s.short_name)}</h1><div class="eTitle">{esc(page.title)}</div>' if self.school_h1
                else f'<h1 class="eTitle">{esc(page.title)}</h1>')

    def layout(self, page):
        return self._div(page) if self.layout_name == "div" else self._table(page)

    def _div(self, page):
        s = self.site.school
        return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>{esc(page.title)} - {esc(s.short_name)}</title>
<link type="text/css" rel="stylesheet" href="/_st/my.css" />
<script src="/.s/src/jquery-3.6.0.min.js"></script>
</head>
<body>
<div id="utbr8214" rel="s749"></div>
<div class="wrapper">
<header id="header"><div class="head-l"><div id="site-logo"><span class="site-l"><a href="/">{esc(s.short_name)}</a></span></div>
<div class="site-d">{esc(s.locality)}</div></div></header>
<nav id="catmenu"><div id="uNMenuDiv1" class="uMenuV">{self.menu_tree("uMenuRoot", "uMenuSub")}</div></nav>
<div id="casing"><div id="content">
<section class="module-blocks">
{self._title_block(page)}
{f'<div class="eDetails"><span class="e-date">{page.date}</span></div>' if page.date else ''}
<div class="eMessage">{self.body_html(page)}</div>
</section></div></div>
<footer id="footer"><div class="cont-wrap"><div class="copyright">{esc(s.short_name)} &copy; 2025</div>
<div class="powered-by"><a href="https://www.ucoz.ru/" title="Создать сайт бесплатно">uCoz</a></div></div></footer>
</div>
</body>
</html>"""

    def _table(self, page):
        s = self.site.school
        side = "".join(f'<div class="uMenuItem"><a href="{esc(p.path)}">{esc(p.title)}</a></div>'
                       for p in self.site.children("home"))
        return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>{esc(s.short_name)} - {esc(page.title)}</title>
<link type="text/css" rel="StyleSheet" href="/_st/my.css" />
</head>
<body>
<table border="0" cellpadding="0" cellspacing="0" width="100%">
<tr><td colspan="2" class="header"><h2>{esc(s.short_name)}</h2><div>{esc(s.locality)}</div></td></tr>
<tr><td colspan="2" class="topmenu"><div id="uNMenuDiv1" class="uMenuH">{self.menu_tree("uMenuRoot", "uMenuSub")}</div></td></tr>
<tr>
<td valign="top" width="220" class="sidebar"><div class="boxTitle">Меню сайта</div><div id="uMenuDiv1">{side}</div>
<div class="boxTitle">Поиск</div><form action="/search/" method="get"><input name="q"></form></td>
<td valign="top" class="content">
{self._title_block(page)}
{f'<div class="eDetails">Дата: {page.date}</div>' if page.date else ''}
<div class="eMessage">{self.body_html(page)}</div>
</td></tr>
<tr><td colspan="2" class="footer">Copyright {esc(s.short_name)} © 2025 | <a href="https://www.ucoz.ru/">Бесплатный конструктор сайтов</a> - uCoz</td></tr>
</table>
</body>
</html>"""
