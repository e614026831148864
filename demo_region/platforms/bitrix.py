"""1C-Bitrix: folder addresses (/about/history/), files under /upload/, the SEO module's sitemap.

Two makes of site:

``school``     the classic template of Bitrix's «Сайт школы» solutions: a table-less page with
               ``horizontal-multilevel-menu``, a left menu, ``<div class="bx_breadcrumbs">``
               and ``<h1 id="pagetitle">``; ``<title>`` the page's name alone;
``bootstrap``  a Bootstrap template: ``bx-nav-list-1-lvl`` menus, ``bx-breadcrumb`` items, the
               page's title in the header's ``<h1 class="bx-title">``, ``<title>`` «page — school».

Pages are kept as folders with index.php; news is an information block (``/news/<id>/``,
pages ``?PAGEN_1=2``). Most sites have the SEO module's ``/sitemap.xml`` (an index of
``sitemap_files.xml`` and ``sitemap_iblock_N.xml``).
"""

from __future__ import annotations

from .base import SVEDEN, Page, Theme, esc


class BitrixTheme(Theme):
    name = "bitrix"
    layouts = ("school", "bootstrap")

    def __init__(self, rng, layout: str | None = None):
        super().__init__(rng, layout)
        # Rosobrnadzor's /sveden/<code>/ folders, or a transliterated Russian folder of a site made before them
        self.sveden_root = "/sveden/" if rng.random() < 0.7 else "/svedeniya-ob-organizatsii/"
        self.sitemap = "bitrix" if rng.random() < 0.7 else None
        self.element_id = rng.randint(100, 3000)
        self._folders: dict[str, str] = {}

    def page_path(self, page: Page, slug: str) -> str:
        if page.key == "home":
            return "/"
        if page.key == "news":
            path = "/news/"
        elif page.key.startswith("news:"):
            self.element_id += self.rng.randint(1, 12)
            return f"/news/{self.element_id}/"
        elif page.key == "sveden":
            path = self.sveden_root
        elif page.key.startswith("sveden:"):
            code = page.key.split(":", 1)[1]
            folder = code.lower() if self.sveden_root == "/sveden/" else next(s for c, _, s in SVEDEN if c == code)
            path = f"{self.sveden_root}{folder}/"
        else:
            parent = self._folders.get(page.parent or "", "/")
            path = f"{parent}{slug}/"
        self._folders[page.key] = path
        return path

    def news_page_path(self, n):
        return f"/news/?PAGEN_1={n}"

    def file_path(self, title, ext, section):
        # information block files get a hashed folder; files put into a page go through the media library
        where = self.rng.choice(["iblock", "medialibrary"])
        folder = "".join(self.rng.choice("0123456789abcdef") for _ in range(3))
        return f"/upload/{where}/{folder}/{self.site.file_name(title, ext, max_words=5).lower()}", None

    # -- HTML --------------------------------------------------------------------------------
    def _school_menu(self) -> str:
        out = ['<ul id="horizontal-multilevel-menu">']
        for item in self.site.children("home"):
            subs = self.site.children(item.key)
            sub = "<ul>" + "".join(f'<li><a href="{esc(p.path)}">{esc(p.title)}</a></li>' for p in subs) + "</ul>" \
                if subs else ""
            out.append(f'<li><a href="{esc(item.path)}" class="root-item">{esc(item.title)}</a>{sub}</li>')
        out.append('</ul><div class="menu-clear-left"></div>')
        return "".join(out)

    def _left_menu(self, page: Page) -> str:
        top = page
        while top.parent and top.parent != "home" and top.parent in self.site.pages:
            top = self.site.pages[top.parent]
        items = self.site.children(top.key) if top.key != "home" else []
        if not items:
            return ""
        selected = ' class="selected"'
        return '<ul class="left-menu">' + "".join(
            f'<li><a href="{esc(p.path)}"{selected if p.key == page.key else ""}>{esc(p.title)}</a></li>'
            for p in items) + "</ul>"

    def _bootstrap_menu(self) -> str:
        out = ['<ul class="bx-nav-list-1-lvl" id="ul_catalog_menu_LkGdQn">']
        for item in self.site.children("home"):
            subs = self.site.children(item.key)
            sub = ('<div class="bx-nav-2-lvl-container"><ul class="bx-nav-list-2-lvl">' + "".join(
                f'<li class="bx-nav-2-lvl"><a href="{esc(p.path)}"><span>{esc(p.title)}</span></a></li>'
                for p in subs) + "</ul></div>") if subs else ""
            out.append(f'<li class="bx-nav-1-lvl bx-nav-list-1-col{" bx-nav-parent" if subs else ""}">'
                       f'<a href="{esc(item.path)}"><span>{esc(item.title)}</span></a>{sub}</li>')
        out.append("</ul>")
        return "".join(out)

    def _bootstrap_crumbs(self, page: Page) -> str:
        items = [("/", "Главная")] + [(p.path, p.title) for p in self.ancestors(page)]
        parts = [f'<div class="bx-breadcrumb-item" id="bx_breadcrumb_{i}" itemprop="itemListElement" itemscope '
                 f'itemtype="http://schema.org/ListItem"><a href="{esc(href)}" title="{esc(title)}" itemprop="item">'
                 f'<span itemprop="name">{esc(title)}</span></a><meta itemprop="position" content="{i + 1}" /></div>'
                 for i, (href, title) in enumerate(items)]
        parts.append(f'<div class="bx-breadcrumb-item"><span>{esc(page.title)}</span></div>')
        return ('<div class="bx-breadcrumb" itemprop="http://schema.org/breadcrumb" itemscope '
                'itemtype="http://schema.org/BreadcrumbList">' + '<i class="fa fa-angle-right"></i>'.join(parts) + "</div>")

    def _school_crumbs(self, page: Page) -> str:
        items = [("/", "Главная")] + [(p.path, p.title) for p in self.ancestors(page)]
        return ('<div class="bx_breadcrumbs"><ul>' + "".join(
            f'<li><a href="{esc(href)}" title="{esc(title)}">{esc(title)}</a></li>' for href, title in items) +
            f'<li><span>{esc(page.title)}</span></li></ul></div>')

    def layout(self, page):
        s = self.site.school
        date = f'<div class="news-date-time">{page.date}</div>' if page.date else ""
        if self.layout_name == "school":
            return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ru" lang="ru">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>{esc(page.title)}</title>
