/// Documents a unit sent or received in a period, by one channel, at one confidentiality: the
/// input of indicator 3a (``NetworkShareCount``). A row may stand for one document
/// (``count`` 1) or for a number of them already added up.
public struct DocumentFlow: Sendable, Hashable {
  /// Whether the unit sent or received the documents.
  public enum Direction: Sendable, Hashable, CaseIterable {
    /// Văn bản đi.
    case sent
    /// Văn bản đến.
    case received
  }

  /// How the documents travelled.
  public enum Channel: Sendable, Hashable, CaseIterable {
    /// Exchanged and processed on the network (this exchange or another electronic one).
    case network
    /// On paper or any other way outside the network.
    case outside
  }

  /// The unit's registry code.
  public var unitCode: String
  /// The period the documents belong to.
  public var period: ReportingPeriod
  /// Sent or received.
  public var direction: Direction
  /// Network or outside.
  public var channel: Channel
  /// Their confidentiality: secret ones are left out of the indicator.
  public var confidentiality: Confidentiality
  /// How many documents the row stands for.
  public var count: Int

  /// A row of `count` documents (by default one).
  public init(
    unitCode: String, period: ReportingPeriod, direction: Direction, channel: Channel,
    confidentiality: Confidentiality = .normal, count: Int = 1
  ) {
    self.unitCode = unitCode
    self.period = period
    self.direction = direction
    self.channel = channel
    self.confidentiality = confidentiality
    self.count = count
  }
}
