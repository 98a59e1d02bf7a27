#!/usr/bin/env python3
"""A stand-in SMS gateway for tests/notify.sh: a real HTTP server on a
loopback port that records every request it receives (one JSON line each:
method, path, headers, body) before it answers.

    sms-gateway.py PORT-FILE LOG-FILE SCRIPT-FILE

It writes the port it listens on to PORT-FILE. Each request takes the
first line of SCRIPT-FILE (and removes it): a status to answer ("500",
"429", "400"), or "slow SECONDS" to wait that long before answering 200.
An empty or missing script answers 200.
"""
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port_file, log_file, script_file = sys.argv[1:4]


def next_step():
    try:
        with open(script_file, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except FileNotFoundError:
        return ""
    if not lines:
        return ""
    with open(script_file, "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in lines[1:]))
    return lines[0].strip()


class Gateway(BaseHTTPRequestHandler):
    def handle_one(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "strict")
        record = {"method": self.command, "path": self.path,
                  "headers": {k.lower(): v for k, v in self.headers.items()},
                  "body": body}
        with open(log_file, "a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())
        step = next_step()
        status = 200
        if step.startswith("slow"):
            time.sleep(float(step.split()[1]))
        elif step:
            status = int(step)
        answer = b'{"ok":true}' if status == 200 else b'{"error":"test"}'
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)
        except (BrokenPipeError, ConnectionResetError):
            pass

    do_GET = do_POST = do_PUT = handle_one

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Gateway)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
