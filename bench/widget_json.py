"""widget.json throughput (200 and 304) against a bare Django JSON view, same server, same run.

Run with `make bench`. Prints requests per second and the ratios; the goal is at least 0.9.
"""

import statistics
import urllib.request

from harness import ensure_database, free_port, manage, start_gunicorn, wrk_rps

ROUNDS = 7


def main() -> None:
    ensure_database()
    manage("migrate", "--noinput")
    manage("load_demo")
    port = free_port()
    server = start_gunicorn(port)
    base = f"http://127.0.0.1:{port}"
    widget = f"{base}/cases/sec-v-binance/widget.json?entries=3"  # what widget.js requests
    try:
        with urllib.request.urlopen(widget) as response:
            etag = response.headers["ETag"]
        samples = {"bare": [], "widget 200": [], "widget 304": []}
        for _ in range(ROUNDS):  # interleaved, so drift in machine load hits every variant alike
            samples["bare"].append(wrk_rps(f"{base}/bench/bare.json"))
            samples["widget 200"].append(wrk_rps(widget))
            samples["widget 304"].append(wrk_rps(widget, headers={"If-None-Match": etag}))
    finally:
        server.terminate()
        server.wait()
    medians = {name: statistics.median(values) for name, values in samples.items()}
    # Each round measures the three variants back to back; the ratio within a round cancels
    # drift in machine load, and the median of those ratios is the figure to read.
    ratios = {
        name: statistics.median(v / b for v, b in zip(values, samples["bare"], strict=True))
        for name, values in samples.items()
    }
    print(f"{'endpoint':<12} {'req/s (median of ' + str(ROUNDS) + ')':>20} {'ratio to bare':>14}")
    for name, value in medians.items():
        print(f"{name:<12} {value:>20.0f} {ratios[name]:>14.2f}")


if __name__ == "__main__":
    main()
