// swift-tools-version:6.1
import PackageDescription

/// Products named by several targets.
let grpcCore = Target.Dependency.product(name: "GRPCCore", package: "grpc-swift-2")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let postgresNIO = Target.Dependency.product(name: "PostgresNIO", package: "postgres-nio")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")
let hashTrees = Target.Dependency.product(name: "HashTreeCollections", package: "swift-collections")

/// A worker module's four targets, all shaped alike: `<name>Domain`, its rules, pure Swift on
/// Foundation and ReformKit (and a data-structure library where one is named), tested without a network; `<name>`, a store (GRDB, and
/// whatever else `dependencies` adds) and RPC handlers around that domain; and their tests,
/// the module's run through `ReformModuleTesting` with `testDependencies` besides.
func workerModule(
  _ name: String, domainExclude: [String] = [], domainDependencies: [Target.Dependency] = [],
  dependencies: [Target.Dependency] = [], testDependencies: [Target.Dependency] = [], testExclude: [String] = []
) -> [Target] {
  let domain = Target.Dependency.byName(name: name + "Domain")
  return [
    .target(name: name + "Domain", dependencies: ["ReformKit"] + domainDependencies, exclude: domainExclude),
    .target(
      name: name, dependencies: [domain, "ReformModule", "ReformStore", "ReformWire", grpcCore, grdb] + dependencies),
    .testTarget(name: name + "DomainTests", dependencies: [domain, "ReformKit"]),
    .testTarget(
      name: name + "Tests",
      dependencies: [.byName(name: name), domain, "ReformModule", "ReformWire", "ReformModuleTesting"] + testDependencies,
      exclude: testExclude),
  ]
}

/// The worker modules.
let workerModules =
  workerModule(
    "Registry", domainExclude: ["IndicatorSets/01-NQ-DUK-2020-2025.json"],
    // The book of values is a persistent map, so that a change copies a path, not the book.
    domainDependencies: [hashTrees], dependencies: [postgresNIO, crypto, hashTrees],
    testDependencies: ["ReformStore", grpcCore])
  + workerModule(
    "Classification", domainExclude: ["RuleSets"], dependencies: [postgresNIO, crypto],
    testDependencies: ["ReformStore", grpcCore])
  + workerModule(
    "Inspection", dependencies: [postgresNIO], testDependencies: ["ReformStore"], testExclude: ["ics_check.py"])
  + workerModule(
    "Exchange", dependencies: [postgresNIO, crypto], testDependencies: ["ReformStore", grdb, postgresNIO])

