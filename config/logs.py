"""One line per log record on stderr, as key=value pairs, so a log shipper can split them."""

import logging
import time


class OneLineFormatter(logging.Formatter):
    """`time=... level=... logger=... message` with any traceback folded into the same line."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.exc_info:
            message += " traceback=" + repr(self.formatException(record.exc_info))
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
        line = f"time={stamp}Z level={record.levelname} logger={record.name} {message}"
        return line.replace("\n", "\\n")


class RequestLogMiddleware:
    """Log every request in one line: method, path, status and time taken."""

    logger = logging.getLogger("request")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        self.logger.info(
            "event=request method=%s path=%r status=%s duration_ms=%.1f",
            request.method,
            request.path,
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        return response
