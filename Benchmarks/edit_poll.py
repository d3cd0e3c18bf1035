#!/usr/bin/env python3
"""Times one edit to a served page: renames TEMP over FILE (as editors save) and polls URL
until its body holds TEXT; prints the microseconds from the rename to that response, or
TIMEOUT. With --cost, prints instead what one poll of URL takes (the median of 20).

  edit_poll.py TEMP FILE URL TEXT [TIMEOUT_S]
  edit_poll.py --cost URL

One process polls over fresh HTTP/1.1 connections, a millisecond or two each, so that the
poll's own cost (a curl process is 10 to 15 ms) does not hide how soon the page changed.
"""
import http.client
import os
import sys
import time
import urllib.parse


def fetch(url):
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        connection.request("GET", parts.path or "/", headers={"Cache-Control": "no-cache"})
        response = connection.getresponse()
        return response.read() if response.status == 200 else b""
    except (OSError, http.client.HTTPException):
        # A server that writes pages to disk can serve one cut short while writing it
        # (hugo server --renderToDisk): that is a poll that has not seen the edit yet.
        return b""
    finally:
        connection.close()


def main():
    if sys.argv[1:2] == ["--cost"]:
        costs = []
        for _ in range(20):
            start = time.perf_counter()
            fetch(sys.argv[2])
            costs.append(time.perf_counter() - start)
        print(int(sorted(costs)[10] * 1e6))
        return 0
    temp, target, url, text = sys.argv[1:5]
    timeout = float(sys.argv[5]) if len(sys.argv) > 5 else 300
    wanted = text.encode()
    start = time.perf_counter()
    os.rename(temp, target)
    while time.perf_counter() - start < timeout:
        if wanted in fetch(url):
            print(int((time.perf_counter() - start) * 1e6))
            return 0
        time.sleep(0.001)
    print("TIMEOUT")
    return 1


if __name__ == "__main__":
    sys.exit(main())
