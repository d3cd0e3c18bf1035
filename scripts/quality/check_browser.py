#!/usr/bin/env python3
"""Browser gate: the built site in headless Chromium (Selenium, Debian's chromium-driver).

Usage: check_browser.py SITE_FOLDER [--screenshots DIR]

Serves SITE_FOLDER on 127.0.0.1 and loads each page of site_browser.PAGES at 1280x900 and
at 390x844, in the light and in the dark colour scheme. Fails on: a SEVERE browser console
entry (a script error, a resource that failed to load); horizontal overflow at 390 px
(document.documentElement.scrollWidth > window.innerWidth); on the briefing page, hovering
the first entity link of the essay not showing its preview card with the entity's name and
role (read from the entity's page), or at 1280 px a margin note placed above its paragraph, over
the text or over the note before it;
or, there and on the facts page, the site search not finding "TurkStream" as a name (from
the site's index), a figure and a passage (both read from the briefing page). Saves a full-page PNG of every page at each
width and scheme as NAME-WIDTH-SCHEME.png in DIR (default: .quality/screenshots/ in the
repository; or $QUALITY_SCREENSHOTS).
"""
import argparse
import html
import os
import re
import sys
import time
import unicodedata
import urllib.request
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the repository
import site_browser as sb  # noqa: E402

# The contract of the page's script (Templates/assets/briefing.js); adjust here if it moves.
ESSAY_ENTITY_LINK = ".essay a.entity"   # the first one is hovered
PREVIEW_CARD = ".preview-card"          # one element, displayed near the hovered link
CARD_GAP = 48                           # px between the card and the link, at most
SEARCH_BOX = ".site-search"             # [hidden] in the markup, shown by the script
SEARCH_INPUT = "#search-input"
SEARCH_RESULTS = "#search-results li"   # each result an <li> holding a link
SEARCH_KIND = ".search-kind"            # a result's badge
SEARCH_QUERY = "TurkStream"
SEARCH_KINDS = ["NAME", "FIGURE", "PASSAGE"]  # the badges the query must find, in any case
BRIEFING_PAGE = "briefing"              # the page of site_browser.PAGES with the essay
SEARCH_PAGES = [BRIEFING_PAGE, "facts"]  # the facts page reads the briefing page to search it

WIDTHS = [(1280, 900), (390, 844)]
NARROW = 390
THEMES = ["light", "dark"]
REPO = Path(__file__).resolve().parents[2]
DEFAULT_SCREENSHOTS = REPO / ".quality" / "screenshots"


