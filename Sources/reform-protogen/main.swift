// reform-protogen: the Swift mirror of Reform's schema, from a protoc descriptor set.
//
//   reform-protogen SET.pb --swift-out DIR --c-header FILE [--served-set SERVED.pb --served-out FILE]
//
// SERVED.pb is `protoc --include_imports` of every file the coordinator serves; FILE becomes the
// table its server reflection answers from.
// Protos/generate runs it; the README says when to.
import Foundation
import ReformProtogen

let arguments = Array(CommandLine.arguments.dropFirst())
func value(after flag: String) -> String? {
  arguments.firstIndex(of: flag).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
}
guard let setPath = arguments.first, let swiftOut = value(after: "--swift-out"),
  let cHeader = value(after: "--c-header")
else {
  FileHandle.standardError.write("usage: reform-protogen SET.pb --swift-out DIR --c-header FILE [--served-set SERVED.pb --served-out FILE]\n".data(using: .utf8)!)
  exit(64)
}

do {
  let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: setPath)))
  let generator = try Generator(files: DescriptorSetReader.read(bytes))
  let fm = FileManager.default
  try? fm.removeItem(atPath: swiftOut)
  try fm.createDirectory(atPath: swiftOut, withIntermediateDirectories: true)
  for file in generator.swiftFiles() {
    try file.text.write(toFile: swiftOut + "/" + file.path, atomically: true, encoding: .utf8)
  }
  try generator.cHeader().text.write(toFile: cHeader, atomically: true, encoding: .utf8)
  if let servedSet = value(after: "--served-set"), let servedOut = value(after: "--served-out") {
    let served = try ServedSchemaTable(set: [UInt8](Data(contentsOf: URL(fileURLWithPath: servedSet))))
    try served.swiftFile().text.write(toFile: servedOut, atomically: true, encoding: .utf8)
  }
} catch {
  FileHandle.standardError.write("reform-protogen: \(error)\n".data(using: .utf8)!)
  exit(1)
}
