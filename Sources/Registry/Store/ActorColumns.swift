import GRDB
import RegistryDomain

/// How a principal is stored beside what they did: four columns (`…_id`, `…_name`, `…_unit`,
/// `…_roles`, the roles `|`-separated), read back without a JSON decoder, which matters when
/// fifty thousand values are reloaded.
enum ActorColumns {
  /// The four column values of `actor`, or four nils.
  static func parts(_ actor: ActorRef?) -> (id: String?, name: String?, unit: String?, roles: String?) {
    guard let actor else { return (nil, nil, nil, nil) }
    return (actor.id, actor.displayName, actor.unitCode, actor.roles.map(\.rawValue).sorted().joined(separator: "|"))
  }

  /// The principal stored in four columns; `nil` when its id is NULL.
  static func actor(id: String?, name: String?, unit: String?, roles: String?) -> ActorRef? {
    guard let id else { return nil }
    return ActorRef(
      id: id, displayName: name ?? "", unitCode: unit,
      roles: Set((roles ?? "").split(separator: "|").compactMap { ActorRole(rawValue: String($0)) }))
  }

  /// The four column values of `actor`, or four NULLs, as SQLite binds them.
  static func values(_ actor: ActorRef?) -> [(any DatabaseValueConvertible)?] {
    let parts = parts(actor)
    return [parts.id, parts.name, parts.unit, parts.roles]
  }

  /// The principal stored from column `index` on; `nil` when its id is NULL.
  static func read(_ row: Row, from index: Int) -> ActorRef? {
    actor(id: row[index], name: row[index + 1], unit: row[index + 2], roles: row[index + 3])
  }
}
