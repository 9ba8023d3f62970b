#!/usr/bin/env python3
"""The web console in headless Chromium, driven through Selenium and Debian's chromedriver.

Signs in as the demo's administrator, clerk and inspector; opens every page each may see,
checks it shows the demo's data and logs nothing to the browser console, and keeps a
screenshot of each; checks what each role may not see is refused; drains and resumes a worker
by clicking; signs out and checks the old session cookie no longer opens a page.

    console_browser.py URL ADMIN_TOKEN_FILE CLERK_TOKEN_FILE INSPECTOR_TOKEN_FILE SCREENSHOT_DIR

Prints one line per check and exits 1 at the first failure, naming it.
"""
import os
import re
import sys
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE, ADMIN, CLERK, INSPECTOR, SHOTS = sys.argv[1:6]
# Chromium and chromedriver are Debian's: Selenium must fetch nothing.
os.environ.setdefault("SE_OFFLINE", "true")
OTHER_UNIT = "CBCS-BDT"


class Failure(Exception):
    pass


def check(condition, what):
    if not condition:
        raise Failure(what)
    print("ok:", what, flush=True)


def browser():
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
                 "--no-first-run", "--disable-extensions", "--disable-background-networking"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def click_and_wait(driver, element):
    """Clicks a button or link that leaves the page, and waits until the next page replaced it."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def replaced(_):
        try:
            page.is_enabled()
            return False
        except Exception:  # stale, or chromedriver's "does not belong to the document"
            return True

    WebDriverWait(driver, 60).until(replaced)


def row_text(driver, worker):
    """A worker's row on the operations page; the live updates replace rows every two seconds,
    so a row read as it is replaced is read again."""
    for _ in range(20):
        try:
            return driver.find_element(By.CSS_SELECTOR, f"tr[data-worker='{worker}']").text
        except Exception:
            continue
    return ""


def click_row_button(driver, worker, label):
    """Clicks a button of a worker's row, again when the row was replaced under the click."""
    for _ in range(20):
        try:
            click_and_wait(driver, driver.find_element(By.XPATH, f"//tr[@data-worker='{worker}']//button[normalize-space()='{label}']"))
            return
        except Exception as error:
            if "stale" not in str(error):
                raise
    raise Failure(f"the {label} button of {worker} kept being replaced")


