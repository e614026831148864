"""Gosweb (ГосВеб, NetCat CMS): hierarchical Russian-slug URLs and /netcat_files/ uploads."""

from __future__ import annotations

from .base import OTHER_VIEWERS, SVEDEN, Page, Theme, esc, office_viewer, other_viewer

_SVEDEN_ROOT = "/svedeniya-ob-obrazovatelnoy-organizatsii/"


class GoswebTheme(Theme):
    name = "gosweb"

    def __init__(self, rng):
        super().__init__(rng)
        self._dirs: dict[str, tuple[int, int]] = {}
        self.viewer_share = rng.choice([0.0, 0.0, 0.3, 0.6])
        # some editors paste the address of another viewer instead of Microsoft's
        self.viewer = rng.choice((None, None) + OTHER_VIEWERS)

    def page_path(self, page: Page, slug: str) -> str:
        if page.key == "home":
            return "/"
        if page.key == "sveden":
            return _SVEDEN_ROOT
        if page.key.startswith("sveden:"):
            code = page.key.split(":", 1)[1]
            return _SVEDEN_ROOT + next(s for c, _, s in SVEDEN if c == code) + "/"
        parent = self.site.pages[page.parent].path if page.parent else "/"
        return f"{parent}{slug}/"

    def file_path(self, title, ext, section):
        # NetCat keeps one folder pair per infoblock: /netcat_files/<sub>/<block>/
        if section not in self._dirs:
            self._dirs[section] = (self.rng.randint(12, 420), self.rng.randint(1, 60))
        a, b = self._dirs[section]
        return f"/netcat_files/{a}/{b}/{self.site.file_name(title, ext)}", None

    def doc_link_html(self, link):
        if link.ext in ("doc", "docx", "pdf") and self.rng.random() < self.viewer_share:
            link.href = other_viewer(self.site.host, link.href, self.viewer) if self.viewer else \
                office_viewer(self.site.host, link.href) if link.ext != "pdf" else link.href
        prop = f' itemprop="{link.itemprop}"' if link.itemprop else ""
        size = f'<span class="document__size">{link.ext.upper()}, {link.size / 1024:.0f} КБ</span>' \
            if link.size and link.ext != "html" else ""
        if link.style == "trailing":
            return (f'<div class="document"><span class="document__title">{esc(link.title)}</span>'
                    f'<a class="document__link" href="{esc(link.href)}"{prop} target="_blank">Скачать</a>{size}</div>')
        return (f'<div class="document"><a class="document__link" href="{esc(link.href)}"{prop} target="_blank">'
                f'{esc(link.title)}</a>{size}</div>')

    def doc_list_html(self, page):
        if not page.docs:
            return ""
        heading = f"<h3>{esc(page.doc_heading)}</h3>" if page.doc_heading else ""
        return heading + '<div class="documents-list">' + "".join(
            self.doc_link_html(d) for d in page.docs) + "</div>"

    def layout(self, page):
        s = self.site.school
        side = ""
        if page.parent and page.parent != "home":
            sibs = self.site.children(page.parent)
            side = '<aside class="sidebar"><ul class="sidebar-menu">' + "".join(
                f'<li{" class=active" if p.key == page.key else ""}><a href="{esc(p.path)}">{esc(p.title)}</a></li>'
                for p in sibs) + "</ul></aside>"
        else:
            subs = self.site.children(page.key)
            if subs:
                side = '<aside class="sidebar"><ul class="sidebar-menu">' + "".join(
                    f'<li><a href="{esc(p.path)}">{esc(p.title)}</a></li>' for p in subs) + "</ul></aside>"
        crumbs = self.breadcrumbs(page) if page.key != "home" else ""
        return f"""<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(page.title)} — {esc(s.short_name)}</title>
<link rel="stylesheet" href="/template/gosweb/assets/css/main.css">
</head>
<body class="gw-body">
<div class="gw-topline"><a href="https://www.gosuslugi.ru" class="gw-gosuslugi">Госуслуги</a>
<span class="gw-eye"><a href="/?special=1">Версия для слабовидящих</a></span></div>
<header class="gw-header">
<a class="gw-logo" href="/"><img src="/netcat_files/logo.png" alt="герб"></a>
<div class="gw-header__title">{esc(s.name)}</div>
<div class="gw-header__contacts">{esc(s.locality)} · <a href="{esc(self.site.url('contacts'))}">Контакты</a></div>
</header>
<nav class="gw-menu">{self.menu_tree("gw-menu__list", "gw-menu__dropdown")}</nav>
<main class="gw-main">
{crumbs}
<div class="gw-layout">{side}
<article class="gw-content">
<h1>{esc(page.title)}</h1>
{f'<div class="news-date">{page.date}</div>' if page.date else ''}
{self.body_html(page)}
</article></div>
</main>
<footer class="gw-footer">
<div>{esc(s.short_name)}. Учредитель: {esc(s.authority)}.</div>
<div>Сайт создан на платформе «ГосВеб». <a href="/karta-sayta/">Карта сайта</a></div>
</footer>
</body>
</html>"""
