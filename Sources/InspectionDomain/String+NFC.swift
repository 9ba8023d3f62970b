import Foundation

extension String {
  /// The string in Unicode Normalization Form C, so that codes and names typed with combining
  /// marks compare equal to their precomposed spelling.
  var nfc: String { precomposedStringWithCanonicalMapping }
}
