#!/usr/bin/env python3
"""Bad input into every method of every service, from a client not written in Swift.

Every method of every service in Protos/ (found in the descriptors grpcio-tools generates,
see reform_stubs.py) receives, with the admin token in REFORM_TOKEN:

  random      seeded random bytes of several lengths
  truncated   a plausible message cut short at several points, or with bytes changed
  malformed   a length or a varint that lies, an invalid wire type, an unclosed group
  every-field every field of the request in turn (at any depth), in an otherwise plausible
              message, set to each extreme of its type: 0, -1, the minimum and the maximum of
              an integer; 0, -1, the largest, NaN and the infinities of a float; empty, 1 MiB,
              invalid UTF-8, decomposed (NFD) and odd text for a string; empty and 1 MiB bytes;
              0, unknown and negative enum values; 10,000 elements of a repeated field; dates,
              instants and periods at their extremes. Made from the schema: a field added to a
              .proto is attacked without editing this file
  one-field   in later rounds, a plausible message with one field, chosen at random, set to
              an absurd value
  absurd      every integer at its type's minimum, at its maximum and at -1; dates and instants
              in year 0, in year 99999 and impossible ones; every string 1 MB of Vietnamese
              text; odd text (controls, bidi overrides, lone combining marks); repeated fields
              with many elements; unknown enum values; NaN and infinities where the schema
              has floating point; the empty message
  nesting     a length-delimited field nested 10,000 deep; the schema's deepest chain of
              message fields with 10,000 more levels below it
  oversized   once per service, a request over the coordinator's 64 MiB limit

Each answer must be a status a caller can act on (see `judge`); a summary of method x status
counts is printed, then every unacceptable answer with its input. Exits 1 if there is one.

    REFORM_TOKEN=$(cat reform-data/admin.token) python3 Tests/Interop/bad_input.py 127.0.0.1:7420 [--rounds N]

`--only-every-field` sends the every-field inputs alone. `--rounds N` adds N-1 rounds of random, truncated, mutated and one-field inputs to every
method; `--messages` prints every answer.
"""
import argparse
import collections
import concurrent.futures
import itertools
import math
import os
import random
import re
import sys
import time
import unicodedata
import zlib

import grpc
from google.protobuf import message_factory
from google.protobuf.descriptor import FieldDescriptor as Field

import reform_stubs

# A status a caller can act on. UNIMPLEMENTED and DEADLINE_EXCEEDED are judged case by case.
ACTIONABLE = {
    grpc.StatusCode.OK, grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.NOT_FOUND, grpc.StatusCode.ALREADY_EXISTS,
    grpc.StatusCode.FAILED_PRECONDITION, grpc.StatusCode.OUT_OF_RANGE, grpc.StatusCode.PERMISSION_DENIED,
    grpc.StatusCode.RESOURCE_EXHAUSTED, grpc.StatusCode.ABORTED,
}
# Statuses about the request itself, whose message must name the field at fault (or the
# message type, for bytes that are no message at all).
ABOUT_THE_REQUEST = {
    grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.NOT_FOUND, grpc.StatusCode.ALREADY_EXISTS,
    grpc.StatusCode.FAILED_PRECONDITION, grpc.StatusCode.OUT_OF_RANGE, grpc.StatusCode.RESOURCE_EXHAUSTED,
}
SIZE_LIMIT_NOTE = "--max-request-bytes"  # the coordinator's refusal names its limit instead

MAX_REQUEST_BYTES = 64 * 1024 * 1024
UNKNOWN_FIELD = 9999  # above every field number of the schema
ONE_MEGABYTE = 1024 * 1024
RANDOM_LENGTHS = [1, 3, 16, 128, 1024, 65536]
NESTING = 10_000
MANY = 10_000
ONE_FIELD = 8  # single absurd fields per method and round

UNARY_DEADLINE = 60.0
STREAM_DEADLINE = 20.0
# Streams that never end by themselves (an inbox or a health watch): cut short on purpose.
WATCH_DEADLINE = 1.5

VIETNAMESE = ("Nghị quyết 01-NQ/ĐUK về đẩy mạnh cải cách hành chính giai đoạn 2020–2025 của Đảng bộ Khối "
              "các cơ quan và doanh nghiệp tỉnh Lai Châu; Ủy ban nhân dân, Sở Nội vụ, Thường trực Đảng ủy. ")


