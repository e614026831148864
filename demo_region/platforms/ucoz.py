"""uCoz: /index/<slug>/0-<N> pages in windows-1251, uploads under /_ld/ or /docs/."""

from __future__ import annotations

from .base import Page, Theme, esc


class UcozTheme(Theme):
    name = "ucoz"
    encoding = "cp1251"

    def __init__(self, rng):
        super().__init__(rng)
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

    def layout(self, page):
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
{f'<h1>{esc(s.short_name)}</h1><div class="eTitle">{esc(page.title)}</div>' if self.school_h1
   else f'<h1 class="eTitle">{esc(page.title)}</h1>'}
{f'<div class="eDetails">Дата: {page.date}</div>' if page.date else ''}
<div class="eMessage">{self.body_html(page)}</div>
</td></tr>
<tr><td colspan="2" class="footer">Copyright {esc(s.short_name)} © 2025 | <a href="https://www.ucoz.ru/">Бесплатный конструктор сайтов</a> - uCoz</td></tr>
</table>
</body>
</html>"""
