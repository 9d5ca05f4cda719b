# license-verifier's words in English. Every message here has its twin in nl.ftl; a test
# fails when one is missing, or when the code uses a message neither file has.

## Reasons: why a decision says no, or what still holds when it says yes (docs/JSON.md).

reason-no-license = no license is active
reason-wrong-installation = license { $license_id } is for installation { $found }, not this installation { $expected }: send this installation's activation request to the vendor
reason-license-expired = license { $license_id } expired on { $since }
reason-license-not-yet-valid = license { $license_id } is not valid before { $from }
reason-license-revoked = license { $license_id } was revoked by the vendor on { $revoked_day }{ $by ->
    [key] {" "}(its key { $kid } was revoked)
   *[other] {""}
}{ $reason ->
    [none] {""}
   *[other] , reason: { $reason }
}
reason-system-license-missing = missing system license { $license_code }
reason-system-license-expired = system license { $license_code } expired on { $since }
reason-system-license-not-yet-valid = system license { $license_code } is not valid before { $from }
reason-user-required = capability { $capability } is asked per user: name the user
reason-unknown-user = no user { $user } in this installation
reason-no-login-rights = user { $user } has no login rights
reason-no-seat = user { $user } holds no seat of { $plans }
reason-plan-not-licensed = { $plan } is not licensed
reason-plan-not-licensed-held = { $plan }: user { $user } holds a seat, but the plan is not licensed
reason-plan-expired = { $plan }: the plan expired on { $since }
reason-plan-not-yet-valid = { $plan }: the plan is not valid before { $from }
reason-beyond-licensed-seats = { $plan }: { $user } is holder { $rank } of { $seats ->
    [one] { $seats } licensed seat
   *[other] { $seats } licensed seats
}
reason-no-free-seat = { $plan }: { $used } of { $seats ->
    [one] { $seats } licensed seat
   *[other] { $seats } licensed seats
} { $used ->
    [one] is
   *[other] are
} held, none is free
reason-license-in-grace = license { $license_id } has ended and is in its grace period until { $until } ({ $days_left ->
    [one] { $days_left } day
   *[other] { $days_left } days
} left): ask the vendor for a renewal
reason-grant-in-grace = { $license_code } has ended and is in its grace period until { $until } ({ $days_left ->
    [one] { $days_left } day
   *[other] { $days_left } days
} left): ask the vendor for a renewal

## The Licenses screen.

list-head = Licenses of { $customer } ({ $customer_id })
list-head-license = license { $license_id } serial { $serial }, issued by { $issuer }
list-head-state = { $state }, last day { $last_day }
list-none = Licenses: no license is active
list-system = System licenses
list-plans = User plans
list-legacy = Legacy
list-row-last-day = , last day { $last_day }
list-row-seats = , { $used } of { $total ->
    [one] { $total } seat
   *[other] { $total } seats
} used

## Decisions.

decision-yes = yes
decision-no = no
decision-warning = warning:

## Warnings of the startup check (docs/JSON.md).

