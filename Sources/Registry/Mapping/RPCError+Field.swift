import GRPCCore

extension RPCError {
  /// `INVALID_ARGUMENT` naming the field: "field: problem". Only the date mapping still throws
  /// this; every handler throws ReformModule's `FieldError`, which reads the same.
  static func invalid(_ field: String, _ problem: String) -> RPCError {
    RPCError(code: .invalidArgument, message: "\(field): \(problem)")
  }
}
