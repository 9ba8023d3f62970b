#!/usr/bin/env python3
"""The cross-unit matrix: a clerk of unit A aims at unit B's data by every path, and must not
reach it.

The methods come from the access policy (a JSON dump of `AccessPolicy.reform` that the Swift
test writes, path → idempotency, grants, audited read): every method that may change data and
every read the policy marks as personal data. The requests come from the schema: each is a
plausible request of the method's input type (the builder of bad_input.py) in which every
field that names a unit, a person, a document, an attachment, an upload, an organ or a
subject is aimed at B's records, which the script first creates as B's clerk would:

  direct      every unit field names B, every record field names B's record
  own-claim   every unit field names A (the clerk's own unit), every record field names B's
              record: an upsert or an update that claims A's scope for B's record
  edxml       an edXML envelope from an organ outside the bloc, addressed to A, B and C,
              imported by A's clerk; and B's own document's envelope imported by A's clerk
  stream      the server-streaming methods in the list above are read to their end (or a
              short deadline, for watches)

A write must answer PERMISSION_DENIED or NOT_FOUND. A read must answer PERMISSION_DENIED or
NOT_FOUND, or answer with nothing of B's in it (a list confined to A's scope). Afterwards B's
data, exported by the administrator before and after, must be byte for byte the same, and
no other inbox than A's may hold the imported envelope. Every verdict is printed; exits 1 if
one is wrong.

    REFORM_ADMIN_TOKEN=… REFORM_CLERK_A_TOKEN=… REFORM_CLERK_B_TOKEN=… \\
      python3 Tests/Interop/cross_unit.py 127.0.0.1:7420 --policy policy.json
"""
import argparse
import collections
import hashlib
import json
import os
import re
import sys
import time
import uuid

import grpc

import bad_input
import reform_stubs

UNIT_A, ORGAN_A = "DBCS-SGDDT", "000.01.06.H41"
UNIT_B, ORGAN_B = "DBCS-DPTTH", "000.01.23.H41"
UNIT_C, ORGAN_C = "CBCS-BDT", "000.01.18.H41"
OUTSIDE_ORGAN = "000.00.00.G22"  # an organ of another province, outside the bloc
SET_ID = "01-NQ-DUK-2020-2025"
YEAR = 2025
DEADLINE = 30.0
WATCH_DEADLINE = 1.5

REFUSALS = {grpc.StatusCode.PERMISSION_DENIED, grpc.StatusCode.NOT_FOUND}


class Rpc:
    """Typed calls through one channel, as one principal."""

    def __init__(self, channel, modules, token):
        self.channel, self.modules = channel, modules
        self.metadata = [("authorization", f"Bearer {token}")]

    def message(self, _module, _type, **fields):
        return getattr(self.modules[f"reform.v1.{_module}_pb2"], _type)(**fields)

    def unary(self, path, request, response_type):
        call = self.channel.unary_unary(path, request_serializer=lambda m: m.SerializeToString(),
                                        response_deserializer=response_type.FromString)
        return call(request, timeout=DEADLINE, metadata=self.metadata)

    def stream(self, path, request, response_type):
        call = self.channel.unary_stream(path, request_serializer=lambda m: m.SerializeToString(),
                                         response_deserializer=response_type.FromString)
        return list(call(request, timeout=DEADLINE, metadata=self.metadata))

    def raw(self, method, payload):
        """The method called with raw bytes: (status code, message, response bytes)."""
        deadline = WATCH_DEADLINE if method.never_ends else DEADLINE
        try:
            if method.server_streaming:
                chunks = list(self.channel.unary_stream(method.path)(payload, timeout=deadline, metadata=self.metadata))
                return grpc.StatusCode.OK, "", b"".join(chunks)
            return grpc.StatusCode.OK, "", self.channel.unary_unary(method.path)(payload, timeout=deadline, metadata=self.metadata)
        except grpc.RpcError as error:
            return error.code(), error.details() or "", b""


def output_type(modules, method):
    """The generated class of a method's response message."""
    for name, module in modules.items():
        if not name.endswith("_pb2"):
            continue
        for service in module.DESCRIPTOR.services_by_name.values():
            for candidate in service.methods:
                if f"/{service.full_name}/{candidate.name}" == method:
                    return bad_input.message_class(candidate.output_type)
    raise KeyError(method)


# ---------------------------------------------------------------------------------------------
# B's records, made as B's clerk (and the administrator, for what a clerk may not make)

