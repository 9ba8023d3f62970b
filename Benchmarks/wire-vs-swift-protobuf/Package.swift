// swift-tools-version:6.1
import PackageDescription

/// ReformWire (libprotobuf-c) beside swift-protobuf on the same messages, in one run.
/// A package of its own, so that Reform's product keeps one protobuf runtime.
let package = Package(
  name: "wire-vs-swift-protobuf",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "Reform", path: "../.."),
    .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
  ],
  targets: [
    // protoc-gen-swift's code of the member record and its page (regenerate with ./generate).
    .target(
      name: "SwiftProtobufMessages",
      dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")]
    ),
    .executableTarget(
      name: "wire-vs-swift-protobuf",
      dependencies: [
        "SwiftProtobufMessages",
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "ReformWire", package: "Reform"),
        .product(name: "ReformWireTesting", package: "Reform"),
      ]
    ),
  ]
)
