import CProtobufC
import ProtocDescriptorC

/// Reads a `google.protobuf.FileDescriptorSet` (as `protoc --descriptor_set_out
/// --include_source_info` writes it) into ``SchemaFile`` values, unpacking it with libprotobuf-c.
public enum DescriptorSetReader {
  /// A descriptor set that libprotobuf-c could not unpack.
  public struct UnreadableSet: Error, CustomStringConvertible {
    public var description: String { "the descriptor set could not be unpacked" }
  }

  public static func read(_ bytes: [UInt8]) throws -> [SchemaFile] {
    let set = bytes.withUnsafeBufferPointer { buffer in
      google__protobuf__file_descriptor_set__unpack(nil, buffer.count, buffer.baseAddress)
    }
    guard let set else { throw UnreadableSet() }
    defer { google__protobuf__file_descriptor_set__free_unpacked(set, nil) }
    return items(set.pointee.file, set.pointee.n_file).map { file(file: $0.pointee) }
  }

  private static func file(file f: Google__Protobuf__FileDescriptorProto) -> SchemaFile {
    let package = text(f.package)
    let comments = Comments(f.source_code_info)
    let prefix = package.isEmpty ? "" : package + "."
    return SchemaFile(
      name: text(f.name),
      package: package,
      dependencies: items(f.dependency, f.n_dependency).map { String(cString: $0) },
      messages: items(f.message_type, f.n_message_type).enumerated().map {
        message($1.pointee, prefix: prefix, path: [4, Int32($0)], comments)
      },
      enums: items(f.enum_type, f.n_enum_type).enumerated().map {
        enumeration($1.pointee, prefix: prefix, path: [5, Int32($0)], comments)
      },
      services: items(f.service, f.n_service).enumerated().map {
        service($1.pointee, prefix: prefix, path: [6, Int32($0)], comments)
      }
    )
  }

  private static func message(
    _ m: Google__Protobuf__DescriptorProto, prefix: String, path: [Int32], _ comments: Comments
  ) -> SchemaMessage {
    let name = text(m.name)
    let fullName = prefix + name
    let fields = items(m.field, m.n_field).enumerated().map { index, pointer in
      let f = pointer.pointee
      return SchemaField(
        name: text(f.name),
        number: f.number,
        kind: SchemaField.Kind(rawValue: Int32(f.type.rawValue)) ?? .group,
        isRepeated: f.label == GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__LABEL__LABEL_REPEATED,
        typeName: text(f.type_name),
        oneofIndex: f.has_oneof_index != 0 ? Int(f.oneof_index) : nil,
        isProto3Optional: f.has_proto3_optional != 0 && f.proto3_optional != 0,
        comment: comments[path + [2, Int32(index)]]
      )
    }
    return SchemaMessage(
      fullName: fullName,
      name: name,
      comment: comments[path],
      fields: fields,
      oneofs: items(m.oneof_decl, m.n_oneof_decl).enumerated().map {
        SchemaOneof(name: text($1.pointee.name), comment: comments[path + [8, Int32($0)]])
      },
      messages: items(m.nested_type, m.n_nested_type).enumerated().map {
        message($1.pointee, prefix: fullName + ".", path: path + [3, Int32($0)], comments)
      },
      enums: items(m.enum_type, m.n_enum_type).enumerated().map {
        enumeration($1.pointee, prefix: fullName + ".", path: path + [4, Int32($0)], comments)
      },
      isMapEntry: m.options.map { $0.pointee.has_map_entry != 0 && $0.pointee.map_entry != 0 } ?? false
    )
  }

  private static func enumeration(
    _ e: Google__Protobuf__EnumDescriptorProto, prefix: String, path: [Int32], _ comments: Comments
  ) -> SchemaEnum {
    SchemaEnum(
      fullName: prefix + text(e.name),
      name: text(e.name),
      comment: comments[path],
      values: items(e.value, e.n_value).enumerated().map {
        (text($1.pointee.name), $1.pointee.number, comments[path + [2, Int32($0)]])
      }
    )
  }

  private static func service(
    _ s: Google__Protobuf__ServiceDescriptorProto, prefix: String, path: [Int32], _ comments: Comments
  ) -> SchemaService {
    SchemaService(
      fullName: prefix + text(s.name),
      name: text(s.name),
      comment: comments[path],
      methods: items(s.method, s.n_method).enumerated().map { index, pointer in
        let m = pointer.pointee
        let level = m.options.map { $0.pointee.has_idempotency_level != 0 ? Int32($0.pointee.idempotency_level.rawValue) : 0 } ?? 0
        return SchemaMethod(
          name: text(m.name),
          inputType: text(m.input_type),
          outputType: text(m.output_type),
          clientStreaming: m.has_client_streaming != 0 && m.client_streaming != 0,
          serverStreaming: m.has_server_streaming != 0 && m.server_streaming != 0,
          idempotencyLevel: level,
          comment: comments[path + [2, Int32(index)]]
        )
      }
    )
  }

  /// Leading comments by source path, as `SourceCodeInfo` records them.
  private struct Comments {
    var byPath: [[Int32]: String] = [:]

    init(_ info: UnsafeMutablePointer<Google__Protobuf__SourceCodeInfo>?) {
      guard let info else { return }
      for location in items(info.pointee.location, info.pointee.n_location) {
        let l = location.pointee
        let comment = text(l.leading_comments)
        guard !comment.isEmpty else { continue }
        let path = Array(UnsafeBufferPointer(start: l.path, count: l.n_path))
        byPath[path] = comment
      }
    }

    subscript(path: [Int32]) -> String { byPath[path] ?? "" }
  }
}

private func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
  pointer.map { String(cString: $0) } ?? ""
}

private func items<T>(_ base: UnsafeMutablePointer<UnsafeMutablePointer<T>?>?, _ count: Int) -> [UnsafeMutablePointer<T>] {
  guard let base else { return [] }
  return (0..<count).compactMap { base[$0] }
}
