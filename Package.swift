// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "Reform",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "ReformWire", targets: ["ReformWire"]),
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
  ],
  targets: [
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
        .product(name: "GRPCCore", package: "grpc-swift-2"),
      ]
    ),

    // The coordinator, the worker runtime, dispatch and supervision.
    .target(
      name: "ReformHub",
      dependencies: [
        "ReformWire", "ReformSecurity", "ReformModule",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP2", package: "swift-nio-http2"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
        "ReformClient",
      ]
    ),
    // Tokens, their store, the access policy and token files: pure of any transport.
    .target(
      name: "ReformSecurity",
      dependencies: [
        "ReformWire", "ReformKit", "ReformStore",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // What every module's store shares, on SQLite (the embedded default) and on PostgreSQL:
    // opening, migrations, the idempotency ledger, records. Engine errors end here as
    // ReformKit's StoreFailure; no transport.
    .target(
      name: "ReformStore",
      dependencies: [
        "ReformKit",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // Worker modules: one each, domain logic apart from its store and handlers.
    // What a worker module is written against: its handlers, a job's context and unit scope.
    // Light on purpose (no transport, no store), so a module builds and tests on its own.
    .target(
      name: "ReformModule",
      dependencies: ["ReformKit", "ReformWire", .product(name: "GRPCCore", package: "grpc-swift-2")]
    ),
    .target(
      name: "Diagnostics",
      dependencies: ["ReformModule", "ReformWire", .product(name: "GRPCCore", package: "grpc-swift-2")]
    ),

    // Each domain module's rules: pure Swift on Foundation alone, tested without a network.
    // What every domain shares, on Foundation alone.
    .target(name: "ReformKit"),
    .target(name: "RegistryDomain", dependencies: ["ReformKit"], exclude: ["IndicatorSets/01-NQ-DUK-2020-2025.json"]),
    .target(name: "ClassificationDomain", dependencies: ["ReformKit"], exclude: ["RuleSets"]),
    .target(name: "ExchangeDomain", dependencies: ["ReformKit"]),
    .target(name: "InspectionDomain", dependencies: ["ReformKit"]),

    // The worker modules: each a store (GRDB) and RPC handlers around its domain.
    .target(
      name: "Registry",
      dependencies: [
        "RegistryDomain", "ReformModule", "ReformStore", "ReformWire",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "Classification",
      dependencies: [
        "ClassificationDomain", "ReformModule", "ReformStore", "ReformWire",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "Inspection",
      dependencies: [
        "InspectionDomain", "ReformModule", "ReformStore", "ReformWire",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ]
    ),
    .target(
      name: "Exchange",
      dependencies: [
        "ExchangeDomain", "ReformModule", "ReformStore", "ReformWire",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),

    // The Swift client library.
    .target(
      name: "ReformClient",
      dependencies: [
        "ReformWire",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
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
        "ReformStore",
        "Exchange", "Inspection", "Classification", "Registry",
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
        .product(name: "Crypto", package: "swift-crypto"),
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
        "ReformModule", "ReformWire", "ReformKit", "ReformStore", .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
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
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .executableTarget(name: "reform-fuzz", dependencies: ["ReformWire", "ReformWireTesting"]),

    .testTarget(
      name: "ReformClientTests",
      dependencies: [
        "ReformClient", "ReformWire", "reformctl", "ReformCommandLine",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
      ]
    ),
    .testTarget(
      name: "ReformHubTests",
      dependencies: [
        "ReformClient", "ReformWire", "ReformHub", "ReformModule", "ReformSecurity", "CProtobufC", "ReformModuleTesting",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
      ]
    ),
    .testTarget(name: "ReformKitTests", dependencies: ["ReformKit"]),
    .testTarget(
      name: "ReformStoreTests",
      dependencies: ["ReformStore", "ReformKit", "ReformModuleTesting", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio")]
    ),
    .testTarget(name: "RegistryDomainTests", dependencies: ["RegistryDomain", "ReformKit"]),
    .testTarget(
      name: "RegistryTests",
      dependencies: [
        "Registry", "RegistryDomain", "ReformModule", "ReformWire", "ReformModuleTesting",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
      ]
    ),
    .testTarget(name: "ClassificationDomainTests", dependencies: ["ClassificationDomain", "ReformKit"]),
    .testTarget(
      name: "ClassificationTests",
      dependencies: [
        "Classification", "ClassificationDomain", "ReformModule", "ReformWire", "ReformModuleTesting", "ReformStore",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
      ]
    ),
    .testTarget(name: "ExchangeDomainTests", dependencies: ["ExchangeDomain", "ReformKit"]),
    .testTarget(
      name: "ExchangeTests",
      dependencies: [
        "Exchange", "ExchangeDomain", "ReformModule", "ReformWire", "ReformModuleTesting", "ReformStore",
        .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
      ]
    ),
    .testTarget(name: "InspectionDomainTests", dependencies: ["InspectionDomain", "ReformKit"]),
    .testTarget(
      name: "InspectionTests",
      dependencies: ["Inspection", "InspectionDomain", "ReformModule", "ReformStore", "ReformWire", "ReformModuleTesting"],
      exclude: ["ics_check.py"]
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
      dependencies: ["ReformSecurity", "ReformWire"]
    ),
    .testTarget(
      name: "ReformWireTests",
      dependencies: ["ReformWire", "ReformWireTesting", "ReformProtogen", "CProtobufC", "ReformProtoC"]
    ),
  ]
)
