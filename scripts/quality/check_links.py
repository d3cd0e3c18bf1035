#!/usr/bin/env python3
"""Link gate: every internal link and #anchor in a built site resolves.

Usage: check_links.py SITE_FOLDER

Reads the href, src and srcset attributes of every .html file. A relative URL is resolved
against the page; a folder resolves to its index.html; a #fragment must match an id (or
an <a name>) on the target page. Skipped: URLs with a scheme (http:, https:, mailto:,
data:, ...), protocol-relative ones (//host), and root-absolute ones (/path) in 404.html,
which is served at any depth. A root-absolute URL in any other page is a problem: the site
must work under a --base-url path, so its pages link to each other relatively.
Problems are reported one a line as `page: attribute="url": reason`.
"""
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

URL_ATTRIBUTES = {"href", "src"}
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
ROOT_ABSOLUTE_ALLOWED = {"404.html"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.urls = set(), []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in URL_ATTRIBUTES:
                self.urls.append((self.getpos()[0], name, value.strip()))
            elif name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.urls.append((self.getpos()[0], name, candidate.split()[0]))

    handle_startendtag = handle_starttag


def parse(path, cache):
    if path not in cache:
        page = Page()
        page.feed(path.read_text(encoding="utf-8", errors="replace"))
        page.close()
        cache[path] = page
    return cache[path]


def main():
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir():
        print("usage: check_links.py SITE_FOLDER", file=sys.stderr)
        return 2
    site = Path(sys.argv[1]).resolve()
    pages = sorted(site.rglob("*.html"))
    cache, problems, checked = {}, [], 0
    for page_path in pages:
        name = page_path.relative_to(site).as_posix()
        for line, attribute, url in parse(page_path, cache).urls:
            where = f"{name}:{line}: {attribute}=\"{url}\""
            if SCHEME.match(url) or url.startswith("//"):
                continue
            parts = urlsplit(url)
            if url.startswith("/"):
                if name in ROOT_ABSOLUTE_ALLOWED:
                    continue
                problems.append(f"{where}: root-absolute URL (breaks under a --base-url path; link relatively)")
                continue
            checked += 1
            if parts.path:
                target = (page_path.parent / unquote(parts.path)).resolve()
            else:
                target = page_path
            if not target.is_relative_to(site):
                problems.append(f"{where}: points outside the site folder")
                continue
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{where}: no such file {target.relative_to(site).as_posix()}")
                continue
            fragment = unquote(parts.fragment)
            if fragment and fragment != "top":
                if target.suffix != ".html":
                    problems.append(f"{where}: #fragment on a non-HTML file")
                elif fragment not in parse(target, cache).ids:
                    problems.append(f"{where}: no id=\"{fragment}\" in {target.relative_to(site).as_posix()}")
    for problem in problems:
        print(problem)
    print(f"links: {len(pages)} pages, {checked} internal links, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
