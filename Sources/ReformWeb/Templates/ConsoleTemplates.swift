import Mustache

/// The console's pages as Mustache templates, compiled into the binary so that a build needs
/// no resource bundle. Every value is rendered with `{{…}}`, which escapes HTML; none uses
/// the unescaped `{{{…}}}`. The pages extend `layout`, which holds the navigation and the
/// sign-out form.
enum ConsoleTemplates {
  /// Every template, by name.
  static func library() throws -> MustacheLibrary {
    var library = MustacheLibrary()
    for (name, text) in [
      ("layout", layout), ("sign-in", signIn), ("operations", operations), ("inbox", inbox), ("document", document), ("ratings", ratings),
      ("problem", problem),
    ] {
      try library.register(text, named: name)
    }
    return library
  }

  static let layout = """
    <!DOCTYPE html>
    <html lang="vi">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{$title}}Reform{{/title}} — Bảng điều khiển Reform</title>
    <link rel="stylesheet" href="/console/tep/console.css">
    </head>
    <body>
    <header>
    <p class="brand">Reform</p>
    {{#session}}
    <nav aria-label="Chính">
    <ul>
    {{#showOperations}}<li><a href="/console/van-hanh">Vận hành</a></li>{{/showOperations}}
    <li><a href="/console/van-ban-den">Văn bản đến</a></li>
    <li><a href="/console/xep-loai">Xếp loại</a></li>
    </ul>
    </nav>
    <form method="post" action="/console/dang-xuat" class="sign-out">
    <input type="hidden" name="csrf" value="{{formToken}}">
    <span class="who">{{displayName}}{{#unitCode}} · {{.}}{{/unitCode}} · {{roles}}</span>
    <button type="submit">Đăng xuất</button>
    </form>
    {{/session}}
    </header>
    <main>
    {{$main}}{{/main}}
    </main>
    </body>
    </html>
    """

  static let signIn = """
    {{<layout}}
    {{$title}}Đăng nhập{{/title}}
    {{$main}}
    <h1>Đăng nhập</h1>
    {{#message}}<p class="error" role="alert">{{.}}</p>{{/message}}
    <form method="post" action="/console/dang-nhap" class="card">
    <input type="hidden" name="csrf" value="{{formToken}}">
    <input type="hidden" name="next" value="{{next}}">
    <label for="token">Mã truy cập Reform</label>
    <input id="token" name="token" type="password" autocomplete="off" required maxlength="512">
    <p class="meta">Mã do quản trị viên cấp (<code>reformctl tokens create</code>); mã chỉ lưu ở máy chủ, không gửi lại trình duyệt.</p>
    <button type="submit">Đăng nhập</button>
    </form>
    {{/main}}
    {{/layout}}
    """

