import Foundation

/// Turns descriptor sets into the Swift mirror of every message and service, and the C header
/// through which that Swift reaches protoc-c's descriptors.
///
/// The Swift is mechanical: every message becomes a `Sendable`, `Equatable` struct whose
/// conversion to and from protobuf-c calls `CMessageReader` / `CMessageWriter` once per field,
/// by field number; the bridge finds offsets and types in protoc-c's descriptors at run time.
public struct Generator {
  /// A schema the generator refuses, with the reason.
  public struct Refusal: Error, CustomStringConvertible {
    public var description: String
  }

  /// One generated file: a path relative to its output folder, and its text.
  public struct Output: Equatable, Sendable {
    public var path: String
    public var text: String
  }

  /// Packages that repeat another package's messages under a second name, mirrored by that
  /// package's Swift types: `grpc.reflection.v1alpha` is the deprecated name of
  /// `grpc.reflection.v1`, the same messages on the same wire. Only their services get Swift
  /// of their own, named with the package's version (`V1alphaServerReflectionService`).
  public static let wireTwins = ["grpc.reflection.v1alpha": "grpc.reflection.v1"]

  /// Swift name prefixes of packages whose plain names would stand beside other libraries'
  /// types: OpenTelemetry's `Span`, `Status` and `Resource` become `OTLPSpan`, `OTLPStatus`
  /// and `OTLPResource`, apart from swift-distributed-tracing's `Span` and GRPCCore's `Status`.
  public static let swiftPrefixes = ["opentelemetry.proto.": "OTLP"]

  /// Packages of services a Reform process calls and never serves (OTLP's trace collector):
  /// left out of `WireCatalogue.services`, which lists what the coordinator serves.
  public static let calledOnly = ["opentelemetry.proto."]

  /// The Swift name prefix of a package's types: empty but for ``swiftPrefixes``.
  static func swiftPrefix(of package: String) -> String {
    swiftPrefixes.first { package.hasPrefix($0.key) }?.value ?? ""
  }

  private let files: [SchemaFile]
  private var types: [String: TypeInfo] = [:]
  /// The full names of a twin package's messages, each mirrored by its twin's Swift type.
  private var twinTypes: [String: TypeInfo] = [:]

  private struct TypeInfo {
    var swiftName: String
    var isEnum: Bool
    var message: SchemaMessage?
  }

  public init(files: [SchemaFile]) throws {
    self.files = files
    for file in files where Self.wireTwins[file.package] == nil {
      let prefix = Self.swiftPrefix(of: file.package)
      for e in file.enums { try register(enum: e, swiftPrefix: prefix) }
      for m in file.messages { try register(message: m, swiftPrefix: prefix) }
    }
    for file in files {
      guard let twin = Self.wireTwins[file.package] else { continue }
      guard let original = files.first(where: { $0.package == twin }),
        Self.shape(of: file) == Self.shape(of: original)
      else { throw Refusal(description: "\(file.name) is not the same schema as package \(twin)") }
      for (name, info) in types where name.hasPrefix(".\(twin).") {
        twinTypes[".\(file.package)." + name.dropFirst(twin.count + 2)] = info
      }
    }
    let names = types.values.filter { !$0.swiftName.contains(".") }.map(\.swiftName)
    for file in files { for s in file.services where names.contains(serviceName(s)) {
      throw Refusal(description: "service \(s.fullName) would be named \(serviceName(s)), as a message is")
    } }
    try checkNoRecursion()
  }

  private mutating func register(enum e: SchemaEnum, swiftPrefix: String) throws {
    try claim(e.fullName, TypeInfo(swiftName: swiftPrefix + e.name, isEnum: true, message: nil))
  }

  private mutating func register(message m: SchemaMessage, swiftPrefix: String) throws {
    if m.isMapEntry { throw Refusal(description: "\(m.fullName): map fields are not supported; use a repeated message") }
    for f in m.fields {
      if f.isProto3Optional { throw Refusal(description: "\(m.fullName).\(f.name): proto3 optional is not supported by protoc-c 1.4") }
      if f.kind == .group { throw Refusal(description: "\(m.fullName).\(f.name): groups are not supported") }
    }
    let swiftName = swiftPrefix + m.name
    try claim(m.fullName, TypeInfo(swiftName: swiftName, isEnum: false, message: m))
    for e in m.enums { try register(enum: e, swiftPrefix: swiftName + ".") }
    for n in m.messages { try register(message: n, swiftPrefix: swiftName + ".") }
  }

