"""Python stubs of Reform's schema, generated from Protos/ with grpcio-tools at run time.

    with reform_stubs.generated() as modules:
        diagnostics_pb2 = modules["reform.v1.diagnostics_pb2"]

`generated()` writes the *_pb2 and *_pb2_grpc modules into a temporary folder, puts it on
sys.path for the duration of the block and removes it afterwards. Every proto of
Protos/reform is generated, and grpc/health/v1/health.proto as `interop_health.health`.
"""
import contextlib
import importlib
import os
import shutil
import sys
import tempfile

from grpc_tools import protoc

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROTOS = os.path.join(ROOT, "Protos")


def _generate(out):
    # Python would mistake a generated `grpc/` package for grpcio itself, so the health proto
    # is generated under another folder name; its package stays grpc.health.v1 on the wire.
    source = os.path.join(out, "src")
    shutil.copytree(os.path.join(PROTOS, "reform"), os.path.join(source, "reform"))
    os.makedirs(os.path.join(source, "interop_health"))
    shutil.copy(os.path.join(PROTOS, "grpc", "health", "v1", "health.proto"), os.path.join(source, "interop_health"))
    files = ["interop_health/health.proto"] + sorted(
        os.path.relpath(os.path.join(d, f), source)
        for d, _, fs in os.walk(os.path.join(source, "reform")) for f in fs if f.endswith(".proto")
    )
    status = protoc.main(["protoc", f"-I{source}", f"--python_out={out}", f"--grpc_python_out={out}"] + files)
    if status != 0:
        sys.exit(f"grpc_tools.protoc failed with {status}")
    return [f[:-len(".proto")].replace("/", ".") for f in files]


@contextlib.contextmanager
def generated():
    """Generates the stubs and yields {module name: module}, e.g. "reform.v1.admin_pb2" and
    "reform.v1.admin_pb2_grpc", one pair per proto file."""
    out = tempfile.mkdtemp(prefix="reform-interop-")
    try:
        names = _generate(out)
        sys.path.insert(0, out)
        try:
            modules = {}
            for name in names:
                for suffix in ("_pb2", "_pb2_grpc"):
                    modules[name + suffix] = importlib.import_module(name + suffix)
            yield modules
        finally:
            sys.path.remove(out)
    finally:
        shutil.rmtree(out, ignore_errors=True)
