# The English catalogue. Every key here must exist in ru.ftl with the same
# variables (checked by the tests in src/i18n/tests.rs).

## Used by the catalogue's own tests.
test-plural = { $count ->
    [one] { $count } ticket
   *[other] { $count } tickets
}

## Errors shown to people
error-generic = Something went wrong on our side. Please try again in a moment; if it keeps happening, tell an admin.

## Insight: /stats and `supportline stats`
stats-title = Support statistics, { $since } – { $until } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
})
stats-section-l0 = L0 · self-service
stats-l0-questions = Questions: { $count }
stats-l0-answered = Answered: { $count } ({ $percent })
stats-l0-confirmed = Confirmed helpful: { $count } ({ $percent })
stats-l0-human = Asked for a human: { $count }
stats-section-tickets = Tickets
stats-tickets-flow = Opened: { $opened }, reopened: { $reopened }, closed: { $closed }
stats-rating = Average rating: { $average } ({ $count ->
    [one] { $count } rating
   *[other] { $count } ratings
})
stats-sla-breaches = SLA breaches: { $count }
stats-level-flow = Received: { $received }, resolved: { $resolved }, escalated: { $escalated }
stats-level-escalation-rate = Escalation rate: { $rate }
stats-level-first-response = First response: median { $median }, 90th percentile { $p90 }
stats-level-resolution = Resolution: median { $median }, 90th percentile { $p90 }
stats-no-data = —
stats-server = Server { $guild }
stats-nothing = No questions or tickets between { $since } and { $until }.
duration-seconds = { $s } s
duration-minutes = { $m } min
duration-hours = { $h } h
duration-hours-minutes = { $h } h { $m } min
duration-days = { $d } d
duration-days-hours = { $d } d { $h } h

## Insight: the ladder chart
chart-title = The support ladder, { $since } – { $until }
chart-axis-level = Level
chart-axis-count = Questions and tickets
chart-received = Received (L0: questions)
chart-resolved = Resolved (L0: answered)
chart-confirmed = L0: confirmed helpful

## Insight: transcripts
transcript-title = Ticket { $number }: { $subject }
transcript-opener = Opened by
transcript-opened-at = Opened
transcript-closed-at = Closed
transcript-levels = Levels
transcript-status = Status
transcript-rating = Rating
transcript-assignee = Assignee
transcript-status-open = open
transcript-status-resolving = waiting for the user
transcript-status-closed = closed
transcript-thread-user = User thread
transcript-thread-case = Case thread { $level }
transcript-thread-other = Other thread
transcript-kind-note = Internal note
transcript-kind-level-change = Level change
transcript-kind-staff = Staff
transcript-kind-bot = Bot
transcript-attachments = Attachments
transcript-embed = Embed
transcript-empty = No messages were saved for this ticket.
transcript-none = —
transcript-footer = { $count ->
    [one] { $count } message
   *[other] { $count } messages
}, times in UTC.