class Person:
    def __init__(self, role, token_file):
        self.role = role
        with open(token_file, encoding="utf-8") as handle:
            self.token = handle.read().strip()
        self.driver = browser()
        self.driver.set_page_load_timeout(120)

    def close(self):
        self.driver.quit()

    def open(self, path):
        self.driver.get(BASE + path)
        return self.driver.page_source

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def clean_console(self, page, refused=False):
        entries = [e for e in self.driver.get_log("browser") if e.get("level") in ("SEVERE", "WARNING")]
        if refused:
            # The refusal's own 403 is the answer expected, not a fault of the page.
            entries = [e for e in entries if not (e.get("source") == "network" and "status of 403" in e.get("message", ""))]
        check(not entries, f"{self.role}: {page} logged nothing to the console ({entries})")

    def shot(self, page):
        path = os.path.join(SHOTS, f"console-{self.role}-{page}.png")
        self.driver.save_screenshot(path)
        check(os.path.getsize(path) > 5000, f"{self.role}: screenshot of {page} kept at {path}")

    def page(self, name, path, *expected):
        self.open(path)
        body = self.text()
        check("Lỗi máy chủ" not in body and "Không được phép" not in body, f"{self.role}: {name} ({path}) opens")
        for text in expected:
            check(text in body, f"{self.role}: {name} shows {text!r}")
        self.clean_console(name)
        self.labelled(name)
        self.shot(name)
        return body

    def labelled(self, name):
        """Every field a person fills in has a label a screen reader reads out."""
        fields = self.driver.find_elements(By.CSS_SELECTOR, "input:not([type=hidden]), select, textarea")
        for field in fields:
            ident = field.get_attribute("id")
            label = ident and self.driver.find_elements(By.CSS_SELECTOR, f"label[for='{ident}']")
            check(label or field.get_attribute("aria-label"), f"{self.role}: {name}'s field {field.get_attribute('name')} has a label")

    def on_phone(self, name, path):
        """The page at a phone's width: nothing wider than the screen but the tables' own scroll."""
        self.driver.set_window_size(390, 844)
        try:
            self.open(path)
            width = self.driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
            check(width[0] <= width[1], f"{self.role}: {name} fits a phone's width ({width[0]} ≤ {width[1]})")
            self.shot(name + "-phone")
        finally:
            self.driver.set_window_size(1280, 900)

    def refused(self, name, path):
        self.open(path)
        check("Không được phép" in self.text(), f"{self.role}: {name} ({path}) answers 'not allowed'")
        self.clean_console(name + "-refused", refused=True)

    def sign_in(self):
        self.open("/console/dang-nhap")
        self.clean_console("sign-in")
        self.shot("sign-in")
        field = self.driver.find_element(By.ID, "token")
        field.send_keys(self.token)
        click_and_wait(self.driver, self.driver.find_element(By.CSS_SELECTOR, "form.card button[type=submit]"))
        check("/console/dang-nhap" not in self.driver.current_url, f"{self.role}: signed in, now at {self.driver.current_url}")

    def sign_out(self):
        cookie = self.driver.get_cookie("reform_session")
        check(cookie is not None and cookie.get("httpOnly") and cookie.get("sameSite") == "Strict",
              f"{self.role}: the session cookie is HttpOnly and SameSite=Strict")
        click_and_wait(self.driver, self.driver.find_element(By.CSS_SELECTOR, "form.sign-out button"))
        check("/console/dang-nhap" in self.driver.current_url, f"{self.role}: signed out to the sign-in page")
        # The old cookie, put back, opens nothing: the session ended on the server.
        self.driver.add_cookie({"name": "reform_session", "value": cookie["value"], "path": "/console"})
        self.open("/console/van-ban-den")
        check("/console/dang-nhap" in self.driver.current_url, f"{self.role}: the ended session's cookie no longer works")

    def links(self, prefix):
        return [a.get_attribute("href") for a in self.driver.find_elements(By.CSS_SELECTOR, f"a[href^='{prefix}']")]

    def first_link(self, selector, what):
        found = self.driver.find_elements(By.CSS_SELECTOR, selector)
        check(found, f"{self.role}: {what} is there")
        return found[0].get_attribute("href")