let package = Package(
  name: "Reform",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "ReformWire", targets: ["ReformWire"]),
    // The canonical samples, for Benchmarks/wire-vs-swift-protobuf (a package of its own).
    .library(name: "ReformWireTesting", targets: ["ReformWireTesting"]),
    .library(name: "ReformClient", targets: ["ReformClient"]),
    .executable(name: "reformctl", targets: ["reformctl"]),
    .executable(name: "reformd", targets: ["reformd"]),
    .executable(name: "reform-protogen", targets: ["reform-protogen"]),
    .executable(name: "reform-bench", targets: ["reform-bench"]),
    .executable(name: "reform-fuzz", targets: ["reform-fuzz"]),
  ],
  dependencies: [
    .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
    .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.9.2"),
    // The coordinator puts one handler of its own in front of grpc-swift's on each HTTP/2 stream.
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
    .package(url: "https://github.com/apple/swift-nio-http2.git", from: "1.46.0"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"6.0.0"),
    .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
    .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
    // PostgreSQL, the store for deployments with workers on more than one host.
    .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
    // Metrics: the swift-metrics API in the code, exported in Prometheus's text format over
    // Hummingbird's HTTP server, on a listener of its own.
    .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    // Tracing: the swift-distributed-tracing API in the code, its spans sent over OTLP/gRPC by
    // ReformTracing on the project's own protobuf-c messages (not swift-otel's exporter, which
    // brings swift-protobuf).
    .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.2"),
    // The names of the response headers the web console sets (Hummingbird's HTTP types).
    .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    // The web console's pages: server-rendered HTML from Mustache templates.
    .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
  ],
  targets: workerModules + [
    // libprotobuf-c, found by pkg-config: the only protobuf runtime in the product.
    .systemLibrary(
      name: "CProtobufC",
      pkgConfig: "libprotobuf-c",
      providers: [.apt(["libprotobuf-c-dev"])]
    ),
    // The C that protoc-c generated from Protos/ (regenerate with Protos/generate).
    .target(
      name: "ReformProtoC",
      dependencies: ["CProtobufC"],
      publicHeadersPath: "include"
    ),
    // The Swift mirror of every message, the protobuf-c bridge, serializers and method descriptors.
    .target(
      name: "ReformWire",
      dependencies: [
        "CProtobufC",
        "ReformProtoC",
        grpcCore,
      ]
    ),

    // The coordinator, the worker runtime, dispatch and supervision.
    .target(
      name: "ReformHub",
      dependencies: [
        "ReformWire", "ReformSecurity", "ReformModule", "ReformStore",
        grpcCore,
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP2", package: "swift-nio-http2"),
        .product(name: "Logging", package: "swift-log"),
        crypto,
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
        .product(name: "Metrics", package: "swift-metrics"),
        "ReformClient", "ReformTracing",
        .product(name: "Tracing", package: "swift-distributed-tracing"),
      ]
    ),
    // A process's spans: a tracer whose ids are Reform's `traceparent`, a bounded batch of
    // finished spans, and their export over OTLP/gRPC. Off unless an endpoint is given.
    .target(
      name: "ReformTracing",
      dependencies: [
        "ReformKit", "ReformWire", "ReformClient", grpcCore,
        .product(name: "Tracing", package: "swift-distributed-tracing"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),
    // A process's metrics endpoint: the Prometheus backend of swift-metrics, served over HTTP
    // apart from gRPC.
    .target(
      name: "ReformMetrics",
      dependencies: [
        "ReformKit",
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "CoreMetrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),
    // Tokens, their store, the access policy and token files: pure of any transport.
    .target(
      name: "ReformSecurity",
      dependencies: [
        "ReformWire", "ReformKit", "ReformStore", grdb, postgresNIO, crypto,
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // What every module's store shares, on SQLite (the embedded default) and on PostgreSQL:
    // opening, migrations, the idempotency ledger, records. Engine errors end here as
    // ReformKit's StoreFailure; no transport.
    .target(
      name: "ReformStore",
      dependencies: [
        "ReformKit",
        grdb,
        crypto,
        postgresNIO,
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
      ]
    ),
    // Worker modules: one each, domain logic apart from its store and handlers.
    // What a worker module is written against: its handlers, a job's context and unit scope.
    // Light on purpose (no transport, no store), so a module builds and tests on its own.
    .target(
      name: "ReformModule",
      dependencies: ["ReformKit", "ReformWire", grpcCore]
    ),
    .target(
      name: "Diagnostics",
      dependencies: ["ReformModule", "ReformWire", grpcCore]
    ),

    // What every domain shares, on Foundation alone.
    .target(name: "ReformKit"),

    // The Swift client library.
    .target(
      name: "ReformClient",
      dependencies: [
        "ReformWire",
        grpcCore,
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
      ]
    ),

    // The web front (`reformd web`): the console's pages over HTTP, each call made through
    // ReformClient as the signed-in principal.
    .target(
      name: "ReformWeb",
      dependencies: [
        "ReformClient", "ReformWire", "ReformKit", grpcCore, crypto,
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),

    // What both executables share on the command line: --config files.
    .target(
      name: "ReformCommandLine",
      dependencies: ["ReformClient", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),

    // Executables: thin.
    .executableTarget(
      name: "reformd",
      dependencies: [
        "ReformWire", "ReformHub", "ReformModule", "ReformSecurity", "ReformClient", "Diagnostics", "ReformCommandLine",
        "ReformStore", "ReformMetrics", "ReformTracing", "ReformWeb",
        "Exchange", "Inspection", "Classification", "Registry",
        "ExchangeDomain", "InspectionDomain", "ClassificationDomain", "ReformKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),
    .executableTarget(
      name: "reformctl",
      dependencies: [
        "ReformClient", "ReformWire", "ReformCommandLine", "ReformKit", "InspectionDomain",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        crypto,
      ]
    ),

    // Code generation: protoc-c's C of descriptor.proto, read by the Swift generator.
    .target(
      name: "ProtocDescriptorC",
      dependencies: ["CProtobufC"],
      publicHeadersPath: "include"
    ),
    .target(name: "ReformProtogen", dependencies: ["CProtobufC", "ProtocDescriptorC"]),
    .executableTarget(name: "reform-protogen", dependencies: ["ReformProtogen"]),

    // What module tests share: temporary folders, job contexts, in-process calls through the
    // real encoding. Used by test targets only.
    .target(
      name: "ReformModuleTesting",
      dependencies: [
        "ReformModule", "ReformWire", "ReformKit", "ReformStore", grpcCore,
        .product(name: "Logging", package: "swift-log"),
        grdb, postgresNIO,
      ]
    ),

    // Samples and fuzzing of the wire, shared by the tests and the tools below.
    .target(name: "ReformWireTesting", dependencies: ["ReformWire", "ReformKit", "CProtobufC"]),

    // Measurement and robustness tools.
    .executableTarget(
      name: "reform-bench",
      dependencies: [
        "ReformWire", "ReformWireTesting", "CProtobufC", "ReformModule",
        "InspectionDomain", "Inspection", "ExchangeDomain", "Exchange", "ClassificationDomain", "Classification",
        "RegistryDomain", "Registry", "ReformClient", "ReformKit", "ReformStore",
        grpcCore,
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
        postgresNIO,
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .executableTarget(name: "reform-fuzz", dependencies: ["ReformWire", "ReformWireTesting"]),

    .testTarget(
      name: "ReformClientTests",
      dependencies: [
        "ReformClient", "ReformWire", "reformctl", "ReformCommandLine",
        grpcCore,
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
      ]
    ),
    .testTarget(
      name: "ReformHubTests",
      dependencies: [
        "ReformClient", "ReformWire", "ReformHub", "ReformModule", "ReformSecurity", "CProtobufC", "ReformModuleTesting", "ReformMetrics",
        "ReformTracing", "ReformWeb", "ReformKit", grpcCore,
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
      ]
    ),
    .testTarget(name: "ReformKitTests", dependencies: ["ReformKit"]),
    .testTarget(name: "ReformTracingTests", dependencies: ["ReformTracing", "ReformKit", "ReformWire"]),
    .testTarget(
      name: "ReformStoreTests",
      dependencies: ["ReformStore", "ReformKit", "ReformModuleTesting", grdb, postgresNIO]
    ),
    // Every module together: the module-call graph they declare, and that it is what they do.
    .testTarget(
      name: "ModuleGraphTests",
      dependencies: [
        "Registry", "Classification", "Exchange", "Inspection", "Diagnostics", "ReformModule", "ReformWire",
        "ReformModuleTesting",
      ]
    ),
    .testTarget(
      name: "ReformSecurityTests",
      dependencies: [
        "ReformSecurity", "ReformWire", "ReformStore", "ReformModuleTesting", grdb, postgresNIO,
      ]
    ),
    .testTarget(
      name: "ReformWireTests",
      dependencies: ["ReformWire", "ReformWireTesting", "ReformProtogen", "CProtobufC", "ReformProtoC"]
    ),
  ]
)