def megabyte_of_vietnamese():
    encoded = (VIETNAMESE * (ONE_MEGABYTE // len(VIETNAMESE.encode()) + 1)).encode()[:ONE_MEGABYTE]
    return encoded.decode("utf-8", errors="ignore")


MEGABYTE_TEXT = megabyte_of_vietnamese()

INTEGER_RANGES = {
    Field.TYPE_INT32: (-2**31, 2**31 - 1), Field.TYPE_SINT32: (-2**31, 2**31 - 1), Field.TYPE_SFIXED32: (-2**31, 2**31 - 1),
    Field.TYPE_INT64: (-2**63, 2**63 - 1), Field.TYPE_SINT64: (-2**63, 2**63 - 1), Field.TYPE_SFIXED64: (-2**63, 2**63 - 1),
    Field.TYPE_UINT32: (0, 2**32 - 1), Field.TYPE_FIXED32: (0, 2**32 - 1),
    Field.TYPE_UINT64: (0, 2**64 - 1), Field.TYPE_FIXED64: (0, 2**64 - 1),
}
FLOATING = {Field.TYPE_DOUBLE, Field.TYPE_FLOAT}

# Seconds from 1970 to 0000-01-01 and to 99999-12-31 (proleptic Gregorian).
YEAR_0_SECONDS = -62167219200
YEAR_99999_SECONDS = 3093527894400

# Values by field name (a suffix after "_" also matches), so that plausible requests reach past
# the first check: identifiers of the demo bloc, formats the services expect, no paging token.
PLAUSIBLE_TEXT = {
    "unit_code": "DUK", "code": "DUK", "set_id": "01-NQ-DUK-2020-2025", "person_id": "NV000001",
    "organ_id": "000.00.00.H41", "organ_ids": "000.01.18.H41", "document_id": "000.00.00.H41,2024/06/15,12/BC-ĐUK",
    "media_type": "application/pdf", "key": "bad-input", "page_token": "", "cursor": "",
    "client_certificate_sha256": "",
}
# Values by full field name, where the name alone does not say what passes validation, so that
# a plausible request gets past its first check and an extreme elsewhere reaches its own.
PLAUSIBLE_BY_FIELD = {
    "reform.v1.Person.id": "NV900001", "reform.v1.IndicatorSet.id": "BAD-INPUT-SET",
    "reform.v1.ExchangeDocumentMetadata.code_number": "125", "reform.v1.ExchangeDocumentMetadata.code_notation": "BC-ĐUK", "reform.v1.ExchangeBeginUploadRequest.sha256": "",
    "reform.v1.InspectionRiskWeights.indicators_bp": 5000, "reform.v1.InspectionRiskWeights.rating_bp": 3000,
    "reform.v1.InspectionRiskWeights.time_since_visit_bp": 2000, "reform.v1.UpdateUnitRequest.update_fields": "name",
}
# Enum values that pass validation where the first one does not: a receiver's notice may not be
# ARRIVED, which the exchange gives itself on delivery.
PLAUSIBLE_ENUMS = {"reform.v1.ExchangeNoticeCode": "EXCHANGE_NOTICE_CODE_REGISTERED",
                   "reform.v1.UnitKind": "UNIT_KIND_GRASSROOTS_CELL"}
# Dates and periods by full field name, where one plausible day or year does not fit them all.
PLAUSIBLE_SPECIAL_BY_FIELD = {"reform.v1.Person.birth_date": (1980, 5, 15), "reform.v1.IndicatorSet.term": (5, 2025, 0, 2030)}
# Message fields left unset in a plausible message: setting them is refused whatever they hold
# (a unit being created has no closing date yet).
PLAUSIBLE_UNSET = {"reform.v1.OrgUnit.closed", "reform.v1.OrgUnit.successor_code"}
# Repeated fields left empty in a plausible message, because any value there changes what the
# rest must be (a token's worker modules need the worker role and a certificate), so that an
# extreme elsewhere in the message reaches its own check.
PLAUSIBLE_EMPTY = {"worker_modules"}
PLAUSIBLE_INTEGER = {"year": 2024, "end_year": 2025, "month": 6, "day": 15, "index": 0, "page_size": 10}


# ---------------------------------------------------------------------------------------------
# Messages built with the generated classes

class Variant:
    """How `build` fills each kind of field. The plausible variant is the base; the absurd
    ones override one aspect."""
    name = "plausible"
    keys = itertools.count(1)

    def integer(self, field):
        if field.full_name in PLAUSIBLE_BY_FIELD:
            return PLAUSIBLE_BY_FIELD[field.full_name]
        for suffix, value in PLAUSIBLE_INTEGER.items():
            if field.name == suffix or field.name.endswith("_" + suffix):
                return value
        return 1

    def real(self, field):
        return 1.5

    def text(self, field):
        if field.name == "idempotency_key":
            return f"bad-input-{next(self.keys)}"  # a new change each time, not a replay
        if field.full_name in PLAUSIBLE_BY_FIELD:
            return PLAUSIBLE_BY_FIELD[field.full_name]
        for suffix, value in PLAUSIBLE_TEXT.items():
            if field.name == suffix or field.name.endswith("_" + suffix):
                return value
        return "Sở Nội vụ tỉnh Lai Châu"

    def data(self, field):
        return b"\x01\x02\xff"

    def enum(self, field):
        plausible = PLAUSIBLE_ENUMS.get(field.enum_type.full_name)
        if plausible:
            return field.enum_type.values_by_name[plausible].number
        values = [v.number for v in field.enum_type.values if v.number != 0]
        return values[0] if values else 0

    def date(self):
        return 2024, 6, 14  # a Friday: a working day

    def instant(self):
        return int(time.time()) + 86400, 0

    def period(self):
        return 1, 2024, 0, 0  # type YEAR, year, index, end_year

    def count(self, depth):
        return 1

    def values(self, field, value, count):
        """The elements of a repeated field: `count` times `value`."""
        return [value] * count

    def oneof_member(self, fields):
        return fields[0]


class IntegersAt(Variant):
    def __init__(self, name, pick):
        self.name, self.pick = name, pick

    def integer(self, field):
        low, high = INTEGER_RANGES[field.type]
        return self.pick(low, high)


class DatesAt(Variant):
    def __init__(self, name, date, instant, period):
        self.name, self._date, self._instant, self._period = name, date, instant, period

    def date(self):
        return self._date

    def instant(self):
        return self._instant

    def period(self):
        return self._period


class MegabyteText(Variant):
    name = "text-1mb"

    def text(self, field):
        return MEGABYTE_TEXT

    def data(self, field):
        return MEGABYTE_TEXT.encode()


class OddText(Variant):
    name = "text-odd"
    SAMPLES = ["\x00", "a\x00b", "\u202eDUK", "\u0301\u0303", "\uffff\ufffe", "../../../etc/passwd", "'; DROP TABLE units; --",
               "%s%n%x", " ", "\t\r\n", "🇻🇳" * 50, "Lai Cha\u0302\u0301u"]

    def text(self, field):
        return self.SAMPLES[zlib.crc32(field.full_name.encode()) % len(self.SAMPLES)]


class ManyElements(Variant):
    name = "many-elements"

    def count(self, depth):
        return MANY if depth == 0 else 1

    def values(self, field, value, count):
        """`count` different values like `value` where the type allows, so that the list is
        not refused as repeating itself before its length is looked at."""
        if field.type == Field.TYPE_STRING:
            return [f"{value}-{i}" for i in range(count)]
        if field.type in INTEGER_RANGES:
            return [value + i for i in range(count)]
        return [value] * count


class UnknownEnums(Variant):
    name = "enum-unknown"

    def enum(self, field):
        return 2**31 - 1 if len(field.full_name) % 2 else -7


class NotANumber(Variant):
    name = "nan-inf"
    VALUES = [math.nan, math.inf, -math.inf]

    def real(self, field):
        return self.VALUES[len(field.full_name) % 3]


class LastOneofMember(Variant):
    name = "oneof-last"

    def oneof_member(self, fields):
        return fields[-1]


ABSURD = [
    IntegersAt("int-min", lambda low, high: low),
    IntegersAt("int-max", lambda low, high: high),
    IntegersAt("int-minus-one", lambda low, high: -1 if low < 0 else high),
    DatesAt("year-0", (0, 1, 1), (YEAR_0_SECONDS, 0), (5, 0, 0, 0)),
    DatesAt("year-99999", (99999, 12, 31), (YEAR_99999_SECONDS, 999_999_999), (5, 99999, 0, 99999)),
    DatesAt("dates-impossible", (2023, 13, 32), (-2**63, -1), (3, 2024, 99, 1900)),
    MegabyteText(), OddText(), ManyElements(), UnknownEnums(), NotANumber(), LastOneofMember(),
]


# Messages filled as a whole: a date, an instant, a period.
SPECIAL = {"reform.v1.CalendarDate", "reform.v1.Timestamp", "reform.v1.Period"}
ABSURD_DATES = [("year-0", (0, 1, 1)), ("year-99999", (99999, 12, 31)), ("month-13", (2023, 13, 32)), ("feb-30", (2024, 2, 30))]
ABSURD_INSTANTS = [("year-0", (YEAR_0_SECONDS, 0)), ("year-99999", (YEAR_99999_SECONDS, 999_999_999)),
                   ("int64-min", (-2**63, -1)), ("nanos-2e9", (0, 2_000_000_000)),
                   ("int64-max-seconds", (2**63 - 1, 0)), ("int64-min-seconds", (-2**63, 0))]
ABSURD_PERIODS = [("year-0", (1, 0, 0, 0)), ("term-99999", (5, 99999, 0, 99999)), ("quarter-9", (3, 2024, 9, 0)),
                  ("term-backwards", (5, 2025, 0, 1900))]


def message_class(descriptor):
    return message_factory.GetMessageClass(descriptor)


def build(descriptor, variant, depth=0):
    """A message of the type with every field set the variant's way, nested message fields
    included, down to the schema's deepest level (the schema has no recursion)."""
    message = message_class(descriptor)()
    name = descriptor.full_name
    if name == "reform.v1.CalendarDate":
        message.year, message.month, message.day = variant.date()
        return message
    if name == "reform.v1.Timestamp":
        message.seconds, message.nanos = variant.instant()
        return message
    if name == "reform.v1.Period":
        message.type, message.year, message.index, message.end_year = variant.period()
        return message
    chosen = {oneof.name: variant.oneof_member(list(oneof.fields)) for oneof in descriptor.oneofs}
    for field in descriptor.fields:
        if field.containing_oneof is not None and chosen[field.containing_oneof.name] is not field:
            continue
        if field.full_name in PLAUSIBLE_UNSET:
            continue
        if field.is_repeated:
            target = getattr(message, field.name)
            count = 0 if field.name in PLAUSIBLE_EMPTY and not isinstance(variant, ManyElements) else variant.count(depth)
            if field.type == Field.TYPE_MESSAGE:
                element = build(field.message_type, variant, depth + 1)
                for _ in range(count):
                    target.add().CopyFrom(element)
            else:
                target.extend(variant.values(field, scalar(field, variant), count))
        elif field.type == Field.TYPE_MESSAGE and field.full_name in PLAUSIBLE_SPECIAL_BY_FIELD:
            inner, value = getattr(message, field.name), PLAUSIBLE_SPECIAL_BY_FIELD[field.full_name]
            if len(value) == 3:
                inner.year, inner.month, inner.day = value
            else:
                inner.type, inner.year, inner.index, inner.end_year = value
        elif field.type == Field.TYPE_MESSAGE:
            getattr(message, field.name).CopyFrom(build(field.message_type, variant, depth + 1))
        else:
            setattr(message, field.name, scalar(field, variant))
    return message


def scalar(field, variant):
    if field.type in INTEGER_RANGES:
        return variant.integer(field)
    if field.type in FLOATING:
        return variant.real(field)
    if field.type == Field.TYPE_BOOL:
        return True
    if field.type == Field.TYPE_STRING:
        return variant.text(field)
    if field.type == Field.TYPE_BYTES:
        return variant.data(field)
    if field.type == Field.TYPE_ENUM:
        return variant.enum(field)
    raise ValueError(f"unexpected field type {field.type} of {field.full_name}")


def leaves(descriptor, prefix=()):
    """Paths to every field an absurd value can go in alone: scalars, repeated fields, and
    dates, instants and periods as a whole."""
    for field in descriptor.fields:
        path = prefix + (field,)
        if field.type == Field.TYPE_MESSAGE and field.message_type.full_name not in SPECIAL:
            if field.is_repeated:
                yield path
            yield from leaves(field.message_type, path)
        else:
            yield path


def parent_of(message, path):
    """The message that holds the last field of `path`, through the first element of each
    repeated message field on the way (made when there is none)."""
    parent = message
    for field in path[:-1]:
        parent = getattr(parent, field.name)
        if field.is_repeated:
            parent = parent[0] if len(parent) else parent.add()
    return parent


def one_absurd_field(descriptor, path, rng):
    """A plausible message with one absurd value at `path`, and a description of it."""
    message = build(descriptor, Variant())
    parent = parent_of(message, path)
    field = path[-1]
    if field.is_repeated:
        target = getattr(parent, field.name)
        del target[:]
        if field.type == Field.TYPE_MESSAGE:
            element = build(field.message_type, Variant())
            for _ in range(MANY):
                target.add().CopyFrom(element)
            return message, f"{MANY}-elements"
        target.extend(ManyElements().values(field, scalar(field, Variant()), MANY))
        return message, f"{MANY}-elements"
    if field.type == Field.TYPE_MESSAGE:
        inner = getattr(parent, field.name)
        name = field.message_type.full_name
        if name == "reform.v1.CalendarDate":
            label, (inner.year, inner.month, inner.day) = rng.choice(ABSURD_DATES)
        elif name == "reform.v1.Timestamp":
            label, (inner.seconds, inner.nanos) = rng.choice(ABSURD_INSTANTS)
        else:
            label, (inner.type, inner.year, inner.index, inner.end_year) = rng.choice(ABSURD_PERIODS)
        return message, label
    if field.type in INTEGER_RANGES:
        low, high = INTEGER_RANGES[field.type]
        label, value = rng.choice([("min", low), ("max", high), ("minus-one", -1 if low < 0 else high)])
    elif field.type in FLOATING:
        value = rng.choice(NotANumber.VALUES)
        label = str(value)
    elif field.type == Field.TYPE_STRING:
        label, value = rng.choice([("1mb", MEGABYTE_TEXT), ("odd", rng.choice(OddText.SAMPLES)), ("empty", "")])
    elif field.type == Field.TYPE_BYTES:
        label, value = rng.choice([("1mb", bytes(ONE_MEGABYTE)), ("empty", b"")])
    elif field.type == Field.TYPE_ENUM:
        label, value = rng.choice([("unknown", 2**31 - 1), ("negative", -7)])
    else:
        label, value = "false", False
    setattr(parent, field.name, value)
    return message, label


# Text whose bytes stand in for invalid UTF-8 after encoding: the protobuf library refuses to
# encode invalid UTF-8, so the field gets this marker and its bytes are swapped afterwards for
# as many bytes that are no UTF-8 (a lone continuation, 0xFF, 0xFE, half a surrogate).
INVALID_UTF8_MARKER = "\u2042\u2042"
INVALID_UTF8_BYTES = b"\xc3\x28\xff\xfe\xed\xa0"
assert len(INVALID_UTF8_MARKER.encode()) == len(INVALID_UTF8_BYTES)
NFD_TEXT = unicodedata.normalize("NFD", "Sở Nội vụ tỉnh Lai Châu — Đảng ủy Khối")


def extremes(field):
    """(label, value) of every extreme of the field's type; the value may be INVALID_UTF8_MARKER."""
    if field.type in INTEGER_RANGES:
        low, high = INTEGER_RANGES[field.type]
        values = [("0", 0), ("min", low), ("max", high)]
        return values + ([("minus-one", -1)] if low < 0 else [])
    if field.type in FLOATING:
        largest = 3.4028234663852886e38 if field.type == Field.TYPE_FLOAT else sys.float_info.max
        return [("0", 0.0), ("minus-one", -1.0), ("largest", largest), ("nan", math.nan), ("inf", math.inf),
                ("minus-inf", -math.inf)]
    if field.type == Field.TYPE_STRING:
        return [("empty", ""), ("1mib", MEGABYTE_TEXT), ("invalid-utf8", INVALID_UTF8_MARKER), ("nfd", NFD_TEXT),
                ("odd", OddText.SAMPLES[zlib.crc32(field.full_name.encode()) % len(OddText.SAMPLES)])]
    if field.type == Field.TYPE_BYTES:
        return [("empty", b""), ("1mib", bytes(ONE_MEGABYTE))]
    if field.type == Field.TYPE_ENUM:
        return [("0", 0), ("unknown", 2**31 - 1), ("negative", -7)]
    return [("false", False), ("true", True)]


def with_field(descriptor, path, value):
    """A plausible message with `value` at `path` (a scalar, or a special message's tuple)."""
    message = build(descriptor, Variant())
    parent = parent_of(message, path)
    field = path[-1]
    if field.is_repeated and field.type != Field.TYPE_MESSAGE:
        target = getattr(parent, field.name)
        del target[:]
        target.append(value)
    elif field.type == Field.TYPE_MESSAGE:
        inner = getattr(parent, field.name)
        if field.is_repeated:
            inner = inner[0] if len(inner) else inner.add()
        name = field.message_type.full_name
        if name == "reform.v1.CalendarDate":
            inner.year, inner.month, inner.day = value
        elif name == "reform.v1.Timestamp":
            inner.seconds, inner.nanos = value
        else:
            inner.type, inner.year, inner.index, inner.end_year = value
    else:
        setattr(parent, field.name, value)
    encoded = message.SerializeToString()
    if value == INVALID_UTF8_MARKER:
        encoded = encoded.replace(INVALID_UTF8_MARKER.encode(), INVALID_UTF8_BYTES, 1)
    return encoded


def every_field_inputs(method):
    """(kind, bytes): each field of the request, at every depth, at each extreme of its type,
    the rest of the message plausible; and each repeated field with 10,000 elements."""
    for path in leaves(method.input):
        field = path[-1]
        name = ".".join(f.name for f in path)
        if field.type == Field.TYPE_MESSAGE and field.message_type.full_name in SPECIAL:
            table = {"reform.v1.CalendarDate": ABSURD_DATES, "reform.v1.Timestamp": ABSURD_INSTANTS,
                     "reform.v1.Period": ABSURD_PERIODS}[field.message_type.full_name]
            for label, value in table:
                yield f"every-field {name}={label}", with_field(method.input, path, value)
        elif field.type != Field.TYPE_MESSAGE:
            for label, value in extremes(field):
                yield f"every-field {name}={label}", with_field(method.input, path, value)
        if field.is_repeated:
            message, label = one_absurd_field(method.input, path, random.Random(0))
            yield f"every-field {name}={label}", message.SerializeToString()


def walk(descriptor):
    """Every message type reachable from the descriptor, itself included."""
    seen, stack = {}, [descriptor]
    while stack:
        current = stack.pop()
        if current.full_name in seen:
            continue
        seen[current.full_name] = current
        stack.extend(f.message_type for f in current.fields if f.type == Field.TYPE_MESSAGE)
    return list(seen.values())


def applies(variant, descriptor):
    """Whether the variant changes anything in a message of the type."""
    fields = [f for d in walk(descriptor) for f in d.fields]
    if isinstance(variant, NotANumber):
        return any(f.type in FLOATING for f in fields)
    if isinstance(variant, ManyElements):
        return any(f.is_repeated for f in descriptor.fields)
    if isinstance(variant, UnknownEnums):
        return any(f.type == Field.TYPE_ENUM for f in fields)
    if isinstance(variant, (MegabyteText, OddText)):
        return any(f.type in (Field.TYPE_STRING, Field.TYPE_BYTES) for f in fields)
    if isinstance(variant, LastOneofMember):
        return any(len(o.fields) > 1 for d in walk(descriptor) for o in d.oneofs)
    if isinstance(variant, IntegersAt):
        return any(f.type in INTEGER_RANGES for f in fields)
    if isinstance(variant, DatesAt):
        return any(d.full_name in SPECIAL for d in walk(descriptor))
    return True


# ---------------------------------------------------------------------------------------------
# Bytes encoded by hand

def varint(value):
    value &= (1 << 64) - 1
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def length_delimited(number, body):
    return varint(number << 3 | 2) + varint(len(body)) + body


def nested(numbers, core=b""):
    """`core` wrapped in one length-delimited field per number, the last number outermost."""
    body = core
    for number in numbers:
        body = length_delimited(number, body)
    return body


def deepest_chain(descriptor):
    """Field numbers of the longest chain of message fields from the type down."""
    best = []
    for field in descriptor.fields:
        if field.type == Field.TYPE_MESSAGE:
            chain = [field.number] + deepest_chain(field.message_type)
            if len(chain) > len(best):
                best = chain
    return best


def malformed_inputs(first_number):
    tag = varint(first_number << 3 | 2)
    return [
        ("length-lie", tag + varint(2**62) + b"Lai Ch\xc3\xa2u"),
        ("length-negative", tag + varint(-1) + b"x"),
        ("varint-11-bytes", varint(1 << 3 | 0) + b"\xff" * 10 + b"\x01"),
        ("wire-type-7", varint(first_number << 3 | 7) + b"\x00"),
        ("group-unclosed", varint(first_number << 3 | 3) + b"\x08\x01"),
        ("field-number-0", b"\x02\x01x"),
        ("invalid-utf8", tag + b"\x04\xc3\x28\xff\xfe"),
    ]


# ---------------------------------------------------------------------------------------------
# Methods and inputs

class Method:
    def __init__(self, service, method):
        self.service = service.full_name
        self.name = method.name
        self.path = f"/{service.full_name}/{method.name}"
        self.input = method.input_type
        self.client_streaming = method.client_streaming
        self.server_streaming = method.server_streaming
        self._names = None

    @property
    def label(self):
        return f"{self.service.rsplit('.', 1)[-1]}.{self.name}"

    @property
    def never_ends(self):
        return self.server_streaming and self.name == "Watch"

    def names_its_input(self, text):
        """Whether the text names, as a word, a field of the request (at any depth) or the
        request's message type."""
        if self._names is None:
            names = set()
            for descriptor in walk(self.input):
                names.add(descriptor.full_name)
                names.update(f.name for f in descriptor.fields)
            alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            self._names = re.compile(rf"(?<![A-Za-z0-9_])(?:{alternatives})(?![A-Za-z0-9_])")
        return bool(self._names.search(text))


def discover(modules):
    methods = []
    for name in sorted(modules):
        if not name.endswith("_pb2"):
            continue
        for service in modules[name].DESCRIPTOR.services_by_name.values():
            methods.extend(Method(service, m) for m in service.methods)
    return methods


def inputs(method, rounds, seed):
    """(kind, bytes) for the method: round 1 has every kind; later rounds more random,
    truncated, one-field and mutated inputs."""
    plausible = build(method.input, Variant()).SerializeToString()
    first_number = method.input.fields[0].number if method.input.fields else 1
    for round_number in range(1, rounds + 1):
        rng = random.Random(f"{seed}:{method.path}:{round_number}")
        for length in RANDOM_LENGTHS:
            yield f"random-{length}", rng.randbytes(length)
        if round_number == 1:
            cuts = sorted({1, len(plausible) // 4, len(plausible) // 2, 3 * len(plausible) // 4, len(plausible) - 1})
        else:
            cuts = sorted({rng.randrange(1, max(2, len(plausible))) for _ in range(5)})
        for cut in cuts:
            if 0 < cut < len(plausible):
                yield f"truncated-at-{cut}/{len(plausible)}", plausible[:cut]
        if round_number == 1:
            yield from every_field_inputs(method)
        paths = list(leaves(method.input)) if round_number > 1 else []
        for path in rng.sample(paths, min(ONE_FIELD, len(paths))):
            message, label = one_absurd_field(method.input, path, rng)
            yield f"one-field {'.'.join(f.name for f in path)}={label}", message.SerializeToString()
        for index in range(3):
            mutated = bytearray(plausible)
            for _ in range(1 + len(mutated) // 64):
                if mutated:
                    mutated[rng.randrange(len(mutated))] = rng.randrange(256)
            yield f"mutated-{index + 1}", bytes(mutated)
        if round_number > 1:
            continue
        yield "plausible", plausible
        yield "empty", b""
        yield from malformed_inputs(first_number)
        for variant in ABSURD:
            if applies(variant, method.input):
                yield variant.name, build(method.input, variant).SerializeToString()
        yield f"nest-{NESTING}-field-{first_number}", nested([first_number] * NESTING)
        chain = deepest_chain(method.input)
        yield (f"schema-depth-{len(chain)}-then-{NESTING}",
               nested(list(reversed(chain)), nested([UNKNOWN_FIELD] * NESTING)))


def work(methods, rounds, seed, only_every_field=False):
    """(method, kind, bytes) of every call: every input of every method, then one request
    over the size limit to the first method of each service. WorkerHub.Attach, a worker's
    stream, is bounded by the transport alone."""
    if only_every_field:
        for method in methods:
            for kind, payload in every_field_inputs(method):
                yield method, kind, payload
        return
    for method in methods:
        for kind, payload in inputs(method, rounds, seed):
            yield method, kind, payload
    for service in dict.fromkeys(m.service for m in methods):
        first = next((m for m in methods if m.service == service and not m.client_streaming), None)
        if first:
            yield first, "oversized", length_delimited(UNKNOWN_FIELD, bytes(MAX_REQUEST_BYTES + 1))


# ---------------------------------------------------------------------------------------------
# Calls and verdicts

class Answer:
    """One call's outcome, `number` in the order calls were made; what the request asked of
    the diagnostics calls is kept, its bytes are not."""

    def __init__(self, number, method, kind, payload):
        self.number, self.method, self.kind, self.size = number, method, kind, len(payload)
        self.asked_code = requested_failure(method, payload)
        self.asked_wait = requested_wait(method, payload)
        self.code, self.message, self.elapsed, self.deadline = None, "", 0.0, 0.0
        self.problem = None


def call(channel, number, method, kind, payload, metadata):
    """Makes the call, reading a stream to its end, and records its outcome."""
    answer = Answer(number, method, kind, payload)
    deadline = WATCH_DEADLINE if method.never_ends else STREAM_DEADLINE if method.server_streaming else UNARY_DEADLINE
    answer.deadline = min(deadline, answer.asked_wait or deadline)
    started = time.monotonic()
    try:
        if method.client_streaming:
            for _ in channel.stream_stream(method.path)(iter([payload]), timeout=answer.deadline, metadata=metadata):
                pass
        elif method.server_streaming:
            for _ in channel.unary_stream(method.path)(payload, timeout=answer.deadline, metadata=metadata):
                pass
        else:
            channel.unary_unary(method.path)(payload, timeout=answer.deadline, metadata=metadata)
        answer.code = grpc.StatusCode.OK
    except grpc.RpcError as error:
        answer.code, answer.message = error.code(), error.details() or ""
    answer.elapsed = time.monotonic() - started
    return answer


def decoded(method, payload):
    try:
        return message_class(method.input).FromString(payload)
    except Exception:
        return None


def requested_wait(method, payload):
    """A short deadline, in seconds, for the diagnostics calls that wait on purpose when asked
    to wait long (a sleep of up to an hour is valid); None for every other call."""
    if method.service != "reform.v1.Diagnostics" or method.name not in ("Sleep", "Tally"):
        return None
    request = decoded(method, payload)
    if request is None:
        return None
    wait = (request.duration_ms if method.name == "Sleep" else request.hold_ms) / 1000
    return 1.0 if wait > 1.0 else None


def requested_failure(method, payload):
    """The status code a Diagnostics.Fail or StreamItems request asks the call to end with."""
    if method.service != "reform.v1.Diagnostics" or method.name not in ("Fail", "StreamItems"):
        return None
    request = decoded(method, payload)
    if request is None:
        return None
    return request.code if method.name == "Fail" else request.fail_code if request.fail_after > 0 else None


def judge(answer, served):
    """Why the answer is not one a caller can act on, or None."""
    method, code = answer.method, answer.code
    if answer.asked_code is not None and code.value[0] == answer.asked_code:
        return None
    if code == grpc.StatusCode.UNIMPLEMENTED:
        return None if not served else "UNIMPLEMENTED from a method that answers other requests"
    if code == grpc.StatusCode.DEADLINE_EXCEEDED:
        cut_by_us = answer.elapsed >= answer.deadline * 0.9
        if cut_by_us and (method.server_streaming or answer.asked_wait):
            return None
        return f"DEADLINE_EXCEEDED after {answer.elapsed:.1f}s of a {answer.deadline:.0f}s deadline"
    if code == grpc.StatusCode.UNAUTHENTICATED and method.path == "/reform.v1.WorkerHub/Attach":
        return None  # only a worker credential attaches; the admin token is not one
    if code not in ACTIONABLE:
        return f"{code.name} is not a status a caller can act on"
    if code != grpc.StatusCode.OK and not answer.message.strip():
        return f"{code.name} with an empty message"
    if code in ABOUT_THE_REQUEST and not method.names_its_input(answer.message) and SIZE_LIMIT_NOTE not in answer.message:
        return f"{code.name} whose message names no field of the request"
    if answer.kind == "oversized" and code != grpc.StatusCode.RESOURCE_EXHAUSTED:
        return f"{code.name} for a request over the {MAX_REQUEST_BYTES}-byte limit"
    return None


def summarise(methods, answers):
    codes = sorted({a.code for a in answers}, key=lambda c: c.value[0])
    header = ["method", "inputs"] + [c.name for c in codes]
    rows = []
    for method in methods:
        mine = [a for a in answers if a.method is method]
        counts = collections.Counter(a.code for a in mine)
        rows.append([method.label, str(len(mine))] + [str(counts.get(c, "-")) for c in codes])
    totals = collections.Counter(a.code for a in answers)
    rows.append(["total", str(len(answers))] + [str(totals[c]) for c in codes])
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    for row in [header] + rows:
        print("  ".join(cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("address", help="the coordinator: host:port or unix:/path")
    parser.add_argument("--rounds", type=int, default=1, help="rounds of random, truncated, mutated and one-field input (default 1)")
    parser.add_argument("--seed", default="9", help="seed of the random inputs (default 9)")
    parser.add_argument("--jobs", type=int, default=4, help="calls in flight at once (default 4)")
    parser.add_argument("--only", default="", help="only methods whose path contains this text, e.g. Health/Watch")
    parser.add_argument("--only-every-field", action="store_true", help="only the every-field inputs")
    parser.add_argument("--count", action="store_true", help="print how many inputs of each kind, send nothing")
    parser.add_argument("--messages", action="store_true", help="also print every answer's status and message")
    arguments = parser.parse_args()
    token = os.environ.get("REFORM_TOKEN", "")
    if not token:
        sys.exit("REFORM_TOKEN must hold the admin token")
    metadata = [("authorization", f"Bearer {token}")]
    options = [("grpc.max_receive_message_length", -1), ("grpc.max_send_message_length", -1)]

    if arguments.count:
        with reform_stubs.generated() as modules:
            methods = [m for m in discover(modules) if arguments.only in m.path]
            kinds = collections.Counter(kind.split(" ")[0].split("-at-")[0]
                                        for _, kind, _ in work(methods, arguments.rounds, arguments.seed, arguments.only_every_field))
            for kind, count in sorted(kinds.items()):
                print(f"{kind}: {count}")
            print(f"total: {sum(kinds.values())}")
        return
    started = time.monotonic()
    with reform_stubs.generated() as modules, grpc.insecure_channel(arguments.address, options=options) as channel:
        methods = [m for m in discover(modules) if arguments.only in m.path]
        if not methods:
            sys.exit(f"no method's path contains {arguments.only!r}")
        print(f"{len(methods)} methods of {len({m.service for m in methods})} services", flush=True)
        answers = []
        # Inputs are made as calls go out, a few at a time: some are tens of megabytes.
        with concurrent.futures.ThreadPoolExecutor(max_workers=arguments.jobs) as pool:
            pending = set()
            for number, (method, kind, payload) in enumerate(work(methods, arguments.rounds, arguments.seed, arguments.only_every_field)):
                if len(pending) >= 2 * arguments.jobs:
                    done, pending = concurrent.futures.wait(pending, return_when=concurrent.futures.FIRST_COMPLETED)
                    answers.extend(f.result() for f in done)
                pending.add(pool.submit(call, channel, number, method, kind, payload, metadata))
            answers.extend(f.result() for f in pending)

    served = {a.method.path for a in answers if a.code != grpc.StatusCode.UNIMPLEMENTED}
    for answer in answers:
        answer.problem = judge(answer, answer.method.path in served)
    order = {m.path: i for i, m in enumerate(methods)}
    answers.sort(key=lambda a: (order[a.method.path], a.number))

    summarise(methods, answers)
    if arguments.messages:
        for answer in answers:
            print(f"  {answer.method.label}  {answer.kind}: {answer.code.name} {answer.message[:300]!r}")
    not_served = [m.label for m in methods if m.path not in served]
    if not_served:
        print("not served (every answer UNIMPLEMENTED):", ", ".join(not_served))
    slowest = max(answers, key=lambda a: a.elapsed)
    print(f"{len(answers)} answers in {time.monotonic() - started:.1f}s; slowest {slowest.method.label} "
          f"{slowest.kind} {slowest.elapsed:.1f}s")
    bad = [a for a in answers if a.problem]
    if bad:
        print(f"\n{len(bad)} unacceptable answers:")
        for answer in bad:
            print(f"  {answer.method.label}  {answer.kind} ({answer.size} bytes): {answer.problem}; "
                  f"message: {answer.message[:300]!r}")
        sys.exit(1)
    print("every answer is a status a caller can act on")


if __name__ == "__main__":
    main()
