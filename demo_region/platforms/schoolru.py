"""The «*school.ru» family: /sveden/<code> pages, documents as /file/card?id=N and /file/download?id=N."""

from __future__ import annotations

from urllib.parse import quote

from .base import DocLink, Page, Theme, esc


class SchoolRuTheme(Theme):
    name = "schoolru"

    def __init__(self, rng):
        super().__init__(rng)
        self.next_id = rng.randint(20, 2500)
        self.cards: list[tuple[int, str, str]] = []   # (id, title, ext) still waiting for a card page

    def page_path(self, page: Page, slug: str) -> str:
        if page.key == "home":
            return "/"
        if page.key == "sveden":
            return "/sveden"
        if page.key.startswith("sveden:"):
            return "/sveden/" + page.key.split(":", 1)[1]
        if page.key.startswith("news:"):
            return f"/news/{self.rng.randint(100, 9000)}"
        if page.key == "news":
            return "/news"
        parent = self.site.pages[page.parent].path if page.parent and page.parent != "home" else ""
        return f"{parent}/{slug}"

    def news_page_path(self, n):
        return f"/news?page={n}"

    def file_path(self, title, ext, section):
        self.next_id += self.rng.randint(1, 7)
        fid = self.next_id
        name = self.site.file_name(title, ext)
        self.cards.append((fid, title, ext))
        headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"}
        return f"/file/download?id={fid}", headers

    def doc_link_html(self, link: DocLink) -> str:
        prop = f' itemprop="{link.itemprop}"' if link.itemprop else ""
        href = link.href
        # Lists link the card page; the /sveden/document microdata links the file itself.
        if not link.itemprop and href.startswith("/file/download?id=") and self.rng.random() < 0.7:
            href = href.replace("/file/download", "/file/card")
        return f'<a href="{esc(href)}"{prop}>{esc(link.title)}</a>'

    def layout(self, page):
        s = self.site.school
        sveden = "".join(f'<li><a href="{esc(p.path)}">{esc(p.title)}</a></li>'
                         for p in self.site.children("sveden")) if "sveden" in self.site.pages else ""
        return f"""<!DOCTYPE html>
<html lang="ru">
<head><meta charset="utf-8"><title>{esc(page.title)} | {esc(s.short_name)}</title>
<link rel="stylesheet" href="/css/site.css?v=4"></head>
<body>
<div class="page">
<header class="header"><div class="header__name"><a href="/">{esc(s.name)}</a></div>
<div class="header__search"><form action="/search"><input name="q" placeholder="Поиск по сайту"></form></div></header>
<nav class="topmenu">{self.menu_tree("topmenu__list", "topmenu__sub")}</nav>
<div class="columns">
<aside class="left-column"><div class="block"><div class="block__title">Сведения об образовательной организации</div>
<ul class="sveden-menu">{sveden}</ul></div></aside>
<main class="content">{self.breadcrumbs(page, " → ") if page.key != "home" else ""}
<h1>{esc(page.title)}</h1>
{f'<p class="date">{page.date}</p>' if page.date else ''}
{self.body_html(page)}
</main></div>
<footer class="footer">© {esc(s.short_name)}, {esc(s.locality)}. Все права защищены.</footer>
</div></body></html>"""
