"""Kentro's benchmarks: build (or reuse) a municipality of N beneficiaries and
one of N/10, measure, and print every figure as a ratio against a reference
measured in the same run. scripts/bench runs this with Odoo's Python.

    python -m bench.run --config ODOO_CONF [--size N | --sizes N,N,...]
                        [--prefix kentro_bench] [--fresh] [--output FILE]

``--sizes`` runs the whole bench at each size in turn and prints one table per
size; each size's figures go to ``bench/results-N.json``.
"""

import argparse
import configparser
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ADDONS = "kentro_community,kentro_roma_annex,kentro_migrant_annex,kentro_mobile_unit"


def odoo_env(config, database, configured=False):
    """An Odoo environment (superuser) on ``database``, in this process; the
    configuration is read once per process (``configured``: already read)."""
    import odoo
    from odoo import SUPERUSER_ID, api

    if not configured:
        odoo.tools.config.parse_config(["-c", config, "-d", database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(database)
    cr = registry.cursor()
    return api.Environment(cr, SUPERUSER_ID, {"lang": "en_US", "tz": "Europe/Athens"})


def child(args):
    """One step in a fresh process: generate, measure, lookup, growth (two
    databases), or memory."""
    sys.path.insert(0, str(HERE.parent))
    from bench.generator import Municipality
    from bench.measures import Measures

    env = odoo_env(args.config, args.database)
    try:
        if args.step == "generate":
            from bench.generator import BUILD_SECONDS

            started = time.monotonic()
            built = Municipality(env, args.size, progress=not args.quiet).generate()
            seconds = round(time.monotonic() - started, 1)
            if not built:  # reused: how long it took to build
                seconds = float(env["ir.config_parameter"].sudo().get_param(BUILD_SECONDS, 0))
            result = {"generated": built, "seconds": seconds}
        elif args.step == "memory":
            result = Measures(env, args.size).report_memory()
        elif args.step == "growth":
            # Both municipalities in one process, their lookups alternated, so
            # that the growth figure compares like with like.
            small_env = odoo_env(args.config, args.small_database, configured=True)
            try:
                small = Measures(small_env, max(args.size // 10, 1))
                result = Measures(env, args.size).amka_growth(small)
            finally:
                small_env.cr.rollback()
                small_env.cr.close()
        elif args.step == "lookup":
            result = Measures(env, args.size).amka_lookup()
        else:
            result = Measures(env, args.size).all()
        env.cr.rollback()
    finally:
        env.cr.close()
    print("RESULT " + json.dumps(result, default=str))


def run_child(config, database, size, step, quiet=False, small_database=None):
    command = [
        sys.executable,
        "-m",
        "bench.run",
        "--config",
        config,
        "--child",
        step,
        "--database",
        database,
        "--size",
        str(size),
    ] + (["--quiet"] if quiet else [])
    if small_database:
        command += ["--small-database", small_database]
    output = subprocess.run(
        command, cwd=HERE.parent, check=True, stdout=subprocess.PIPE, text=True
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    return json.loads(line[len("RESULT ") :])


def database_exists(name):
    found = subprocess.run(
        ["psql", "-d", "postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        check=True,
        capture_output=True,
        text=True,
    )
    return found.stdout.strip() == "1"


def files_missing(config, name):
    """How many of the database's stored files its filestore lacks (a database
    kept on a machine whose data_dir was not: its images, its assets and the
    report's styles would be served as errors, and the browser's steps timed
    with them)."""
    parser = configparser.ConfigParser()
    parser.read(config)
    store = Path(parser.get("options", "data_dir"), "filestore", name)
    stored = subprocess.run(
        [
            "psql",
            "-d",
            name,
            "-tAc",
            "SELECT DISTINCT store_fname FROM ir_attachment WHERE store_fname IS NOT NULL",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return sum(not (store / fname).is_file() for fname in stored)


def ensure_database(config, odoo_bin, name, fresh, files=False):
    """A database with the addons of this checkout: installed in a new one, or
    updated in one kept from an earlier run (its schema may be older). With
    ``files`` (the browser's run, which is served them), a kept database whose
    files are gone is built anew."""
    if files and not fresh and database_exists(name) and (missing := files_missing(config, name)):
        print(
            f"kentro bench: '{name}' lacks {missing} of its stored files: built anew",
            file=sys.stderr,
        )
        fresh = True
    if fresh and database_exists(name):
        subprocess.run(["dropdb", name], check=True)
    reused = database_exists(name)
    action = "updating" if reused else "installing"
    print(f"kentro bench: {action} the addons in '{name}'", file=sys.stderr)
    subprocess.run(
        [
            sys.executable,
            odoo_bin,
            "-c",
            config,
            "-d",
            name,
            "-u" if reused else "-i",
            ADDONS,
            "--without-demo=all",
            "--stop-after-init",
            "--log-level=warn",
        ],
        check=True,
    )


def generate(config, name, size, quiet=False):
    """Build the municipality of ``size`` in ``name`` if it is not there yet.
    One just built is vacuumed and analysed, as autovacuum would in the next
    minutes: the measures meet the state of a database in service, and no
    autovacuum worker runs beside them."""
    result = run_child(config, name, size, "generate", quiet=quiet)
    if result["generated"]:
        subprocess.run(["vacuumdb", "--analyze", "--quiet", name], check=True)
    return result


def ratio(ours, reference):
    return ours / reference if reference else float("inf")


def table(results):
    lines = [
        "| # | measure | Kentro | reference | ratio | target | holds |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for number, row in enumerate(results["rows"], start=1):
        lines.append(
            f"| {number} | {row['name']} | {row['ours']} | {row['reference']} | "
            f"{row['ratio']} | {row['target']} | {'yes' if row['holds'] else 'NO'} |"
        )
    return "\n".join(lines)


def seconds(value):
    return f"{value * 1000:.2f} ms" if value < 1 else f"{value:.2f} s"


def run_size(args, size):
    """Build (or reuse) the municipalities of ``size`` and of ``size``/10 and
    measure: the results of one size, with one row per target."""
    small = max(size // 10, 1)
    databases = {size: f"{args.prefix}_{size}", small: f"{args.prefix}_{small}"}
    build = {}
    for built_size, name in databases.items():
        # --fresh rebuilds a database once per run, though two sizes share it.
        ensure_database(args.config, args.odoo_bin, name, args.fresh and name not in args.built)
        args.built.add(name)
        print(f"kentro bench: municipality of {built_size:,} in '{name}'", file=sys.stderr)
        build[built_size] = generate(args.config, name, built_size, quiet=args.quiet)

    big, little = databases[size], databases[small]
    # Memory first, each in a fresh process.
    memory = {
        each: run_child(args.config, name, each, "memory") for each, name in databases.items()
    }
    measured = run_child(args.config, big, size, "measure")
    growth_pair = run_child(args.config, big, size, "growth", small_database=little)

    rows = []
    for key in ("registration", "amka_lookup", "name_search", "greeklish_search", "annual_report"):
        item = measured[key]
        value = ratio(item["ours"], item["reference"])
        holds = value <= item["target"] and item.get("figures_identical", True)
        rows.append(
            {
                "name": item["name"]
                + ("" if item.get("figures_identical", True) else " (FIGURES DIFFER)"),
                "ours": seconds(item["ours"]),
                "reference": f"{seconds(item['reference'])} ({item['reference_label']})"
                + (
                    f"; Odoo's own search as superuser, no rule: {seconds(item['orm_superuser'])}"
                    f"; Odoo's own lookup of a contact by its indexed reference, as the same "
                    f"user: {seconds(item['odoo_contact_lookup'])}"
                    if "orm_superuser" in item
                    else ""
                ),
                "ratio": f"{value:.2f}×",
                "target": f"≤ {item['target']}×",
                "holds": holds,
                "raw": item,
            }
        )
    for item in measured["audited_reads"].values():
        value = ratio(item["ours"], item["reference"])
        rows.append(
            {
                "name": f"{item['name']}, with the read audit",
                "ours": seconds(item["ours"]),
                "reference": f"{seconds(item['reference'])} ({item['reference_label']})",
                "ratio": f"{value:.2f}×",
                "target": f"≤ {item['target']}×",
                "holds": value <= item["target"],
                "raw": item,
            }
        )
    growth = ratio(growth_pair["ours"], growth_pair["reference"])
    rows.insert(
        2,
        {
            "name": f"Lookup by ΑΜΚΑ at {size:,} vs at {small:,}",
            "ours": seconds(growth_pair["ours"]),
            "reference": f"{seconds(growth_pair['reference'])} (at {small:,})",
            "ratio": f"{growth:.2f}×",
            "target": "≤ 1.5×",
            "holds": growth <= 1.5,
        },
    )
    counts = measured["query_counts"]
    rows.append(
        {
            "name": "Queries: list of 8 vs 80 rows; form with few vs many services; "
            "calendar week with few vs many appointments",
            "ours": f"{counts['lists'][1]} / {counts['forms'][1]} / {counts['calendars'][1]}",
            "reference": f"{counts['lists'][0]} / {counts['forms'][0]} / {counts['calendars'][0]}",
            "ratio": "same" if counts["constant"] else "differ",
            "target": "same",
            "holds": counts["constant"],
        }
    )
    rss = ratio(memory[size]["peak_rss_kb"], memory[small]["peak_rss_kb"])
    rows.append(
        {
            "name": f"Peak memory producing the annual report at {size:,} vs {small:,}",
            "ours": f"{memory[size]['peak_rss_kb'] / 1024:.0f} MB",
            "reference": f"{memory[small]['peak_rss_kb'] / 1024:.0f} MB (at {small:,})",
            "ratio": f"{rss:.2f}×",
            "target": "≤ 1.5×",
            "holds": rss <= 1.5,
        }
    )
    results = {
        "size": size,
        "machine": {
            "cpus": os.cpu_count(),
            "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
            "python": platform.python_version(),
            "system": platform.platform(),
        },
        "build_seconds": {str(each): item["seconds"] for each, item in build.items()},
        "rows": rows,
        "query_counts": counts,
        "memory": memory,
    }
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--prefix", default="kentro_bench")
    parser.add_argument("--fresh", action="store_true", help="rebuild the databases")
    parser.add_argument("--odoo-bin", default=os.environ.get("KENTRO_ODOO_BIN", "odoo-bin"))
    parser.add_argument(
        "--sizes",
        help="comma-separated sizes, each run in turn (e.g. 2000,20000,100000,500000)",
    )
    parser.add_argument(
        "--output",
        help="where the figures go (default bench/results.json, or bench/results-N.json "
        "for each size of --sizes)",
    )
    parser.add_argument(
        "--browser",
        action="store_true",
        help="measure the web client in headless Chromium (bench/browser.py) on each size's "
        "database, built if missing, instead of the ORM figures",
    )
    parser.add_argument("--child")
    parser.add_argument("--database")
    parser.add_argument("--small-database")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if args.child:
        args.step = args.child
        return child(args)

    sizes = [int(each) for each in args.sizes.split(",")] if args.sizes else [args.size]
    args.built = set()
    if args.browser:
        failed = 0
        for size in sizes:
            database = f"{args.prefix}_{size}"
            ensure_database(args.config, args.odoo_bin, database, args.fresh, files=True)
            generate(args.config, database, size, quiet=args.quiet)
            # Each size in a process of its own: Odoo reads its configuration
            # once per process.
            measured = subprocess.run(
                [sys.executable, "-m", "bench.browser", "--config", args.config]
                + ["--database", database, "--odoo-bin", args.odoo_bin]
                + (["--output", args.output] if args.output else []),
                cwd=HERE.parent,
                check=False,
            )
            failed += measured.returncode != 0
        return 1 if failed else 0
    missed = []
    for size in sizes:
        results = run_size(args, size)
        if len(sizes) > 1:
            print(f"\n### {size:,} beneficiaries (and {max(size // 10, 1):,})\n")
        print(table(results))
        output = Path(
            args.output or (HERE / (f"results-{size}.json" if args.sizes else "results.json"))
        )
        if args.sizes and args.output:
            output = output.with_name(f"{output.stem}-{size}{output.suffix}")
        output.write_text(json.dumps(results, indent=2, default=str) + "\n")
        print(f"kentro bench: results in {output}", file=sys.stderr)
        missed += [f"{row['name']} at {size:,}" for row in results["rows"] if not row["holds"]]
    for row in missed:
        print(f"kentro bench: target missed: {row}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