warning-kind-plan = plan
warning-kind-system = system license
warning-clock-behind = the system clock ({ $clock }) is { $hours } hours behind the latest time this store has seen ({ $mark }): decisions use the later time; if the clock is wrong, correct it; if the clock is right and was once set ahead, ask the vendor for a clock reset: write a request with `license-verifier request --clock-reset --out FILE` and import the file the vendor sends
warning-license-ends-soon = license { $license_id } ends in { $days_left ->
    [one] { $days_left } day
   *[other] { $days_left } days
} (then { $grace_days ->
    [one] { $grace_days } day
   *[other] { $grace_days } days
} of grace); ask the vendor for a renewal
warning-license-in-grace = license { $license_id } has ended and is in its grace period: it stops working on { $until } ({ $days_left ->
    [one] { $days_left } day
   *[other] { $days_left } days
} left); ask the vendor for a renewal
warning-license-expired = license { $license_id } expired on { $since }; ask the vendor for a renewal
warning-license-not-yet-valid = license { $license_id } is not valid before { $from }
warning-license-revoked = license { $license_id } was revoked by the vendor on { $revoked_day }{ $by ->
    [key] {" "}(its key { $kid } was revoked)
   *[other] {""}
}{ $reason ->
    [none] {""}
   *[other] , reason: { $reason }
}; it no longer works: ask the vendor for a new license file
warning-system-license-expired = system license { $license_code } expired on { $since }
warning-grant-in-grace = { $kind } { $license_code } has ended and is in its grace period: it stops working on { $stops } ({ $days_left ->
    [one] { $days_left } day
   *[other] { $days_left } days
} left); ask the vendor for a renewal
warning-grant-ends-soon = { $kind } { $license_code } ends soon: grace included, it stops working on { $stops } ({ $days_left ->
    [one] { $days_left } day
   *[other] { $days_left } days
} left); ask the vendor for a renewal
warning-users-lose-access = { $plan }: { $total ->
    [one] { $total } user loses
   *[other] { $total } users lose
} access after { $stops }: { $users }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
}
warning-plan-overfull = { $plan }: { $holders ->
    [one] { $holders } holder
   *[other] { $holders } holders
} of { $seats ->
    [one] { $seats } licensed seat
   *[other] { $seats } licensed seats
}; holders after the first { $seats } are denied until seats are released or added

## States and the startup check.

state-unlicensed = unlicensed: no license is active
state-active = active
state-grace = grace until { $until } ({ $days_left ->
    [one] { $days_left } day
   *[other] { $days_left } days
} left)
state-expired = expired since { $since }
state-not-yet-valid = not yet valid (from { $from })
state-revoked = revoked on { $at }
status-state = state: { $state }
status-license = license: { $license_id } (serial { $serial })
status-customer = customer: { $name } ({ $id })
status-left = {" "}({ $days ->
    [one] { $days } day
   *[other] { $days } days
} left)
status-left-in-grace = {" "}(ended; { $days ->
    [one] { $days } day
   *[other] { $days } days
} of grace left)
status-valid-until = valid until: { $last_day }{ $left }
status-installation = installation: { $id }
status-warning = warning: { $text }
state-not-licensed = not licensed
term-perpetual = perpetual
days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}

## verify and show: one license file.

verify-valid = valid: license { $license_id } serial { $serial } for { $customer } ({ $customer_id })
verify-not-valid = not valid: license { $license_id } serial { $serial } for { $customer } ({ $customer_id })
verify-reason = reason: { $text }
verify-state = state: { $state }
verify-state-left = state: { $state }, { $days ->
    [one] { $days } day
   *[other] { $days } days
} left
verify-term = term: { $from } to { $last_day } (+{ $grace ->
    [one] { $grace } day
   *[other] { $grace } days
} grace)
verify-installation = installation: { $id }
verify-any-installation = installation: any installation
verify-key = signed by key: { $kid }
verify-module = module { $code }: { $state }
verify-plan = plan { $code }: { $seats ->
    [one] { $seats } seat
   *[other] { $seats } seats
}, { $state }
verify-own-end = , until { $last_day }
show-issued = issued: { $at } by { $issuer }
show-plan-seats = seats of { $plan }: { $used } of { $total ->
    [one] { $total } seat
   *[other] { $total } seats
} used, { $free } free

## show CODE: one module or plan.

kind-system = system license
kind-user-plan = user plan
kind-legacy = legacy
show-head = { $name } ({ $code }, { $kind })
show-enables = enables: { $capabilities }
show-state = state: { $state }
show-last-day = last day: { $last_day }
show-seats = seats: { $used } of { $total ->
    [one] { $total } seat
   *[other] { $total } seats
} used
show-over = (over the licensed count: denied)

## import: the report.

