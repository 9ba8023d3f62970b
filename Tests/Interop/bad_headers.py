#!/usr/bin/env python3
"""Hostile HTTP/2 headers into the coordinator, from a raw HTTP/2 client.

grpcio will not send reserved headers (`:path`, `content-type`, `te`, `grpc-timeout`, …) as a
caller writes them, so this script speaks HTTP/2 itself with Python's `h2` and sends, one call
per connection, a valid Diagnostics.Echo request under crafted headers: every header the
server reads, at its legal extremes and malformed —

  authorization         empty, no scheme, `Bearer ` alone, a wrong scheme, a 1 MiB token, NUL,
                        control and non-ASCII bytes, 100 authorization headers
  grpc-timeout          0n, 1n, 99999999H, 00000000S, 3000000H, 9999999999999999H, -1S, +1S,
                        1X, empty, spaces, 1.5S, two headers
  content-type          missing, text/html, application/grpc+json, application/grpc;
                        charset=utf-8, 1 KiB long
  te                    missing, gzip
  grpc-encoding         gzip (with a compressed message and without), identity, an unknown one
  grpc-accept-encoding  gzip, an unknown one, 1,000 names
  user-agent            64 KiB
  :path                 an unknown method, an unknown service, 16 KiB long, no service, `/`,
                        no leading slash, `*`
  :authority, :method,  odd values (`GET`, an empty authority, a scheme of `ftp`)
  :scheme
  many headers          2,000 small custom headers
  a block near a limit  header lists just under the server's 16 KiB (which must answer), just
                        over it, and over 64 KiB

Every answer must be a gRPC status other than UNKNOWN or INTERNAL — for most cases one of a
named few (`expect`) — or, for a request that is not gRPC at all or too big to be read (marked
`refusal`), a clean HTTP/2 refusal: an HTTP error status, RST_STREAM or GOAWAY. No answer
within the time limit is a failure. A last, ordinary call must succeed. Exits 1 on any
unacceptable answer, printing each.

    REFORM_TOKEN=$(cat reform-data/admin.token) python3 Tests/Interop/bad_headers.py 127.0.0.1:7420
"""
import gzip
import os
import socket
import sys
import time

import h2.config
import h2.connection
import h2.events
import h2.exceptions

OK, CANCELLED, UNKNOWN, INVALID_ARGUMENT, DEADLINE_EXCEEDED = 0, 1, 2, 3, 4
PERMISSION_DENIED, RESOURCE_EXHAUSTED, INTERNAL, UNIMPLEMENTED, UNAVAILABLE, UNAUTHENTICATED = 7, 8, 13, 12, 14, 16
NAMES = {OK: "OK", CANCELLED: "CANCELLED", UNKNOWN: "UNKNOWN", INVALID_ARGUMENT: "INVALID_ARGUMENT",
         DEADLINE_EXCEEDED: "DEADLINE_EXCEEDED", PERMISSION_DENIED: "PERMISSION_DENIED",
         RESOURCE_EXHAUSTED: "RESOURCE_EXHAUSTED", INTERNAL: "INTERNAL", UNIMPLEMENTED: "UNIMPLEMENTED",
         UNAVAILABLE: "UNAVAILABLE", UNAUTHENTICATED: "UNAUTHENTICATED"}
NEVER = {UNKNOWN, INTERNAL}

ECHO = b"/reform.v1.Diagnostics/Echo"
TEXT = b"bad headers"
# DiagnosticsEchoRequest { text = 1 }: one length-delimited field.
MESSAGE = b"\x0a" + bytes([len(TEXT)]) + TEXT
WAIT_SECONDS = 20


def framed(message, compressed=False):
    """A gRPC length-prefixed message."""
    return bytes([1 if compressed else 0]) + len(message).to_bytes(4, "big") + message


class Case:
    """One call: its name, how its headers differ from a good call's, and what may answer."""

    def __init__(self, name, replace=None, add=(), drop=(), expect=None, refusal=False, body=None):
        self.name = name
        self.replace = replace or {}
        self.add = list(add)
        self.drop = set(drop)
        self.expect = expect
        self.refusal = refusal
        self.body = framed(MESSAGE) if body is None else body

    def headers(self, authority, token):
        good = [(b":method", b"POST"), (b":scheme", b"http"), (b":path", ECHO), (b":authority", authority),
                (b"content-type", b"application/grpc"), (b"te", b"trailers"),
                (b"authorization", b"Bearer " + token)]
        headers = []
        for name, value in good:
            if name in self.drop:
                continue
            headers.append((name, self.replace.get(name, value)))
        return headers + self.add


