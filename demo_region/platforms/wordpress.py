"""WordPress: /?page_id=N or /slug/ pages, /?p=N posts, /wp-content/uploads/YYYY/MM/ files."""

from __future__ import annotations

from .base import DocLink, Page, Theme, esc, pdfjs_viewer


class WordPressTheme(Theme):
    name = "wordpress"

    def __init__(self, rng):
        super().__init__(rng)
        self.pretty = rng.random() < 0.5
        self.next_id = rng.randint(2, 300)
        self.upload_month = (rng.choice([2022, 2023, 2024, 2025]), rng.randint(1, 12))
        # Themes that make the site's title the <h1> of every page and the entry's title an <h2>;
        # PDF plugins that open files in their pdf.js viewer.
        self.site_title_h1 = rng.random() < 0.4
        self.pdf_viewer = rng.choice((None, None, "/wp-content/plugins/pdf-viewer-block/inc/pdfjs/web/viewer.html",
                                      "/wp-content/plugins/pdfjs-viewer-shortcode/pdfjs/web/viewer.php"))

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
