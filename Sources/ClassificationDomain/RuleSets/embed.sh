#!/bin/sh
# Writes ../BuiltInRuleSets/RuleSet+<Name>.swift from each rule set here, the JSON byte for byte
# inside a raw string literal, so that the domain returns the sets without reading a file.
# Run from this folder after editing a JSON file: sh embed.sh
# A test fails while a Swift file and its JSON differ.
set -eu

embed() {
  json="$1"
  name="$2"
  property="$3"
  out="../BuiltInRuleSets/RuleSet+$name.swift"
  {
    printf '// Written by RuleSets/embed.sh from RuleSets/%s; edit the JSON, then rerun it.\n\n' "$json"
    printf 'extension RuleSet {\n'
    printf '  /// The text of `RuleSets/%s`, byte for byte.\n' "$json"
    printf '  public static let %sJSON = #"""\n' "$property"
    cat "$json"
    printf '\n"""#\n}\n'
  } >"$out"
}

embed 124-QD-TW-2023.json QuyDinh124 quyDinh124
embed 366-QD-TW-2025.json QuyDinh366 quyDinh366
embed 335-ND-CP-2026.json NghiDinh335 nghiDinh335
