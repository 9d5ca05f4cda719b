# license-verifier's words in English. Every message here has its twin in nl.ftl; a test
# fails when one is missing, or when the code uses a message neither file has.

## Reasons: why a decision says no, or what still holds when it says yes (docs/JSON.md).

reason-no-license = no license is active
reason-wrong-installation = license { $license_id } is for installation { $found }, not this installation { $expected }: send this installation's activation request to the vendor
reason-license-expired = license { $license_id } expired on { $since }
reason-license-not-yet-valid = license { $license_id } is not valid before { $from }
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
