/// The kind of organisation a Party unit sits in (cơ quan, đơn vị, doanh nghiệp), as
/// `HostOrganisationKind` in `unit.proto`.
public enum HostOrganisationKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// A state administrative agency: sở, ban, ngành of the province.
  case agency = "AGENCY"
  /// Đơn vị sự nghiệp công lập: a public service unit (school, hospital, centre…).
  case publicServiceUnit = "PUBLIC_SERVICE_UNIT"
  /// Doanh nghiệp: an enterprise.
  case enterprise = "ENTERPRISE"
  /// Cơ quan Đảng, Mặt trận Tổ quốc, đoàn thể, including the bloc committee's own office.
  case partyOrMassOrganisation = "PARTY_OR_MASS_ORGANISATION"
  /// Anything else, named in ``OrgUnit/hostName``.
  case other = "OTHER"
}
