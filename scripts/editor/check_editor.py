#!/usr/bin/env python3
"""The page editor of `briefing serve --edit` in headless Chromium (Selenium, Debian's chromium-driver).

Usage: check_editor.py [--briefing PATH] [--screenshots DIR] [--verbose]

Makes a site in a temporary folder (`briefing init`, the fixture essay port-strike.txt,
a model from `briefing draft`), serves it with `serve --edit` on a free port, and drives
the briefing page as an editor would. After each save it compares the model file with
what it was: the change must be exactly the item's lines. Checks:
  controls   every fact box and cross-reference of the page has Edit and Remove (and, drafted,
             Accept and Dismiss), and the badge says how many items are left to review
  keyboard   a selection made with Shift+arrows, Alt+E to the toolbar, arrows, Enter, Esc
  across     a selection over two paragraphs gets no buttons, only "select within one paragraph"
  narrow     at 390 px the toolbar and the form fit the window (no horizontal scroll)
  fact       a phrase with a figure becomes a fact: the form is prefilled, the YAML gains
             exactly the appended item and the reloaded page shows its box
  invalid    a form the validator refuses shows the validator's message; nothing is written
  alias      a spelling is added to an existing entity: only that entity's lines change
             (in the register, seeds/entities.yml, where the draft defines it)
  edit       a fact's label changed from its box: only that fact's lines change, its
             review: true kept (the form's Reviewed box unticked)
  remove     a fact removed from its box: exactly its lines go
  accept     a drafted fact accepted: only its `review: true` line goes; the count drops by one
  dismiss    a drafted event dismissed on the timeline page: exactly its lines go
  panel      a drafted entity accepted from the model panel
  stale      a save from a page older than the model is refused with "reload"; nothing is written
Requests without the token, from another origin, as form posts or too large, and `serve`
without --edit, are the Swift tests' (EditEndpointTests, ServeEndToEndTests).
With --screenshots DIR, saves editor-toolbar.png and editor-form.png (1280 px) there;
with --verbose, prints the diff of each save.
"""
import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, str(REPO / "scripts" / "quality"))
import site_browser as sb  # noqa: E402

ESSAY = REPO / "Tests" / "BriefingKitTests" / "Fixtures" / "essays" / "port-strike.txt"
MODEL = "seeds/port-strike.yml"
REGISTER = "seeds/entities.yml"
# What the test adds back after taking it out of the draft: a figure (its fact) and an
# abbreviation (an alias of the entity it abbreviates).
FIGURE_QUOTE = "440m tonnes"
FIGURE_SELECTION = "handles about 440m tonnes of cargo"
ALIAS = "FNV"
ALIAS_ENTITY = "federation-dutch-trade-unions"
STALE = "the model changed since this page was loaded: reload"
SECONDS = 15
VERBOSE = False


# ---- The model file ----

def item_lines(text, item_id):
    """(first, end) line indexes of the list item `- id: item_id` in a model's text."""
    lines = text.split("\n")
    for first, line in enumerate(lines):
        found = re.match(r"^(\s*)- id: \"?" + re.escape(item_id) + r"\"?\s*$", line)
        if not found:
            continue
        indent, end = len(found[1]), first + 1
        while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
            end += 1
        while end > first + 1 and not lines[end - 1].strip():
            end -= 1
        return first, end
    return None


def block(text, item_id):
    where = item_lines(text, item_id)
    return "\n".join(text.split("\n")[where[0]:where[1]]) if where else None


def changes(before, after):
    """The line changes from before to after: [(op, before lines, after lines)]."""
    a, b = before.split("\n"), after.split("\n")
    return [(op, (i1, i2), (j1, j2), a[i1:i2], b[j1:j2])
            for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes() if op != "equal"]


def only_inside(before, after, item_id):
    """None if every change from before to after is inside item_id's lines, else what is not."""
    where = item_lines(before, item_id)
    if not where:
        return f"no item {item_id} in the model before the edit"
    outside = [c for c in changes(before, after) if c[1][0] < where[0] or c[1][1] > where[1]]
    return f"lines outside {item_id} changed: {outside[0][0]} {outside[0][3] or outside[0][4]}" if outside else None


