"""Before the tests: say in one sentence which service is missing and how to start it."""

import os
import socket
import sys
from urllib.parse import urlsplit

SERVICES = [
    (
        "PostgreSQL",
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test"),
        5432,
        "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
    ),
    (
        "Redis",
        os.environ.get("REDIS_URL", "redis://127.0.0.1:6379"),
        6379,
        'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no',
    ),
]


def reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def main() -> int:
    missing = 0
    for name, url, default_port, start in SERVICES:
        parts = urlsplit(url)
        host, port = parts.hostname or "127.0.0.1", parts.port or default_port
        if not reachable(host, port):
            print(f"{name} is not reachable at {host}:{port}; start it with: {start}", file=sys.stderr)
            missing += 1
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
