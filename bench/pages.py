"""Public pages against a bare Django view served by the same gunicorn in the same run.

Articles with 1 and 20 blocks (two live case widgets), home, news index, case page and case index,
each rendered (uncached) and served from the origin page cache (what repeat anonymous readers
get), in both configurations, each in a process of its own:

- embedded: SQLite and Django's database cache, what `make run` uses with no environment;
- postgres: PostgreSQL and Redis, the production shape (bench-owned database and Redis numbers).

"Uncached" requests carry a query string, which the origin cache never keys on, so every one is
rendered by Wagtail; the bench checks the X-Page-Cache header to be sure of what it measures.
Prints requests per second, the median of the ratios to a bare-view run made just before each page
run, the goal, and each page's SQL query count: warm, and for the first render after a purge.
Run with `make bench`.
"""

import os
import statistics
import subprocess
import sys
import urllib.request
from pathlib import Path

CONFIGS = ("embedded", "postgres")
ROUNDS, SECONDS = 3, 2
REFERENCE_BLOG_RATIO = 0.0207  # the bakerydemo blog page, measured the same way (issue 11)
GOALS = {"uncached": 3 * REFERENCE_BLOG_RATIO, "cached": 0.8}
UNCACHED_QUERY = "?reader=uncached"


def cache_header(url: str) -> str:
    with urllib.request.urlopen(url) as response:
        return response.headers.get("X-Page-Cache", "absent")


def query_counts(paths: dict[str, str]) -> dict[str, tuple[int, int]]:
    """SQL queries per page render, warm and right after a purge of the page.

    Warm: the second render of each page, the page cache bypassed (the issue's "SQL queries warm").
    After a purge: the page and its fragments dropped, as a publish or a case change drops them, so
    the render runs every lookup its content needs; measured on a second purge, once the process's
    own caches (image renditions, content types) are filled.
    """
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    from legaltracker.purge import forget_content_fragments

    def queries(path: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200, path
        return len(captured)

    def purge(path: str) -> None:
        urls = ["http://testserver" + path]
        PurgeBatch(urls).purge()  # the origin page cache and the newsroom's fragments
        forget_content_fragments(urls)  # the tracker's own fragments, as legaltracker.purge drops them

    client, counts = Client(), {}
    for name, path in paths.items():
        client.get(path + UNCACHED_QUERY)
        warm = queries(path + UNCACHED_QUERY)
        for _ in range(2):
            purge(path)
            after_purge = queries(path)
        counts[name] = (warm, after_purge)
    return counts


def run(config: str) -> None:
    os.environ["BENCH_CONFIG"] = config
    from harness import ensure_database, free_port, manage, start_gunicorn, wrk_rps

    if config == "postgres":
        ensure_database()
    manage("migrate", "--noinput")
    manage("createcachetable")
    manage("load_demo")
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection

    from bench.fixtures import ensure_bench_articles

    paths = ensure_bench_articles()
    cache.clear()
    queries = query_counts(paths)
    connection.close()

    port = free_port()
    server = start_gunicorn(port)
    base = f"http://127.0.0.1:{port}"
    variants = {"bare": f"{base}/bench/bare.json"}
    for name, path in paths.items():
        variants[f"{name}, uncached"] = base + path + UNCACHED_QUERY
        variants[f"{name}, cached"] = base + path
    try:
        seen = {}
        for name, url in variants.items():
            if name != "bare":
                cache_header(url)  # the first request fills the origin cache when it may
                seen[name] = cache_header(url)
        samples = {name: [] for name in variants}
        ratio_samples = {name: [] for name in variants}
        for _ in range(ROUNDS):
            for name, url in variants.items():
                if name == "bare":
                    continue
                # The bare view right before each page, so drift in machine load hits both alike.
                bare = wrk_rps(variants["bare"], seconds=SECONDS)
                rps = wrk_rps(url, seconds=SECONDS)
                samples["bare"].append(bare)
                samples[name].append(rps)
                ratio_samples[name].append(rps / bare)
                ratio_samples["bare"].append(1.0)
    finally:
        server.terminate()
        server.wait()
    ratios = {name: statistics.median(values) for name, values in ratio_samples.items()}
    print(f"\n{config}: {ROUNDS} rounds of {SECONDS} s runs, each page paired with a bare run just before it")
    print(f"{'page':<28} {'req/s':>7} {'ratio':>7} {'goal':>7} {'X-Page-Cache':>13} {'SQL':>4} {'SQL after purge':>16}")
    for name, values in samples.items():
        page, _, mode = name.rpartition(", ")
        goal = f"{GOALS[mode]:.3f}" if mode in GOALS else ""
        warm, after_purge = queries.get(page, ("", "")) if mode == "uncached" else ("", "")
        print(
            f"{name:<28} {statistics.median(values):>7.0f} {ratios[name]:>7.3f} {goal:>7} "
            f"{seen.get(name, ''):>13} {warm:>4} {after_purge:>16}"
        )


def main() -> None:
    configs = sys.argv[1:] or CONFIGS
    if len(configs) == 1:
        run(configs[0])
        return
    for config in configs:  # one process each: settings are read once per process
        subprocess.run([sys.executable, str(Path(__file__)), config], check=True)


if __name__ == "__main__":
    main()
