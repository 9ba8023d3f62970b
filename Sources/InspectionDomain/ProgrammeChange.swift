/// One change a replan accounts for.
public enum ProgrammeChange: Sendable, Hashable {
  /// An inspector's new leave or unavailability.
  case leave(inspectorID: String, Unavailability)
  /// A unit's visit added to the programme, with the unit's risk if known (it replaces any
  /// risk given for the unit before).
  case unitAdded(VisitDue, risk: UnitRisk?)
  /// A visit taken out of the programme; its due is dropped from the input.
  case visitCancelled(visitID: String, reason: String)
}
