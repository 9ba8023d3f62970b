import Foundation

/// Writes a value as JSON with object fields in the order its type declares them, leaving
/// out `nil` fields, so that a generated file reads top-down (`year` first, `visitsDue`
/// before `teams`) and is byte-for-byte the same on every run. `JSONEncoder` keeps neither
/// order on every platform, and sorting puts `year` last.
///
/// Structs become objects (through `Mirror`), arrays arrays, strings and whole numbers
/// themselves; a value that writes itself as text (``JSONText``) becomes that string. An
/// object or array of scalars that fits on one line is written on one line.
enum OrderedJSONWriter {
  /// A value written as a JSON string, e.g. a date as `2026-03-02`.
  protocol JSONText {
    var jsonText: String { get }
  }

  /// The JSON text of `value`, ended by a newline.
  static func write(_ value: Any) -> String {
    render(value, indent: "") + "\n"
  }

  private static let lineWidth = 100

  private static func render(_ value: Any, indent: String) -> String {
    if let scalar = scalar(value) { return scalar }
    let mirror = Mirror(reflecting: value)
    let inner = indent + "  "
    switch mirror.displayStyle {
    case .collection?, .set?:
      let items = mirror.children.map { render($0.value, indent: inner) }
      if items.isEmpty { return "[]" }
      let line = "[" + items.joined(separator: ", ") + "]"
      if mirror.children.allSatisfy({ isFlat($0.value) }), indent.count + line.count <= lineWidth { return line }
      return "[\n" + items.map { inner + $0 }.joined(separator: ",\n") + "\n\(indent)]"
    default:
      let fields = mirror.children.compactMap { child -> (String, Any)? in
        guard let label = child.label, let present = unwrapped(child.value) else { return nil }
        return (label, present)
      }
      let items = fields.map { "\(quoted($0.0)): \(render($0.1, indent: inner))" }
      if items.isEmpty { return "{}" }
      let line = "{" + items.joined(separator: ", ") + "}"
      if fields.allSatisfy({ isFlat($0.1) }), indent.count + line.count <= lineWidth { return line }
      return "{\n" + items.map { inner + $0 }.joined(separator: ",\n") + "\n\(indent)}"
    }
  }

  /// A scalar's JSON, or `nil` for a value with parts.
  private static func scalar(_ value: Any) -> String? {
    switch value {
    case let text as JSONText: quoted(text.jsonText)
    case let text as String: quoted(text)
    case let flag as Bool: flag ? "true" : "false"
    case let number as any BinaryInteger: "\(number)"
    case let raw as any RawRepresentable<String>: quoted(raw.rawValue)
    default: nil
    }
  }

  /// True for a scalar, or an object or array of scalars only.
  private static func isFlat(_ value: Any) -> Bool {
    if scalar(value) != nil { return true }
    return Mirror(reflecting: value).children.allSatisfy { child in
      guard let present = unwrapped(child.value) else { return true }
      return scalar(present) != nil
    }
  }

  /// The value inside an optional, `nil` when it holds none; any other value as it is.
  private static func unwrapped(_ value: Any) -> Any? {
    let mirror = Mirror(reflecting: value)
    guard mirror.displayStyle == .optional else { return value }
    return mirror.children.first.flatMap { unwrapped($0.value) }
  }

  /// `text` as a JSON string.
  private static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

extension PlanInputFile.DateText: OrderedJSONWriter.JSONText {
  var jsonText: String { InspectionText.date(date) }
}

extension PlanInputFile.Kind: OrderedJSONWriter.JSONText {
  var jsonText: String { InspectionText.kind(kind) }
}
