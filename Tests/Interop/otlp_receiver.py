"""A small OTLP/gRPC trace receiver for the tracing tests: serves
opentelemetry.proto.collector.trace.v1.TraceService/Export on 127.0.0.1 (an ephemeral port),
prints `listening PORT` once, then one JSON line per span it receives:

    {"service": ..., "instance": ..., "trace_id": hex, "span_id": hex, "parent_span_id": hex,
     "name": ..., "kind": int, "attributes": {...}, "status": int}

Stubs are generated with grpcio-tools from Protos/opentelemetry at start. Stops when its
standard input closes, or after ten minutes, whichever comes first.
"""
import concurrent.futures
import importlib
import json
import os
import shutil
import sys
import tempfile
import threading

import grpc
from grpc_tools import protoc

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROTOS = os.path.join(ROOT, "Protos")


def generate(out):
    files = sorted(
        os.path.relpath(os.path.join(d, f), PROTOS)
        for d, _, fs in os.walk(os.path.join(PROTOS, "opentelemetry")) for f in fs if f.endswith(".proto")
    )
    status = protoc.main(["protoc", f"-I{PROTOS}", f"--python_out={out}", f"--grpc_python_out={out}"] + files)
    if status != 0:
        sys.exit(f"grpc_tools.protoc failed with {status}")
    sys.path.insert(0, out)
    return importlib.import_module("opentelemetry.proto.collector.trace.v1.trace_service_pb2_grpc")


def value(any_value):
    kind = any_value.WhichOneof("value")
    return getattr(any_value, kind) if kind else None


def main():
    out = tempfile.mkdtemp(prefix="reform-otlp-")
    try:
        service_grpc = generate(out)
        service_pb2 = importlib.import_module("opentelemetry.proto.collector.trace.v1.trace_service_pb2")
        lock = threading.Lock()

        class Receiver(service_grpc.TraceServiceServicer):
            def Export(self, request, context):
                for resource_spans in request.resource_spans:
                    resource = {kv.key: value(kv.value) for kv in resource_spans.resource.attributes}
                    for scope_spans in resource_spans.scope_spans:
                        for span in scope_spans.spans:
                            line = json.dumps({
                                "service": resource.get("service.name"),
                                "instance": resource.get("service.instance.id"),
                                "trace_id": span.trace_id.hex(),
                                "span_id": span.span_id.hex(),
                                "parent_span_id": span.parent_span_id.hex(),
                                "name": span.name,
                                "kind": span.kind,
                                "attributes": {kv.key: value(kv.value) for kv in span.attributes},
                                "status": span.status.code,
                            })
                            with lock:
                                print(line, flush=True)
                return service_pb2.ExportTraceServiceResponse()

        server = grpc.server(concurrent.futures.ThreadPoolExecutor(max_workers=4))
        service_grpc.add_TraceServiceServicer_to_server(Receiver(), server)
        port = server.add_insecure_port("127.0.0.1:0")
        server.start()
        print(f"listening {port}", flush=True)
        closed = threading.Event()
        threading.Thread(target=lambda: (sys.stdin.read(), closed.set()), daemon=True).start()
        closed.wait(timeout=600)
        server.stop(grace=None)
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
