#!/usr/bin/env python3
"""reform.v1.Diagnostics/Echo served by Python grpcio, the third column of `reform-bench hub`.

    python3 Benchmarks/python-echo/echo_server.py

Generates the stubs from Protos/ with grpcio-tools (Tests/Interop/reform_stubs.py), binds a
free port on 127.0.0.1, prints that port on a line of its own, and serves until it is killed.
The server is grpc.aio: one asyncio event loop answers every call, however many are in flight,
with no thread pool to size. The answer is the request's payload and text, and who answered,
as the plain grpc-swift-2 server of the same benchmark gives it.
"""
import asyncio
import os
import sys

import grpc

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Tests", "Interop"))
import reform_stubs  # noqa: E402


async def serve(pb2, pb2_grpc):
    class Diagnostics(pb2_grpc.DiagnosticsServicer):
        async def Echo(self, request, context):
            return pb2.DiagnosticsEchoResponse(
                payload=request.payload, text=request.text,
                worker=pb2.DiagnosticsWorker(worker_id="python", pid=os.getpid(), module="diagnostics"))

    server = grpc.aio.server()
    pb2_grpc.add_DiagnosticsServicer_to_server(Diagnostics(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    print(port, flush=True)
    await server.wait_for_termination()


def main():
    # The modules stay loaded once imported, so the generated files are removed before serving
    # and nothing is left behind when the benchmark kills this process.
    with reform_stubs.generated() as modules:
        pb2 = modules["reform.v1.diagnostics_pb2"]
        pb2_grpc = modules["reform.v1.diagnostics_pb2_grpc"]
    asyncio.run(serve(pb2, pb2_grpc))


if __name__ == "__main__":
    main()
