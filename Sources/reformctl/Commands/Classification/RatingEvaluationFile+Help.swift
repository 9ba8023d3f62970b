extension RatingEvaluationFile {
  /// What `reformctl rating submit --help` says about the file: every column, the small
  /// languages of the list cells, and a short example; `reformctl rating example` prints a
  /// whole one.
  static var help: String {
    let people = columns.filter { $0.scope == .person }.map(\.name).joined(separator: ", ")
    let units = columns.filter { $0.scope == .collective }.map(\.name).joined(separator: ", ")
    let list = columns.map { hanging($0.name, $0.help) }.joined(separator: "\n")
    return """
      The file: UTF-8 CSV with a header line naming its columns, in any order; one row per \
      person or collective. Only kind, id and year are required; a blank cell is not given. \
      Columns for people only: \(people). For collectives only: \(units). A file saved by a \
      spreadsheet with ';' as the separator is read too.

      \(list)

      discipline items: [SYSTEM:]LEVEL@DATE[#DECISION][=VIOLATION][!counted|!YEAR][*self]. \
      SYSTEM is party (Đảng; the default for Party members and \
      collectives) or admin (chính quyền; the default for civil servants and public employees); \
      LEVEL is \(RatingCells.disciplineLevelHelp); DATE is the decision's date, YYYY-MM-DD or \
      DD/MM/YYYY; #DECISION the decision number (default KL1, KL2… in the row); =VIOLATION \
      names the violation, so that a Party and an administrative decision for one violation \
      count once; !counted (or !2024) marks a violation already counted in an earlier year; \
      *self one the unit found and dealt with itself.

      A short example ('reformctl rating example' prints a whole file to start from):
        kind,id,unit_code,year,common_score,task_score,tasks_total,tasks_on_time
        collective,CB-SNV,,2026,28,63.5,24,24
        party-member,P0001,CB-SNV,2026,28.5,64,20,20

      Errors are printed as FILE:LINE: column: message, every one of them; nothing is \
      written while any line is wrong.
      """
  }

  /// An example file with every column, to open in a spreadsheet and fill in.
  static let example = """
    kind,id,name,unit_code,parent_unit_code,year,duty_group,common_score,task_score,tasks_total,tasks_on_time,tasks_exceeded,assessed_level,discipline,decline,position,leader,leads_unit,targets_total,targets_met,subordinates_total,disciplined_subordinates,leaders,disciplined_leaders,note
    collective,DB-SNV,Đảng bộ Sở Nội vụ,,DUK,2026,,27.5,62,30,30,10,,,,,,,15,15,3,CB-SNV-2*self,P0004,,
    collective,CB-SNV,Chi bộ Văn phòng Sở Nội vụ,,DB-SNV,2026,,28,63.5,24,24,9,,,,,,,12,12,0,,P0001,,
    party-member,P0001,Nguyễn Văn An,CB-SNV,,2026,lanh-dao,28.5,64,20,20,8,HTXSNV,,,Bí thư Chi bộ,có,CB-SNV,,,,,,,
    party-member,P0002,Lò Thị Bình,CB-SNV,,2026,chuyen-mon,27,55.25,18,17,3,HTTNV,khiển trách@2026-06-12#05-QĐ/UBKT,,,,,,,,,,,
    party-member,P0003,Giàng A Chư,CB-SNV,,2026,chuyen-mon,26,50,15,15,2,HTTNV,phê bình@2026-03-02,,,,,,,,,,,Chuyển sinh hoạt từ tháng 3
    civil-servant,P0002,Lò Thị Bình,CB-SNV,,2026,chuyen-mon,26,56,18,17,3,HTTNV,"admin:khiển trách@12/06/2026#41/QĐ-SNV=VP1;party:khiển trách@2026-06-12=VP1",,Chuyên viên,,,,,,,,,

    """

  /// `name` and its help, the help wrapped at 78 columns under itself.
  private static func hanging(_ name: String, _ text: String) -> String {
    let indent = 28
    let width = 78 - indent
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty, line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    lines.append(line)
    let first = "  " + name + String(repeating: " ", count: max(1, indent - 2 - name.count))
    return first + lines.joined(separator: "\n" + String(repeating: " ", count: indent))
  }
}
