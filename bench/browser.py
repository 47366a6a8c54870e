"""What staff feel, in the browser: Odoo's web client in headless Chromium on a
bench municipality, each step timed from the call that starts it to the
rendered screen, as a ratio against the same step on Odoo's own screens with
the same records (the people's contacts, the same appointments):

1. the beneficiaries' list          vs the contacts' list
2. a surname typed in the search box vs the same in the contacts' search box
3. a file's form                     vs its contact's form
4. a professional's calendar week    vs Odoo's calendar, same week and events
5. the monthly activity report, printed (PDF, downloaded)
                                     vs Odoo's own sample document in the
                                     same layout (web.preview_externalreport),
                                     printed by the same engine

Usage: scripts/bench --browser [--size N]  (or python -m bench.browser --config
ODOO_CONF --database DB). Results in bench/results-browser-N.json.
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from dateutil.relativedelta import relativedelta

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scripts"))
from screenshots import Browser, session  # noqa: E402 (scripts/ is not a package)

PASSWORD_LOGIN = "bench.head"
ROUNDS = 15
# Pause before each timed step: the page's images and the server settle.
SETTLE_SECONDS = 0.25
SURNAME = "Παπαδόπουλος"

# In the page: once the web client has no call to the server in flight (the
# previous step's chatter, say, which would otherwise be served while this step
# is timed), time ``start()`` (a promise) until ``ready()`` holds on a
# rendered frame; milliseconds.
TIMER = """
(async () => {
    const env = odoo.__WOWL_DEBUG__.root.env;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    if (!window.kentroBenchCalls) {
        const { rpcBus } = odoo.loader.modules.get("@web/core/network/rpc");
        const calls = (window.kentroBenchCalls = new Set());
        rpcBus.addEventListener("RPC:REQUEST", ({ detail }) => calls.add(detail.data));
        rpcBus.addEventListener("RPC:RESPONSE", ({ detail }) => calls.delete(detail.data));
    }
    while (window.kentroBenchCalls.size) { await frame(); }
    await frame();
    const began = performance.now();
    await (%(start)s)(env);
    const deadline = began + 60000;
    while (!(%(ready)s)()) {
        if (performance.now() > deadline) { throw new Error("not rendered in 60 s"); }
        await frame();
    }
    await frame();
    return performance.now() - began;
})()
"""

ROWS = "() => document.querySelectorAll('.o_list_view .o_data_row').length > 0"
FORM = "() => !!document.querySelector('.o_form_view .o_form_sheet .o_field_widget')"
EVENTS = "() => document.querySelectorAll('.o_calendar_renderer .fc-event').length > 0"
# A print is over when its file has arrived: the step's promise resolves then.
DOWNLOADED = "() => true"


def window(model, view, view_id=False, **extra):
    return json.dumps(
        {"type": "ir.actions.act_window", "res_model": model, "views": [[view_id, view]], **extra}
    )


def do_action(action):
    return f"(env) => env.services.action.doAction({action}, {{clearBreadcrumbs: true}})"


def search_in_box(text):
    """Type ``text`` in the search box and press Enter (the first proposal:
    search by name), as a user does."""
    return f"""async (env) => {{
        const input = document.querySelector('.o_searchview_input');
        input.value = {json.dumps(text)};
        input.dispatchEvent(new Event('input', {{bubbles: true}}));
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        while (!document.querySelector('.o_searchview_autocomplete')) {{ await frame(); }}
        input.dispatchEvent(new KeyboardEvent('keydown', {{key: 'Enter', bubbles: true}}));
    }}"""


def print_report(wizard):
    """The head's click on «Print» in the activity report's wizard: the
    report is rendered and kept on the structure's chatter, then the file it
    answers with is downloaded (the browser's own download, fetched here so
    that its end can be timed)."""
    return f"""async (env) => {{
        const action = await env.services.orm.call(
            "kentro.activity.report", "action_print", [[{wizard}]]);
        const answer = await fetch(action.url);
        if (!answer.ok) {{ throw new Error("download: " + answer.status); }}
        await answer.blob();
    }}"""


def print_stock_report(company):
    """Odoo's own print of its sample document for ``company``, in the same
    layout, by the same engine: the web client's report action, which
    resolves once the PDF is downloaded."""
    action = json.dumps(
        {
            "type": "ir.actions.report",
            "report_type": "qweb-pdf",
            "report_name": "web.preview_externalreport",
            "context": {"active_ids": [company], "active_model": "res.company"},
        }
    )
    return f"(env) => env.services.action.doAction({action})"


def rows_all_read(text):
    return (
        "() => { const rows = [...document.querySelectorAll('.o_list_view .o_data_row')];"
        f" return document.querySelector('.o_searchview_facet') && rows.length > 0"
        f" && rows.every((row) => row.innerText.includes({json.dumps(text)})); }}"
    )


def prepare(config, database, url):
    """A password for the measuring login, and the records the steps open."""
    from bench.run import odoo_env

    env = odoo_env(config, database)
    try:
        # wkhtmltopdf fetches the report's styles from the server that prints.
        env["ir.config_parameter"].set_param("report.url", url)
        user = env["res.users"].search([("login", "=", PASSWORD_LOGIN)])
        user.password = PASSWORD_LOGIN
        Person = env["kentro.beneficiary"].with_user(user)
        person = Person.search([("last_name", "=", SURNAME)], limit=1) or Person.search([], limit=1)
        Event = env["calendar.event"]
        domain = [("kentro_appointment", "=", True), ("user_id", "!=", False)]
        [(busiest, _count)] = Event._read_group(
            domain, ["user_id"], ["__count"], order="__count desc", limit=1
        )
        # The calendar week is opened by its professional, the attendee of
        # their appointments, as Odoo's calendar shows its user's events.
        busiest.password = busiest.login
        day = Event.search(
            domain + [("user_id", "=", busiest.id)], order="start desc", limit=1
        ).start
        # The monthly report: the head's structure, last month.
        last = date.today().replace(day=1) - relativedelta(days=1)
        first = last.replace(day=1)
        wizard = (
            env["kentro.activity.report"]
            .with_user(user)
            .create({"report_type": "activity", "date_from": first, "date_to": last})
        )
        env.cr.commit()
        return {
            "person": person.id,
            "contact": person.sudo().partner_id.id,
            "professional": busiest.id,
            "professional_login": busiest.login,
            "week": day.strftime("%Y-%m-%d %H:%M:%S"),
            "kentro_calendar": env.ref("kentro_community.kentro_appointment_view_calendar").id,
            "odoo_calendar": env.ref("calendar.view_calendar_event_calendar").id,
            "wizard": wizard.id,
            "company": wizard.centre_id.company_id.id,
        }
    finally:
        env.cr.close()


def steps(records):
    """(name, login, ours, reference, target): each side (start, ready)."""
    # The same appointments (the busiest professional's), the same week: in
    # Kentro's appointment calendar, and in Odoo's own calendar view.
    same = {
        "domain": [["user_id", "=", records["professional"]]],
        "context": {"initial_date": records["week"]},
    }
    appointments = window("calendar.event", "calendar", records["kentro_calendar"], **same)
    calendar = window("calendar.event", "calendar", records["odoo_calendar"], **same)
    return [
        (
            "The beneficiaries' list",
            PASSWORD_LOGIN,
            (do_action(window("kentro.beneficiary", "list")), ROWS),
            (do_action(window("res.partner", "list")), ROWS),
            1.0,
        ),
        (
            f"A surname typed in the search box («{SURNAME}»)",
            PASSWORD_LOGIN,
            (search_in_box(SURNAME), rows_all_read(SURNAME)),
            (search_in_box(SURNAME), rows_all_read(SURNAME)),
            1.0,
        ),
        (
            "A file's form",
            PASSWORD_LOGIN,
            (do_action(window("kentro.beneficiary", "form", res_id=records["person"])), FORM),
            (do_action(window("res.partner", "form", res_id=records["contact"])), FORM),
            1.0,
        ),
        (
            "A professional's calendar week",
            records["professional_login"],
            (do_action(appointments), EVENTS),
            (do_action(calendar), EVENTS),
            1.5,
        ),
        (
            "The monthly activity report, printed (PDF)",
            PASSWORD_LOGIN,
            (print_report(records["wizard"]), DOWNLOADED),
            (print_stock_report(records["company"]), DOWNLOADED),
            1.5,
        ),
    ]


def measure(browser, start, ready):
    result = browser.call(
        "Runtime.evaluate",
        expression=TIMER % {"start": start, "ready": ready},
        awaitPromise=True,
        returnByValue=True,
    )
    if "exceptionDetails" in result:
        raise RuntimeError(result["exceptionDetails"].get("exception", {}).get("description"))
    return result["result"]["value"]


def run(url, database, records, rounds=ROUNDS):
    browser = Browser(9361)
    try:
        logged_in = None

        def log_in(login):
            browser.call("Network.clearBrowserCookies")
            browser.call(
                "Network.setCookie",
                name="session_id",
                domain="127.0.0.1",
                path="/",
                value=session(url, database, login),
            )
            browser.call("Page.navigate", url=f"{url}/odoo")
            time.sleep(1)
            browser.wait_for(".o_main_navbar", timeout=120)

        browser.call(
            "Emulation.setDeviceMetricsOverride",
            width=1440,
            height=900,
            deviceScaleFactor=1,
            mobile=False,
        )
        # The files printed are only timed, not kept.
        browser.call("Page.setDownloadBehavior", behavior="deny")
        results = []
        for name, login, ours, reference, target in steps(records):
            if login != logged_in:
                log_in(login)
                logged_in = login
            timings = {"ours": [], "reference": []}
            for index in range(rounds + 1):
                for side, (start, ready) in (("ours", ours), ("reference", reference)):
                    if ready.startswith("() => { const rows"):
                        # The search starts from the list it searches.
                        model = "kentro.beneficiary" if side == "ours" else "res.partner"
                        measure(browser, do_action(window(model, "list")), ROWS)
                    time.sleep(SETTLE_SECONDS)
                    try:
                        spent = measure(browser, start, ready)
                    except RuntimeError as error:
                        raise RuntimeError(f"{name} ({side}): {error}") from error
                    if index:  # the first round warms the caches
                        timings[side].append(spent)
            ours_ms = statistics.median(timings["ours"])
            reference_ms = statistics.median(timings["reference"])
            results.append(
                {
                    "name": name,
                    "ours_ms": round(ours_ms, 1),
                    "reference_ms": round(reference_ms, 1),
                    "ratio": round(ours_ms / reference_ms, 2),
                    "target": target,
                    "holds": ours_ms / reference_ms <= target,
                }
            )
        return results
    finally:
        browser.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--odoo-bin", required=True)
    parser.add_argument("--port", type=int, default=8391)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--output")
    args = parser.parse_args(argv)
    url = f"http://127.0.0.1:{args.port}"
    records = prepare(args.config, args.database, url)
    server = subprocess.Popen(
        [
            sys.executable,
            args.odoo_bin,
            "-c",
            args.config,
            "-d",
            args.database,
            f"--db-filter=^{args.database}$",
            f"--http-port={args.port}",
            "--http-interface=127.0.0.1",
            "--max-cron-threads=0",
            "--log-level=warn",
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(240):
            try:
                session(url, args.database, PASSWORD_LOGIN)
                break
            except (OSError, SystemExit):
                time.sleep(0.5)
        results = run(url, args.database, records, args.rounds)
    finally:
        server.terminate()
        server.wait(timeout=60)
    print(f"{'step':<55} {'ours':>9} {'stock':>9} {'ratio':>7} {'target':>7}")
    for row in results:
        print(
            f"{row['name']:<55} {row['ours_ms']:>7.0f}ms {row['reference_ms']:>7.0f}ms "
            f"{row['ratio']:>6.2f}× {'≤ ' + str(row['target']):>7} {'yes' if row['holds'] else 'NO'}"
        )
    output = Path(args.output or HERE / f"results-browser-{args.database.rsplit('_', 1)[-1]}.json")
    output.write_text(
        json.dumps({"database": args.database, "rows": results}, ensure_ascii=False, indent=2)
        + "\n"
    )
    return 0 if all(row["holds"] for row in results) else 1


if __name__ == "__main__":
    sys.exit(main())