  static let operations = """
    {{<layout}}
    {{$title}}Vận hành{{/title}}
    {{$main}}
    <h1>Vận hành</h1>
    <p class="meta">Điều phối {{coordinator}} · cập nhật lúc {{time}}</p>
    <section class="summary">
    <h2>Mô-đun</h2>
    <table>
    <thead><tr><th scope="col">Mô-đun</th><th scope="col" class="num">Worker</th><th scope="col" class="num">Đang tạm dừng</th><th scope="col" class="num">Hàng đợi</th><th scope="col" class="num">Đang xử lý</th><th scope="col" class="num">Lượt gọi</th><th scope="col" class="num">Lỗi</th><th scope="col" class="num">p50 (ms)</th><th scope="col" class="num">p99 (ms)</th></tr></thead>
    <tbody>
    {{#modules}}
    <tr><td>{{name}}</td><td class="num">{{workers}}</td><td class="num">{{draining}}</td><td class="num">{{queue}}</td><td class="num">{{inFlight}}</td><td class="num">{{calls}}</td><td class="num">{{errors}}</td><td class="num">{{p50}}</td><td class="num">{{p99}}</td></tr>
    {{/modules}}
    </tbody>
    </table>
    </section>
    <section>
    <h2>Worker</h2>
    <table>
    <thead><tr><th scope="col">Worker</th><th scope="col">Mô-đun</th><th scope="col">Trạng thái</th><th scope="col" class="num">Đang xử lý</th><th scope="col" class="num">Xong</th><th scope="col" class="num">Lỗi</th><th scope="col">Nhịp tim</th><th scope="col">Thao tác</th></tr></thead>
    <tbody>
    {{#workers}}
    <tr class="{{stateClass}}" data-worker="{{id}}"><td><code>{{id}}</code></td><td>{{module}}</td><td><span class="badge {{stateClass}}">{{state}}</span></td><td class="num">{{inFlight}}/{{capacity}}</td><td class="num">{{done}}</td><td class="num">{{failed}}</td><td>{{heartbeat}}</td>
    <td>{{#canDrain}}<form method="post" action="/console/van-hanh/tam-dung"><input type="hidden" name="csrf" value="{{formToken}}"><input type="hidden" name="worker" value="{{id}}"><button type="submit">Tạm dừng</button></form>{{/canDrain}}{{#canResume}}<form method="post" action="/console/van-hanh/tiep-tuc"><input type="hidden" name="csrf" value="{{formToken}}"><input type="hidden" name="worker" value="{{id}}"><button type="submit">Tiếp tục</button></form>{{/canResume}}</td></tr>
    {{/workers}}
    {{^workers}}<tr><td colspan="8">Chưa có worker nào.</td></tr>{{/workers}}
    </tbody>
    </table>
    </section>
    {{/main}}
    {{/layout}}
    """

  static let inbox = """
    {{<layout}}
    {{$title}}Văn bản đến{{/title}}
    {{$main}}
    <h1>Văn bản đến</h1>
    <form method="get" action="/console/van-ban-den" class="filter">
    <label for="don-vi">Đơn vị</label>
    <input id="don-vi" name="don-vi" value="{{unit}}" maxlength="64">
    <button type="submit">Xem</button>
    </form>
    {{#prompt}}<p>Nhập mã đơn vị (ví dụ DUK) để xem sổ văn bản đến của đơn vị đó.</p>{{/prompt}}
    {{^prompt}}
    <p class="meta">{{count}} văn bản · khẩn trước · giờ Việt Nam (UTC+7)</p>
    <table>
    <thead><tr><th scope="col">Số đến</th><th scope="col">Ngày đến</th><th scope="col">Số, ký hiệu</th><th scope="col">Trích yếu</th><th scope="col">Nơi gửi</th><th scope="col">Độ khẩn</th><th scope="col">Hạn xử lý</th><th scope="col">Trạng thái</th></tr></thead>
    <tbody>
    {{#items}}
    <tr class="{{#overdue}}not-met{{/overdue}}"><td class="num">{{arrival}}</td><td>{{arrived}}</td><td>{{number}}</td><td><a href="{{link}}">{{subject}}</a></td><td>{{sender}}</td><td>{{#urgent}}<span class="badge not-met">{{urgency}}</span>{{/urgent}}{{^urgent}}{{urgency}}{{/urgent}}</td><td>{{due}}{{#overdue}} <span class="badge not-met">Quá hạn</span>{{/overdue}}</td><td>{{status}}</td></tr>
    {{/items}}
    {{^items}}<tr><td colspan="8">Không có văn bản.</td></tr>{{/items}}
    </tbody>
    </table>
    {{#more}}<p class="meta">Chỉ hiện {{count}} văn bản đầu tiên.</p>{{/more}}
    {{/prompt}}
    {{/main}}
    {{/layout}}
    """

