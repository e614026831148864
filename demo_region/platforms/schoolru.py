"""The «*school.ru» family: /sveden/<code> pages, documents as /file/card?id=N and /file/download?id=N."""

from __future__ import annotations

from urllib.parse import quote

from .base import DocLink, Page, Theme, esc


class SchoolRuTheme(Theme):
    """The vendor's two designs: ``columns`` (a left column with the «Сведения» menu, «page | school»
    in <title>) and ``wide`` (one column, the «Сведения» subsections as tiles on their own page and
    in a footer menu, <title> «school — page», the page's name in ``<h1 class="page__title">``)."""

    name = "schoolru"
    layouts = ("columns", "wide")

    def __init__(self, rng, layout: str | None = None):
        super().__init__(rng, layout)
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
        return self._wide(page) if self.layout_name == "wide" else self._columns(page)

    def _wide(self, page):
        s = self.site.school
        sveden = self.site.children("sveden") if "sveden" in self.site.pages else []
        tiles = ('<div class="tiles">' + "".join(
            f'<a class="tile" href="{esc(p.path)}"><span class="tile__name">{esc(p.title)}</span></a>'
            for p in sveden) + "</div>") if page.key == "sveden" else ""
        footer = "".join(f'<li><a href="{esc(p.path)}">{esc(p.title)}</a></li>' for p in sveden)
        return f"""<!DOCTYPE html>
<html lang="ru">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(s.short_name)} — {esc(page.title)}</title>
<link rel="stylesheet" href="/css/app.css?v=11"></head>
<body class="layout-wide">
<header class="site-header"><a class="site-header__logo" href="/">{esc(s.name)}</a>
<a class="site-header__eye" href="/?eye=1">Версия для слабовидящих</a></header>
<nav class="main-menu">{self.menu_tree("main-menu__list", "main-menu__dropdown")}</nav>
<main class="page">
{self.breadcrumbs(page, " / ") if page.key != "home" else ""}
<h1 class="page__title">{esc(page.title)}</h1>
{f'<div class="page__date">{page.date}</div>' if page.date else ''}
<div class="page__content">{tiles}{self.body_html(page)}</div>
</main>
<footer class="site-footer"><ul class="site-footer__sveden">{footer}</ul>
<div class="site-footer__copy">© {esc(s.short_name)}, {esc(s.locality)}</div></footer>
</body></html>"""

    def _columns(self, page):
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
