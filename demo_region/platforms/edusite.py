"""edusite.ru-like constructor: every page is /p<N>aa1.html, uploads in /DswMedia/."""

from __future__ import annotations

from .base import DocLink, Page, Theme, esc


class EdusiteTheme(Theme):
    """Two of the constructor's designs: ``table`` (the old table page, the school's name in bold, the
    page's name alone in <title>) and ``blocks`` (a block page with the menu on the left, a footer menu
    of the same links, <title> «page :: school»)."""

    name = "edusite"
    layouts = ("table", "blocks")

    def __init__(self, rng, layout: str | None = None):
        super().__init__(rng, layout)
        self.n = rng.randint(1, 5)
        # The constructor's «вставить документ» shows a PDF in the page (<iframe>) under its title.
        self.embed_pdf = rng.random() < 0.4

    def doc_link_html(self, link: DocLink) -> str:
        if self.embed_pdf and link.ext == "pdf" and not link.itemprop:
            return (f'<p class="doc-title">{esc(link.title)}</p>'
                    f'<iframe src="{esc(link.href)}" width="100%" height="600" frameborder="0"></iframe>')
        return super().doc_link_html(link)

    def page_path(self, page: Page, slug: str) -> str:
        if page.key == "home":
            return "/"
        if page.key.startswith("sveden:") and self.rng.random() < 0.5:
            return "/sveden/" + page.key.split(":", 1)[1]
        self.n += self.rng.randint(1, 4)
        return f"/p{self.n}aa1.html"

    def news_page_path(self, n):
        return self.site.url("news").replace("aa1.html", f"aa{n}.html")

    def file_path(self, title, ext, section):
        return f"/DswMedia/{self.site.file_name(title, ext, sep='', max_words=3).lower()}", None

    def layout(self, page):
        return self._blocks(page) if self.layout_name == "blocks" else self._table(page)

    def _blocks(self, page):
        s = self.site.school
        top = self.site.children("home")
        left = "".join(f'<li><a href="{esc(p.path)}">{esc(p.title)}</a>' + (
            "<ul>" + "".join(f'<li><a href="{esc(c.path)}">{esc(c.title)}</a></li>' for c in self.site.children(p.key))
            + "</ul>" if self.site.children(p.key) else "") + "</li>" for p in top)
        sub = "".join(f'<li><a href="{esc(p.path)}">{esc(p.title)}</a></li>' for p in self.site.children(page.key))
        return f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8">
<title>{esc(page.title)} :: {esc(s.short_name)}</title>
<link rel="stylesheet" href="/css/edusite-blocks.css"></head>
<body>
<div id="top"><div class="logo-text">{esc(s.name)}</div><div class="place">{esc(s.locality)}</div></div>
<div id="middle">
<div id="left"><ul class="leftmenu">{left}</ul></div>
<div id="center"><div class="pagename"><h1>{esc(page.title)}</h1></div>
{f'<div class="date">{page.date}</div>' if page.date else ''}
<div class="pagetext">{self.body_html(page)}</div>
{f'<ul class="sub">{sub}</ul>' if sub else ''}</div>
</div>
<div id="bottom"><div class="bottom-menu">{" | ".join(f'<a href="{esc(p.path)}">{esc(p.title)}</a>' for p in top)}</div>
<small>Сайт создан в системе «Edusite»</small></div>
</body></html>"""

    def _table(self, page):
        s = self.site.school
        left = "".join(f'<tr><td class="menu"><a href="{esc(p.path)}">{esc(p.title)}</a></td></tr>'
                       for p in self.site.children("home"))
        sub = "".join(f'<li><a href="{esc(p.path)}">{esc(p.title)}</a></li>' for p in self.site.children(page.key))
        return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{esc(page.title)}</title></head>
<body bgcolor="#ffffff">
<table width="960" align="center" border="0"><tr><td colspan="2" class="shapka"><b>{esc(s.name)}</b></td></tr>
<tr><td colspan="2">{self.menu_tree("hmenu", "hsub")}</td></tr>
<tr><td width="200" valign="top"><table>{left}</table></td>
<td valign="top"><h1>{esc(page.title)}</h1>{f'<i>{page.date}</i>' if page.date else ''}
{self.body_html(page)}
{f'<ul class="sub">{sub}</ul>' if sub else ''}</td></tr>
<tr><td colspan="2" align="center"><small>Сайт создан в системе «Edusite» · {esc(s.locality)}</small></td></tr>
</table></body></html>"""