import-activated = activated: license { $license_id } serial { $serial } (customer { $customer }), valid until { $last_day }
import-already-active = already active: license { $license_id } serial { $serial } (customer { $customer }), valid until { $last_day }
import-dry-run = dry run, nothing changed; would activate: license { $license_id } serial { $serial } (customer { $customer }), valid until { $last_day }
import-replaces = replaces: { $license_id }
import-customer-changes = ! customer changes: { $before_id } { $before } -> { $after_id } { $after }
import-module-gained = + module { $code }
import-module-lost = - module { $code }
import-seats-up = seats { $plan } up: { $from } -> { $to }
import-seats-down = seats { $plan } down: { $from } -> { $to }
import-user-loses = ! user { $user } loses access to { $plan }: holder { $rank } of { $seats ->
    [one] { $seats } seat
   *[other] { $seats } seats
}
import-expiry-moves = expiry moves: { $before } -> { $after }
revocations-imported = revocation list { $serial } imported, signed by { $issuer } (key { $kid }){ $previous ->
    [0] {""}
   *[other] , replacing list { $previous }
}: { $licenses ->
    [one] 1 license
   *[other] { $licenses } licenses
} and { $keys ->
    [one] 1 key
   *[other] { $keys } keys
} revoked
revocations-dry-run = dry run, nothing changed; would import revocation list { $serial }, signed by { $issuer } (key { $kid }){ $previous ->
    [0] {""}
   *[other] , replacing list { $previous }
}: { $licenses ->
    [one] 1 license
   *[other] { $licenses } licenses
} and { $keys ->
    [one] 1 key
   *[other] { $keys } keys
} revoked
revocations-active-stands = the active license { $license_id } is not revoked
reset-applied = clock reset applied: signed by { $issuer } (key { $kid })
reset-mark = latest time seen: { $before } -> { $after }
reset-none = none

## history: every license imported.

history-none = no license imported
history-line = { $at } { $license_id } serial { $serial } for { $customer } ({ $customer_id }), until { $last_day }
history-module-gained = + module { $code }
history-module-lost = - module { $code }
history-seats = seats { $plan }: { $from } -> { $to }
history-customer-changed = customer changed
history-active = * active

## users and seats.

users-login = login
users-no-login = no login
users-none = no users
users-added = { $login ->
    [true] added user { $user } with login rights
   *[other] added user { $user } without login rights
}
users-login-on = login rights of user { $user }: on
users-login-off = login rights of user { $user }: off
users-unchanged = (unchanged)
users-removed = removed user { $user }
users-removed-released = removed user { $user }, released { $plans }
seats-none = no seats assigned
seats-over = (over the licensed count: denied)
seats-already-held = user { $user } already holds a seat of { $plan }
seats-assigned = assigned a seat of { $plan } to { $user }: { $used } of { $total ->
    [one] { $total } seat
   *[other] { $total } seats
} used
seats-assigned-moved = assigned a seat of { $plan } to { $user } (moved from { $from }): { $used } of { $total ->
    [one] { $total } seat
   *[other] { $total } seats
} used
seats-released = released the seat of { $plan } held by { $user }
seats-summary = { $plan }: { $used } of { $total ->
    [one] { $total } seat
   *[other] { $total } seats
} used, { $free } free

## init and request.

init-created = created license store { $path }
init-exists = license store already exists: { $path }
init-installation = installation id: { $id }
request-written-activation = wrote the activation request to { $path }: send it to the vendor
request-written-clock-reset = wrote the clock-reset request to { $path }: send it to the vendor

## System events (events).