def exactly_removed(before, after, item_id):
    where = item_lines(before, item_id)
    if not where:
        return f"no item {item_id} in the model before the edit"
    lines = before.split("\n")
    expected = "\n".join(lines[:where[0]] + lines[where[1]:])
    if after == expected:
        return None
    return f"the model is not the old one without {item_id}'s lines: {changes(before, after)[:2]}"


def drop_item(text, item_id):
    where = item_lines(text, item_id)
    lines = text.split("\n")
    return "\n".join(lines[:where[0]] + lines[where[1]:])


def fact_id_quoting(text, quote):
    """The id of the fact whose quote line is `quote: "quote"`."""
    at = text.find(f'quote: "{quote}"')
    ids = re.findall(r"- id: ([\w-]+)", text[:at]) if at >= 0 else []
    return ids[-1] if ids else None


# ---- The server ----

class Preview:
    """`briefing serve --edit --port 0` in a site folder; its address from what it prints."""

    def __init__(self, binary, site):
        self.process = subprocess.Popen([str(binary), "serve", "--edit", "--port", "0"], cwd=site, text=True,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.lines, self.base = [], None
        ready = threading.Event()

        def read():
            for line in self.process.stdout:
                self.lines.append(line.rstrip())
                found = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
                if found and not self.base:
                    self.base = found[1]
                    ready.set()
            ready.set()

        threading.Thread(target=read, daemon=True).start()
        if not ready.wait(60) or not self.base:
            self.stop()
            raise RuntimeError("serve --edit printed no address: " + " | ".join(self.lines[-5:]))

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


# ---- The page ----

# Selects the text `needle` of the paragraph holding it (across links); returns its id.
SELECT = """
const [needle, length] = arguments;
const p = [...document.querySelectorAll('.essay p[id]')].find((p) => p.textContent.includes(needle));
if (!p) return null;
const nodes = [], walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
let all = '';
for (let n; (n = walker.nextNode());) { nodes.push([n, all.length]); all += n.data; }
const at = all.indexOf(needle), end = at + (length ?? needle.length);
const place = (offset, isEnd) => {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const [node, start] = nodes[i];
    if (isEnd ? start < offset : start <= offset) return [node, offset - start];
  }
};
const range = document.createRange();
range.setStart(...place(at, false));
range.setEnd(...place(end, true));
getSelection().removeAllRanges();
getSelection().addRange(range);
return p.id;
"""


def wait_for(predicate, seconds=SECONDS):
    deadline = time.monotonic() + seconds
    while True:
        try:
            value = predicate()
        except Exception:  # the page is reloading: try again
            value = None
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


class Page:
    def __init__(self, driver, base, slug, site):
        self.driver, self.base, self.slug, self.site = driver, base, slug, site
        self.model = site / MODEL

    def js(self, source, *arguments):
        return self.driver.execute_script(source, *arguments)

    def open(self, path=""):
        self.driver.get(f"{self.base}/{self.slug}/{path}")
        if not wait_for(lambda: self.js("return document.querySelector('#be-badge .be-badge-open') !== null")):
            raise AssertionError("the editor did not load the model (no count in the edit mode badge)")

    def text(self, path=MODEL):
        file = self.site / path
        return file.read_text(encoding="utf-8") if file.exists() else ""

    def defining(self, item_id):
        """The file, model or register, whose text defines item_id."""
        return next((path for path in (MODEL, REGISTER) if item_lines(self.text(path), item_id)), None)

    def to_review(self):
        return int(self.js("return document.querySelector('.be-badge-open').dataset.toReview"))

    def css(self, selector):
        from selenium.webdriver.common.by import By
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def dialog(self):
        return self.js("const d = document.querySelector('dialog.be-dialog'); return d && d.open ? d.innerText : null")

    def select(self, needle, length=None):
        paragraph = self.js(SELECT, needle, length)
        if not paragraph:
            raise AssertionError(f"no paragraph holds {needle!r}")
        return paragraph

    def toolbar(self, action):
        """Clicks a toolbar button once the toolbar shows; waits for the form."""
        button = wait_for(lambda: [b for b in self.css(f'.be-toolbar [data-be-action="{action}"]') if b.is_displayed()])
        if not button:
            raise AssertionError("no toolbar over the selection")
        button[0].click()
        if not wait_for(lambda: self.css("dialog.be-dialog form")):
            raise AssertionError(f"no form after {action}: {self.dialog()!r}")

    def control(self, kind, item_id, label):
        """The button `label` of the controls of item_id."""
        found = [b for b in self.css(f'.be-controls[data-be-kind="{kind}"][data-be-id="{item_id}"] button') if b.text == label]
        if not found:
            raise AssertionError(f"no {label} button for the {kind} {item_id}")
        self.js("arguments[0].scrollIntoView({block: 'center'})", found[0])
        return found[0]

    def field(self, name):
        return self.css(f'dialog.be-dialog [name="{name}"]')[0]

    def values(self):
        return self.js("return Object.fromEntries([...document.querySelectorAll('dialog.be-dialog [name]')]"
                       ".filter((c) => c.type !== 'radio').map((c) => [c.name, c.value]))")

    def set_field(self, name, value):
        control = self.field(name)
        control.clear()
        control.send_keys(value)

    def save_and_reload(self, action, path=MODEL):
        """Runs action (which saves); waits for the page the rebuild reloads. Returns the
        text of the file at path (the model) before, having checked that the other file
        did not change."""
        others = {other: self.text(other) for other in (MODEL, REGISTER) if other != path}
        before = self.text(path)
        self.js("window.__beforeSave = true")
        action()
        # The reloaded page with the editor ready, or the message of a refused save.
        outcome = wait_for(lambda: self.js("""
          if (window.__beforeSave) {
            const problem = document.querySelector('dialog .be-error')?.textContent
              || document.querySelector('.be-status.be-problem')?.textContent;
            return problem ? 'refused: ' + problem : null;
          }
          return document.readyState === 'complete' && document.querySelector('#be-badge .be-badge-open') ? 'reloaded' : null;"""))
        if outcome != "reloaded":
            raise AssertionError(f"the page did not reload after saving: {outcome or 'no answer'}")
        if VERBOSE:
            print("".join(difflib.unified_diff(before.splitlines(True), self.text(path).splitlines(True), path, path, n=1)))
        changed = [other for other, text in others.items() if self.text(other) != text]
        if changed:
            raise AssertionError(f"the save changed {changed[0]} too")
        return before

    def overflow(self):
        return self.js("""
          const d = document.querySelector('dialog.be-dialog'), t = document.querySelector('.be-toolbar');
          const out = [];
          if (document.documentElement.scrollWidth > innerWidth) out.push('page ' + document.documentElement.scrollWidth);
          if (d && d.open && (d.scrollWidth > d.clientWidth || d.getBoundingClientRect().right > innerWidth))
            out.push('dialog ' + d.scrollWidth + '/' + d.clientWidth);
          if (t && !t.hidden && t.getBoundingClientRect().right > innerWidth) out.push('toolbar ' + t.getBoundingClientRect().right);
          return out.join(', ');""")


# ---- Checks: each raises AssertionError with what is wrong ----

def check_controls(page, _):
    page.open()
    missing = page.js("""
      const boxes = [...document.querySelectorAll('.essay a[data-fact]')].map((a) => document.getElementById(a.hash.slice(1)));
      const links = [...document.querySelectorAll('.essay a[data-xref]')];
      const full = (g) => g && ['Accept', 'Dismiss', 'Edit', 'Remove'].every((t) => [...g.querySelectorAll('button')].some((b) => b.textContent === t));
      return [...boxes.filter((b) => !full(b && b.querySelector('.be-controls'))).map((b) => 'box ' + (b && b.id)),
              ...links.filter((a) => !full(a.nextElementSibling?.matches('.be-controls') && a.nextElementSibling)).map((a) => 'link ' + a.textContent)];""")
    if missing:
        raise AssertionError(f"without Accept, Dismiss, Edit and Remove: {', '.join(missing[:3])}")
    if not page.js("return document.querySelectorAll('.essay a[data-xref]').length"):
        raise AssertionError("the page shows no cross-reference to check")
    written = len(re.findall(r"(?m)^\s*review: true\s*$", page.text(MODEL)))
    named = set(re.findall(r"(?m)^  - ([\w-]+)\s*$", page.text(MODEL)))
    register = page.text(REGISTER)
    written += sum(1 for entity in named if re.search(r"(?m)^\s*review: true\s*$", block(register, entity) or ""))
    if page.to_review() != written:
        raise AssertionError(f"the badge says {page.to_review()} to review, the files mark {written}")


def check_keyboard(page, _):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    page.open()
    page.select("Shipping lines such as", 1)  # where a click would put the start
    keys = ActionChains(page.driver).key_down(Keys.SHIFT)
    for _ in range(len("Shipping lines") - 1):
        keys.send_keys(Keys.ARROW_RIGHT)
    keys.key_up(Keys.SHIFT).perform()
    selected = page.js("return getSelection().toString()")
    if selected != "Shipping lines":
        raise AssertionError(f"Shift+arrows selected {selected!r}")
    ActionChains(page.driver).key_down(Keys.ALT).send_keys("e").key_up(Keys.ALT).perform()
    focused = lambda: page.js("return document.activeElement.closest('[role=toolbar]') ? document.activeElement.textContent : null")
    if wait_for(focused, 3) != "Fact":
        raise AssertionError(f"Alt+E did not focus the toolbar's first button (focus on {focused()!r})")
    ActionChains(page.driver).send_keys(Keys.ARROW_RIGHT).perform()
    if focused() != "Name":
        raise AssertionError(f"the right arrow moved to {focused()!r}, not Name")
    ActionChains(page.driver).send_keys(Keys.ENTER).perform()
    if not wait_for(lambda: page.css("dialog.be-dialog form")):
        raise AssertionError(f"Enter on Name opened no form: {page.dialog()!r}")
    if "Add a name" not in (page.dialog() or ""):
        raise AssertionError(f"the form is not for a name: {page.dialog()[:80]!r}")
    in_dialog = page.js("return !!document.activeElement.closest('dialog')")
    ActionChains(page.driver).send_keys(Keys.ESCAPE).perform()
    if not in_dialog:
        raise AssertionError("the open form does not have the focus")
    if wait_for(lambda: page.dialog() is None, 3) is None or page.dialog() is not None:
        raise AssertionError("Esc did not close the form")


def check_across(page, _):
    page.open()
    page.js(SELECT, "Shipping lines such as", None)
    page.js("""const s = getSelection(), r = s.getRangeAt(0), p = document.querySelector('.essay p[id="p-3"]');
               r.setEnd(p.firstChild, 5); s.removeAllRanges(); s.addRange(r);""")
    shown = wait_for(lambda: page.js("const t = document.querySelector('.be-toolbar'); return t && !t.hidden && t.innerText"), 3)
    if not shown or "within one paragraph" not in shown:
        raise AssertionError(f"a selection over two paragraphs shows {shown!r}, not 'select within one paragraph'")
    if [b for b in page.css(".be-toolbar button") if b.is_displayed()]:
        raise AssertionError("a selection over two paragraphs still offers the toolbar's buttons")


def check_narrow(page, _):
    sb.set_viewport(page.driver, 390, 844)
    try:
        page.open()
        page.select("The port handles about")
        wait_for(lambda: page.js("return !document.querySelector('.be-toolbar').hidden"), 3)
        problem = page.overflow()
        if problem:
            raise AssertionError(f"at 390 px with the toolbar: sticks out: {problem}")
        page.toolbar("fact")
        problem = page.overflow()
        if problem:
            raise AssertionError(f"at 390 px with the fact form: sticks out: {problem}")
        page.js("document.querySelector('dialog.be-dialog').close()")
    finally:
        sb.set_viewport(page.driver, 1280, 900)


def check_fact(page, screenshots):
    page.open()
    paragraph = page.select(FIGURE_SELECTION)
    if screenshots and wait_for(lambda: page.js("return !document.querySelector('.be-toolbar').hidden"), 3):
        screenshot(page, screenshots / "editor-toolbar.png", ".be-toolbar", paragraph)
    page.toolbar("fact")
    values = page.values()
    expected = {"figure": FIGURE_QUOTE, "quote": FIGURE_SELECTION}
    wrong = {k: values.get(k) for k, v in expected.items() if values.get(k) != v}
    if wrong or not values.get("id") or not values.get("value"):
        raise AssertionError(f"the form is not prefilled from the selection: {values}")
    page.set_field("label", "Cargo through the port each year")
    if screenshots:
        screenshot(page, screenshots / "editor-form.png", "dialog.be-dialog", None)
    new_id = values["id"]
    before = page.save_and_reload(lambda: page.css("dialog.be-dialog button[type=submit]")[0].click())
    after = page.text()
    diff = changes(before, after)
    added = block(after, new_id)
    if len(diff) != 1 or diff[0][0] != "insert" or not added or "\n".join(diff[0][4]).strip() != added.strip():
        raise AssertionError(f"the model did not gain exactly the fact's lines: {diff[:3]}")
    for text in (f'"{FIGURE_SELECTION}"', "Cargo through the port each year", FIGURE_QUOTE):
        if text not in added:
            raise AssertionError(f"the appended fact lacks {text}: {added}")
    box = page.js("const a = document.querySelector(`a[data-fact='${arguments[0]}']`);"
                  " return a && document.getElementById(a.hash.slice(1)) ? a.textContent : null", new_id)
    if box is None:
        raise AssertionError(f"the reloaded page has no figure and box for {new_id}")


def check_invalid(page, _):
    # A quote overlapping another fact's: the build's validator refuses it, with file:line:column.
    page.open()
    page.select("or about $49m")
    page.toolbar("fact")
    page.set_field("label", "Cost in dollars")
    before = page.text()
    page.css("dialog.be-dialog button[type=submit]")[0].click()
    message = wait_for(lambda: page.js("return document.querySelector('dialog .be-error')?.textContent"))
    if not message or not re.match(re.escape(MODEL) + r":\d+:\d+: ", message):
        raise AssertionError(f"a fact the validator refuses shows {message!r}, not its file:line:column message")
    if page.text() != before:
        raise AssertionError("a refused save changed the model")
    if page.dialog() is None:
        raise AssertionError("a refused save closed the form")


def check_alias(page, _):
    page.open()
    page.select(ALIAS)
    page.toolbar("name")
    page.css('dialog.be-dialog input[value="alias"]')[0].click()
    page.js("const s = document.querySelector('dialog select[name=entity]'); s.value = arguments[0];", ALIAS_ENTITY)
    where = page.defining(ALIAS_ENTITY)
    before = page.save_and_reload(lambda: page.css("dialog.be-dialog button[type=submit]")[0].click(), where)
    after = page.text(where)
    problem = only_inside(before, after, ALIAS_ENTITY)
    if problem:
        raise AssertionError(problem)
    if not re.search(r"aliases:.*\b" + ALIAS + r"\b", block(after, ALIAS_ENTITY) or ""):
        raise AssertionError(f"{ALIAS} is not among the aliases of {ALIAS_ENTITY}: {block(after, ALIAS_ENTITY)}")
    linked = page.js("return [...document.querySelectorAll(`.essay [data-entity='${arguments[0]}']`)].map((e) => e.textContent)",
                     ALIAS_ENTITY)
    if ALIAS not in linked:
        raise AssertionError(f"after the reload {ALIAS} is not marked as {ALIAS_ENTITY} ({linked})")


def first_fact(page, review=True):
    ids = page.js("return [...document.querySelectorAll('.fact-box .be-controls[data-be-kind=fact]')]"
                  ".filter((g) => !!g.querySelector('.be-review') === arguments[0]).map((g) => g.dataset.beId)", review)
    if not ids:
        raise AssertionError("no fact box with editing controls")
    return ids[0]


def check_edit(page, _):
    page.open()
    fact = first_fact(page)
    page.control("fact", fact, "Edit").click()
    if not wait_for(lambda: page.css("dialog.be-dialog form")):
        raise AssertionError("Edit opened no form")
    if page.values().get("id") != fact:
        raise AssertionError(f"the edit form is not {fact}'s: {page.values()}")
    page.set_field("label", "Dock workers who stopped work")
    before = page.save_and_reload(lambda: page.css("dialog.be-dialog button[type=submit]")[0].click())
    after = page.text()
    problem = only_inside(before, after, fact)
    if problem:
        raise AssertionError(problem)
    if "Dock workers who stopped work" not in (block(after, fact) or ""):
        raise AssertionError(f"the new label is not in {fact}'s lines: {block(after, fact)}")
    if "review: true" not in (block(after, fact) or ""):
        raise AssertionError(f"an edit without 'Reviewed' ticked dropped {fact}'s review: true")
    shown = page.js("return document.getElementById(document.querySelector(`a[data-fact='${arguments[0]}']`).hash.slice(1)).textContent",
                    fact)
    if "Dock workers who stopped work" not in shown:
        raise AssertionError("the reloaded fact box does not show the new label")


def check_remove(page, _):
    page.open()
    fact = first_fact(page)
    page.control("fact", fact, "Remove").click()
    confirm = wait_for(lambda: [b for b in page.css("dialog.be-dialog button") if b.text == "Remove"])
    if not confirm:
        raise AssertionError("Remove asked for no confirmation")
    before = page.save_and_reload(lambda: confirm[0].click())
    problem = exactly_removed(before, page.text(), fact)
    if problem:
        raise AssertionError(problem)
    if page.css(f'a[data-fact="{fact}"]'):
        raise AssertionError(f"the reloaded page still shows {fact}")


def check_accept(page, _):
    page.open()
    fact, count = first_fact(page), page.to_review()
    before = page.save_and_reload(lambda: page.control("fact", fact, "Accept").click())
    after = page.text()
    diff = changes(before, after)
    where = item_lines(before, fact)
    if len(diff) != 1 or diff[0][0] != "delete" or [s.strip() for s in diff[0][3]] != ["review: true"] \
            or not where[0] <= diff[0][1][0] < where[1]:
        raise AssertionError(f"accepting {fact} did not take out only its review line: {diff[:3]}")
    if page.to_review() != count - 1:
        raise AssertionError(f"{page.to_review()} left to review after accepting one of {count}")
    if [b for b in page.css(f'.be-controls[data-be-id="{fact}"] button') if b.text == "Accept"]:
        raise AssertionError(f"{fact} still offers Accept after the reload")


def check_dismiss(page, _):
    page.open("timeline/")
    events = page.js("return [...document.querySelectorAll('li[id] > .be-controls[data-be-kind=event]')]"
                     ".filter((g) => g.querySelector('.be-review')).map((g) => g.dataset.beId)")
    if not events:
        raise AssertionError("no event on the timeline page with Accept and Dismiss")
    event, count = events[0], page.to_review()
    before = page.save_and_reload(lambda: page.control("event", event, "Dismiss").click())
    problem = exactly_removed(before, page.text(), event)
    if problem:
        raise AssertionError(problem)
    if page.css(f'li[id="{event}"]') or page.to_review() != count - 1:
        raise AssertionError(f"after dismissing {event}: still on the timeline or {page.to_review()} to review (was {count})")


def check_panel(page, _):
    page.open()
    page.css("#be-badge .be-badge-open")[0].click()
    cards = wait_for(lambda: page.js(
        "return [...document.querySelectorAll('dialog .be-panel-section[data-be-kind=entity] .be-card:not([hidden])')]"
        ".map((c) => c.querySelector('.be-controls').dataset.beId)"))
    if not cards:
        raise AssertionError("the model panel shows no entity to review")
    entity = next((c for c in cards if c != ALIAS_ENTITY), cards[0])
    where = page.defining(entity)
    before = page.save_and_reload(lambda: page.control("entity", entity, "Accept").click(), where)
    after = page.text(where)
    diff = changes(before, after)
    if len(diff) != 1 or diff[0][0] != "delete" or [s.strip() for s in diff[0][3]] != ["review: true"] \
            or only_inside(before, after, entity):
        raise AssertionError(f"accepting the entity {entity} did not take out only its review line: {diff[:3]}")


def check_stale(page, _):
    driver = page.driver
    # Without the reload stream the page stays as it was when the model changes under it.
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/__briefing/events*"]})
    try:
        page.open()
        fact = first_fact(page)
        changed = page.text() + "# changed in another editor\n"
        page.model.write_text(changed, encoding="utf-8")
        page.control("fact", fact, "Edit").click()
        wait_for(lambda: page.css("dialog.be-dialog form"))
        page.set_field("label", "A label from a stale page")
        page.css("dialog.be-dialog button[type=submit]")[0].click()
        message = wait_for(lambda: page.js("return document.querySelector('dialog .be-error')?.textContent"))
        if message != STALE:
            raise AssertionError(f"a save from a stale page shows {message!r}, not {STALE!r}")
        if page.text() != changed:
            raise AssertionError("a stale save changed the model")
    finally:
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})


