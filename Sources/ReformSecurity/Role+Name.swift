import ReformWire

extension Role {
  /// The roles a principal can hold, in the schema's order: every known role but
  /// `ROLE_UNSPECIFIED`, which names no permission.
  public static let assignable: [Role] = [.admin, .operator, .clerk, .inspector, .viewer, .worker, .service]

  /// The short lowercase name people read in messages and that ``TokenStore`` stores:
  /// `admin`, `operator`, `clerk`, `inspector`, `viewer`, `worker`, `service`; the schema's name
  /// for anything else.
  public var name: String {
    switch self {
    case .admin: "admin"
    case .operator: "operator"
    case .clerk: "clerk"
    case .inspector: "inspector"
    case .viewer: "viewer"
    case .worker: "worker"
    case .service: "service"
    default: description
    }
  }

  /// The assignable role called `name` (see ``name``), or `nil`.
  public init?(name: String) {
    guard let role = Self.assignable.first(where: { $0.name == name }) else { return nil }
    self = role
  }
}