class Records:
    """Identifiers of B's records that the matrix aims at."""

    def __init__(self):
        self.person_id = ""
        self.person_unit = ""
        self.document_id = ""
        self.attachment_id = ""
        self.upload_id = ""
        self.envelope = b""


def call_typed(rpc, modules, path, request):
    response_type = output_type(modules, path)
    return rpc.unary(path, request, response_type)


def create_records(admin, clerk_b, modules):
    records = Records()
    registry = "reform.v1.Registry"
    people = call_typed(admin, modules, f"/{registry}/ListPeople",
                        admin.message("registry", "ListPeopleRequest", subtree_code=UNIT_B,
                                      page=admin.message("common", "PageRequest", page_size=5)))
    person = people.people[0]
    records.person_id, records.person_unit = person.id, person.unit_code

    classification = modules["reform.v1.classification_pb2"]
    submitted = call_typed(clerk_b, modules, "/reform.v1.Classification/SubmitEvaluations", clerk_b.message(
        "classification", "SubmitEvaluationsRequest", idempotency_key=f"cross-{uuid.uuid4()}", persons=[clerk_b.message(
            "classification", "PersonEvaluation", person_id=records.person_id, year=YEAR, unit_code=records.person_unit,
            subject_kind=classification.RatingSubjectKind.Value("RATING_SUBJECT_KIND_PARTY_MEMBER"),
            assessed_level=classification.RatingLevel.Value("RATING_LEVEL_HTTNV"), note="Đánh giá của chi bộ",
            scores=clerk_b.message("classification", "RatingScores", common_criteria_hundredths=2700,
                                   task_results_hundredths=6300),
            tasks=clerk_b.message("classification", "RatingTaskCounts", total=10, on_time=10, exceeded=2))]))
    if not submitted.applied:
        raise SystemExit(f"B's clerk could not submit B's evaluation: {submitted.errors}")

    exchange = "reform.v1.Exchange"
    content = "Công văn của Đài Phát thanh và Truyền hình tỉnh".encode()
    upload = call_typed(clerk_b, modules, f"/{exchange}/BeginUpload", clerk_b.message(
        "exchange", "ExchangeBeginUploadRequest", idempotency_key=f"cross-{uuid.uuid4()}", unit_code=UNIT_B,
        name="cong-van.pdf", media_type="application/pdf", size_bytes=len(content),
        sha256=hashlib.sha256(content).hexdigest()))
    call_typed(clerk_b, modules, f"/{exchange}/UploadChunk", clerk_b.message(
        "exchange", "ExchangeUploadChunkRequest", upload_id=upload.upload_id, offset=0, content=content))
    attachment = call_typed(clerk_b, modules, f"/{exchange}/CommitUpload", clerk_b.message(
        "exchange", "ExchangeCommitUploadRequest", upload_id=upload.upload_id))
    records.attachment_id = attachment.attachment_id

    number = int(time.time()) % 100000
    date = clerk_b.message("common", "CalendarDate", year=YEAR, month=6, day=15)
    metadata = clerk_b.message(
        "exchange", "ExchangeDocumentMetadata", organ_id=ORGAN_B, issuing_organ_name="Đài Phát thanh và Truyền hình tỉnh",
        code_number=str(number), code_notation="CV-ĐPTTH", place="Lai Châu", issued_date=date,
        document_type=clerk_b.message("exchange", "ExchangeDocumentType", code=1, name="Công văn"),
        subject="Về việc báo cáo cải cách hành chính", page_count=1,
        signer=clerk_b.message("exchange", "ExchangeSigner", competence="", position="Giám đốc", full_name="Lò Văn Pấu"),
        recipients=[clerk_b.message("exchange", "ExchangeOrgan", organ_id=ORGAN_C, name="Ban Dân tộc tỉnh", unit_code=UNIT_C)],
        urgency=1, confidentiality=1)
    sent = call_typed(clerk_b, modules, f"/{exchange}/Send", clerk_b.message(
        "exchange", "ExchangeSendRequest", idempotency_key=f"cross-{uuid.uuid4()}",
        sender=clerk_b.message("exchange", "ExchangeOrgan", organ_id=ORGAN_B, unit_code=UNIT_B),
        receivers=[clerk_b.message("exchange", "ExchangeOrgan", organ_id=ORGAN_C, unit_code=UNIT_C)],
        metadata=metadata, attachment_ids=[attachment.attachment_id]))
    records.document_id = sent.document.document_id

    # An upload B has begun and not committed.
    pending = call_typed(clerk_b, modules, f"/{exchange}/BeginUpload", clerk_b.message(
        "exchange", "ExchangeBeginUploadRequest", idempotency_key=f"cross-{uuid.uuid4()}", unit_code=UNIT_B,
        name="du-thao.pdf", media_type="application/pdf", size_bytes=len(content),
        sha256=hashlib.sha256(content).hexdigest()))
    records.upload_id = pending.upload_id

    chunks = admin.stream(f"/{exchange}/ExportEdxml", admin.message(
        "exchange", "ExchangeExportEdxmlRequest", document_id=records.document_id),
        output_type(modules, f"/{exchange}/ExportEdxml"))
    records.envelope = b"".join(chunk.content for chunk in chunks)
    return records


