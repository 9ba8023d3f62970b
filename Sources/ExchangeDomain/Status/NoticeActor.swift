/// The party that gives a status notice about a receiver's copy.
public enum NoticeActor: Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// The organ that sent the document (bên gửi): only the recall request 13.
  case sender
  /// The organ whose copy it is (bên nhận): 01–06, 15 and 16.
  case receiver

  /// `sender` or `receiver`.
  public var description: String {
    switch self {
    case .sender: "sender"
    case .receiver: "receiver"
    }
  }
}
