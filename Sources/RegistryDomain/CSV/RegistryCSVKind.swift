/// What a registry CSV file holds: units, people, their study records, or indicator values.
public enum RegistryCSVKind: String, CaseIterable, Sendable {
  case units = "UNITS"
  case people = "PEOPLE"
  case values = "VALUES"
  case studies = "STUDIES"
}