CHECKS = [("controls", check_controls), ("keyboard", check_keyboard), ("across", check_across), ("narrow", check_narrow), ("fact", check_fact),
          ("invalid", check_invalid), ("alias", check_alias), ("edit", check_edit), ("remove", check_remove),
          ("accept", check_accept), ("dismiss", check_dismiss), ("panel", check_panel), ("stale", check_stale)]


def screenshot(page, path, selector, paragraph_id):
    """A PNG of the element `selector` with some of the page around it (and the paragraph)."""
    import base64

    box = page.js("""
      const [selector, paragraph] = arguments, e = document.querySelector(selector).getBoundingClientRect();
      const p = paragraph ? document.getElementById(paragraph).getBoundingClientRect() : e;
      const top = Math.min(e.top, p.top), bottom = Math.max(e.bottom, p.bottom);
      const left = Math.min(e.left, p.left), right = Math.max(e.right, p.right);
      return {x: Math.max(0, left - 40 + scrollX), y: Math.max(0, top - 32 + scrollY),
              width: Math.min(innerWidth, right - left + 80), height: bottom - top + 64};""", selector, paragraph_id)
    shot = page.driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True, "clip": {**box, "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))


def make_site(binary, folder):
    """A site with the fixture essay and its drafted model, less one figure's fact and one
    abbreviation, which the checks add back."""
    site = folder / "site"
    subprocess.run([str(binary), "init", str(site)], check=True, capture_output=True)
    shutil.copy(ESSAY, site / "seeds" / ESSAY.name)
    subprocess.run([str(binary), "draft", f"seeds/{ESSAY.name}"], cwd=site, check=True, capture_output=True)
    model, register = site / MODEL, site / REGISTER
    text = model.read_text(encoding="utf-8")
    fact = fact_id_quoting(text, FIGURE_QUOTE)
    # The entity is defined in the register, or in the model by an older draft.
    entities = register if register.exists() and block(register.read_text(encoding="utf-8"), ALIAS_ENTITY) else model
    entity_text = text if entities == model else entities.read_text(encoding="utf-8")
    aliases = re.search(r'(?m)^(\s*aliases: \[.*?)(, "' + ALIAS + r'")(\].*)$', block(entity_text, ALIAS_ENTITY) or "")
    if not fact or not aliases:
        raise RuntimeError(f"the draft of {ESSAY.name} no longer has a fact quoting {FIGURE_QUOTE!r} "
                           f"or {ALIAS!r} among the aliases of {ALIAS_ENTITY}: update this script")
    text = drop_item(text, fact)
    if entities == model:
        text = text.replace(aliases[0], aliases[1] + aliases[3])
    else:
        entities.write_text(entity_text.replace(aliases[0], aliases[1] + aliases[3]), encoding="utf-8")
    model.write_text(text, encoding="utf-8")
    return site


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefing", type=Path, default=REPO / ".build" / "debug" / "briefing")
    parser.add_argument("--screenshots", type=Path)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.verbose
    if not os.access(args.briefing, os.X_OK):
        print(f"editor: no {args.briefing}; run swift build", file=sys.stderr)
        return 2
    if sb.missing():
        print(f"editor: {sb.missing()}")
        return 1
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
    problems, started = [], time.monotonic()
    with tempfile.TemporaryDirectory(prefix="briefing-editor-") as folder:
        site = make_site(args.briefing.resolve(), Path(folder))
        preview = Preview(args.briefing.resolve(), site)
        try:
            slug = next(p.name for p in (site / "Public").iterdir() if (p / "timeline").is_dir())
            with sb.chromium() as driver:
                page = Page(driver, preview.base, slug, site)
                for name, check in CHECKS:
                    driver.get_log("browser")
                    try:
                        check(page, args.screenshots)
                        # Refused edits and the blocked reload stream are expected failures.
                        errors = [e for e in sb.console_errors(driver, preview.base)
                                  if "/__briefing/edit/" not in e and "/__briefing/events" not in e]
                        if errors:
                            raise AssertionError(f"console error: {errors[0]}")
                        print(f"ok      {name}")
                    except AssertionError as problem:
                        problems.append(name)
                        print(f"FAILED  {name}: {problem}")
                    except Exception as error:  # a time-out, a missing element: report it and go on
                        problems.append(name)
                        print(f"FAILED  {name}: {sb.short(error)}")
        finally:
            preview.stop()
    print(f"editor: {len(CHECKS) - len(problems)} of {len(CHECKS)} checks passed in {time.monotonic() - started:.1f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