  private mutating func claim(_ fullName: String, _ info: TypeInfo) throws {
    if let other = types.first(where: { $0.value.swiftName == info.swiftName }) {
      throw Refusal(description: "\(fullName) and \(other.key) would both be named \(info.swiftName) in Swift")
    }
    types["." + fullName] = info
  }

  /// Messages may not contain themselves, directly or through other messages: nesting depth is
  /// then bounded by the schema, so no input can drive unpacking into deep recursion.
  private func checkNoRecursion() throws {
    var state: [String: Bool] = [:]  // false: on the current path; true: done
    func visit(_ name: String, _ path: [String]) throws {
      if state[name] == true { return }
      if state[name] == false {
        throw Refusal(description: "recursive message types: \((path + [name]).joined(separator: " → "))")
      }
      state[name] = false
      for f in types[name]?.message?.fields ?? [] where f.kind == .message {
        try visit(f.typeName, path + [name])
      }
      state[name] = true
    }
    for (name, info) in types where !info.isEnum { try visit(name, []) }
  }

  /// A file's messages, enums and services with its package left out of every name: equal
  /// for two files that differ only in their package.
  private static func shape(of file: SchemaFile) -> String {
    let package = "." + file.package + "."
    func local(_ name: String) -> String { name.replacingOccurrences(of: package, with: ".") }
    func enumeration(_ e: SchemaEnum) -> String {
      "enum \(e.name) {\(e.values.map { "\($0.name)=\($0.number)" }.joined(separator: " "))}"
    }
    func message(_ m: SchemaMessage) -> String {
      let fields = m.fields.map {
        "\($0.name)=\($0.number) \($0.kind) \($0.isRepeated) \(local($0.typeName)) \($0.oneofIndex ?? -1)"
      }
      return "message \(m.name) {\((fields + m.oneofs.map(\.name) + m.enums.map(enumeration) + m.messages.map(message)).joined(separator: "; "))}"
    }
    let services = file.services.map { s in
      "service \(s.name) {" + s.methods.map {
        "\($0.name)(\($0.clientStreaming) \(local($0.inputType))) \($0.serverStreaming) \(local($0.outputType))"
      }.joined(separator: "; ") + "}"
    }
    return (file.enums.map(enumeration) + file.messages.map(message) + services).joined(separator: "\n")
  }

  // MARK: - Output

  /// Every generated Swift file, one per proto file, plus the catalogue of all types and services.
  public func swiftFiles() -> [Output] {
    files.map { file in
      var out = header(file.name)
      out += "import CProtobufC\nimport GRPCCore\nimport ReformProtoC\n"
      if Self.wireTwins[file.package] == nil {
        for e in file.enums { out += "\n" + emit(enum: e, indent: "") }
        for m in file.messages { out += "\n" + emit(struct: m, indent: "") }
        for m in file.messages { out += emitConformances(m) }
      }
      for s in file.services { out += "\n" + emit(service: s) }
      let base = file.name.replacingOccurrences(of: ".proto", with: "").replacingOccurrences(of: "/", with: "_")
      return Output(path: base + ".pb.swift", text: out)
    } + [catalogue()]
  }

  /// The C header of inline accessors, one per message descriptor, included by ReformProtoC.
  public func cHeader() -> Output {
    var out = "// Generated by reform-protogen from Protos/. DO NOT EDIT; run Protos/generate.\n"
    out += "// One accessor per message descriptor, so Swift holds a stable pointer to each.\n"
    out += "#ifndef REFORM_WIRE_DESCRIPTORS_H\n#define REFORM_WIRE_DESCRIPTORS_H\n\n"
    for file in files {
      out += "#include \"\(file.name.replacingOccurrences(of: ".proto", with: ".pb-c.h"))\"\n"
    }
    out += "\n"
    for (fullName, info) in types.sorted(by: { $0.key < $1.key }) where !info.isEnum {
      let lower = Naming.cFullLower(fullName)
      out += "static inline const ProtobufCMessageDescriptor *reform_wire_descriptor__\(lower)(void) {\n"
      out += "  return &\(lower)__descriptor;\n}\n"
    }
    out += "\n#endif\n"
    return Output(path: "reform_wire_descriptors.h", text: out)
  }

  private func header(_ source: String) -> String {
    "// Generated by reform-protogen from \(source). DO NOT EDIT; run Protos/generate.\n\n"
  }

