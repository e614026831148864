"""Joomla!: menu-alias addresses, articles as «id-alias», uploads under /images/.

Two makes of site, after the CMS's own default templates:

``protostar``   Joomla 3: addresses behind ``/index.php/`` (no URL rewriting), the article's
                title an ``<h2 itemprop="headline">`` under the site's name, breadcrumbs in
                ``<ul class="breadcrumb">``, ``<title>`` the page's name alone;
``cassiopeia``  Joomla 4/5: rewritten addresses, the title an ``<h1>``, breadcrumbs in
                ``<ol class="mod-breadcrumbs">``, ``<title>`` «page – site».

Core Joomla writes no sitemap (it takes an extension), so these sites have none.
"""

from __future__ import annotations

from .base import SVEDEN, Page, Theme, esc


class JoomlaTheme(Theme):
    name = "joomla"
    layouts = ("protostar", "cassiopeia")

    def __init__(self, rng, layout: str | None = None):
        super().__init__(rng, layout)
        self.prefix = "/index.php" if self.layout_name == "protostar" else ""
        # Schools name the «Сведения» menu item after Rosobrnadzor's codes or in transliterated Russian
        self.sveden_codes = rng.random() < 0.5
        self.folder = rng.choice(["/images/docs", "/images/dokumenty", "/files"])
        self.article_id = rng.randint(20, 400)
        self.item_ids: dict[str, int] = {}
        self._aliases: dict[str, list[str]] = {}

    def page_path(self, page: Page, slug: str) -> str:
        if page.key == "home":
            return "/"
        if page.key.startswith("news:"):
            self.article_id += self.rng.randint(1, 6)
            return f"{self.site.url('news')}/{self.article_id}-{slug[:50]}"
        if page.key == "sveden":
            slug = "sveden" if self.sveden_codes else "svedeniya-ob-obrazovatelnoj-organizatsii"
        elif page.key.startswith("sveden:"):
            code = page.key.split(":", 1)[1]
            slug = code.lower() if self.sveden_codes else next(s for c, _, s in SVEDEN if c == code)
        chain = [*self._aliases.get(page.parent or "", []), slug]
        self._aliases[page.key] = chain
        self.item_ids[page.key] = 101 + len(self.item_ids)
        return f"{self.prefix}/{'/'.join(chain)}"

    def news_page_path(self, n):
        return f"{self.site.url('news')}?start={(n - 1) * 10}"

    def file_path(self, title, ext, section):
        return f"{self.folder}/{self.site.file_name(title, ext, max_words=5).lower()}", None

    # -- HTML --------------------------------------------------------------------------------
    def _menu(self, ul_class: str, sub_class: str, li_class: str = "") -> str:
        items = []
        for item in self.site.children("home"):
            subs = self.site.children(item.key)
            sub = ""
            if subs:
                sub = f'<ul class="{sub_class}">' + "".join(
                    f'<li class="{li_class}item-{self.item_ids.get(p.key, 0)}"><a href="{esc(p.path)}">'
                    f'{esc(p.title)}</a></li>' for p in subs) + "</ul>"
            css = f"{li_class}item-{self.item_ids.get(item.key, 0)}" + (" deeper parent" if subs else "")
            items.append(f'<li class="{css}"><a href="{esc(item.path)}">{esc(item.title)}</a>{sub}</li>')
        home = f'<li class="{li_class}item-101 default"><a href="/">Главная</a></li>'
        return f'<ul class="{ul_class}">{home}{"".join(items)}</ul>'

    def _crumbs(self, page: Page, ordered: bool) -> str:
        chain = self.ancestors(page)
        item = 'itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"'
        css = ' class="mod-breadcrumbs__item breadcrumb-item"' if ordered else ""
        parts = [f'<li {item}{css}><a itemprop="item" href="/" class="pathway"><span itemprop="name">Главная'
                 f'</span></a></li>']
        parts += [f'<li {item}{css}><a itemprop="item" href="{esc(p.path)}" class="pathway"><span itemprop="name">'
                  f'{esc(p.title)}</span></a></li>' for p in chain]
        parts.append(f'<li {item} class="{"mod-breadcrumbs__item breadcrumb-item " if ordered else ""}active">'
                     f'<span itemprop="name">{esc(page.title)}</span></li>')
        if ordered:
            return ('<nav class="mod-breadcrumbs__wrapper" aria-label="Навигатор сайта"><ol itemscope '
                    'itemtype="https://schema.org/BreadcrumbList" class="mod-breadcrumbs breadcrumb px-3 py-2">'
                    '<li class="mod-breadcrumbs__here float-start">Вы здесь: &#160;</li>' + "".join(parts) + "</ol></nav>")
        return ('<ul itemscope itemtype="https://schema.org/BreadcrumbList" class="breadcrumb">'
                '<li>Вы здесь: &#160;</li>' + "".join(parts) + "</ul>")

    def _article(self, page: Page, heading: str) -> str:
        date = (f'<dl class="article-info muted"><dd class="published"><time datetime="{page.iso}" '
                f'itemprop="datePublished">Опубликовано: {page.date}</time></dd></dl>') if page.date else ""
        return (f'<div class="com-content-article item-page" itemscope itemtype="https://schema.org/Article">'
                f'<meta itemprop="inLanguage" content="ru-RU"><div class="page-header">'
                f'<{heading} itemprop="headline">{esc(page.title)}</{heading}></div>{date}'
                f'<div itemprop="articleBody" class="com-content-article__body">{self.body_html(page)}</div></div>')

    def layout(self, page):
        s = self.site.school
        itemid = self.item_ids.get(page.key, self.item_ids.get(page.parent or "", 101))
        if self.layout_name == "protostar":
            return f"""<!DOCTYPE html>
<html lang="ru-ru" dir="ltr">
<head>
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<meta charset="utf-8" />
<meta name="generator" content="Joomla! - Open Source Content Management" />
<title>{esc(page.title)}</title>
<link href="/templates/protostar/css/template.css?5e2d1c0a" rel="stylesheet" />
<script src="/media/jui/js/jquery.min.js?5e2d1c0a"></script>
</head>
<body class="site com_content view-article no-layout no-task itemid-{itemid}">
<div class="body" id="top"><div class="container">
<header class="header" role="banner"><div class="header-inner clearfix">
<a class="brand pull-left" href="/"><span class="site-title" title="{esc(s.name)}">{esc(s.short_name)}</span></a>
<div class="header-search pull-right"><form action="{self.prefix}/component/search/" method="post"><input name="searchword" class="inputbox search-query" placeholder="Поиск..."></form></div>
</div></header>
<nav class="navigation" role="navigation"><div class="navbar pull-left"><a class="btn btn-navbar collapsed" data-toggle="collapse" data-target=".nav-collapse"><span class="element-invisible">Включить/выключить навигацию</span></a></div>
<div class="nav-collapse">{self._menu("nav menu nav-pills mod-list", "nav-child unstyled small")}</div></nav>
<div class="row-fluid">
<main id="content" role="main" class="span9">
<div id="system-message-container"></div>
{self._crumbs(page, ordered=False) if page.key != "home" else ""}
{self._article(page, "h2")}
</main>
<div id="aside" class="span3"><div class="well"><h3 class="page-header">Информация</h3>
<p>{esc(s.locality)}</p></div></div>
</div></div></div>
<footer class="footer" role="contentinfo"><div class="container"><hr />
<p class="pull-right"><a href="#top" id="back-top">Наверх</a></p><p>&copy; 2025 {esc(s.name)}</p></div></footer>
</body>
</html>"""
        return f"""<!DOCTYPE html>
<html lang="ru-ru" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Joomla! - Open Source Content Management">
<title>{esc(page.title)} – {esc(s.short_name)}</title>
<link href="/media/templates/site/cassiopeia/css/template.min.css?7d3a1b" rel="stylesheet">
<script src="/media/templates/site/cassiopeia/js/template.min.js?7d3a1b" defer></script>
</head>
<body class="site com_content wrapper-static view-article no-layout no-task itemid-{itemid} has-sidebar-right">
<header class="header container-header full-width">
<div class="grid-child"><div class="navbar-brand"><a class="brand-logo" href="/"><span title="{esc(s.name)}">{esc(s.short_name)}</span></a>
<div class="site-description">{esc(s.locality)}</div></div></div>
<div class="grid-child container-nav"><nav class="navbar navbar-expand-md" aria-label="Главное меню">
<button class="navbar-toggler navbar-toggler-right" type="button" aria-label="Переключить навигацию"><span class="icon-menu" aria-hidden="true"></span></button>
<div class="collapse navbar-collapse" id="navbar1">{self._menu("mod-menu mod-list nav", "mod-menu__sub list-unstyled small", "nav-item ")}</div>
</nav></div>
</header>
<div class="site-grid"><div class="grid-child container-component">
{self._crumbs(page, ordered=True) if page.key != "home" else ""}
<main>{self._article(page, "h1")}</main>
</div></div>
<footer class="container-footer footer full-width"><div class="grid-child">&copy; 2025 {esc(s.name)}</div></footer>
</body>
</html>"""
