"""Shared by check_browser.py and check_a11y.py: serve a built site on 127.0.0.1 and drive
Debian's headless Chromium through Selenium and chromium-driver."""
import functools
import http.server
import threading
from contextlib import contextmanager

# The pages the browser and accessibility gates load, as (name, path under the site root).
PAGES = [
    ("home", "/"),
    ("briefing", "/is-russian-malign-influence-in-serbia-a-myth/"),
    ("entity", "/entities/aleksandar-vucic/"),
    ("facts", "/is-russian-malign-influence-in-serbia-a-myth/facts/"),
    ("timeline", "/is-russian-malign-influence-in-serbia-a-myth/timeline/"),
]
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def missing():
    """None, or what is missing to drive Chromium (all of it comes with scripts/setup)."""
    import importlib.util
    import os

    lacking = [what for what, there in (
        ("selenium (PyPI)", importlib.util.find_spec("selenium") is not None),
        (f"chromium ({CHROMIUM})", os.access(CHROMIUM, os.X_OK)),
        (f"chromium-driver ({CHROMEDRIVER})", os.access(CHROMEDRIVER, os.X_OK))) if not there]
    return f"needs {', '.join(lacking)}: run scripts/setup" if lacking else None


def short(error):
    """The first line of an exception, for a one-line report."""
    text = (getattr(error, "msg", None) or str(error) or "").strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


@contextmanager
def serve(folder):
    """Serves folder on a free port of 127.0.0.1; yields the base URL (no trailing slash)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium():
    """A headless Chromium with its console log kept (goog:loggingPrefs browser ALL)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-US",
                     "--no-first-run", "--disable-extensions", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    try:
        yield driver
    finally:
        driver.quit()


def set_viewport(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def set_theme(driver, theme):
    """theme: "light" or "dark", as the prefers-color-scheme media feature."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": "", "features": [{"name": "prefers-color-scheme", "value": theme}]})


def console_errors(driver, base):
    """SEVERE console entries since the last call, with the server's origin left out."""
    return [entry["message"].replace(base, "") for entry in driver.get_log("browser")
            if entry.get("level") == "SEVERE"]


def full_page_screenshot(driver, path, width, max_height=50000):
    """A PNG of the whole page (up to max_height CSS pixels tall); returns its height."""
    import base64
    import math

    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    content = metrics.get("cssContentSize") or metrics["contentSize"]
    height = min(math.ceil(content["height"]), max_height)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": max(width, math.ceil(content["width"])), "height": height, "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))
    return height
