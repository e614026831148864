"""A hand-made site: flat /name.html pages, files in /files/, often no «Сведения…» section."""

from __future__ import annotations

from .base import Page, Theme, esc


class HandmadeTheme(Theme):
    name = "handmade"

    def __init__(self, rng):
        super().__init__(rng)
        self.folder = rng.choice(["files", "doc", "upload"])

    def page_path(self, page: Page, slug: str) -> str:
        if page.key == "home":
            return "/"
        if page.key.startswith("news:"):
            return f"/news/{slug[:30]}.html"
        if page.key.startswith("sveden:"):
            return f"/sveden/{page.key.split(':', 1)[1]}.html"
        return f"/{slug}.html"

    def news_page_path(self, n):
        return f"/news{n}.html"

    def file_path(self, title, ext, section):
        return f"/{self.folder}/{self.site.file_name(title, ext, max_words=4).lower()}", None

    def layout(self, page):
        s = self.site.school
        return f"""<html>
<head><meta charset="utf-8"><title>{esc(s.short_name)}: {esc(page.title)}</title>
<style>body{{font-family:Arial;background:#eef}} .menu li{{display:inline;margin:0 8px}}</style></head>
<body>
<center><h2>{esc(s.name)}</h2></center>
<div id="nav">{self.menu_tree("menu", "dropdown")}</div>
<hr>
<h1>{esc(page.title)}</h1>
{f'<p><i>{page.date}</i></p>' if page.date else ''}
{self.body_html(page)}
<hr><p align="center">{esc(s.locality)}. Сайт сделан учителем информатики.</p>
</body></html>"""