event-store-created = store created for installation { $installation_id }
event-license-activated = license { $license_id } serial { $serial } activated (customer { $customer_id })
event-replaces = , replacing { $license_id }
event-customer-changes = ; customer changes from { $before } to { $after }
event-users-losing-access = ; users losing access: { $users }
event-license-restored = license { $license_id } restored from its file
event-import-refused = import refused: { $reason }
event-dry-run-refused = dry run of import refused: { $reason }
event-clock-reset-refused = clock reset refused: { $reason }
event-seat-assigned = seat of { $plan } assigned to user { $user }
event-seat-assigned-moved = seat of { $plan } assigned to user { $user }, moved from { $from }
event-seat-released = seat of { $plan } released by user { $user }
event-seat-refused = seat of { $plan } for user { $user } refused: { $reason }
event-user-added = { $login ->
    [true] user { $user } added with login rights
   *[other] user { $user } added without login rights
}
event-login-changed = { $login ->
    [true] login rights of user { $user } granted
   *[other] login rights of user { $user } withdrawn
}
event-user-removed = user { $user } removed
event-user-removed-released = user { $user } removed, releasing { $plans }
event-clock-behind = the system clock ({ $clock }) is { $hours } hours behind the latest time this store has seen ({ $mark }): decisions use the later time
event-clock-reset-requested = clock reset requested (request { $nonce }): the system clock { $clock } is behind the latest time this store has seen { $mark }
event-clock-reset = clock reset by { $issuer } (key { $kid }, request { $nonce }): the latest time this store has seen moves from { $before } to { $after }
event-state-changed = license { $license_id } is now { $state }
event-revocation-list-imported = revocation list { $serial } imported (key { $kid }): { $licenses ->
    [one] 1 license
   *[other] { $licenses } licenses
} and { $keys ->
    [one] 1 key
   *[other] { $keys } keys
} revoked
event-revokes-active = ; it revokes the active license { $license_id }
event-text = { $text }

## Errors, hints and warnings of the command line.

error-prefix = error
hint-prefix = hint
warning-prefix = warning
error-usage-cannot-read = cannot read { $what } { $path }: { $reason }
error-usage-too-large = { $path }: over the limit of { $limit } bytes: no { $what } is this large; check the path
error-usage-not-utf8 = { $what } { $path } is not UTF-8 text
error-usage-cannot-write = cannot write { $path }: { $reason }
error-usage-bad-time = { $flag }: { $reason }; give an RFC 3339 time or a day YYYY-MM-DD
error-usage-unknown-kind = --kind: unknown event kind "{ $kind }"; the kinds are { $kinds }
error-usage-dry-run-reset = --dry-run previews license files; a clock-reset file is applied or refused as a whole
what-license-file = license file
what-public-key-file = public key file
warning-trusts-no-key = this build trusts no key (it was built without LICENSE_TRUSTED_KEYS), so every license file is refused; build with LICENSE_TRUSTED_KEYS=PATH naming the vendor's public keys, or pass --trust PUB
warning-example-keys = trusting the example keys of keys-example/, which anyone can sign with; build with LICENSE_TRUSTED_KEYS=PATH or pass --trust PUB
warning-unwritable = cannot write the license store { $path }: answered from the stored state, judged at the latest of the clock, the store's latest time and the license's issue time; the store's latest time was not advanced
hint-unknown-key = pass the vendor's public key file with --trust PUB
hint-bad-signature = ask the vendor for the file again
hint-untrusted-stored-license = pass the vendor's public key file with --trust PUB, or build with LICENSE_TRUSTED_KEYS naming it
hint-untrusted-stored-list = pass the vendor's public key file with --trust PUB (or its root with --trust-root PUB), or build with LICENSE_TRUSTED_KEYS naming it
hint-customer-change = check the change with --dry-run; pass --force to import the file all the same
hint-no-store = create it with `license-verifier init`, or give --store PATH
hint-no-license = import the vendor's file with `license-verifier import FILE`
hint-no-free-seat = release a seat with `license-verifier seats release USER { $plan }`
hint-holds-other-plan = pass --move to release the other plan in the same step
hint-unknown-user = add the user with `license-verifier users add { $user }`
hint-user-required = give --user NAME
hint-unknown-code = run `license-verifier list` to see the codes
hint-unknown-capability = the capabilities are { $capabilities }

