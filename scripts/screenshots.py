"""Retake the README's screenshots from a running demo (scripts/demo).

Usage: scripts/screenshots [--url http://localhost:8069] [--db kentro_demo] [--out docs]

Each screen is opened in headless Chromium as the demo user who works on it,
in Greek, at a desktop size or at a phone's (390×844), the way that user
reaches it: the screen's URL, then the clicks a user makes. Reports are
printed through the same routes the browser uses and their first page is
converted with pdftoppm.
"""

import argparse
import base64
import http.cookiejar
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

DESKTOP = (1440, 900, 1, False)
PHONE = (390, 844, 3, True)

# (file, login, URL path, size, clicks: texts of buttons/links clicked in order,
#  CSS selector that must be on screen before the picture is taken)
SCREENS = [
    (
        "ui-file.png",
        "professional",
        "/odoo/action-kentro_community.kentro_beneficiary_action/1",
        DESKTOP,
        [],
        ".o_form_view .o_notebook",
    ),
    (
        "ui-calendar.png",
        "reception",
        "/odoo/action-kentro_community.kentro_appointment_action",
        DESKTOP,
        [],
        ".o_calendar_view .fc-event",
    ),
    (
        "ui-statistics.png",
        "supervisor",
        "/odoo",
        DESKTOP,
        ["css:.o_navbar_apps_menu button", "Κέντρο Κοινότητας"],
        ".o_pivot, .o_graph_view",
    ),
    (
        "ui-mobile-visits.png",
        "mykis.psychologist",
        "/odoo/action-kentro_mobile_unit.kentro_mobile_visit_action",
        PHONE,
        [],
        ".o_kanban_record, .o_data_row",
    ),
    (
        "ui-mobile-registration.png",
        "mykis.psychologist",
        "/odoo/action-kentro_mobile_unit.kentro_mobile_visit_action",
        PHONE,
        ["first-row", "Άφιξη"],
        ".modal .o_form_view, .o_form_view .o_field_widget[name=first_name]",
    ),
]


# (file, login, report type of the activity report wizard): printed as a user
# prints them, through the wizard and the download it returns.
REPORTS = [
    ("report-activity.png", "head", "activity"),
    ("report-annual.png", "head", "annual"),
]


