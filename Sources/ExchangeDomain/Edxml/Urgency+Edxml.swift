extension Urgency {
  /// The edXML `OtherInfo/Priority` code: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc.
  var edxmlPriority: Int { rawValue - 1 }

  /// The urgency of an edXML priority code; 4 (hỏa tốc hẹn giờ, flash at a set time) reads as
  /// ``flash``. Nil for any other code.
  init?(edxmlPriority code: Int) {
    switch code {
    case 0...3: self.init(rawValue: code + 1)
    case 4: self = .flash
    default: return nil
    }
  }
}
