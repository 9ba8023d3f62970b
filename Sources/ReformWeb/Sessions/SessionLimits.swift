/// How long console sessions live and how many there may be.
///
/// Sessions are kept in memory: a restart of the web front signs everyone out, which is the
/// safe direction.
public struct SessionLimits: Sendable {
  /// A session unused this long ends.
  public var idle: Duration
  /// A session ends this long after sign-in, however busy.
  public var absolute: Duration
  /// Sessions held at once; a sign-in beyond it is refused until some end.
  public var maximum: Int
  /// Sessions one principal holds at once; a further sign-in ends that principal's oldest.
  public var perPrincipal: Int

  /// Thirty minutes idle, eight hours in all, 1,000 sessions, 10 per principal.
  public init(idle: Duration = .seconds(30 * 60), absolute: Duration = .seconds(8 * 3600), maximum: Int = 1_000, perPrincipal: Int = 10) {
    self.idle = idle
    self.absolute = absolute
    self.maximum = maximum
    self.perPrincipal = perPrincipal
  }
}