error-no-store = no license store at { $path }: create the store first, or give the path of an existing one
error-cannot-open = cannot open the license store { $path }: { $reason }: check that the directory exists and is writable
error-cannot-write = cannot write the license store { $path }: { $reason }: run this as a user who may write the store file and its directory
error-foreign-store = { $path } is not a license store ({ $reason }): give the path of a license store or of a new file; it was left untouched
error-newer-store = { $path } has store schema version { $found }, newer than { $supported }: use a newer license-verifier
error-not-a-file = { $path } is { $what }, not a license store: give the path of a store file, or of a file to create
error-damaged-store = the license store is damaged: { $detail }
error-untrusted-stored-license = the active license { $license_id } is signed by key { $kid }, which this program does not trust: use a build whose trusted keys include { $kid }, or import a license file signed by a key it trusts
error-untrusted-stored-list = the revocation list { $serial } this store holds is signed by key { $kid }, which this program does not trust: import the vendor's newest list signed by a key it trusts, or use a build whose trusted keys include { $kid }
error-sqlite = license store: { $detail }
error-no-license = no license is active: import the license file from the vendor
error-wrong-installation = license { $license_id } is for installation { $found }, not this installation { $expected }: send this installation's activation request to the vendor
error-expired = license { $license_id } expired on { $until_day }: ask the vendor for a renewal
error-not-yet-valid = license { $license_id } is not valid before { $from_day }: import it on or after that date
error-revoked = license { $license_id } was revoked by the vendor on { $revoked_day }{ $by ->
    [key] {" "}(its key { $kid } was revoked)
   *[other] {""}
}{ $reason ->
    [none] {""}
   *[other] , reason: { $reason }
}: ask the vendor for a new license file
error-signer-revoked = this { $document ->
    [clock-reset] clock reset
   *[other] revocation list
} is signed under key { $kid }, which the vendor revoked on { $revoked_day }{ $reason ->
    [none] {""}
   *[other] , reason: { $reason }
}: ask the vendor for one signed by a current key
error-older-revocation-list = revocation list { $serial } is not newer than list { $held }, which this installation holds: import the newest list from the vendor
error-built-in-list-unverified = the revocation list built into this program does not verify under the trusted keys ({ $error }): trust the keys it was signed with, or build the program with a list signed by a trusted key
error-older-serial = license { $license_id } has serial { $serial }, not above serial { $latest } already imported in the sequence of customer { $customer } { $installation_id ->
    [none] for unbound files
   *[other] for installation { $installation_id }
}: it is older than a file imported before; import the newest license file of that sequence, or ask the vendor for a current one
error-serial-conflict = serial { $serial } in the sequence of customer { $customer } { $installation_id ->
    [none] for unbound files
   *[other] for installation { $installation_id }
} was already imported with other content: this file is not the one the vendor issued under that serial; ask the vendor for a new file
error-older-than-active = license { $license_id } was issued at { $issued_at }, before the active license { $active_id } (issued at { $active_issued_at }) of another sequence: importing it would go back to an older file; ask the vendor for a current license file
error-customer-change = license { $license_id } is for customer { $after }, not for the active license's customer { $before }: importing it replaces this installation's license with another customer's; confirm the change of customer to import it
error-clock-reset-not-pending = no clock reset is pending in this store: this reset was already used, or it was not requested by this store; write a new request and send it to the vendor
error-clock-reset-other-request = this clock reset answers request { $nonce }, not the one pending in this store: import the reset that answers the latest request
error-clock-reset-wrong-installation = this clock reset is for installation { $found }, not this installation { $expected }: import it on the installation that requested it
error-clock-reset-stale = the latest time this store has seen moved from { $requested ->
    [none] none
   *[other] { $requested }
} to { $now ->
    [none] none
   *[other] { $now }
} after the request was written: the reset is stale; write a new request and send it to the vendor
error-clock-not-behind = the system clock ({ $clock }) is not behind the latest time this store has seen ({ $mark ->
    [none] none
   *[other] { $mark }
}): no clock reset is needed
error-not-licensed = { $state ->
    [not-licensed] { $license_code } is not licensed: import a license that includes it
    [expired] { $license_code } has expired: import a license that includes it
   *[other] { $license_code } is not valid yet: import a license that includes it now
}
error-no-free-seat = no free seat of { $plan }: all { $seats ->
    [one] { $seats } licensed seat is
   *[other] { $seats } licensed seats are
} held; release one, or import a license with more seats
error-holds-other-plan = user { $user } already holds { $held }; a user holds one of the exclusive plans at a time: release it first, or move the user's seat
error-unknown-user = no user { $user }: add the user first
error-user-exists = user { $user } already exists: choose another name
error-invalid-user-name = user name "{ $user }" is not allowed: use 1 to 128 characters, no control characters, no leading or trailing spaces
error-unknown-code = unknown { $what ->
    [system-license] system license
    [user-plan] user plan
    [capability] capability
   *[other] license
} "{ $code }"{ $is_a ->
    [system-license] {" "}({ $code } is a system license, not a { $what ->
        [capability] capability
       *[other] user plan
    })
    [user-plan] {" "}({ $code } is a user plan, not a system license)
   *[other] {""}
}{ $suggestion ->
    [none] {""}
   *[other] {" "}(did you mean { $suggestion }?)
}
error-user-required = capability { $capability } is asked per user: name the user
error-no-such-seat = user { $user } holds no seat of { $plan }: nothing to release
state-word-grace = in its grace period ({ $days ->
    [one] { $days } day
   *[other] { $days } days
} left)
state-word-expired = expired
state-word-not-yet-valid = not yet valid