# ---------------------------------------------------------------------------------------------
# Requests aimed at B

class Aim(bad_input.Variant):
    """Plausible values, with every unit field naming `unit` and every record field naming
    B's record."""

    def __init__(self, name, unit, organ, records):
        self.name, self.unit, self.organ, self.records = name, unit, organ, records

    def text(self, field):
        name = field.name
        if name == "idempotency_key":
            return f"cross-{uuid.uuid4()}"
        if name in ("unit_code", "subtree_code", "unit_codes", "quota_unit_code", "parent_code"):
            return self.unit
        if name in ("person_id", "subject_id", "person_ids"):
            return self.records.person_id
        if name in ("document_id", "duplicate_of", "in_reply_to", "document_ids"):
            return self.records.document_id
        if name in ("attachment_id", "attachment_ids"):
            return self.records.attachment_id
        if name == "upload_id":
            return self.records.upload_id
        if name.endswith("organ_id") or name.endswith("organ_ids"):
            return self.organ
        if name == "set_id":
            return SET_ID
        return super().text(field)

    def data(self, field):
        if field.name == "envelope":
            return self.records.envelope
        return super().data(field)

    def integer(self, field):
        if field.name in ("year", "end_year"):
            return YEAR
        return super().integer(field)

    def period(self):
        return 1, YEAR - 1, 0, 0

    def date(self):
        return YEAR, 6, 15


RECORD_FIELDS = {"person_id", "subject_id", "person_ids", "document_id", "duplicate_of", "in_reply_to", "document_ids",
                 "attachment_id", "attachment_ids", "upload_id"}


def names_a_record(descriptor):
    return any(f.name in RECORD_FIELDS for d in bad_input.walk(descriptor) for f in d.fields)


def b_markers(records):
    """Strings any of which in an answer means B's data reached A."""
    return [m.encode() for m in (UNIT_B, ORGAN_B, records.person_id, records.document_id, records.attachment_id,
                                  records.upload_id) if m]


# ---------------------------------------------------------------------------------------------
# B's data as the administrator exports it

VOLATILE_FIELDS = ("watch_cursor",)