<link href="/bitrix/templates/school_blue/styles.css?1699871234" type="text/css" rel="stylesheet" />
<link href="/bitrix/templates/school_blue/template_styles.css?1699871234" type="text/css" rel="stylesheet" />
<script type="text/javascript" src="/bitrix/js/main/core/core.min.js?1699871234"></script>
</head>
<body>
<div id="panel"></div>
<div id="header"><div id="logo"><a href="/">{esc(s.name)}</a></div><div id="slogan">{esc(s.locality)}</div></div>
<div id="top-menu">{self._school_menu()}</div>
<div id="page-wrapper"><div id="sidebar">{self._left_menu(page)}</div>
<div id="workarea">
{self._school_crumbs(page) if page.key != "home" else ""}
<h1 id="pagetitle">{esc(page.title)}</h1>
{date}
{self.body_html(page)}
</div></div>
<div id="footer">&copy; {esc(s.short_name)}, {esc(s.locality)}. Сайт работает на «1С-Битрикс: Управление сайтом».</div>
</body>
</html>"""
        return f"""<!DOCTYPE html>
<html xml:lang="ru" lang="ru">
<head>
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<meta name="viewport" content="user-scalable=no, initial-scale=1.0, maximum-scale=1.0, width=device-width">
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>{esc(page.title)} — {esc(s.short_name)}</title>
<link href="/bitrix/cache/css/s1/school_bootstrap/template_3c1f2e.css?1712345678" type="text/css" rel="stylesheet" />
<script src="/bitrix/cache/js/s1/school_bootstrap/template_9ab2d4.js?1712345678"></script>
</head>
<body class="bx-background-image bx-theme-blue">
<div id="panel"></div>
<div class="bx-wrapper" id="bx_eshop_wrap">
<header class="bx-header"><div class="bx-header-section container">
<div class="row"><div class="col-lg-6"><div class="bx-logo"><a class="bx-logo-block" href="/"><span class="bx-logo-text">{esc(s.name)}</span></a></div></div>
<div class="col-lg-6 bx-header-contacts">{esc(s.locality)}</div></div>
<div class="row"><div class="col"><div class="bx-top-nav bx-site" id="catalog_menu_LkGdQn"><nav class="bx-top-nav-container">{self._bootstrap_menu()}</nav></div></div></div>
{f'<div class="row"><div class="col" id="navigation">{self._bootstrap_crumbs(page)}</div></div>' if page.key != "home" else ""}
<h1 class="bx-title dbg_title" id="pagetitle">{esc(page.title)}</h1>
</div></header>
<div class="workarea"><div class="container bx-content-seection"><div class="row"><div class="bx-content col">
{date}
{self.body_html(page)}
</div></div></div></div>
<footer class="bx-footer"><div class="bx-footer-section container">&copy; {esc(s.short_name)}, 2025</div></footer>
</div>
</body>
</html>"""
