/// One file server reflection can describe: an entry of the generated ``ServedSchema`` table.
struct ServedFile: Sendable {
  /// The file's name, as `import` spells it (`reform/v1/common.proto`).
  let name: String
  /// The files it imports.
  let dependencies: [String]
  /// The full names it defines: services, methods, messages and enums, nested ones included.
  let symbols: [String]
  /// Its `google.protobuf.FileDescriptorProto`, as protoc encoded it, in base64 (line breaks
  /// are ignored).
  let descriptor: String
}
