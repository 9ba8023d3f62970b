#!/usr/bin/env python3
"""A gRPC client not written in Swift: Python's grpcio calls Reform's coordinator.

Stubs are generated from Protos/ with grpcio-tools at run time (reform_stubs.py),
then Health.Check and Diagnostics.Echo are called through the coordinator at ADDRESS
(host:port or unix:/path), Echo with the bearer token in REFORM_TOKEN. Prints one line per
call; exits non-zero on any failure.

    REFORM_TOKEN=$(cat reform-data/admin.token) python3 Tests/Interop/python_client.py unix:reform-data/reform.sock
"""
import os
import sys

import grpc

import reform_stubs


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    address = sys.argv[1]
    with reform_stubs.generated() as modules:
        health_pb2 = modules["interop_health.health_pb2"]
        health_grpc = modules["interop_health.health_pb2_grpc"]
        diagnostics_pb2 = modules["reform.v1.diagnostics_pb2"]
        diagnostics_grpc = modules["reform.v1.diagnostics_pb2_grpc"]

        with grpc.insecure_channel(address) as channel:
            health = health_grpc.HealthStub(channel)
            whole = health.Check(health_pb2.HealthCheckRequest(service=""), timeout=10)
            module = health.Check(health_pb2.HealthCheckRequest(service="reform.v1.Diagnostics"), timeout=10)
            print("health", health_pb2.HealthCheckResponse.ServingStatus.Name(whole.status),
                  health_pb2.HealthCheckResponse.ServingStatus.Name(module.status))

            text = "Nghị quyết 01-NQ/ĐUK — cải cách hành chính"
            token = os.environ.get("REFORM_TOKEN", "")
            echo = diagnostics_grpc.DiagnosticsStub(channel).Echo(
                diagnostics_pb2.DiagnosticsEchoRequest(text=text, payload=b"\x00\x01\xff"), timeout=10,
                metadata=[("authorization", f"Bearer {token}")])
            if echo.text != text or echo.payload != b"\x00\x01\xff":
                sys.exit(f"echo came back changed: {echo.text!r} {echo.payload!r}")
            print("echo", echo.worker.module, echo.worker.pid, echo.text)

            try:
                diagnostics_grpc.DiagnosticsStub(channel).Echo(diagnostics_pb2.DiagnosticsEchoRequest(text="x"), timeout=10)
                sys.exit("Echo without a token should fail with UNAUTHENTICATED")
            except grpc.RpcError as error:
                print("tokenless", error.code().name)

            try:
                health.Check(health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=10)
                sys.exit("Check of an unknown service should fail with NOT_FOUND")
            except grpc.RpcError as error:
                print("unknown", error.code().name)


if __name__ == "__main__":
    main()
