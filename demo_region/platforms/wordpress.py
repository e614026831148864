"""WordPress: /?page_id=N or /slug/ pages, /?p=N posts, /wp-content/uploads/YYYY/MM/ files."""

from __future__ import annotations

from .base import DocLink, Page, Theme, esc, pdfjs_viewer


class WordPressTheme(Theme):
    """Two themes: ``twentyseventeen`` (the default theme, a «Страницы» widget) and ``astra`` (a
    popular free theme: ``ast-`` header, menu ``#primary-menu``, ``<h1 class="entry-title"
    itemprop="headline">``, a sidebar of recent posts). WordPress 5.5+ writes its own sitemap
    (``/wp-sitemap.xml``) unless a site turned it off."""

    name = "wordpress"
    layouts = ("twentyseventeen", "astra")

    def __init__(self, rng, layout: str | None = None):
        super().__init__(rng, layout)
        self.pretty = rng.random() < 0.5
        self.next_id = rng.randint(2, 300)
        self.upload_month = (rng.choice([2022, 2023, 2024, 2025]), rng.randint(1, 12))
        # Themes that make the site's title the <h1> of every page and the entry's title an <h2>;
        # PDF plugins that open files in their pdf.js viewer.
        self.site_title_h1 = rng.random() < 0.4
        self.pdf_viewer = rng.choice((None, None, "/wp-content/plugins/pdf-viewer-block/inc/pdfjs/web/viewer.html",
                                      "/wp-content/plugins/pdfjs-viewer-shortcode/pdfjs/web/viewer.php"))
        # turned off by «discourage search engines», an SEO plugin's own sitemap elsewhere, or an old version
        self.sitemap = "wordpress" if rng.random() < 0.7 else None

    def doc_link_html(self, link: DocLink) -> str:
        if self.pdf_viewer and link.ext == "pdf" and not link.href.startswith("http"):
            link.href = pdfjs_viewer(link.href, self.pdf_viewer)
        return super().doc_link_html(link)

    def _id(self) -> int:
        self.next_id += self.rng.randint(1, 9)
        return self.next_id

    def page_path(self, page: Page, slug: str) -> str:
        if page.key == "home":
            return "/"
        if page.key == "news":
            return "/category/novosti/" if self.pretty else f"/?cat={self.rng.randint(2, 9)}"
        if page.key.startswith("news:"):
            return f"/{(page.iso or '2024-01-01').replace('-', '/')}/{slug[:50]}/" if self.pretty \
                else f"/?p={self._id()}"
        if not self.pretty:
            return f"/?page_id={self._id()}"
        parent = self.site.pages[page.parent].path if page.parent and page.parent != "home" else "/"
        return f"{parent}{slug}/"

    def news_page_path(self, n):
        news = self.site.url("news")
        return f"{news}page/{n}/" if self.pretty else f"{news}&paged={n}"

    def file_path(self, title, ext, section):
        year, month = self.upload_month
        if self.rng.random() < 0.3:
            month += 1
            if month > 12:
                year, month = year + 1, 1
            self.upload_month = (year, month)
        name = self.site.file_name(title, ext, sep="-")
        return f"/wp-content/uploads/{year}/{month:02d}/{name}", None

    def layout(self, page):
        return self._astra(page) if self.layout_name == "astra" else self._twentyseventeen(page)

    def _astra(self, page):
        s = self.site.school
        recent = [self.site.pages[k] for k in self.site.order if k.startswith("news:")][:5]
        title = (f'<h1 class="site-title" itemprop="name"><a href="/" rel="home">{esc(s.short_name)}</a></h1>'
                 if self.site_title_h1 else
                 f'<span class="site-title" itemprop="name"><a href="/" rel="home">{esc(s.short_name)}</a></span>')
        entry = (f'<h2 class="entry-title" itemprop="headline">{esc(page.title)}</h2>' if self.site_title_h1
                 else f'<h1 class="entry-title" itemprop="headline">{esc(page.title)}</h1>')
        return f"""<!DOCTYPE html>
<html lang="ru-RU">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(page.title)} &#8211; {esc(s.short_name)}</title>
<link rel='stylesheet' id='astra-theme-css-css' href='/wp-content/themes/astra/assets/css/minified/main.min.css?ver=4.6.4' media='all' />
<meta name="generator" content="WordPress 6.5.2" />
</head>
<body itemtype='https://schema.org/WebPage' itemscope='itemscope' class="page-template-default page ast-right-sidebar astra-4.6.4">
<div class="hfeed site" id="page">
<header class="site-header header-main-layout-1 ast-primary-menu-enabled" id="masthead" itemtype="https://schema.org/WPHeader" itemscope="itemscope">
<div class="main-header-bar-wrap"><div class="main-header-bar"><div class="ast-container"><div class="ast-flex main-header-container">
<div class="site-branding ast-site-identity">{title}<p class="site-description" itemprop="description">{esc(s.locality)}</p></div>
<nav id="primary-site-navigation" class="site-navigation ast-flex-grow-1 navigation-accessibility" aria-label="Основная навигация">
{self.menu_tree("main-header-menu ast-menu-shadow ast-nav-menu ast-flex submenu-with-border", "sub-menu")}</nav>
</div></div></div></div></header>
<div id="content" class="site-content"><div class="ast-container">
<div id="primary" class="content-area primary"><main id="main" class="site-main">
<article class="post type-page ast-article-single" itemtype="https://schema.org/CreativeWork" itemscope="itemscope">
<header class="entry-header ast-no-thumbnail">{entry}
{f'<span class="posted-on"><span class="published" itemprop="datePublished">{page.date}</span></span>' if page.date else ''}</header>
<div class="entry-content clear" itemprop="text">{self.body_html(page)}</div></article>
</main></div>
<div class="widget-area secondary" id="secondary" itemtype="https://schema.org/WPSideBar" itemscope="itemscope"><div class="sidebar-main">
<aside class="widget widget_recent_entries"><h2 class="widget-title">Свежие записи</h2><ul>{"".join(f'<li><a href="{esc(p.path)}">{esc(p.title)}</a></li>' for p in recent)}</ul></aside>
</div></div>
</div></div>
<footer class="site-footer" id="colophon"><div class="ast-small-footer">Copyright &copy; 2025 {esc(s.name)} | Powered by <a href="https://wpastra.com/">Astra WordPress Theme</a></div></footer>
</div>
</body>
</html>"""

    def _twentyseventeen(self, page):
        s = self.site.school
        widgets = "".join(f'<li class="page_item"><a href="{esc(p.path)}">{esc(p.title)}</a></li>'
                          for p in self.site.children("home"))
        return f"""<!DOCTYPE html>
<html lang="ru-RU">
<head>
<meta charset="UTF-8">
<title>{esc(page.title)} &#8212; {esc(s.short_name)}</title>
<link rel='stylesheet' id='twentyseventeen-style-css' href='/wp-content/themes/twentyseventeen/style.css?ver=6.4.2' media='all' />
<meta name="generator" content="WordPress 6.4.2" />
</head>
<body class="page-template-default page">
<div id="page" class="site">
<header id="masthead" class="site-header"><div class="site-branding">
{f'<h1 class="site-title"><a href="/" rel="home">{esc(s.short_name)}</a></h1>' if self.site_title_h1
   else f'<p class="site-title"><a href="/" rel="home">{esc(s.short_name)}</a></p>'}
<p class="site-description">{esc(s.locality)}</p></div>
<nav id="site-navigation" class="main-navigation">{self.menu_tree("menu", "sub-menu")}</nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article class="page type-page status-publish hentry"><header class="entry-header">{f'<h2 class="entry-title">{esc(page.title)}</h2>' if self.site_title_h1
   else f'<h1 class="entry-title">{esc(page.title)}</h1>'}
{f'<time class="entry-date published">{page.date}</time>' if page.date else ''}</header>
<div class="entry-content">{self.body_html(page)}</div></article>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_pages"><h2 class="widget-title">Страницы</h2><ul>{widgets}</ul></section></aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">{esc(s.name)} · Сайт работает на <a href="https://ru.wordpress.org/">WordPress</a></div></footer>
</div>
</body>
</html>"""