def snapshot(admin, modules, records):
    """Every export of B's data the administrator can make, as (label, bytes)."""
    parts = []

    def add(label, path, request, stream=False):
        response_type = output_type(modules, path)
        try:
            if stream:
                parts.append((label, b"".join(m.SerializeToString() for m in admin.stream(path, request, response_type))))
            else:
                response = admin.unary(path, request, response_type)
                # The inbox's watch cursor counts every arrival in the store, any unit's: not B's data.
                for name in VOLATILE_FIELDS:
                    if name in response.DESCRIPTOR.fields_by_name:
                        response.ClearField(name)
                parts.append((label, response.SerializeToString()))
        except grpc.RpcError as error:
            parts.append((label, f"{error.code().name}: {error.details()}".encode()))

    registry, classification, exchange = "reform.v1.Registry", "reform.v1.Classification", "reform.v1.Exchange"
    kinds = modules["reform.v1.registry_pb2"].RegistryCsvKind
    for kind in ("REGISTRY_CSV_KIND_UNITS", "REGISTRY_CSV_KIND_PEOPLE", "REGISTRY_CSV_KIND_VALUES", "REGISTRY_CSV_KIND_STUDIES"):
        if kind in kinds.keys():
            add(f"registry {kind}", f"/{registry}/ExportCsv", admin.message(
                "registry", "RegistryExportCsvRequest", kind=kinds.Value(kind), subtree_code=UNIT_B, set_id=SET_ID,
                include_closed=True), stream=True)
    add("registry person", f"/{registry}/GetPerson", admin.message("registry", "GetPersonRequest", id=records.person_id)
        if "id" in admin.message("registry", "GetPersonRequest").DESCRIPTOR.fields_by_name else
        admin.message("registry", "GetPersonRequest", person_id=records.person_id))
    add("registry period states", f"/{registry}/ListPeriodStates", admin.message(
        "registry", "ListPeriodStatesRequest", set_id=SET_ID, unit_code=UNIT_B) if "unit_code" in admin.message(
        "registry", "ListPeriodStatesRequest").DESCRIPTOR.fields_by_name else admin.message(
        "registry", "ListPeriodStatesRequest", set_id=SET_ID))
    for year in (YEAR - 1, YEAR):
        add(f"evaluations {year}", f"/{classification}/ListEvaluations", admin.message(
            "classification", "ClassificationListEvaluationsRequest", year=year, unit_code=UNIT_B,
            page=admin.message("common", "PageRequest", page_size=1000)))
    page = admin.message("common", "PageRequest", page_size=1000)
    add("inbox B", f"/{exchange}/ListInbox", admin.message("exchange", "ExchangeListInboxRequest", unit_code=UNIT_B, page=page))
    add("inbox C", f"/{exchange}/ListInbox", admin.message("exchange", "ExchangeListInboxRequest", unit_code=UNIT_C, page=page))
    add("sent B", f"/{exchange}/ListSent", admin.message("exchange", "ExchangeListSentRequest", unit_code=UNIT_B, page=page))
    add("document", f"/{exchange}/GetDocument", admin.message(
        "exchange", "ExchangeGetDocumentRequest", document_id=records.document_id, unit_code=UNIT_B))
    add("trace", f"/{exchange}/GetTrace", admin.message("exchange", "ExchangeGetTraceRequest", document_id=records.document_id))
    return parts


# ---------------------------------------------------------------------------------------------
# The matrix

class Verdict:
    def __init__(self, method, path_kind, code, message, problem):
        self.method, self.path_kind, self.code, self.message, self.problem = method, path_kind, code, message, problem


def judge(method, kind, code, message, answer, markers):
    if method.kind == "write":
        if code in REFUSALS:
            return None
        return f"a write aimed at B's data answered {code.name}, not PERMISSION_DENIED or NOT_FOUND"
    if code in REFUSALS:
        return None
    if code == grpc.StatusCode.OK:
        leaked = [m.decode() for m in markers if m in answer]
        return f"the answer holds B's data ({', '.join(leaked)})" if leaked else None
    if code == grpc.StatusCode.DEADLINE_EXCEEDED and method.never_ends:
        return None  # a watch confined to A's scope that had nothing to say
    return f"a read aimed at B's data answered {code.name}, not PERMISSION_DENIED, NOT_FOUND or A's own data"


