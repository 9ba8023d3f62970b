/// Why ``TokenFile`` could not write or read a token file; the message names the file and, when
/// the operator can fix it, how.
public struct TokenFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, e.g. `/srv/reform/admin.token is readable by group or others (mode 644):
  /// run chmod 600 /srv/reform/admin.token`.
  public var message: String

  /// A failure described by `message`.
  public init(_ message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { message }
}
