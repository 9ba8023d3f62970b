#!/usr/bin/env python3
"""Server reflection from a client not written in Swift: Python's grpcio-reflection.

Over grpc.reflection.v1 and grpc.reflection.v1alpha in turn, at ADDRESS (host:port or
unix:/path): lists the services (with the bearer token in REFORM_TOKEN, and without one),
resolves Diagnostics.Echo's input and output types from reflected descriptors alone, calls
Echo with messages built from them, and asks for a symbol nothing defines. No stub of Reform's
is generated: everything but the reflection messages themselves comes from the server.
Prints one line per step; exits non-zero on any failure.

    REFORM_TOKEN=$(cat reform-data/admin.token) python3 Tests/Interop/reflection_client.py unix:reform-data/reform.sock
"""
import os
import sys

import grpc
from google.protobuf import descriptor_database, descriptor_pb2, descriptor_pool, message_factory
from grpc_reflection.v1alpha import reflection_pb2
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import ProtoReflectionDescriptorDatabase

VERSIONS = ["v1", "v1alpha"]
TEXT = "Nghị quyết 01-NQ/ĐUK — cải cách hành chính"


class Authorization(grpc.UnaryUnaryClientInterceptor, grpc.StreamStreamClientInterceptor):
    """Adds `authorization: Bearer TOKEN` to every call, the reflection stream included."""

    def __init__(self, token):
        self.header = ("authorization", f"Bearer {token}")

    def _with_token(self, details):
        # grpcio hands interceptors its own named tuple of the call's details.
        return details._replace(metadata=list(details.metadata or []) + [self.header])

    def intercept_unary_unary(self, continuation, details, request):
        return continuation(self._with_token(details), request)

    def intercept_stream_stream(self, continuation, details, requests):
        return continuation(self._with_token(details), requests)


def ask(channel, version, **request):
    """One request on a fresh ServerReflectionInfo stream of `version`; its one answer."""
    info = channel.stream_stream(
        f"/grpc.reflection.{version}.ServerReflection/ServerReflectionInfo",
        request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
        response_deserializer=reflection_pb2.ServerReflectionResponse.FromString)
    answers = list(info(iter([reflection_pb2.ServerReflectionRequest(**request)]), timeout=10))
    if len(answers) != 1:
        sys.exit(f"{version}: {len(answers)} answers to one request")
    return answers[0]


def services(channel, version):
    answer = ask(channel, version, list_services="")
    return sorted(service.name for service in answer.list_services_response.service)


def pool_over(channel, version):
    """A descriptor pool that asks the server for what it lacks: the official client for
    v1alpha; for v1, files fetched by symbol into a database of our own."""
    if version == "v1alpha":
        return descriptor_pool.DescriptorPool(ProtoReflectionDescriptorDatabase(channel))
    database = descriptor_database.DescriptorDatabase()
    answer = ask(channel, version, file_containing_symbol="reform.v1.Diagnostics.Echo")
    for encoded in answer.file_descriptor_response.file_descriptor_proto:
        database.Add(descriptor_pb2.FileDescriptorProto.FromString(encoded))
    return descriptor_pool.DescriptorPool(database)


def status_name(code):
    return next(status.name for status in grpc.StatusCode if status.value[0] == code)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    address = sys.argv[1]
    with grpc.insecure_channel(address) as plain:
        channel = grpc.intercept_channel(plain, Authorization(os.environ.get("REFORM_TOKEN", "")))
        for version in VERSIONS:
            listed = services(channel, version)
            if services(plain, version) != listed:
                sys.exit(f"{version}: the services listed without a token differ from those listed with one")
            print("services", version, ",".join(listed))

            method = pool_over(channel, version).FindServiceByName("reform.v1.Diagnostics").FindMethodByName("Echo")
            request_class = message_factory.GetMessageClass(method.input_type)
            response_class = message_factory.GetMessageClass(method.output_type)
            echo = channel.unary_unary(
                "/reform.v1.Diagnostics/Echo",
                request_serializer=request_class.SerializeToString,
                response_deserializer=response_class.FromString)
            reply = echo(request_class(text=TEXT, payload=b"\x00\x01\xff"), timeout=10)
            if reply.text != TEXT or reply.payload != b"\x00\x01\xff":
                sys.exit(f"{version}: echo came back changed: {reply.text!r} {reply.payload!r}")
            print("echo", version, method.input_type.full_name, reply.worker.module, reply.text)

            answer = ask(channel, version, file_containing_symbol="reform.v1.NoSuchMessage")
            if answer.WhichOneof("message_response") != "error_response":
                sys.exit(f"{version}: an unknown symbol was answered with {answer.WhichOneof('message_response')}")
            print("unknown", version, status_name(answer.error_response.error_code), answer.error_response.error_message)


if __name__ == "__main__":
    main()