  static let document = """
    {{<layout}}
    {{$title}}{{subject}}{{/title}}
    {{$main}}
    <p><a href="{{back}}">← Văn bản đến</a></p>
    <h1>{{subject}}</h1>
    <section class="{{#overdue}}not-met{{/overdue}}">
    <dl>
    <dt>Số, ký hiệu</dt><dd>{{number}}</dd>
    <dt>Loại văn bản</dt><dd>{{kind}}</dd>
    <dt>Cơ quan ban hành</dt><dd>{{sender}}</dd>
    <dt>Ngày ban hành</dt><dd>{{issued}}</dd>
    <dt>Người ký</dt><dd>{{signer}}</dd>
    <dt>Độ khẩn</dt><dd>{{urgency}}</dd>
    <dt>Hạn xử lý</dt><dd>{{due}}{{#overdue}} <span class="badge not-met">Quá hạn</span>{{/overdue}}</dd>
    <dt>Mã định danh</dt><dd><code>{{id}}</code></dd>
    </dl>
    </section>
    {{#delivery}}
    <section>
    <h2>Bản của đơn vị {{unit}}</h2>
    <dl>
    <dt>Số đến</dt><dd>{{arrival}}</dd>
    <dt>Ngày, giờ đến</dt><dd>{{arrived}}</dd>
    <dt>Trạng thái</dt><dd>{{status}}</dd>
    <dt>Cập nhật lần cuối</dt><dd>{{lastNotice}}</dd>
    </dl>
    </section>
    {{/delivery}}
    {{#hasDeliveries}}
    <section>
    <h2>Nơi nhận</h2>
    <table>
    <thead><tr><th scope="col">Nơi nhận</th><th scope="col">Số đến</th><th scope="col">Trạng thái</th></tr></thead>
    <tbody>{{#deliveries}}<tr class="{{#overdue}}not-met{{/overdue}}"><td>{{receiver}}</td><td>{{arrival}}</td><td>{{status}}</td></tr>{{/deliveries}}</tbody>
    </table>
    </section>
    {{/hasDeliveries}}
    <section>
    <h2>Tệp đính kèm</h2>
    <ul>{{#attachments}}<li>{{name}} ({{size}})</li>{{/attachments}}{{^attachments}}<li>Không có.</li>{{/attachments}}</ul>
    </section>
    {{/main}}
    {{/layout}}
    """

  static let ratings = """
    {{<layout}}
    {{$title}}Xếp loại {{year}}{{/title}}
    {{$main}}
    <h1>Xếp loại năm {{year}}</h1>
    <form method="get" action="/console/xep-loai" class="filter">
    <label for="nam">Năm</label>
    <input id="nam" name="nam" value="{{year}}" inputmode="numeric" maxlength="4" size="5">
    <label for="don-vi">Đơn vị</label>
    <input id="don-vi" name="don-vi" value="{{unit}}" maxlength="64" placeholder="cả Đảng bộ Khối">
    <button type="submit">Xem</button>
    </form>
    <p class="meta">Kết quả chính thức; trong ngoặc: tỷ lệ và thay đổi so với năm trước.</p>
    <section class="summary">
    <table>
    <thead><tr><th scope="col">Đơn vị</th><th scope="col">Đối tượng</th><th scope="col" class="num">Được xếp loại</th>{{#levelNames}}<th scope="col" class="num">{{.}}</th>{{/levelNames}}</tr></thead>
    <tbody>
    {{#rows}}
    <tr{{#total}} class="total"{{/total}}><td>{{unit}}</td><td>{{kind}}</td><td class="num">{{rated}}</td>{{#levels}}<td class="num">{{count}} ({{share}}, {{change}})</td>{{/levels}}</tr>
    {{/rows}}
    {{^rows}}<tr><td colspan="7">Chưa có kết quả xếp loại năm này.</td></tr>{{/rows}}
    </tbody>
    </table>
    </section>
    {{/main}}
    {{/layout}}
    """

  static let problem = """
    {{<layout}}
    {{$title}}{{heading}}{{/title}}
    {{$main}}
    <h1>{{heading}}</h1>
    <p class="error" role="alert">{{message}}</p>
    <p><a href="{{back}}">Quay lại</a></p>
    {{/main}}
    {{/layout}}
    """
}