def wait_for(predicate, seconds):
    """Polls predicate until it returns a true value or time runs out; returns the last value."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            value = predicate()
        except Exception:  # a stale or missing element: try again
            value = None
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def overflow(driver):
    """None, or a description of what sticks out on the right at the current width."""
    return driver.execute_script("""
      const doc = document.documentElement, width = window.innerWidth;
      if (doc.scrollWidth <= width) return null;
      const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
        [...e.classList].map((c) => '.' + c).join('');
      const wide = [...document.body.querySelectorAll('*')].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.right > width + 1 && !(e.parentElement && e.parentElement !== document.body &&
          e.parentElement.getBoundingClientRect().right > width + 1);
      }).slice(0, 3).map((e) => name(e) + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + 'px)');
      return 'scrollWidth ' + doc.scrollWidth + ' > innerWidth ' + width +
        (wide.length ? '; sticking out: ' + wide.join(', ') : '');
    """)


def misplaced_notes(driver):
    """None, or which margin note (a paragraph's fact boxes, placed by the page's script on
    a wide screen) sits above its paragraph, over the text, or over the note before it."""
    return driver.execute_script("""
      const essay = document.getElementById('essay');
      if (!essay || !essay.classList.contains('notes-placed')) return null;
      const text = essay.getBoundingClientRect();
      let above = -Infinity;
      for (const note of essay.querySelectorAll(':scope > .fact-notes')) {
        const r = note.getBoundingClientRect(), from = note.previousElementSibling;
        const where = 'the notes after ' + (from && from.id ? '#' + from.id : "the essay's start");
        if (from && r.top < from.getBoundingClientRect().top - 1) return where + ' start above their paragraph';
        if (r.left < text.right) return where + ' overlap the text column';
        if (r.top < above - 1) return where + ' overlap the notes before them';
        above = r.bottom;
      }
      return null;
    """)


def entity_card(url):
    """What the preview card of a link to an entity page must show: the page's <h1> and, if
    it has one, its role line (the script fetches the page for it)."""
    page = urllib.request.urlopen(url, timeout=10).read().decode("utf-8", "replace")

    def text(pattern):
        found = re.search(pattern, page, re.S)
        return unicodedata.normalize("NFC", html.unescape(re.sub(r"<[^>]+>", "", found[1])).strip()) if found else None

    return [t for t in (text(r"<h1[^>]*>(.*?)</h1>"), text(r'<p class="role-line">(.*?)</p>')) if t]


def check_preview_card(driver):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    links = driver.find_elements(By.CSS_SELECTOR, ESSAY_ENTITY_LINK)
    if not links:
        return f"no {ESSAY_ENTITY_LINK} on the page"
    link = links[0]
    expected = entity_card(link.get_attribute("href")) or [unicodedata.normalize("NFC", link.text)]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    ActionChains(driver).move_to_element(link).perform()

    def shown():
        cards = [c for c in driver.find_elements(By.CSS_SELECTOR, PREVIEW_CARD) if c.is_displayed()]
        return cards if cards and all(t in unicodedata.normalize("NFC", cards[0].text) for t in expected) else None

    cards = wait_for(shown, 5)
    if cards:
        # Near the link: at most CARD_GAP px above or below it, and inside the viewport.
        card, target, viewport = driver.execute_script(
            "return [arguments[0].getBoundingClientRect(), arguments[1].getBoundingClientRect(), innerWidth]",
            cards[0], link)
        gap = max(0, card["top"] - target["bottom"], target["top"] - card["bottom"])
        result = None
        if gap > CARD_GAP:
            result = f"{PREVIEW_CARD} for \"{link.text}\" is {gap:.0f}px away from the link (more than {CARD_GAP})"
        elif card["left"] < 0 or card["right"] > viewport:
            result = (f"{PREVIEW_CARD} for \"{link.text}\" sticks out of the viewport "
                      f"(left {card['left']:.0f}, right {card['right']:.0f}, width {viewport})")
    elif not driver.find_elements(By.CSS_SELECTOR, PREVIEW_CARD):
        result = f"hovering {ESSAY_ENTITY_LINK} \"{link.text}\": no {PREVIEW_CARD} element appeared (preview script missing?)"
    else:
        cards = [c for c in driver.find_elements(By.CSS_SELECTOR, PREVIEW_CARD) if c.is_displayed()]
        result = (f"hovering {ESSAY_ENTITY_LINK} \"{link.text}\": {PREVIEW_CARD} "
                  + (f"shows {cards[0].text[:80]!r}, not {' / '.join(expected)!r}" if cards else "stays hidden"))
    ActionChains(driver).move_by_offset(0, 0).perform()
    return result


def check_search(driver):
    from selenium.webdriver.common.by import By

    boxes = driver.find_elements(By.CSS_SELECTOR, SEARCH_BOX)
    if not boxes:
        return f"no {SEARCH_BOX} on the page"
    if not wait_for(boxes[0].is_displayed, 5):
        return f"{SEARCH_BOX} stays hidden (the page's script did not unhide it)"
    inputs = driver.find_elements(By.CSS_SELECTOR, SEARCH_INPUT)
    if not inputs:
        return f"no {SEARCH_INPUT} in {SEARCH_BOX}"
    try:
        inputs[0].click()
        inputs[0].send_keys(SEARCH_QUERY)
    except Exception as error:  # not interactable at this width, ...
        return f"cannot type into {SEARCH_INPUT}: {sb.short(error)}"

    def kinds():
        return {badge.text for li in driver.find_elements(By.CSS_SELECTOR, SEARCH_RESULTS)
                if SEARCH_QUERY in li.text and li.find_elements(By.TAG_NAME, "a")
                for badge in li.find_elements(By.CSS_SELECTOR, SEARCH_KIND)}

    if wait_for(lambda: set(SEARCH_KINDS) <= {kind.upper() for kind in kinds()}, 10):
        return None
    texts = [li.text.replace("\n", " ")[:50] for li in driver.find_elements(By.CSS_SELECTOR, SEARCH_RESULTS)]
    missing = sorted(set(SEARCH_KINDS) - {kind.upper() for kind in kinds()})
    return f"typing {SEARCH_QUERY!r} into {SEARCH_INPUT}: no {SEARCH_RESULTS} of kind {', '.join(missing)} with a link containing it" + (
        f" (results: {texts[:8]})" if texts else " (no results)")


def check_page(driver, base, name, path, width, theme, screenshots):
    """Loads one page at the current width and scheme; yields its problems, saves its screenshot."""
    driver.get_log("browser")  # drop what came before
    driver.get(base + path)
    if theme == THEMES[0] and name in SEARCH_PAGES:
        # Before the screenshot, so that it shows no card or result list.
        for check in (check_preview_card, check_search) if name == BRIEFING_PAGE else (check_search,):
            problem = check(driver)
            if problem:
                yield problem
        driver.get(base + path)
    if width == NARROW:
        problem = overflow(driver)
        if problem:
            yield f"horizontal overflow: {problem}"
    elif name == BRIEFING_PAGE:
        problem = misplaced_notes(driver)
        if problem:
            yield f"margin notes: {problem}"
    driver.execute_script("window.scrollTo(0, 0)")
    sb.full_page_screenshot(driver, screenshots / f"{name}-{width}-{theme}.png", width)
    for message in sb.console_errors(driver, base):
        yield f"console error: {message}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("--screenshots", type=Path,
                        default=Path(os.environ.get("QUALITY_SCREENSHOTS", DEFAULT_SCREENSHOTS)))
    args = parser.parse_args()
    site = Path(args.site).resolve()
    if not site.is_dir():
        print(f"no such folder: {site}", file=sys.stderr)
        return 2
    if sb.missing():
        print(f"browser: {sb.missing()}")
        return 1
    args.screenshots.mkdir(parents=True, exist_ok=True)
    problems, shots = [], 0
    try:
        with sb.serve(site) as base, sb.chromium() as driver:
            for theme in THEMES:
                sb.set_theme(driver, theme)
                for width, height in WIDTHS:
                    sb.set_viewport(driver, width, height)
                    for name, path in sb.PAGES:
                        where = (path, f"{width} {theme}")
                        try:
                            for problem in check_page(driver, base, name, path, width, theme, args.screenshots):
                                problems.append((where, problem))
                            shots += 1
                        except Exception as error:  # a crash, a time-out: report it and go on
                            problems.append((where, f"browser session failed: {sb.short(error)}"))
    except Exception as error:  # Chromium or its driver did not start
        print(f"browser: could not start Chromium: {sb.short(error)}")
        return 1
    # The same problem at several widths or schemes is one line.
    grouped = {}
    for where, problem in problems:
        grouped.setdefault((where[0], problem), []).append(where[1])
    for (path, problem), places in grouped.items():
        print(f"{path} [{', '.join(places)}]: {problem}")
    folder = args.screenshots.resolve()
    shown = folder.relative_to(Path.cwd()) if folder.is_relative_to(Path.cwd()) else folder
    print(f"browser: {len(sb.PAGES)} pages x {len(WIDTHS)} widths x {len(THEMES)} schemes, "
          f"{len(grouped)} problems; {shots} screenshots in {shown}/")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
