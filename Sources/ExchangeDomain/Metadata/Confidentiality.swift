/// Độ mật: the state-secret level of a document (Luật Bảo vệ bí mật nhà nước 2018).
///
/// Raw values are the `ExchangeConfidentiality` values of the protocol. Only ``normal`` documents
/// travel over this exchange: ``StorableDocument`` refuses the three secret levels before
/// anything else, and indicator 3a leaves them out (``NetworkShareCount``).
public enum Confidentiality: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// Not secret (thường).
  case normal = 1
  /// Mật.
  case confidential = 2
  /// Tối mật.
  case secret = 3
  /// Tuyệt mật.
  case topSecret = 4

  /// The mark as printed on the document.
  public var vietnameseName: String {
    switch self {
    case .normal: "Thường"
    case .confidential: "Mật"
    case .secret: "Tối mật"
    case .topSecret: "Tuyệt mật"
    }
  }

  /// Mật, Tối mật or Tuyệt mật: a state secret.
  public var isStateSecret: Bool { self != .normal }

  /// The Vietnamese mark.
  public var description: String { vietnameseName }
}
