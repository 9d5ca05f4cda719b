#!/usr/bin/env python3
"""Writes docs/schema/verifier-*.json, one JSON Schema (draft 2020-12) per license-verifier
command's --json output. The schemas share their pieces here; edit this file and run it
(python3 docs/schema/gen-verifier.py) rather than editing the JSON by hand.
verifier-cli/tests/json_schema.rs validates every command's output against them; errors follow
error.json, shared with the issuer."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
STR = {"type": "string"}
INT = {"type": "integer"}
UINT = {"type": "integer", "minimum": 0}
BOOL = {"type": "boolean"}
TIME = {"type": "string", "pattern": r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$"}
DAY = {"type": "string", "pattern": r"^\d{4}-\d\d-\d\d$"}
CODE = {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"}
KID = {"type": "string", "pattern": r"^[0-9a-f]{16}$"}
STATES = ["active", "grace", "expired", "not-yet-valid", "revoked"]
STATE = {"enum": STATES}


def null(s):
    return {"anyOf": [s, {"type": "null"}]}


def obj(props, closed=True):
    o = {"type": "object", "required": sorted(props), "properties": props}
    if closed:
        o["additionalProperties"] = False
    return o


def arr(items):
    return {"type": "array", "items": items}


# A typed value with its words: {code, text, ...its data} (reasons, warnings).
CODED = obj({"code": CODE, "text": STR}, closed=False)
CUSTOMER = obj({"id": STR, "name": STR})
# Why a revocation list withdraws a license: the license itself, or a key it rests on.
REVOKED = {"revoked_at": TIME, "reason": null(STR), "list_serial": UINT}
REVOCATION = null({"anyOf": [
    obj({"by": {"const": "license"}, **REVOKED}),
    obj({"by": {"const": "key"}, "kid": KID, **REVOKED}),
]})
TERM_END = {"ends_at": null(TIME), "last_day": null(DAY)}
GRANT = obj({"code": CODE, "seats": null(UINT), "state": STATE, **TERM_END})
FILE_CHECK = {
    "valid": BOOL, "reasons": arr(CODED), "state": STATE, "revocation": REVOCATION,
    "days_left": null(INT),
    "license_id": STR, "serial": UINT, "customer": CUSTOMER, "installation_id": null(STR),
    "issuer": STR, "kid": KID, "issued_at": TIME, "valid_from": TIME, "grace_days": UINT,
    "system_licenses": arr(GRANT), "user_plans": arr(GRANT), **TERM_END,
}
ROW = {
    "code": CODE, "name": STR, "kind": {"enum": ["system", "user-plan", "legacy"]},
    "state": {"enum": STATES + ["not-licensed"]},
    "seats_total": null(UINT), "seats_used": null(UINT), **TERM_END,
}
DECISION = {
    "allowed": BOOL, "reasons": arr(CODED), "license_id": null(STR), "serial": null(UINT),
    "state": null(STATE),
    "grant": null(CODE),
}
ENDING = obj({
    "code": CODE, "plan": BOOL, "state": STATE, "stops_at": TIME, "days_left": INT,
    "with_license": BOOL, "users": arr(STR), "users_total": UINT,
})
CHANGES = obj({
    "customer_before": null(CUSTOMER), "customer_after": null(CUSTOMER),
    "customer_changes": BOOL, "expiry_moves": BOOL,
    "ends_at_before": null(TIME), "last_day_before": null(DAY),
    "ends_at_after": null(TIME), "last_day_after": null(DAY),
    "modules_gained": arr(CODE), "modules_lost": arr(CODE),
    "seats": arr(obj({"plan": CODE, "from": UINT, "to": UINT})),
    "users_losing_access": arr(obj({"user": STR, "plan": CODE, "rank": UINT, "seats": UINT})),
})
EVENT = obj({"id": INT, "at": TIME, "kind": CODE, "code": CODE, "text": STR}, closed=False)

SCHEMAS = {
    "verify": ("verify FILE", obj(FILE_CHECK)),
    "init": ("init", obj({"store": STR, "installation_id": STR, "created": BOOL})),
    "request": ("request (to stdout): the activation or clock-reset request itself",
                obj({"format": {"enum": ["activation-request/v1", "clock-reset-request/v1"]},
                     "installation_id": STR, "product": STR}, closed=False)),
    "request-written": ("request --out FILE", obj({"written": STR, "installation_id": STR})),
    "import": ("import FILE [--dry-run] of a license file", obj({
        "outcome": {"enum": ["activated", "already-active", "dry-run"]},
        "license_id": STR, "serial": UINT, "customer": STR, "previous": null(STR),
        "changes": CHANGES, **TERM_END})),
    "import-clock-reset": ("import FILE of a clock-reset file", obj({
        "installation_id": STR, "mark_before": null(TIME), "mark_after": TIME,
        "issuer": STR, "kid": KID})),
    "import-revocation-list": ("import FILE [--dry-run] of a revocation list", obj({
        "outcome": {"enum": ["imported", "dry-run"]}, "serial": UINT,
        "previous_serial": null(UINT), "issued_at": TIME, "issuer": STR, "kid": KID,
        "licenses": UINT, "keys": UINT, "active_license": null(STR),
        "revokes_active": REVOCATION})),
    "status": ("status", obj({
        "installation_id": STR,
        "state": {"enum": STATES + ["unlicensed"]}, "revocation": REVOCATION,
        "usable": BOOL, "license_id": null(STR), "serial": null(UINT),
        "customer": null(CUSTOMER), "days_left": null(INT), "effective_time": TIME,
        "warnings": arr(CODED), "endings": arr(ENDING), **TERM_END})),
    "list": ("list: the Licenses screen", obj({
        "header": null(obj({"customer": CUSTOMER, "license_id": STR, "serial": UINT,
                            "issuer": STR, "state": STATE, "revocation": REVOCATION,
                            **TERM_END})),
        "rows": arr(obj(ROW))})),
    "show": ("show: the active license in full", obj({
        **FILE_CHECK,
        "seats": arr(obj({"plan": CODE, "seats_total": UINT, "seats_used": UINT,
                          "seats_free": UINT}))})),
    "show-code": ("show CODE: one module or plan", obj({
        **ROW, "description": STR, "enables": arr(CODE),
        "holders": arr(obj({"user": STR, "rank": UINT, "counted": BOOL,
                            "assigned_at": STR}))})),
    "history": ("history", obj({"licenses": arr(obj({
        "license_id": STR, "serial": UINT, "customer": CUSTOMER, "imported_at": TIME,
        "active": BOOL, "modules_gained": arr(CODE), "modules_lost": arr(CODE),
        "seats": arr(obj({"plan": CODE, "from": UINT, "to": UINT})),
        "expiry_moves": BOOL, "customer_changes": BOOL, **TERM_END}))})),
    "users-add": ("users add", obj({"user": STR, "login": BOOL})),
    "users-login": ("users login", obj({"user": STR, "login": BOOL, "changed": BOOL})),
    "users-remove": ("users remove", obj({"user": STR, "released": arr(CODE)})),
    "users-list": ("users list", obj({"users": arr(obj({
        "name": STR, "login": BOOL, "plans": arr(CODE)}))})),
    "seats-assign": ("seats assign", obj({
        "user": STR, "plan": CODE, "already_held": BOOL, "released": arr(CODE),
        "seats_total": UINT, "seats_used": UINT})),
    "seats-release": ("seats release", obj({"user": STR, "plan": CODE, "released": BOOL})),
    "seats-list": ("seats list", obj({"seats": arr(obj({
        "plan": CODE, "rank": UINT, "user": STR, "counted": BOOL, "assigned_at": STR}))})),
    "check": ("check system / check capability", obj(DECISION)),
    "check-seats": ("check seats", obj({
        **DECISION, "plan": CODE, "seats_total": UINT, "seats_used": UINT,
        "seats_free": UINT})),
    "events": ("events", obj({"events": arr(EVENT)})),
}

# The web console's API (/api/v1/) answers with the same object and `result` beside it:
# the exit status's meaning. The command line does not print it.
RESULT = {"enum": ["yes", "no", "error"],
          "description": "Only in the web console's API: yes (exit 0), no (exit 1), error (exit 2)."}

if __name__ == "__main__":
    for name, (title, schema) in SCHEMAS.items():
        schema = dict(schema, properties={**schema["properties"], "result": RESULT})
        doc = {"$schema": "https://json-schema.org/draft/2020-12/schema",
               "title": f"license-verifier {title} --json", **schema}
        with open(os.path.join(HERE, f"verifier-{name}.json"), "w") as f:
            json.dump(doc, f, indent=2, sort_keys=True)
            f.write("\n")