def edxml_envelopes(records):
    """(label, envelope) of the edXML paths: B's own document's envelope, and the same envelope
    rewritten as from an organ outside the bloc, addressed to A, B and C."""
    text = records.envelope.decode()
    prefix = re.search(r"<(\w+:)?edXMLEnvelope", text).group(1) or ""
    receivers = "".join(
        f"<{prefix}To><{prefix}OrganId>{organ}</{prefix}OrganId><{prefix}OrganName>{name}</{prefix}OrganName></{prefix}To>"
        for organ, name in ((ORGAN_A, "Sở Giáo dục và Đào tạo"), (ORGAN_B, "Đài Phát thanh và Truyền hình tỉnh"),
                            (ORGAN_C, "Ban Dân tộc tỉnh")))
    to = re.compile(rf"<{prefix}To>.*?</{prefix}To>", re.S)
    if not to.search(text):
        raise SystemExit("the exported envelope has no <To>: the edXML path cannot be built")
    # Issued by the outside organ, under another number, so that it is no duplicate of B's.
    outside = to.sub("", text).replace(ORGAN_B, OUTSIDE_ORGAN)
    outside = outside.replace(f"</{prefix}From>", f"</{prefix}From>{receivers}", 1)
    outside = re.sub(rf"<{prefix}CodeNumber>(\d+)", lambda m: f"<{prefix}CodeNumber>9{m.group(1)}", outside, count=1)
    outside = re.sub(rf"<{prefix}DocumentId>.*?</{prefix}DocumentId>", f"<{prefix}DocumentId></{prefix}DocumentId>", outside)
    return [("edxml B's own envelope", records.envelope), ("edxml from outside to A, B and C", outside.encode())]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("address")
    parser.add_argument("--policy", required=True, help="the access policy as JSON")
    arguments = parser.parse_args()
    policy = json.load(open(arguments.policy))
    tokens = {name: os.environ.get(f"REFORM_{name}_TOKEN", "") for name in ("ADMIN", "CLERK_A", "CLERK_B")}
    if not all(tokens.values()):
        sys.exit("REFORM_ADMIN_TOKEN, REFORM_CLERK_A_TOKEN and REFORM_CLERK_B_TOKEN must be set")
    options = [("grpc.max_receive_message_length", -1), ("grpc.max_send_message_length", -1)]

    with reform_stubs.generated() as modules, grpc.insecure_channel(arguments.address, options=options) as channel:
        admin, clerk_a, clerk_b = (Rpc(channel, modules, tokens[n]) for n in ("ADMIN", "CLERK_A", "CLERK_B"))
        records = create_records(admin, clerk_b, modules)
        print(f"B's records: person {records.person_id} of {records.person_unit}, document {records.document_id}, "
              f"attachment {records.attachment_id}, upload {records.upload_id}", flush=True)
        before = snapshot(admin, modules, records)

        methods = []
        for method in bad_input.discover(modules):
            rule = policy.get(method.path)
            if rule is None:
                sys.exit(f"{method.path} is not in the policy dump")
            if rule["idempotency"] != "noSideEffects":
                method.kind = "write"
            elif rule["auditsReads"]:
                method.kind = "read"
            else:
                continue
            # Health probes and the workers' hub hold no unit's data.
            if rule["callers"] in ("anyone", "workers") or method.client_streaming:
                continue
            methods.append(method)
        print(f"{len(methods)} methods: {sum(m.kind == 'write' for m in methods)} writes, "
              f"{sum(m.kind == 'read' for m in methods)} personal-data reads", flush=True)

        markers = b_markers(records)
        verdicts = []
        for method in methods:
            aims = [Aim("direct", UNIT_B, ORGAN_B, records)]
            if names_a_record(method.input):
                aims.append(Aim("own-claim", UNIT_A, ORGAN_A, records))
            for aim in aims:
                payload = bad_input.build(method.input, aim).SerializeToString()
                code, message, answer = clerk_a.raw(method, payload)
                problem = judge(method, aim.name, code, message, answer, markers)
                verdicts.append(Verdict(method, aim.name, code, message, problem))

        import_method = next(m for m in methods if m.path == "/reform.v1.Exchange/ImportEdxml")
        request_type = bad_input.message_class(import_method.input)
        for label, envelope in edxml_envelopes(records):
            payload = request_type(idempotency_key=f"cross-{uuid.uuid4()}", envelope=envelope).SerializeToString()
            code, message, answer = clerk_a.raw(import_method, payload)
            problem = None
            if label.startswith("edxml from outside"):
                # A may take its own copy; nothing may reach B or C (checked by the snapshot).
                problem = None if code in REFUSALS | {grpc.StatusCode.OK} else f"answered {code.name}"
            else:
                problem = judge(import_method, label, code, message, answer, markers)
            verdicts.append(Verdict(import_method, label, code, message, problem))

        after = snapshot(admin, modules, records)

    width = max(len(v.method.label) for v in verdicts)
    counts = collections.Counter(v.code.name for v in verdicts)
    for verdict in verdicts:
        mark = "ok " if verdict.problem is None else "BAD"
        print(f"{mark} {verdict.method.label.ljust(width)}  {verdict.path_kind:<34} {verdict.code.name:<18} "
              f"{verdict.message[:140]!r}")
    print("answers:", ", ".join(f"{code} {count}" for code, count in sorted(counts.items())))

    changed = [label for (label, old), (_, new) in zip(before, after) if old != new]
    bad = [v for v in verdicts if v.problem]
    for verdict in bad:
        print(f"\nBAD {verdict.method.label} ({verdict.path_kind}): {verdict.problem}; message: {verdict.message[:300]!r}")
    for label in changed:
        print(f"\nB's data changed: {label}")
    if bad or changed:
        sys.exit(1)
    print(f"{len(verdicts)} attempts on B's data by A's clerk, every one refused or confined; B's data unchanged")


if __name__ == "__main__":
    main()
