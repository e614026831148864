"""Gosweb (ГосВеб, NetCat CMS): hierarchical Russian-slug URLs and /netcat_files/ uploads."""

from __future__ import annotations

from .base import OTHER_VIEWERS, SVEDEN, Page, Theme, esc, office_viewer, other_viewer

_SVEDEN_ROOT = "/svedeniya-ob-obrazovatelnoy-organizatsii/"


class GoswebTheme(Theme):
    """Two designs of the platform's template: ``classic`` (gw- classes, the name in <title> after the
    page's) and ``modern`` (BEM classes, breadcrumbs as an ordered list, a «Скачать» button per file)."""

    name = "gosweb"
    layouts = ("classic", "modern")

    def __init__(self, rng, layout: str | None = None):
        super().__init__(rng, layout)
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
        if self.layout_name == "modern":
            info = f'<span class="file-card__info">{link.ext.upper()}, {link.size / 1024:.0f} КБ</span>' \
                if link.size and link.ext != "html" else ""
            return (f'<div class="file-card"><div class="file-card__name">{esc(link.title)}</div>{info}'
                    f'<a class="file-card__button" href="{esc(link.href)}"{prop} target="_blank">Скачать</a></div>'
                    if link.style == "trailing" else
                    f'<div class="file-card"><a class="file-card__name" href="{esc(link.href)}"{prop} '
                    f'target="_blank">{esc(link.title)}</a>{info}</div>')
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
        return self._modern(page) if self.layout_name == "modern" else self._classic(page)

    def _modern(self, page):
        s = self.site.school
        nav = []
        for item in self.site.children("home"):
            subs = self.site.children(item.key)
            popup = ('<div class="main-nav__popup"><ul class="main-nav__sublist">' + "".join(
                f'<li class="main-nav__subitem"><a class="main-nav__sublink" href="{esc(p.path)}">{esc(p.title)}</a></li>'
                for p in subs) + "</ul></div>") if subs else ""
            nav.append(f'<li class="main-nav__item"><a class="main-nav__link" href="{esc(item.path)}">'
                       f'{esc(item.title)}</a>{popup}</li>')
        crumbs = ""
        if page.key != "home":
            items = [("/", "Главная")] + [(p.path, p.title) for p in self.ancestors(page)]
            crumbs = ('<nav class="breadcrumbs" aria-label="Навигационная цепочка"><ol class="breadcrumbs__list">' +
                      "".join(f'<li class="breadcrumbs__item"><a class="breadcrumbs__link" href="{esc(h)}">{esc(t)}</a></li>'
                              for h, t in items) +
                      f'<li class="breadcrumbs__item breadcrumbs__item--current">{esc(page.title)}</li></ol></nav>')
        siblings = self.site.children(page.parent if page.parent and page.parent != "home" else page.key)
        submenu = ('<div class="submenu"><ul class="submenu__list">' + "".join(
            f'<li class="submenu__item{" submenu__item--active" if p.key == page.key else ""}">'
            f'<a class="submenu__link" href="{esc(p.path)}">{esc(p.title)}</a></li>' for p in siblings) +
            "</ul></div>") if siblings and page.key != "home" else ""
        return f"""<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(page.title)}</title>
<link rel="stylesheet" href="/template/gosweb2/assets/css/app.min.css">
<script src="/template/gosweb2/assets/js/app.min.js" defer></script>
</head>
<body class="page">
<div class="top-bar"><a class="top-bar__gosuslugi" href="https://www.gosuslugi.ru">Госуслуги</a>
<a class="top-bar__eye" href="/?special=1">Версия для слабовидящих</a></div>
<header class="header"><div class="header__inner">
<a class="header__logo" href="/"><img src="/netcat_files/logo.png" alt=""></a>
<div class="header__org"><div class="header__org-name">{esc(s.name)}</div><div class="header__org-place">{esc(s.locality)}</div></div>
</div>
<nav class="main-nav" aria-label="Главное меню"><ul class="main-nav__list">{"".join(nav)}</ul></nav>
</header>
<main class="main"><div class="container">
{crumbs}
<div class="page-layout">{submenu}
<section class="page-content">
<h1 class="page-title">{esc(page.title)}</h1>
{f'<time class="page-date">{page.date}</time>' if page.date else ''}
<div class="text-content">{self.body_html(page)}</div>
</section></div></div></main>
<footer class="footer"><div class="footer__copyright">{esc(s.short_name)}. Учредитель: {esc(s.authority)}.</div>
<div class="footer__platform">Сайт работает на платформе «ГосВеб»</div></footer>
</body>
</html>"""

    def _classic(self, page):
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
