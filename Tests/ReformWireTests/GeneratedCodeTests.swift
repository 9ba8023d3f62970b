import Foundation
import ReformProtogen
import Testing

/// The committed generated code is exactly what `Protos/generate` makes of `Protos/` now: the
/// C, the Swift mirror, and the table server reflection answers from.
/// When one of these fails, run `Protos/generate` and commit the result.
@Suite struct GeneratedCodeTests {
  @Test func protocCOutputIsCurrent() throws {
    let scratch = try temporaryFolder()
    try Tool.protocC.run(["--c_out=\(scratch)"] + Repository.protoFiles)
    let made = Repository.files(under: scratch.relativeToRoot).filter { $0.hasSuffix(".c") || $0.hasSuffix(".h") }
    #expect(made.count == Repository.protoFiles.count * 2)
    for file in made {
      let committed = file.hasSuffix(".h") ? "Sources/ReformProtoC/include/\(file)" : "Sources/ReformProtoC/\(file)"
      #expect(try contents(scratch + "/" + file) == contents(Repository.path(committed)), "\(committed) is stale")
    }
    let committedC = Repository.files(under: "Sources/ReformProtoC").filter { $0.hasSuffix(".pb-c.c") }
    #expect(committedC.count == Repository.protoFiles.count, "a committed .pb-c.c has no .proto")
  }

  @Test func swiftMirrorIsCurrent() throws {
    let scratch = try temporaryFolder()
    try Tool.protoc.run(["--include_source_info", "--descriptor_set_out=\(scratch)/set.pb"] + Repository.protoFiles)
    let generator = try Generator(files: DescriptorSetReader.read(Array(contents(scratch + "/set.pb"))))
    let outputs = generator.swiftFiles()
    for output in outputs {
      let committed = "Sources/ReformWire/Generated/\(output.path)"
      #expect(try String(decoding: contents(Repository.path(committed)), as: UTF8.self) == output.text, "\(committed) is stale")
    }
    #expect(Set(Repository.files(under: "Sources/ReformWire/Generated")) == Set(outputs.map(\.path)))
    let header = generator.cHeader()
    let committedHeader = try contents(Repository.path("Sources/ReformProtoC/include/\(header.path)"))
    #expect(String(decoding: committedHeader, as: UTF8.self) == header.text, "\(header.path) is stale")
  }

  @Test func servedSchemaIsCurrent() throws {
    let scratch = try temporaryFolder()
    try Tool.protoc.run(["--include_imports", "--descriptor_set_out=\(scratch)/served.pb"] + Repository.servedProtoFiles)
    let output = try ServedSchemaTable(set: Array(contents(scratch + "/served.pb"))).swiftFile()
    let committed = "Sources/ReformHub/Generated/\(output.path)"
    #expect(try String(decoding: contents(Repository.path(committed)), as: UTF8.self) == output.text, "\(committed) is stale")
    #expect(Repository.files(under: "Sources/ReformHub/Generated") == [output.path])
  }

  @Test func generatorRefusesRecursiveMessages() throws {
    let files = try schema(of: [
      "probe.proto": """
        syntax = "proto3";
        package probe;
        message Node { Leaf leaf = 1; }
        message Leaf { repeated Node children = 1; }
        """,
    ])
    #expect(throws: Generator.Refusal.self) { try Generator(files: files) }
  }

  @Test func generatorRefusesAWireTwinThatDiffersFromItsOriginal() throws {
    let files = try schema(of: [
      "v1.proto": "syntax = \"proto3\";\npackage grpc.reflection.v1;\nmessage Probe { string name = 1; }\n",
      "v1alpha.proto": "syntax = \"proto3\";\npackage grpc.reflection.v1alpha;\nmessage Probe { int32 name = 1; }\n",
    ])
    #expect(throws: Generator.Refusal.self) { try Generator(files: files) }
  }

  /// The schema protoc reads from `protos` (file name → text).
  private func schema(of protos: [String: String]) throws -> [SchemaFile] {
    let scratch = try temporaryFolder()
    for (name, text) in protos { try text.write(toFile: scratch + "/" + name, atomically: true, encoding: .utf8) }
    var protoc = Tool.protoc
    protoc.directory = scratch
    try protoc.run(["--descriptor_set_out=set.pb"] + protos.keys.sorted())
    return try DescriptorSetReader.read(Array(contents(scratch + "/set.pb")))
  }

  private func temporaryFolder() throws -> String {
    let path = Repository.path(".build/test-scratch/\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  private func contents(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
  }
}

extension String {
  /// A path under the repository, relative to its root.
  fileprivate var relativeToRoot: String {
    String(dropFirst(Repository.root.path.count + 1))
  }
}