  private func doc(_ comment: String, _ indent: String) -> String {
    let lines = comment.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.hasPrefix(" ") ? String($0.dropFirst()) : String($0) }
    var trimmed = lines
    while trimmed.last?.isEmpty == true { trimmed.removeLast() }
    return trimmed.map { "\(indent)///\($0.isEmpty ? "" : " " + $0)\n" }.joined()
  }

  private func emit(enum e: SchemaEnum, indent: String) -> String {
    let i2 = indent + "  "
    let name = declaredName(e.fullName)
    var out = doc(e.comment, indent)
    out += "\(indent)public struct \(name): WireEnum, CustomStringConvertible {\n"
    out += "\(i2)public var rawValue: Int32\n\n"
    out += "\(i2)public init(rawValue: Int32) { self.rawValue = rawValue }\n\n"
    for v in e.values {
      out += doc(v.comment.isEmpty ? "`\(v.name)`" : v.comment, i2)
      out += "\(i2)public static let \(Naming.identifier(Naming.enumCase(v.name, enumName: name))) = \(name)(rawValue: \(v.number))\n"
    }
    out += "\n\(i2)/// Every value the schema names, in declaration order.\n"
    out += "\(i2)public static let allKnown: [\(name)] = [\(e.values.map { "." + Naming.identifier(Naming.enumCase($0.name, enumName: name)) }.joined(separator: ", "))]\n\n"
    out += "\(i2)/// The value's name in the schema, or its number when the schema does not name it.\n"
    out += "\(i2)public var description: String {\n\(i2)  switch rawValue {\n"
    var seen = Set<Int32>()
    for v in e.values where seen.insert(v.number).inserted {
      out += "\(i2)  case \(v.number): \"\(v.name)\"\n"
    }
    out += "\(i2)  default: String(rawValue)\n\(i2)  }\n\(i2)}\n\(indent)}\n"
    return out
  }

  private func swiftType(of f: SchemaField) -> String {
    let base: String
    switch f.kind {
    case .double: base = "Double"
    case .float: base = "Float"
    case .int64, .sint64, .sfixed64: base = "Int64"
    case .uint64, .fixed64: base = "UInt64"
    case .int32, .sint32, .sfixed32: base = "Int32"
    case .uint32, .fixed32: base = "UInt32"
    case .bool: base = "Bool"
    case .string: base = "String"
    case .bytes: base = "[UInt8]"
    case .message, .enumeration, .group: base = types[f.typeName]!.swiftName
    }
    if f.isRepeated { return "[\(base)]" }
    return f.kind == .message && f.oneofIndex == nil ? base + "?" : base
  }

  private func defaultValue(of f: SchemaField) -> String {
    if f.isRepeated { return "[]" }
    switch f.kind {
    case .string: return "\"\""
    case .bytes: return "[]"
    case .bool: return "false"
    case .message, .group: return "nil"
    case .enumeration: return "\(types[f.typeName]!.swiftName)(rawValue: 0)"
    default: return "0"
    }
  }

  private func emit(struct m: SchemaMessage, indent: String) -> String {
    let i2 = indent + "  "
    var out = doc(m.comment, indent)
    out += "\(indent)public struct \(declaredName(m.fullName)): Sendable, Equatable {\n"
    var members: [(name: String, type: String, value: String)] = []
    var emittedOneofs = Set<Int>()
    for f in m.fields {
      if let o = f.oneofIndex {
        guard emittedOneofs.insert(o).inserted else { continue }
        let oneof = m.oneofs[o]
        let name = Naming.identifier(Naming.lowerCamel(oneof.name))
        out += doc(oneof.comment.isEmpty ? "One of: \(m.fields.filter { $0.oneofIndex == o }.map { "`\($0.name)`" }.joined(separator: ", "))." : oneof.comment, i2)
        out += "\(i2)public var \(name): \(Naming.upperCamel(oneof.name))? = nil\n"
        members.append((name, Naming.upperCamel(oneof.name) + "?", "nil"))
      } else {
        let name = Naming.identifier(Naming.lowerCamel(f.name))
        out += doc(f.comment, i2)
        out += "\(i2)public var \(name): \(swiftType(of: f)) = \(defaultValue(of: f))\n"
        members.append((name, swiftType(of: f), defaultValue(of: f)))
      }
    }
    for (o, oneof) in m.oneofs.enumerated() {
      out += "\n" + doc(oneof.comment.isEmpty ? "The choices of `\(oneof.name)`." : oneof.comment, i2)
      out += "\(i2)public enum \(Naming.upperCamel(oneof.name)): Sendable, Equatable {\n"
      for f in m.fields where f.oneofIndex == o {
        out += doc(f.comment, i2 + "  ")
        out += "\(i2)  case \(Naming.identifier(Naming.lowerCamel(f.name)))(\(swiftType(of: f)))\n"
      }
      out += "\(i2)}\n"
    }
    for e in m.enums { out += "\n" + emit(enum: e, indent: i2) }
    for n in m.messages { out += "\n" + emit(struct: n, indent: i2) }
    out += "\n\(i2)public init() {}\n"
    if !members.isEmpty {
      out += "\n\(i2)public init(\n"
      out += members.map { "\(i2)  \($0.name): \($0.type) = \($0.value)" }.joined(separator: ",\n")
      out += "\n\(i2)) {\n"
      for member in members { out += "\(i2)  self.\(member.name) = \(member.name)\n" }
      out += "\(i2)}\n"
    }
    out += "\(indent)}\n"
    return out
  }

  /// The accessor names `CMessageReader` and `CMessageWriter` offer for a field's kind.
  private func accessor(_ f: SchemaField) -> (read: String, write: String, throwsRead: Bool, throwsWrite: Bool, isSet: (String) -> String) {
    let r = f.isRepeated
    switch f.kind {
    case .string: return (r ? "strings" : "string", r ? "setStrings" : "setString", true, true, { "!\($0).isEmpty" })
    case .bytes: return (r ? "bytesList" : "bytes", r ? "setBytesList" : "setBytes", false, false, { "!\($0).isEmpty" })
    case .bool: return (r ? "bools" : "bool", r ? "setBools" : "setBool", false, false, { r ? "!\($0).isEmpty" : $0 })
    case .enumeration: return (r ? "enumerations" : "enumeration", r ? "setEnums" : "setEnum", false, false, { r ? "!\($0).isEmpty" : "\($0).rawValue != 0" })
    case .message, .group: return (r ? "messages" : "message", r ? "setMessages" : "setMessage", true, true, { "!\($0).isEmpty" })
    default: return (r ? "scalars" : "scalar", r ? "setScalars" : "setScalar", false, false, { r ? "!\($0).isEmpty" : "\($0) != 0" })
    }
  }

  private func emitConformances(_ m: SchemaMessage) -> String {
    let info = types["." + m.fullName]!
    var out = "\nextension \(info.swiftName): WireMessage {\n"
    out += "  public static var protoName: String { \"\(m.fullName)\" }\n\n"
    out += "  public static var cDescriptor: UnsafePointer<ProtobufCMessageDescriptor> {\n"
    out += "    reform_wire_descriptor__\(Naming.cFullLower(m.fullName))()\n  }\n\n"

    var read = "", write = ""
    var doneOneofs = Set<Int>()
    for f in m.fields {
      let a = accessor(f)
      let name = Naming.identifier(Naming.lowerCamel(f.name))
      if let o = f.oneofIndex {
        guard doneOneofs.insert(o).inserted else { continue }
        let oneofName = Naming.identifier(Naming.lowerCamel(m.oneofs[o].name))
        let members = m.fields.filter { $0.oneofIndex == o }
        read += "    switch r.oneofCase(\(f.number)) {\n"
        write += "    switch \(oneofName) {\n"
        for member in members {
          let ma = accessor(member)
          let caseName = Naming.identifier(Naming.lowerCamel(member.name))
          let value = member.kind == .message
            ? "try r.message(\(member.number)) ?? .init()"
            : "\(ma.throwsRead ? "try " : "")r.\(ma.read)(\(member.number))"
          read += "    case \(member.number): \(oneofName) = .\(caseName)(\(value))\n"
          write += "    case .\(caseName)(let value): \(ma.throwsWrite ? "try " : "")w.\(ma.write)(\(member.number), value)\n"
        }
        read += "    default: \(oneofName) = nil\n    }\n"
        write += "    case nil: break\n    }\n"
      } else {
        read += "    \(name) = \(a.throwsRead ? "try " : "")r.\(a.read)(\(f.number))\n"
        if f.kind == .message && !f.isRepeated {
          write += "    if let value = \(name) { try w.setMessage(\(f.number), value) }\n"
        } else {
          write += "    if \(a.isSet(name)) { \(a.throwsWrite ? "try " : "")w.\(a.write)(\(f.number), \(name)) }\n"
        }
      }
    }
    out += "  public init(reading r: CMessageReader) throws(WireError) {\n"
    out += m.fields.isEmpty ? "    self.init()\n" : "    self.init()\n" + read
    out += "  }\n\n"
    out += "  public func write(to w: CMessageWriter) throws(WireError) {\n" + write + "  }\n}\n"
    for n in m.messages { out += emitConformances(n) }
    return out
  }

  private func serviceName(_ s: SchemaService) -> String {
    let package = String(s.fullName.dropLast(s.name.count + 1))
    guard Self.wireTwins[package] != nil, let version = package.split(separator: ".").last else {
      // `TraceService` stays `OTLPTraceService`, not `TraceServiceService`.
      return Self.swiftPrefix(of: package) + s.name + (s.name.hasSuffix("Service") ? "" : "Service")
    }
    return Naming.upperCamel(String(version)) + s.name + "Service"
  }

  /// The Swift type of a message or enum, a twin package's included.
  private func swiftName(of typeName: String) -> String {
    (types[typeName] ?? twinTypes[typeName])!.swiftName
  }

  private func emit(service s: SchemaService) -> String {
    let name = serviceName(s)
    var out = doc(s.comment.isEmpty ? "The methods of `\(s.fullName)`." : s.comment, "")
    out += "public enum \(name) {\n"
    out += "  /// The fully qualified service name.\n"
    out += "  public static let name = \"\(s.fullName)\"\n\n"
    out += "  /// The gRPC descriptor of the service.\n"
    out += "  public static let descriptor = ServiceDescriptor(fullyQualifiedService: \"\(s.fullName)\")\n"
    for m in s.methods {
      let level = ["unknown", "noSideEffects", "idempotent"][Int(m.idempotencyLevel)]
      out += "\n" + doc(m.comment, "  ")
      out += "  public enum \(m.name): WireMethod {\n"
      out += "    public typealias Input = ReformWire.\(swiftName(of: m.inputType))\n"
      out += "    public typealias Output = ReformWire.\(swiftName(of: m.outputType))\n"
      out += "    public static let info = WireMethodInfo(\n"
      out += "      service: \"\(s.fullName)\", method: \"\(m.name)\",\n"
      out += "      inputType: \"\(m.inputType.dropFirst())\", outputType: \"\(m.outputType.dropFirst())\",\n"
      out += "      clientStreaming: \(m.clientStreaming), serverStreaming: \(m.serverStreaming),\n"
      out += "      idempotency: .\(level)\n    )\n  }\n"
    }
    out += "\n  /// Every method of the service, in declaration order.\n"
    out += "  public static let methods: [WireMethodInfo] = [\(s.methods.map { "\($0.name).info" }.joined(separator: ", "))]\n"
    out += "}\n"
    return out
  }

  /// The name a type is declared with: the last part of its Swift name, so a top-level type
  /// of a package in ``swiftPrefixes`` has the prefix and a nested type does not repeat it.
  private func declaredName(_ fullName: String) -> String {
    String(types["." + fullName]!.swiftName.split(separator: ".").last!)
  }

  private func catalogue() -> Output {
    var out = "// Generated by reform-protogen from Protos/. DO NOT EDIT; run Protos/generate.\n\n"
    out += "/// Every message type and every service the schema defines.\n"
    out += "public enum WireCatalogue {\n"
    out += "  /// Every message type, nested ones included, sorted by full name.\n"
    out += "  public static var messageTypes: [any WireMessage.Type] {\n    [\n"
    for (_, info) in types.sorted(by: { $0.key < $1.key }) where !info.isEnum {
      out += "      \(info.swiftName).self,\n"
    }
    out += "    ]\n  }\n\n"
    out += "  /// Every service Reform serves, in schema order: OpenTelemetry's, which a process calls\n"
    out += "  /// and never serves, is left out.\n"
    out += "  public static let services: [WireServiceInfo] = [\n"
    for file in files where !Self.calledOnly.contains(where: file.package.hasPrefix) { for s in file.services {
      out += "    WireServiceInfo(name: \(serviceName(s)).name, methods: \(serviceName(s)).methods),\n"
    } }
    out += "  ]\n}\n"
    return Output(path: "WireCatalogue.pb.swift", text: out)
  }
}