state-word-revoked = revoked
## What is wrong with a damaged store (error-damaged-store says it with these).

damage-corrupt = { $path } is corrupt; restore it from a backup
damage-no-installation-id = table meta has no installation id; restore the store from a backup
damage-bad-mark = table meta: the latest time seen is not a time; restore the store from a backup
damage-seats-table-missing = table seats is missing; restore the store from a backup
damage-seats-table-altered = table seats was altered; restore the store from a backup
damage-seats-index-lost = table seats lost its unique index on (plan, seq); restore the store from a backup
damage-trigger = it holds trigger "{ $name }", which this program never creates; drop the trigger, or restore the store from a backup
damage-seat-below-one = table seats: plan { $plan } has a seat of user { $user } at position { $position }, below 1; delete that row (or release the seat and assign it again), or restore the store from a backup
damage-seat-position-taken = table seats: plan { $plan } has a seat of user { $user } at position { $position }, which another row holds; delete that row (or release the seat and assign it again), or restore the store from a backup
damage-bad-login = table users: user { $user } has login value { $value }, not 0 or 1; set it with `license-verifier users login`, or restore the store from a backup
damage-no-active-license = table licenses: { $imported } licenses were imported but none is marked active; import the license file again, or restore the store from a backup
damage-many-active = table licenses: more than one license is marked active; import the license file again, or restore the store from a backup
damage-active-not-latest = table licenses: the active license { $license_id } is not the latest imported one; import the license file again, or restore the store from a backup
damage-active-older = table licenses: the active license { $license_id } is older than license { $newer } imported before it; import the license file again, or restore the store from a backup
damage-active-unverified = table licenses: the active license { $license_id } no longer verifies ({ $error }); import the license file again, or restore the store from a backup
damage-active-mismatch = table licenses: the active license { $license_id } does not match its recorded id and serial; import the license file again, or restore the store from a backup
damage-active-other-installation = table licenses: the active license { $license_id } is not for this installation; import the license file again, or restore the store from a backup
damage-unreadable-history = table licenses: the imported license { $license_id } in its history can no longer be read; restore the store from a backup
damage-bad-import-time = table licenses: the import time of { $license_id } is not a time; restore the store from a backup
damage-bad-event-time = table events: the time of event { $id } is not a time; restore the store from a backup
damage-revocation-list-unverified = table revocation_lists: the list with serial { $serial } no longer verifies ({ $error }); import the newest revocation list again, or restore the store from a backup
damage-earlier = { $detail }

# serve: the web console (console/)
what-token-file = token file
warning-serve-remote = the console listens beyond this machine: put it behind TLS (a reverse proxy), since its token and cookies travel in plain HTTP otherwise
error-serve-remote = { $addr } is not a loopback address, so the console would be reachable from other machines: add --allow-remote to mean it, and put the console behind TLS
error-serve-listen = cannot listen on { $addr }: { $reason }; choose another address with --listen
error-serve-weak-token = the token file must hold at least { $min } printable characters (no spaces, & or #); write one with: head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n'
error-serve-random = { $reason }
error-serve-stopped = the console stopped: { $reason }