class Browser:
    def __init__(self, port):
        self.profile = tempfile.mkdtemp(prefix="kentro-shots-")
        self.proc = subprocess.Popen(
            [
                "chromium",
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--remote-debugging-port={port}",
                "--remote-allow-origins=*",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json") as answer:
                    tabs = json.load(answer)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise SystemExit("chromium did not start")
        page = next(tab for tab in tabs if tab["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"])
        self.calls = 0

    def call(self, method, **params):
        self.calls += 1
        self.ws.send(json.dumps({"id": self.calls, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.calls:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def wait_for(self, selector, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(f"!!document.querySelector({json.dumps(selector)})"):
                return
            time.sleep(0.3)
        raise RuntimeError(f"nothing matches {selector} after {timeout} s")

    def click(self, text):
        if text.startswith("css:"):
            script = (
                "(() => { const el = document.querySelector(" + json.dumps(text[4:]) + ");"
                " if (el) { el.click(); return true; } return false; })()"
            )
        elif text == "first-row":
            script = (
                "(() => { const row = document.querySelector("
                "'.o_data_row .o_data_cell, .o_kanban_record:not(.o_kanban_ghost)');"
                " if (row) { row.click(); return true; } return false; })()"
            )
        else:
            script = (
                "(() => { const want = " + json.dumps(text) + ";"
                " for (const el of document.querySelectorAll('button, a, .dropdown-item')) {"
                " if (el.offsetParent && el.innerText.trim() === want) {"
                " el.click(); return true; } } return false; })()"
            )
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.evaluate(script):
                time.sleep(1.5)
                return
            time.sleep(0.3)
        raise RuntimeError(f"nothing to click reads {text!r}")

    def close(self):
        self.proc.kill()
        self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def session(url, db, login):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    body = json.dumps(
        {"jsonrpc": "2.0", "params": {"db": db, "login": login, "password": login}}
    ).encode()
    request = urllib.request.Request(
        url + "/web/session/authenticate", body, {"Content-Type": "application/json"}
    )
    with opener.open(request) as answer:
        reply = json.load(answer)
    if reply.get("error"):
        raise SystemExit(f"{login} cannot log in: {reply['error']['data']['message']}")
    return next(cookie.value for cookie in jar if cookie.name == "session_id")


def call_kw(opener, url, model, method, args, context):
    body = json.dumps(
        {
            "jsonrpc": "2.0",
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": {"context": context},
            },
        }
    ).encode()
    request = urllib.request.Request(
        f"{url}/web/dataset/call_kw", body, {"Content-Type": "application/json"}
    )
    with opener.open(request) as answer:
        reply = json.load(answer)
    if reply.get("error"):
        raise RuntimeError(reply["error"]["data"]["message"])
    return reply["result"]


def print_report(url, db, out, report):
    name, login, report_type = report
    opener = urllib.request.build_opener()
    opener.addheaders = [("Cookie", f"session_id={session(url, db, login)}")]
    context = {"lang": "el_GR", "default_report_type": report_type}
    wizard = call_kw(opener, url, "kentro.activity.report", "create", [{}], context)
    action = call_kw(opener, url, "kentro.activity.report", "action_print", [[wizard]], context)
    with opener.open(url + action["url"]) as answer:
        pdf = answer.read()
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "report.pdf"), "wb") as file:
            file.write(pdf)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "70",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                os.path.join(folder, "report.pdf"),
                os.path.join(folder, "page"),
            ],
            check=True,
        )
        shutil.move(os.path.join(folder, "page.png"), os.path.join(out, name))
    print(f"{name}: printed as {login}")


def take(browser, url, db, out, screen):
    name, login, path, (width, height, scale, mobile), clicks, ready = screen
    browser.call("Network.clearBrowserCookies")
    host = urllib.request.urlparse(url).hostname
    browser.call(
        "Network.setCookie", name="session_id", value=session(url, db, login), domain=host, path="/"
    )
    browser.call(
        "Emulation.setDeviceMetricsOverride",
        width=width,
        height=height,
        deviceScaleFactor=scale,
        mobile=mobile,
    )
    browser.call("Emulation.setTouchEmulationEnabled", enabled=mobile)
    browser.call("Page.navigate", url=url + path)
    time.sleep(3)
    for text in clicks:
        browser.click(text)
    browser.wait_for(ready)
    time.sleep(2)  # fonts, pictures and the calendar's layout settle
    shot = browser.call("Page.captureScreenshot", format="png")
    with open(os.path.join(out, name), "wb") as file:
        file.write(base64.b64decode(shot["data"]))
    print(f"{name}: {login} at {width}×{height}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="kentro_demo")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "docs"))
    parser.add_argument("--port", type=int, default=9339, help="Chromium's debugging port")
    parser.add_argument("only", nargs="*", help="file names to retake (all by default)")
    args = parser.parse_args()
    browser = Browser(args.port)
    failed = []
    try:
        for screen in SCREENS:
            if args.only and screen[0] not in args.only:
                continue
            try:
                take(browser, args.url.rstrip("/"), args.db, args.out, screen)
            except (RuntimeError, OSError) as error:
                failed.append(f"{screen[0]}: {error}")
    finally:
        browser.close()
    for report in REPORTS:
        if args.only and report[0] not in args.only:
            continue
        try:
            print_report(args.url.rstrip("/"), args.db, args.out, report)
        except (RuntimeError, OSError, subprocess.CalledProcessError) as error:
            failed.append(f"{report[0]}: {error}")
    for line in failed:
        print(f"FAILED {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