def admin_run(person):
    person.sign_in()
    body = person.page("operations", "/console/van-hanh", "Mô-đun", "registry", "exchange")
    rows = person.driver.find_elements(By.CSS_SELECTOR, "tr[data-worker]")
    check(rows, "admin: the operations page lists workers")
    worker = rows[0].get_attribute("data-worker")
    click_row_button(person.driver, worker, "Tạm dừng")
    check("Đã tạm dừng" in row_text(person.driver, worker), f"admin: worker {worker} shows drained after the click")
    person.shot("operations-drained")
    click_row_button(person.driver, worker, "Tiếp tục")
    check("Đang chạy" in row_text(person.driver, worker), f"admin: worker {worker} runs again after the click")

    # Live updates: a drain made in another tab shows on this page without a reload.
    person.open("/console/van-hanh")
    page = person.driver.find_element(By.TAG_NAME, "html")
    WebDriverWait(person.driver, 30).until(lambda d: "cập nhật trực tiếp" in d.find_element(By.ID, "live-state").text)
    watching = person.driver.current_window_handle
    person.driver.switch_to.new_window("tab")
    person.open("/console/van-hanh")
    click_row_button(person.driver, worker, "Tạm dừng")
    person.driver.switch_to.window(watching)
    WebDriverWait(person.driver, 30).until(lambda d: "Đã tạm dừng" in row_text(d, worker))
    check(page.is_enabled(), f"admin: worker {worker}'s drain showed live, with no reload")
    person.shot("operations-live")
    # Its resume form came with the update, and works.
    click_row_button(person.driver, worker, "Tiếp tục")
    check("Đang chạy" in row_text(person.driver, worker), f"admin: worker {worker} resumed from the live row")
    person.clean_console("operations-live")

    body = person.page("report", "/console/bao-cao", "Báo cáo chỉ tiêu", "Tổng hợp")
    check(re.search(r"Đạt \d+", body) and ("Đạt" in body), "admin: the report counts met indicators")
    child = person.first_link("section table a[href*='/console/bao-cao?']", "a unit to drill down to")
    person.driver.get(child)
    check("↑ Đơn vị cấp trên" in person.text(), "admin: drilling down shows the way back up")
    person.clean_console("report-drill")
    person.shot("report-drill")
    check(person.links("/console/bao-cao/tai"), "admin: the report offers CSV and HTML downloads")

    body = person.page("ratings", "/console/xep-loai", "Xếp loại năm", "HTXSNV", "Toàn khối")
    unit = person.first_link("a[href*='/console/xep-loai/danh-sach']", "a unit's list of ratings")
    person.driver.get(unit)
    person.clean_console("rating-list")
    person.shot("rating-list")
    person_link = person.first_link("a[href*='/console/xep-loai/giai-trinh']", "a rated person")
    person.driver.get(person_link)
    text = person.text()
    check("Các quy tắc đã xét" in text and "Căn cứ" in text, "admin: one rating's explanation lists its rules and sources")
    check("Quy định" in text or "Hướng dẫn" in text or "Nghị định" in text, "admin: the rules name their legal source")
    person.clean_console("explain")
    person.shot("explain")

    body = person.page("inbox", "/console/van-ban-den?don-vi=DUK", "Văn bản đến", "Số đến")
    body = person.page("audit", "/console/nhat-ky", "Nhật ký truy cập", "reform.v1")
    person.page("audit-filtered", "/console/nhat-ky?ai=admin&phuong-thuc=/reform.v1.Admin/DrainWorker", "DrainWorker")
    who = {c.text for c in person.driver.find_elements(By.CSS_SELECTOR, "tbody tr td:nth-child(3)")}
    methods = {c.text for c in person.driver.find_elements(By.CSS_SELECTOR, "tbody tr td:nth-child(4)")}
    check(who == {"admin"} and methods == {"/reform.v1.Admin/DrainWorker"},
          f"admin: the audit filter keeps only the admin's drains ({who}, {methods})")
    person.on_phone("report", "/console/bao-cao")
    person.on_phone("operations", "/console/van-hanh")
    person.sign_out()