def cases(token):
    many_tokens = [(b"authorization", b"Bearer rf_" + b"x" * 43)] * 99
    # HTTP/2 counts a header list as name + value + 32 bytes per header; the server allows
    # 16 KiB (HPACK's default), so the first block fits with the call's own headers and the
    # second does not.
    filler = lambda total: [(b"x-filler-%04d" % i, b"f" * 100) for i in range(total // (13 + 100 + 32))]
    return [
        # authorization
        Case("authorization empty", {b"authorization": b""}, expect={UNAUTHENTICATED}),
        Case("authorization without a scheme", {b"authorization": token}, expect={UNAUTHENTICATED}),
        Case("authorization 'Bearer ' alone", {b"authorization": b"Bearer "}, expect={UNAUTHENTICATED}),
        Case("authorization 'Bearer' and spaces", {b"authorization": b"Bearer      "}, expect={UNAUTHENTICATED}),
        Case("authorization Basic", {b"authorization": b"Basic YWRtaW46YWRtaW4="}, expect={UNAUTHENTICATED}),
        Case("authorization lower-case scheme", {b"authorization": b"bearer " + token}, expect={OK, UNAUTHENTICATED}),
        Case("authorization 1 MiB token", {b"authorization": b"Bearer rf_" + b"A" * (1 << 20)},
             expect={UNAUTHENTICATED, RESOURCE_EXHAUSTED}, refusal=True),
        Case("authorization with NUL", {b"authorization": b"Bearer " + token + b"\x00"},
             expect={UNAUTHENTICATED}, refusal=True),
        Case("authorization with control bytes", {b"authorization": b"Bearer \x01\x7f\x1b[0m" + token},
             expect={UNAUTHENTICATED}, refusal=True),
        Case("authorization non-ASCII", {b"authorization": "Bearer rf_Đảngủy€".encode()},
             expect={UNAUTHENTICATED}, refusal=True),
        Case("authorization invalid UTF-8", {b"authorization": b"Bearer rf_\xff\xfe\xc3"},
             expect={UNAUTHENTICATED}, refusal=True),
        Case("100 authorization headers, the good one first", add=many_tokens, expect={OK, UNAUTHENTICATED}),
        Case("100 authorization headers, a bad one first", drop={b"authorization"},
             add=many_tokens + [(b"authorization", b"Bearer " + token)], expect={UNAUTHENTICATED}),
        # grpc-timeout: legal extremes answer, malformed ones are ignored
        Case("grpc-timeout 0n", add=[(b"grpc-timeout", b"0n")], expect={OK, DEADLINE_EXCEEDED}),
        Case("grpc-timeout 1n", add=[(b"grpc-timeout", b"1n")], expect={OK, DEADLINE_EXCEEDED}),
        Case("grpc-timeout 99999999H", add=[(b"grpc-timeout", b"99999999H")], expect={OK}),
        Case("grpc-timeout 00000000S", add=[(b"grpc-timeout", b"00000000S")], expect={OK, DEADLINE_EXCEEDED}),
        Case("grpc-timeout 3000000H", add=[(b"grpc-timeout", b"3000000H")], expect={OK}),
        Case("grpc-timeout 9999999999999999H", add=[(b"grpc-timeout", b"9999999999999999H")], expect={OK}),
        Case("grpc-timeout -1S", add=[(b"grpc-timeout", b"-1S")], expect={OK, DEADLINE_EXCEEDED}),
        Case("grpc-timeout +1S", add=[(b"grpc-timeout", b"+1S")], expect={OK}),
        Case("grpc-timeout 1X", add=[(b"grpc-timeout", b"1X")], expect={OK}),
        Case("grpc-timeout empty", add=[(b"grpc-timeout", b"")], expect={OK}),
        Case("grpc-timeout spaces", add=[(b"grpc-timeout", b" 1 S ")], expect={OK}),
        Case("grpc-timeout 1.5S", add=[(b"grpc-timeout", b"1.5S")], expect={OK}),
        Case("grpc-timeout unit alone", add=[(b"grpc-timeout", b"H")], expect={OK}),
        Case("two grpc-timeout headers", add=[(b"grpc-timeout", b"9999999999999999H"), (b"grpc-timeout", b"3000000H")],
             expect={OK}),
        # content-type and te
        Case("content-type missing", drop={b"content-type"}, refusal=True, expect={UNIMPLEMENTED, INVALID_ARGUMENT}),
        Case("content-type text/html", {b"content-type": b"text/html"}, refusal=True,
             expect={UNIMPLEMENTED, INVALID_ARGUMENT}),
        Case("content-type application/grpc+json", {b"content-type": b"application/grpc+json"},
             expect={OK, UNIMPLEMENTED, INVALID_ARGUMENT}, refusal=True),
        Case("content-type with a charset", {b"content-type": b"application/grpc; charset=utf-8"},
             expect={OK, UNIMPLEMENTED, INVALID_ARGUMENT}, refusal=True),
        Case("content-type 1 KiB", {b"content-type": b"application/grpc+" + b"p" * 1024},
             expect={OK, UNIMPLEMENTED, INVALID_ARGUMENT}, refusal=True),
        Case("te missing", drop={b"te"}, expect={OK}, refusal=True),
        Case("te gzip", {b"te": b"gzip"}, expect={OK}, refusal=True),
        # compression
        Case("grpc-encoding gzip, message compressed", add=[(b"grpc-encoding", b"gzip")],
             body=framed(gzip.compress(MESSAGE), compressed=True), expect={OK, UNIMPLEMENTED}),
        Case("grpc-encoding gzip, message flagged but not compressed", add=[(b"grpc-encoding", b"gzip")],
             body=framed(MESSAGE, compressed=True), expect={INVALID_ARGUMENT, UNIMPLEMENTED}),
        Case("grpc-encoding gzip, message not flagged", add=[(b"grpc-encoding", b"gzip")], expect={OK, UNIMPLEMENTED}),
        Case("grpc-encoding identity", add=[(b"grpc-encoding", b"identity")], expect={OK}),
        Case("grpc-encoding unknown", add=[(b"grpc-encoding", b"lzma-9000")], body=framed(MESSAGE, compressed=True),
             expect={UNIMPLEMENTED, INVALID_ARGUMENT}),
        Case("message flagged compressed without grpc-encoding", body=framed(MESSAGE, compressed=True),
             expect={INVALID_ARGUMENT, UNIMPLEMENTED}, refusal=True),
        Case("grpc-accept-encoding gzip", add=[(b"grpc-accept-encoding", b"gzip")], expect={OK}),
        Case("grpc-accept-encoding unknown", add=[(b"grpc-accept-encoding", b"br,zstd,lzma-9000")], expect={OK}),
        Case("grpc-accept-encoding 1,000 names",
             add=[(b"grpc-accept-encoding", b",".join(b"c%d" % i for i in range(1000)))], expect={OK}, refusal=True),
        Case("user-agent 64 KiB", add=[(b"user-agent", b"u" * 65536)], expect={OK}, refusal=True),
        # pseudo-headers
        Case(":path unknown method", {b":path": b"/reform.v1.Diagnostics/NoSuchMethod"}, expect={UNIMPLEMENTED}),
        Case(":path unknown service", {b":path": b"/reform.v9.Nothing/Echo"}, expect={UNIMPLEMENTED}),
        Case(":path 16 KiB", {b":path": b"/reform.v1.Diagnostics/" + b"E" * 16384}, expect={UNIMPLEMENTED},
             refusal=True),
        Case(":path without a service", {b":path": b"/Echo"}, expect={UNIMPLEMENTED}, refusal=True),
        Case(":path /", {b":path": b"/"}, expect={UNIMPLEMENTED}, refusal=True),
        Case(":path without its slash", {b":path": ECHO[1:]}, expect={UNIMPLEMENTED}, refusal=True),
        Case(":path *", {b":path": b"*"}, expect={UNIMPLEMENTED}, refusal=True),
        Case(":authority empty", {b":authority": b""}, expect={OK}, refusal=True),
        Case(":authority odd", {b":authority": b"evil.example:99999"}, expect={OK}),
        Case(":authority 8 KiB", {b":authority": b"a" * 8192}, expect={OK}, refusal=True),
        Case(":method GET", {b":method": b"GET"}, expect={UNIMPLEMENTED, INVALID_ARGUMENT}, refusal=True),
        Case(":scheme ftp", {b":scheme": b"ftp"}, expect={OK, INVALID_ARGUMENT}, refusal=True),
        # size and number
        Case("2,000 custom headers", add=[(b"x-many-%04d" % i, b"v") for i in range(2000)], expect={OK}, refusal=True),
        Case("a header block just under 16 KiB", add=filler(15 * 1024), expect={OK}),
        Case("a header block just over 16 KiB", add=filler(16 * 1024 + 145), expect={OK}, refusal=True),
        Case("a header block just under 64 KiB", add=filler(63 * 1024), expect={OK}, refusal=True),
        Case("a header block over 64 KiB", add=filler(80 * 1024), expect={OK}, refusal=True),
        Case("a binary header with bad base64", add=[(b"x-data-bin", b"!!!not base64!!!")], expect={OK}, refusal=True),
    ]


def exchange(host, port, headers, body):
    """Sends one request on a fresh connection; returns how it ended, as a short text, and the
    gRPC status (None when there was none)."""
    config = h2.config.H2Configuration(
        client_side=True, header_encoding=None, validate_outbound_headers=False,
        normalize_outbound_headers=False, validate_inbound_headers=False)
    connection = h2.connection.H2Connection(config=config)
    try:
        sock = socket.create_connection((host, port), timeout=WAIT_SECONDS)
    except OSError as error:
        # The coordinator is gone or restarting: an earlier case killed it.
        return "cannot connect (%s)" % error.__class__.__name__, None
    with sock:
        connection.initiate_connection()
        stream = connection.get_next_available_stream_id()
        try:
            connection.send_headers(stream, headers)
            connection.send_data(stream, body, end_stream=True)
        except h2.exceptions.H2Error as error:
            return "the client could not send it: %s" % error, None
        try:
            sock.sendall(connection.data_to_send())
        except OSError as error:
            return "closed while sending (%s)" % error.__class__.__name__, "refused"
        status = http = None
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            try:
                data = sock.recv(65536)
            except socket.timeout:
                break
            except OSError as error:
                return "connection reset (%s)" % error.__class__.__name__, "refused"
            if not data:
                return "connection closed", "refused"
            try:
                events = connection.receive_data(data)
            except h2.exceptions.ProtocolError as error:
                return "the server broke HTTP/2: %s" % error, None
            for event in events:
                if isinstance(event, (h2.events.ResponseReceived, h2.events.TrailersReceived)):
                    for name, value in event.headers:
                        if name == b":status":
                            http = int(value)
                        elif name == b"grpc-status":
                            status = int(value)
                elif isinstance(event, h2.events.DataReceived):
                    connection.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
                elif isinstance(event, h2.events.StreamEnded):
                    if status is not None:
                        return "grpc %s (http %s)" % (NAMES.get(status, status), http), status
                    return "http %s without grpc-status" % http, "refused" if http and http != 200 else None
                elif isinstance(event, h2.events.StreamReset):
                    return "RST_STREAM %s" % event.error_code, "refused"
                elif isinstance(event, h2.events.ConnectionTerminated):
                    return "GOAWAY %s" % event.error_code, "refused"
            pending = connection.data_to_send()
            if pending:
                sock.sendall(pending)
        return "no answer within %d s" % WAIT_SECONDS, None


def judge(case, status):
    """Why the answer is unacceptable, or None."""
    if status is None:
        return "not a gRPC status nor a clean refusal"
    if status == "refused":
        return None if case.refusal else "refused at the HTTP/2 level, but this is a gRPC call that needs a status"
    if status in NEVER:
        return "%s: the server failed instead of answering" % NAMES[status]
    if case.expect is not None and status not in case.expect:
        return "expected %s" % " or ".join(sorted(NAMES.get(code, str(code)) for code in case.expect))
    return None


def main():
    address = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:7420"
    host, port = address.rsplit(":", 1)
    token = os.environ.get("REFORM_TOKEN", "").encode()
    if not token:
        sys.exit("bad_headers.py: set REFORM_TOKEN to an admin token")
    authority = address.encode()
    failures = []
    for case in cases(token):
        outcome, status = exchange(host, int(port), case.headers(authority, token), case.body)
        problem = judge(case, status)
        print("%-56s %s%s" % (case.name, outcome, "  <-- " + problem if problem else ""))
        if problem:
            failures.append((case.name, outcome, problem))
    outcome, status = exchange(host, int(port), Case("normal").headers(authority, token), framed(MESSAGE))
    print("%-56s %s" % ("an ordinary call afterwards", outcome))
    if status != OK:
        failures.append(("an ordinary call afterwards", outcome, "expected OK"))
    if failures:
        print("\n%d unacceptable answers:" % len(failures))
        for name, outcome, problem in failures:
            print("  %s: %s (%s)" % (name, outcome, problem))
        sys.exit(1)
    print("\nevery header case answered acceptably")


if __name__ == "__main__":
    main()
