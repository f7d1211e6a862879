"""Running a site's web server in a subprocess and talking to it over HTTP."""

import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, data: str | None = None, headers: dict | None = None) -> tuple[int, dict, str]:
    """Status, headers and body of a GET (or a POST when `data` is given); error statuses are returned, not raised."""
    request = urllib.request.Request(url, data=data.encode() if data is not None else None, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@contextmanager
def serving(command: list[str], cwd, env: dict, base_url: str, wait_seconds: float = 60):
    """Start the server, wait until it answers, and stop it afterwards; its output is shown on failure."""
    server = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            assert server.poll() is None, server.stdout.read()[-3000:]
            try:
                urllib.request.urlopen(base_url + "/", timeout=5).close()
                break
            except urllib.error.HTTPError:
                break  # it answers, even if with an error status
            except OSError:
                assert time.monotonic() < deadline, "the server did not answer in time"
                time.sleep(0.3)
        yield server
    except BaseException:
        server.terminate()
        print(server.communicate(timeout=20)[0][-5000:])
        raise
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=20)
