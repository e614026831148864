"""edusite.ru-like constructor: every page is /p<N>aa1.html, uploads in /DswMedia/."""

from __future__ import annotations

from .base import DocLink, Page, Theme, esc


class EdusiteTheme(Theme):
    name = "edusite"

    def __init__(self, rng):
        super().__init__(rng)
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