def clerk_run(person):
    person.sign_in()
    body = person.page("inbox", "/console/van-ban-den", "Văn bản đến", "Văn thư Đảng ủy Khối")
    # A copy the clerk can move on: at 01 it is registered (03); at 03–05 it is in progress (05).
    link, code, name = None, None, None
    for row in person.driver.find_elements(By.CSS_SELECTOR, "tbody tr"):
        status = row.find_elements(By.CSS_SELECTOR, "td")[-1].text
        anchors = row.find_elements(By.CSS_SELECTOR, "a[href*='/console/van-ban?']")
        if not anchors or "lấy lại" in status:
            continue
        if status.startswith("01"):
            link, code, name = anchors[0].get_attribute("href"), "3", "03 Đã tiếp nhận"
        elif status[:2] in ("03", "04", "05"):
            link, code, name = anchors[0].get_attribute("href"), "5", "05 Đang xử lý"
        if link:
            break
    check(link is not None, "clerk: the inbox has a copy that can take a notice")
    person.driver.get(link)
    text = person.text()
    check("Bản của đơn vị DUK" in text, "clerk: the document shows the unit's own copy")
    check("Cập nhật trạng thái" in text, "clerk: the document offers a status notice")
    person.clean_console("document")
    person.shot("document")
    select = person.driver.find_element(By.ID, "ma")
    select.find_element(By.CSS_SELECTOR, f"option[value='{code}']").click()
    person.driver.find_element(By.ID, "noi-dung").send_keys("Cập nhật từ bảng điều khiển")
    click_and_wait(person.driver, person.driver.find_element(By.XPATH, "//button[normalize-space()='Gửi trạng thái']"))
    copy = person.driver.find_element(By.XPATH, "//section[h2[starts-with(., 'Bản của đơn vị')]]").text
    check(name in copy, f"clerk: after the notice the copy is at {name}")
    history = person.driver.find_element(By.XPATH, "//section[h2[normalize-space()='Quá trình xử lý']]").text
    check("01 Đã đến" in history and name in history and "Cập nhật từ bảng điều khiển" in history,
          "clerk: the copy's history lists its arrival and the notice just given")
    person.clean_console("document-after-notice")
    person.shot("document-after-notice")
    # A letter the unit sent: every receiver's copy and notices, and a recall from the form.
    person.page("sent", "/console/van-ban-di", "Văn bản đi")
    sent = person.first_link("a[href*='/console/van-ban?']", "a document the clerk's unit sent")
    person.driver.get(sent)
    text = person.text()
    check("Nơi nhận" in text and "Quá trình xử lý" in text, "clerk: a sent document shows its receivers and their notices")
    person.driver.find_element(By.ID, "ly-do").send_keys("Văn bản ban hành nhầm số, đề nghị trả lại")
    click_and_wait(person.driver, person.driver.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Yêu cầu lấy lại')]"))
    check("13 Yêu cầu lấy lại" in person.text(), "clerk: after the recall the receivers' copies show 13")
    person.clean_console("sent-document-recalled")
    person.shot("sent-document-recalled")
    person.page("report", "/console/bao-cao", "Báo cáo chỉ tiêu")
    person.page("ratings", "/console/xep-loai?don-vi=DUK", "Xếp loại năm")
    person.page("inspection", "/console/kiem-tra", "Kế hoạch kiểm tra")
    person.on_phone("inbox", "/console/van-ban-den")
    person.refused("another unit's inbox", f"/console/van-ban-den?don-vi={OTHER_UNIT}")
    person.refused("another unit's document", link.replace(BASE, "").replace("don-vi=DUK", f"don-vi={OTHER_UNIT}"))
    person.refused("operations", "/console/van-hanh")
    person.refused("audit", "/console/nhat-ky")
    check(not person.driver.find_elements(By.CSS_SELECTOR, "nav a[href='/console/van-hanh']"), "clerk: no link to operations")
    check(not person.driver.find_elements(By.CSS_SELECTOR, "nav a[href='/console/nhat-ky']"), "clerk: no link to the audit trail")
    person.sign_out()


def inspector_run(person):
    person.sign_in()
    body = person.page("programmes", "/console/kiem-tra", "Kế hoạch kiểm tra, giám sát")
    link = person.first_link("a[href*='/console/kiem-tra/ke-hoach']", "a programme")
    person.driver.get(link)
    text = person.text()
    check("Thứ Hai" in text and "Đoàn" in text, "inspector: the programme shows a month calendar and its teams")
    check(person.driver.find_elements(By.CSS_SELECTOR, "table.calendar .visit"), "inspector: the calendar's month has visits")
    check("Nghỉ lễ" in text or "Tết" in text, "inspector: the working calendar's holidays are listed")
    person.clean_console("programme")
    person.shot("programme")
    nxt = person.driver.find_elements(By.XPATH, "//a[contains(., 'Tháng sau')]")
    check(nxt, "inspector: the calendar moves to the next month")
    click_and_wait(person.driver, nxt[0])
    person.clean_console("programme-next-month")
    person.shot("programme-next-month")
    check(person.links("/console/kiem-tra/tai"), "inspector: the programme offers an iCalendar download")
    person.page("audit", "/console/nhat-ky", "Nhật ký truy cập")
    person.refused("operations", "/console/van-hanh")
    person.sign_out()


def main():
    os.makedirs(SHOTS, exist_ok=True)
    for role, token, run in (("admin", ADMIN, admin_run), ("clerk", CLERK, clerk_run), ("inspector", INSPECTOR, inspector_run)):
        person = Person(role, token)
        try:
            run(person)
        except Exception as failure:  # a check that failed, or an element that is not there
            person.shot("failed")
            print("FAILED:", person.role, "at", person.driver.current_url, "-", failure, flush=True)
            print(person.text()[:2000], flush=True)
            return 1
        finally:
            person.close()
    print("all console checks passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
