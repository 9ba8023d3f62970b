import ReformWire

/// Refused calls counted per (peer address, principal, method, status, reason) over a window,
/// so that a caller hammering with a bad token adds a few audit entries, not one per attempt.
///
/// The first refusal of a key is written at once, as an entry of count 1, and opens the key's
/// window; the refusals that follow within ``length`` seconds are only counted. When the
/// window has passed, ``due(at:)`` hands back one entry with their count and the time of the
/// last of them, and the next refusal opens a new window. The counts of a key's entries
/// always add up to the refusals seen. Pure: time comes from the caller.
///
/// ## Topics
/// - ``note(_:reason:at:)``: counts a refusal; says whether to write it now.
/// - ``count(_:reason:at:)``: the same, after collecting the windows that have closed.
/// - ``due(at:)``, ``pending()``: the counts to write for closed (or all) windows.
/// - ``restore(_:)``: puts back entries that could not be written, so no count is lost.
public struct DenialWindow: Sendable {
  /// What refusals are counted together by.
  public struct Key: Hashable, Sendable {
    public var peer: String
    public var principalId: String
    public var method: String
    public var statusCode: Int32
    public var reason: String
  }

  /// The key `entry` is counted by, refused for `reason`.
  public static func key(of entry: AdminAuditEntry, reason: String) -> Key {
    Key(
      peer: entry.peer, principalId: entry.principal?.id ?? "", method: entry.method, statusCode: entry.statusCode,
      reason: reason)
  }

  private struct Slot: Sendable {
    var opened: Double
    /// The entry to write: the latest refusal's, with the count of those not yet written.
    var entry: AdminAuditEntry
  }

  /// Seconds a window lasts; 0 writes every refusal as it comes.
  public let length: Double
  /// Keys counted at most at once; past that, refusals of new keys are counted together under
  /// ``anyPeer``, so that memory and the audit log stay bounded whatever the number of peers.
  public let maxKeys: Int
  /// The peer that refusals past ``maxKeys`` keys are counted under.
  public static let anyPeer = "*"
  private var slots: [Key: Slot] = [:]

  public init(length: Double, maxKeys: Int = 10_000) {
    self.length = max(0, length)
    self.maxKeys = max(1, maxKeys)
  }

  /// Counts the refusal `entry` (its `peer` already the address it is counted by), which the
  /// caller refused for `reason`: a text that stays the same from one attempt to the next,
  /// unlike a message that says when to retry.
  ///
  /// - Returns: true when `entry` is to be written now, with count 1; false when it was
  ///   counted into an open window.
  public mutating func note(_ entry: AdminAuditEntry, reason: String, at now: Double) -> Bool {
    var entry = entry
    var key = Self.key(of: entry, reason: reason)
    if slots[key] == nil, slots.count >= maxKeys {
      // Past maxKeys peers (a spread of addresses, an IPv6 /48's worth of /64s), refusals of new
      // peers are counted together under peer "*", one window per method, status and reason,
      // instead of each being written as it comes.
      key.peer = Self.anyPeer
      key.principalId = ""
      entry.peer = Self.anyPeer
      entry.principal = nil
    }
    if var slot = slots[key], now < slot.opened + length {
      var latest = entry
      latest.count = slot.entry.count + 1
      slot.entry = latest
      slots[key] = slot
      return false
    }
    // A window that has passed still holds its count until `due` collects it.
    guard length > 0, slots[key] == nil, slots.count < maxKeys || key.peer == Self.anyPeer else { return true }
    var empty = entry
    empty.count = 0
    slots[key] = Slot(opened: now, entry: empty)
    return true
  }

  /// Collects the windows closed by `now`, then counts `entry` as ``note(_:reason:at:)`` does.
  ///
  /// A refusal that comes after its key's window has passed but before the closed count was
  /// collected would otherwise be written on its own, a third entry for that window; taken
  /// together, a key's refusals make at most two entries per window: the one that opens it
  /// and the count it closes with.
  ///
  /// - Returns: the counts to write first, and whether `entry` is to be written after them.
  public mutating func count(_ entry: AdminAuditEntry, reason: String, at now: Double) -> (closed: [Counted], writeNow: Bool) {
    let closed = due(at: now)
    return (closed, note(entry, reason: reason, at: now))
  }

  /// Counted refusals of one key, to be written as one entry.
  public struct Counted: Sendable {
    public var key: Key
    /// The latest refusal's entry, with the count of those it stands for.
    public var entry: AdminAuditEntry

    public init(key: Key, entry: AdminAuditEntry) {
      self.key = key
      self.entry = entry
    }
  }

  /// The counted refusals of windows that have closed by `now`; they are no longer held.
  /// Windows that counted nothing beyond their first refusal give none.
  public mutating func due(at now: Double) -> [Counted] {
    let closed = slots.filter { now >= $0.value.opened + length }
    for key in closed.keys { slots[key] = nil }
    return closed.filter { $0.value.entry.count > 0 }.map { Counted(key: $0.key, entry: $0.value.entry) }
  }

  /// Every counted refusal, open windows too, for a coordinator that is stopping.
  public mutating func pending() -> [Counted] {
    defer { slots = [:] }
    return slots.filter { $0.value.entry.count > 0 }.map { Counted(key: $0.key, entry: $0.value.entry) }
  }

  /// Puts back counts that ``due(at:)`` or ``pending()`` gave and that could not be written,
  /// so that they are written with the next ones: none is lost.
  public mutating func restore(_ counted: [Counted], at now: Double) {
    for item in counted {
      if var slot = slots[item.key] {
        slot.entry.count += item.entry.count
        slots[item.key] = slot
      } else {
        // Already closed: the next `due` writes it.
        slots[item.key] = Slot(opened: now - length, entry: item.entry)
      }
    }
  }
}
