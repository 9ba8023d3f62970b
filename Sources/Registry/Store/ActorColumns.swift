import GRDB
import RegistryDomain

/// How a principal is stored beside what they did: four columns (`…_id`, `…_name`, `…_unit`,
/// `…_roles`, the roles `|`-separated), read back without a JSON decoder, which matters when
/// fifty thousand values are reloaded.
enum ActorColumns {
  /// The four column values of `actor`, or four NULLs.
  static func values(_ actor: ActorRef?) -> [(any DatabaseValueConvertible)?] {
    guard let actor else { return [nil, nil, nil, nil] }
    return [actor.id, actor.displayName, actor.unitCode, actor.roles.map(\.rawValue).sorted().joined(separator: "|")]
  }

  /// The principal stored from column `index` on; `nil` when its id is NULL.
  static func read(_ row: Row, from index: Int) -> ActorRef? {
    guard let id: String = row[index] else { return nil }
    let roles: String = row[index + 3] ?? ""
    return ActorRef(
      id: id, displayName: row[index + 1] ?? "", unitCode: row[index + 2],
      roles: Set(roles.split(separator: "|").compactMap { ActorRole(rawValue: String($0)) }))
  }
}
