#!/usr/bin/env python3
"""Checks an iCalendar file with a real parser: Python's `icalendar` package from PyPI.

Usage: python3 ics_check.py FILE

Parses FILE with icalendar (installing the package with pip when it is missing), then checks
what RFC 5545 asks of a published calendar of all-day events: VERSION 2.0 and PRODID; every
VEVENT with UID (unique), DTSTAMP, SUMMARY, DTSTART and DTEND as dates with the end after the
start; CRLF line ends and no line longer than 75 octets. Prints the number of events and exits
0; prints each problem to standard error and exits 1 otherwise.
"""

import datetime
import subprocess
import sys


def load_icalendar():
    try:
        import icalendar
    except ImportError:
        # Debian's Python refuses a plain pip install outside a virtual environment.
        for extra in ([], ["--break-system-packages"]):
            done = subprocess.run(
                [sys.executable, "-m", "pip", "install", "--quiet", *extra, "icalendar"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if done.returncode == 0:
                break
        import icalendar
    return icalendar


def problems_in(data, icalendar):
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except ValueError as error:
        return [f"does not parse: {error}"], 0
    problems = []
    if calendar.name != "VCALENDAR":
        problems.append(f"the top component is {calendar.name}, not VCALENDAR")
    if str(calendar.get("VERSION", "")) != "2.0":
        problems.append("VERSION is not 2.0")
    if "PRODID" not in calendar:
        problems.append("no PRODID")
    events = calendar.walk("VEVENT")
    uids = set()
    for number, event in enumerate(events, start=1):
        missing = [name for name in ("UID", "DTSTAMP", "SUMMARY", "DTSTART", "DTEND") if name not in event]
        if missing:
            problems.append(f"event {number}: no {', '.join(missing)}")
            continue
        uid = str(event["UID"])
        if uid in uids:
            problems.append(f"event {number}: UID {uid} is used twice")
        uids.add(uid)
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        if isinstance(start, datetime.datetime) or isinstance(end, datetime.datetime):
            problems.append(f"event {number} ({uid}): not an all-day event")
        elif end <= start:
            problems.append(f"event {number} ({uid}): DTEND {end} is not after DTSTART {start}")
    if not data.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    for number, line in enumerate(data.split(b"\r\n"), start=1):
        if b"\n" in line:
            problems.append(f"line {number}: a bare LF")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets, more than 75")
    return problems, len(events)


def main(arguments):
    if len(arguments) != 1:
        print("usage: ics_check.py FILE", file=sys.stderr)
        return 2
    icalendar = load_icalendar()
    with open(arguments[0], "rb") as file:
        data = file.read()
    problems, count = problems_in(data, icalendar)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(count)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
