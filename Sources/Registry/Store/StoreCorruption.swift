/// A stored row that does not read back as the domain value it was written from: the file was
/// changed by something other than the registry. Reported as `INTERNAL`, naming the row.
struct StoreCorruption: Error, CustomStringConvertible {
  var table: String
  var key: String
  var problem: String

  var description: String { "the registry's store is damaged: \(table) \(key): \(problem)" }
}
