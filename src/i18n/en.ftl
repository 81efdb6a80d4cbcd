# The English catalogue. Every key here must exist in ru.ftl with the same
# variables (checked by the tests in src/i18n/tests.rs).

## Used by the catalogue's own tests.
test-plural = { $count ->
    [one] { $count } ticket
   *[other] { $count } tickets
}

## Errors shown to people
error-generic = Something went wrong on our side. Please try again in a moment; if it keeps happening, tell an admin.
error-bad-argument = I couldn't read one of the options. Please check them.
error-bad-level = level: is a number from 1 to 4.
error-bot-permissions = I lack a Discord permission for that. An admin can run /setup show to see which.
error-busy = Someone else changed this ticket at the same moment. Please try again.
error-empty-question = Please write your question.
error-guild-only = This works inside a server only.
error-level-not-set-up = { $level } has no channel yet. An admin can set it with /setup level.
error-not-set-up = Tickets are not set up on this server yet. An admin can do it with /setup.
error-not-your-answer = This answer was for someone else. Ask your own question with /ask.
error-ticket-not-found = I can't find that ticket.
error-which-ticket = Which ticket? Run this in a ticket's thread, or give its number with the ticket: option.

## Levels, statuses, durations
level-1 = Help desk
level-2 = Specialists
level-3 = Experts
level-4 = Product engineers
status-open = Open
status-resolving = Waiting for the user
status-closed = Closed
priority-normal = Normal
priority-urgent = Urgent
unit-minutes = { $n } min
unit-hours = { $n } h
unit-days = { $n } d

## Refusals
refusal-not-allowed = You can't { $action }: only { $allowed } can.
refusal-ticket-closed = This ticket is closed.
refusal-already-closed = This ticket is already closed.
refusal-not-closed = This ticket is not closed.
refusal-already-claimed = { $by } already has this ticket.
refusal-already-yours = You already have this ticket.
refusal-not-claimed = Nobody has claimed this ticket.
refusal-claimed-by-other = { $by } has this ticket; only they or an admin can do that.
refusal-target-not-staff = { $target } is not { $level } staff.
refusal-already-assigned = { $to } already has this ticket.
refusal-at-top = This ticket is already at L4, the top of the ladder.
refusal-at-bottom = This ticket is already at L1.
refusal-not-higher = { $requested } is not above { $current }.
refusal-not-lower = { $requested } is not below { $current }.
refusal-reason-required = Please give a reason.
refusal-empty-text = The text is empty.
refusal-text-too-long = The text is too long (at most { $max ->
    [one] { $max } character
   *[other] { $max } characters
}).
refusal-already-resolving = The user has already been asked to confirm.
refusal-not-awaiting = This ticket is not waiting for a confirmation.
refusal-reopen-window = Tickets can be reopened for { $days ->
    [one] { $days } day
   *[other] { $days } days
} after closing; this one is older. Please open a new one.
refusal-thread-gone = This ticket's thread was deleted. Please open a new ticket.
action-claim = claim this ticket
action-unclaim = unclaim this ticket
action-transfer = transfer this ticket
action-escalate = escalate this ticket
action-deescalate = de-escalate this ticket
action-note = add notes to this ticket
action-resolve = resolve this ticket
action-send-article = send articles to this ticket
action-close = close this ticket
action-reopen = reopen this ticket
action-answer-resolve = answer for this ticket
action-view-info = view this ticket
action-read-case = read this case
action-read-transcript = read this transcript
action-ask = ask
action-open = open tickets
action-kb-search = search the knowledge base
action-view-queue = view this queue
action-view-stats = view statistics
action-setup = change the setup
action-view-setup = view the setup
action-kb-reload = reload the knowledge base
allowed-staff-of = { $level } staff and admins
allowed-staff-from = staff of { $level } and above, and admins
allowed-opener-or-staff-of = its author, { $level } staff and admins
allowed-opener = its author
allowed-staff-who-handled = staff of a level that handled it, and admins
allowed-opener-or-staff-who-handled = its author, staff of a level that handled it, and admins
allowed-any-staff = staff and admins
allowed-admins = admins

## L0 answers
answer-footer = Did this help? Tell me below.
answer-candidates = I'm not sure I understood. Is it one of these?
answer-nothing = I couldn't find an answer in the knowledge base. Press "Talk to a human" and a person will help you.
answer-glad = Glad it helped! Ask again any time.
small-talk-greeting = Hi! I'm the support bot. Ask me your question in a sentence or two and I'll look for an answer, or talk to a human below.
small-talk-thanks = You're welcome! Ask again any time.
small-talk-goodbye = Bye! Come back any time you need help.
small-talk-bot = Yes, I'm a bot: I answer from the knowledge base. If you'd rather talk to a person, press the button below.
small-talk-presence = I'm here! What's your question? Describe it in a sentence or two, or talk to a human below.
button-solved = Solved
button-human = Talk to a human
button-get-help = Get help

## Opening
open-done = Your ticket { $number } is open, and only you and the support team can see it: { $thread }
open-already = You already have ticket { $number } for this: { $thread }
open-already-no-thread = You already have ticket { $number } for this.
open-pending = Your ticket { $number } is open. Discord is slow to make its private thread right now: it will appear under { $channel } in a moment, and you will be mentioned there. No need to ask again.
open-no-thread = Your ticket { $number } is saved, but its private thread could not be made.
open-limit = You already have { $count ->
    [one] an open ticket
   *[other] { $count } open tickets
}. Please continue there: { $links }
open-cooldown = You've just opened a ticket. You can open another { $when }.
greeting = Hi { $user }, this is your ticket { $number }. Only you and our support team can see this thread.
greeting-frustrated = I'm sorry this has been frustrating. A person will look at it as soon as possible.
greeting-next = The { $level } will answer here, usually within { $sla }. Add anything that helps: what you tried, screenshots, error messages.

## Case card and case thread (staff)
card-title = Ticket { $number }: { $subject }
card-user = User
card-level = Level
card-status = Status
card-priority = Priority
card-assignee = Assignee
card-nobody = nobody yet
card-opened = Opened
card-user-thread = User thread
card-cues = Flags
card-new-for-role = New ticket for { $role } ({ $level })
card-moved-to = Moved to { $level }: { $thread }
card-moved-to-level = Moved to { $level }
button-claim = Claim
button-unclaim = Unclaim
button-escalate = Escalate
button-note = Note
button-resolve = Resolve
button-close = Close
case-opened = New ticket from { $user }. The conversation with the user: { $thread }
case-urgent = ⚠ Urgent, the user wrote: { $cues }
case-frustrated = The user sounds frustrated: { $cues }
case-tried = The bot already showed: { $titles }
case-claimed = { $by } claimed the ticket.
case-unclaimed = { $by } gave the ticket back to the queue.
case-transferred = { $by } handed the ticket to { $to }.
case-note = 📝 Note from { $by }: { $text }
case-closed = The ticket was closed by { $by }.
case-reopened = { $by } reopened the ticket.
case-moved-away = This case moved to { $level }: { $thread }
case-user-thread-lost = The user's thread was deleted, so the ticket was closed.
digest-title = Handoff { $number }: { $from } → { $to }
digest-reason = Reason
digest-question = Question
digest-moved-by = Moved by
digest-articles = Articles L0 showed
digest-none = none
digest-last-messages = The user's last messages
digest-messages-unreadable = Not visible to the bot: without Discord's Message Content intent it cannot read members' messages. Read them in the user thread.
digest-notes = Notes
digest-previous = Previous case
info-cases = Cases
queue-title = { $level } · { $name }: { $count ->
    [one] 1 open ticket
   *[other] { $count } open tickets
}
queue-empty = No open tickets at { $level }.

## Staff actions
claim-done = Ticket { $number } is yours. Talk to the user here: { $thread }
unclaim-done = Ticket { $number } is back in the queue.
transfer-done = Ticket { $number } now belongs to { $to }.
note-done = Note added to ticket { $number }.
note-already = That note is already on ticket { $number }.
move-done = Ticket { $number } moved to { $level }: { $thread }
close-done = Ticket { $number } is closed.
reopen-done = Ticket { $number } is open again: { $thread }

## The user's side of a ticket
user-escalated = Your ticket is now with our { $level }. Expect an answer within { $sla }.
user-deescalated = Your ticket went back to our { $level }. Expect an answer within { $sla }.
user-closed = This ticket was closed by { $by }. If you need more help, reopen it within { $days ->
    [one] { $days } day
   *[other] { $days } days
} with `/reopen ticket: { $number }` in { $channel } (this thread is locked now), or open a new one.
user-reopened = Your ticket is open again. We'll answer here.
user-case-lost = Our internal record of this ticket was deleted, so it was closed. Please open a new ticket if you still need help.

## Forms
form-question = Your question
form-ask-title = Ask for help
form-reason = Reason for the next level
form-level = Target level (2-4, empty for the next)
form-escalate-title = Escalate { $number }
form-note = Internal note (staff only)
form-note-title = Note on { $number }
form-close-reason = Reason (optional, the user sees it)
form-close-title = Close { $number }

## Knowledge base commands
kb-search-none = No article matches “{ $query }”.
kb-search-found = { $count ->
    [one] 1 article:
   *[other] { $count } articles:
}
kb-no-such-article = There is no article “{ $id }”.
kb-article-gone = That article is no longer in the knowledge base.
kb-sent-intro = { $by } thinks this article may help:
kb-sent = Sent “{ $title }” to ticket { $number }.
kb-sent-footer = If this does not solve it, reply here.
kb-sent-other-language = The article is in `{ $article }`, the user speaks `{ $user }`.
kb-reloaded = Knowledge base reloaded: { $articles ->
    [one] { $articles } article
   *[other] { $articles } articles
}, { $problems ->
    [0] no problems
    [one] { $problems } problem
   *[other] { $problems } problems
}.

## Setup
setup-title = Support setup
setup-saved = Saved.
setup-unset = not set
setup-support = Ticket threads in
setup-help = Help channels
setup-log = Log channel
setup-answer-messages = Answer plain messages
setup-small-talk = Reply to greetings and thanks
setup-yes = yes
setup-no = no
setup-sla = first answer within { $sla }
setup-limits = Per user: { $tickets ->
    [one] { $tickets } open ticket
   *[other] { $tickets } open tickets
}, { $cooldown } between two. Unconfirmed tickets close after { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
}; reopen within { $days ->
    [one] { $days } day
   *[other] { $days } days
}.
setup-bad-limit = The ticket limit must be between 1 and { $max }.
setup-bad-cooldown = The cooldown must be between 0 minutes and 24 hours.
setup-bad-sla = The response target of { $level } must be between 1 minute and 7 days.
setup-bad-auto-close = Auto-close must be between 1 and { $max ->
    [one] { $max } hour
   *[other] { $max } hours
}.
setup-bad-reopen = The reopen window must be at most { $max ->
    [one] { $max } day
   *[other] { $max } days
}.
setup-check-ok = ✅ I have every permission I need, users see the support channel, and each staff channel is seen only by its level and the levels above.
setup-next-support = ➡ Next: `/setup support channel:` — the channel where each ticket gets its own private thread (users must be able to see it).
setup-next-l1 = ➡ Next: `/setup level level:1 channel: role:` — the help desk (L1): a channel only staff see, and the role that staffs it. Users can open tickets once it is set.
setup-next-escalation = Tickets can move up once `/setup level level:2` (and 3, 4) is set.
setup-check-problems = ⚠ Problems:
setup-check-missing = In { $channel } ({ $what }) I lack: { $missing }
setup-check-gone = { $what }: { $channel } no longer exists.
setup-check-no-cache = I can't see this server's channels yet; try again in a moment.
setup-check-no-message-content = The Message Content intent is not granted to this bot in the Discord Developer Portal: members' messages reach it blank, so transcripts and handoff digests keep only the questions, forms and the bot's own messages. Enable it (Bot → Privileged Gateway Intents) and set DISCORD_MESSAGE_CONTENT=true.
panel-title = Need help?
panel-text = Press the button and ask your question. I'll answer from our knowledge base, or bring in a person.
panel-posted = Panel posted in { $channel }.

## Slash commands: description, .name, and per parameter .<param> (description) and .<param>-name
cmd-ask = Ask a question: the bot answers from the knowledge base
    .name = ask
    .question = Your question
cmd-ticket = Tickets: open one, see one, see a queue
    .name = ticket
cmd-ticket-open = Open a ticket for the help desk
    .name = open
    .question = What do you need help with?
cmd-ticket-info = Show a ticket: this thread's, or by number
    .name = info
    .ticket = Ticket number (default: this thread's ticket)
cmd-ticket-queue = The open tickets of a level
    .name = queue
    .level = Level 1-4 (default: your own)
cmd-claim = Take a ticket: you answer it from now on
    .name = claim
    .ticket = Ticket number (default: this thread's ticket)
cmd-unclaim = Give a ticket back to its level's queue
    .name = unclaim
    .ticket = Ticket number (default: this thread's ticket)
cmd-transfer = Hand a ticket to another member of its level
    .name = transfer
    .member = Who takes it over
    .ticket = Ticket number (default: this thread's ticket)
cmd-escalate = Move a ticket up the ladder, with a reason for the next level
    .name = escalate
    .reason = Why it needs a higher level
    .level = Target level 2-4 (default: the next one)
    .ticket = Ticket number (default: this thread's ticket)
cmd-deescalate = Move a ticket down the ladder, with a reason
    .name = deescalate
    .reason = Why a lower level should take it
    .level = Target level 1-3 (default: the one below)
    .ticket = Ticket number (default: this thread's ticket)
cmd-note = Add an internal note (staff only, never shown to the user)
    .name = note
    .text = The note
    .ticket = Ticket number (default: this thread's ticket)
cmd-close = Close a ticket now
    .name = close
    .reason = Why (the user sees it)
    .ticket = Ticket number (default: this thread's ticket)
cmd-reopen = Reopen a closed ticket
    .name = reopen
    .ticket = Ticket number (default: this thread's ticket)
cmd-kb = The knowledge base: search it, send an article, reload it
    .name = kb
cmd-kb-search = Find articles (staff)
    .name = search
    .query = Words to look for
cmd-kb-send = Post an article into the ticket's user thread (staff)
    .name = send
    .article = The article
    .ticket = Ticket number (default: this thread's ticket)
cmd-kb-reload = Reload the knowledge base now (admins)
    .name = reload
cmd-setup = Set the bot up for this server (admins)
    .name = setup
cmd-setup-support = The channel where private ticket threads are made (users must see it)
    .name = support
    .channel = A text channel users can see
cmd-setup-level = The channel and role of a level (visible to that role only)
    .name = level
    .level = Level 1-4
    .channel = Staff-only channel for this level's cases
    .role = The role of this level's staff
    .sla_minutes = First-response target in minutes
cmd-setup-help = Add or remove a help channel (plain messages may get answers there)
    .name = help
    .channel = The channel
    .remove = Remove it instead of adding it
    .answer_messages = Answer plain messages in help channels (needs the Message Content intent)
cmd-setup-log = Where closed tickets and transcripts are logged
    .name = log
    .channel = A staff channel
cmd-setup-limits = Per-user limits and ticket timing
    .name = limits
    .tickets = Open tickets per user
    .cooldown_minutes = Minutes between two tickets of one user
    .auto_close_hours = Hours to wait for the user's confirmation before closing
    .reopen_days = Days a closed ticket can be reopened
cmd-setup-language = The server's language for staff cards and users without a known locale
    .name = language
    .language = Language
cmd-setup-smalltalk = Reply to greetings, thanks and "are you a bot?" in kind instead of with an article
    .name = smalltalk
    .enabled = On (the default) or off
cmd-setup-show = Show the settings and check the bot's permissions
    .name = show
cmd-setup-panel = Post the "Get help" panel in a channel
    .name = panel
    .channel = Where (default: here)

## Resolving
error-bad-rating = A rating is 1 to 5 stars.
resolve-question = { $user }, did this solve your problem? Answer below, and rate our help if you like. Without an answer the ticket closes by itself in { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
}.
resolve-asked = I asked the user to confirm ticket { $number }.
resolve-thanks = Thank you! The ticket is closed.
resolve-not-solved = Sorry it isn't solved yet. The team has been told and will continue here.
button-yes = Yes, solved
button-no = No, not yet
case-resolve-asked = { $by } asked the user to confirm the solution.
case-confirmed = The user confirmed the solution. { $stars }
case-rejected = { $assignee } The user says it is not solved yet.
form-summary = What was done (optional, the user sees it)
form-resolve-title = Resolve { $number }
form-rate-title = Your rating: { $stars }
form-rate-comment = A comment (optional)
form-no-title = Not solved yet
form-no-comment = What is still wrong? (optional)
sla-reminder = { $role } ticket { $number } has waited longer than the { $level } target ({ $sla }) for an answer.
user-auto-closed = No answer came, so this ticket was closed automatically. If you still need help, reopen it within { $days ->
    [one] { $days } day
   *[other] { $days } days
} with `/reopen ticket: { $number }` in { $channel } (this thread is locked now).
cmd-resolve = Ask the user whether this solved it (they confirm and rate, or say no)
    .name = resolve
    .summary = What was done (the user sees it)
    .ticket = Ticket number (default: this thread's ticket)
cmd-setup-sla = The first-response target of a level
    .name = sla
    .level = Level 1-4
    .minutes = Minutes until the first staff answer
case-auto-closed = The user did not answer in time, so the ticket closed automatically.
log-closed = Ticket { $number } of { $user } closed ({ $levels }, { $messages ->
    [one] { $messages } message
   *[other] { $messages } messages
}).
log-closed-content-missing = ⚠️ Members' messages are blank in this transcript: the bot lacks Discord's Message Content intent (see /setup show).
log-closed-files = Members' files kept with it (their links in the transcript expire within a day, these copies do not): { $kept }
log-closed-files-missed = Members' files not kept (over Discord's 10 MiB per file, or too many): { $missed }
transcript-not-kept = Ticket { $number } has no transcript yet: it is kept when the ticket closes.
transcript-unreadable = (not readable: without the Message Content intent Discord shows members' messages to the bot blank)
transcript-here = The transcript of ticket { $number } ({ $messages ->
    [one] { $messages } message
   *[other] { $messages } messages
}).
cmd-ticket-transcript = The transcript of a closed ticket (admins and staff of a level that handled it)
    .name = transcript
    .ticket = Ticket number


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
stats-l0-small-talk = Small talk (greetings, thanks): { $count }
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
cmd-stats = Support statistics with a chart of the ladder (staff and admins)
    .name = stats
    .days = How many days back (default 30)

## Framework errors (every poise error has an answer)
error-bad-option = I couldn't read “{ $input }” for { $option } Please check that option.
error-subcommand-required = This command needs a subcommand: pick one from the list.
error-command-changed = This command has just changed. Please run it again; Discord may need a minute to show the new version.
error-cooldown = Please wait { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
} before using this again.
error-user-permissions = You don't have the permissions this command needs.
error-dm-only = This works in direct messages only.
error-nsfw-only = This works in age-restricted channels only.
error-bad-days = days: is a number of days from 1 to { $max }.

## Naming the option a refusal is about
error-no-such-ticket = There is no ticket { $number } (ticket:).
error-bad-form-level = The target level is a number from 2 to 4, or empty for the next one.

## Case cards of moved tickets
card-escalated-for-role = Escalated from { $from } to { $role } ({ $level })
card-returned-for-role = Back from { $from } to { $role } ({ $level })

## The user writes instead of answering "Did this solve it?"
resolve-withdrawn = You wrote after this question, so the ticket stays open and the team will continue here.
case-replied = { $assignee } The user wrote instead of confirming, so the ticket is open again:

## Intake: questions and topics when a ticket opens (issue 14.1)
intake-topic-ask = What is your request about? Choose a topic and I'll open your ticket.
intake-topic-placeholder = Choose a topic
intake-form-title = A few questions before we start
intake-topic-gone = That topic no longer exists. Please start again.
intake-missing-answer = “{ $label }” needs an answer.
intake-greeting-topic = **Topic:** { $topic }
intake-greeting-answers = **Your answers:**
card-topic = Topic
card-intake = Intake answers
card-new-for-team = { $role } New ticket at { $level } for your team ({ $topic }).
transcript-topic = Topic
setup-questions = Intake questions
setup-topics = Topics
setup-question-short = one line
setup-question-short-required = one line, required
setup-question-long = paragraph
setup-question-long-required = paragraph, required
setup-question-needs-label = A new question needs a label.
setup-bad-question-number = There can be at most { $max ->
    [one] { $max } question
   *[other] { $max } questions
} here (a Discord form holds five fields); number them from 1 without gaps.
setup-bad-label = A question's label is 1 to { $max ->
    [one] { $max } character
   *[other] { $max } characters
} (Discord's limit).
setup-too-many-topics = There can be at most { $max ->
    [one] { $max } topic
   *[other] { $max } topics
} (a Discord menu holds 25 options).
setup-bad-topic = A topic's name is 1 to { $max ->
    [one] { $max } character
   *[other] { $max } characters
}.
stats-topics = Tickets by topic
stats-topic-line = { $topic }: opened { $opened }, closed { $closed }
cmd-setup-question = An intake question asked when a ticket opens (at most 5)
    .name = question
    .number = Which question, 1-5 (one past the last adds one)
    .label = The question, up to 45 characters
    .long = A paragraph answer instead of one line
    .required = The user must answer it
    .remove = Remove this question
cmd-setup-topic = A topic users choose when a ticket opens, optionally routed to a team
    .name = topic
    .label = The topic's name
    .team = A team (role) within L1 that gets these tickets instead of the whole L1 role
    .remove = Remove this topic

## Close requests: staff ask the user to confirm closing (issue 14.5)
step-ask-close = ask the user to confirm closing
step-retire-close-ask = take the buttons off the close request
button-close-request = Ask to close
button-close-accept = Close
button-keep-open = Keep open
close-request-question = { $user } It looks like this is sorted. Can we close this ticket? If nobody answers, it closes by itself { $when }. Writing here keeps it open.
close-request-kept = Kept open: the team will continue here.
close-request-sent = Asked the user to confirm closing { $number }; it closes by itself after { $after } without an answer.
close-request-closed = Ticket { $number } is closed. Thank you!
close-request-kept-reply = Ticket { $number } stays open.
card-close-requested = Close requested
card-close-requested-at = asked { $when }; closes by itself unless answered
case-close-asked = { $by } asked the user to confirm closing; it closes by itself after { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
} without an answer.
case-kept-open = { $by } kept the ticket open.
case-kept-open-replied = { $by } wrote in the thread, so the close request is withdrawn.
refusal-already-close-requested = The user has already been asked to confirm closing.
refusal-no-close-request = Nobody is asking to close this ticket now (it was answered or kept open).
setup-close-request = Close requests close by themselves after { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
} without an answer.
setup-bad-close-request = A close request waits between 1 and { $max ->
    [one] { $max } hour
   *[other] { $max } hours
}.
cmd-close-request = Ask the user to confirm closing; it closes by itself if nobody answers
    .name = close-request
    .ticket = Ticket number (default: this thread's)
cmd-setup-close-request = How long a close request waits for an answer before closing
    .name = close-request
    .hours = Hours to wait

## Channels that would break the ladder (refused by /setup, flagged by /setup show)
setup-ladder-public = { $channel } is visible to @everyone, so { $what ->
    [log] every level's transcripts
   *[other] { $what } cases
} would be public. Hide it from @everyone first.
setup-ladder-lower = The { $lower } role can view { $channel }, so { $lower } staff would read { $what ->
    [log] every level's transcripts
   *[other] { $what } cases
}. Hide it from that role first.
setup-ladder-used = { $channel } is already { $what ->
    [support] the support channel
    [log] the log channel
   *[other] the { $what } channel
}; each needs a channel of its own.
setup-ladder-hidden = { $channel } is hidden from @everyone, so users could not see their ticket threads there.
setup-role-unpingable = The { $level } role { $role } can't be pinged: it is not mentionable and the bot lacks Mention Everyone in the { $level } channel, so new cases and SLA reminders would notify nobody. Allow anyone to @mention the role (Server Settings → Roles) or give the bot Mention Everyone there.
setup-team-gone = A topic routes tickets to the team { $role }, but that role no longer exists: those tickets' new cases would ping nobody. Choose another team with /setup topic.
setup-team-unpingable = The team { $role } can't be pinged in { $channel }: the role is not mentionable and the bot lacks Mention Everyone there, so tickets routed to it would notify nobody. Allow anyone to @mention the role (Server Settings → Roles) or give the bot Mention Everyone there.

## supportline stats when the bot's clock ran ahead
stats-clock-ahead = The newest activity in the database is later than this machine's clock (a sandbox whose clock moved?): the window ends at { $until } UTC, as /stats would report it.

## Discord steps refused for good (the outbox: bot::effects)
steps-refused = Discord refused part of this, so it was not done: { $steps }. The log channel has the details.
log-step-refused = ⚠️ Ticket { $number }: Discord refused to { $step } ({ $why }). Nothing else was left half-done; check the bot's permissions.
log-support-deleted = ⚠️ The ticket channel { $channel } was deleted, and every ticket thread in it: { $count ->
    [one] { $count } open ticket was
   *[other] { $count } open tickets were
} closed. Set a new one with /setup support.
log-level-deleted = ⚠️ The { $level } channel { $channel } was deleted, and its case threads with it: { $count ->
    [one] { $count } open ticket was
   *[other] { $count } open tickets were
} closed. Set a new one with /setup level.
step-create-user-thread = create the user thread
step-greet = greet the user
step-post-case = post the case card
step-retire-case = archive the previous case
step-add-to-user-thread = add a member to the user thread
step-refresh-card = update the case card
step-case-note = post in the case thread
step-tell-user = tell the user
step-ask-resolve = ask the user "Did this solve it?"
step-retire-question = take the buttons off the question
step-archive = archive the ticket's threads
step-unarchive = unarchive the ticket's threads
step-sla-reminder = post the SLA reminder

## Knowledge base problems (/kb reload), one per code of the engine's problems
kb-problem-line = { $where }: { $severity }: { $message }
kb-problem-error = error
kb-problem-warning = warning
kb-problem-kept-article = (still serving the last good version)
kb-problem-kept-synonyms = (still using the last good synonyms)
kb-problem-unreadable = cannot read the file: { $error }
kb-problem-not-utf8 = the file is not UTF-8 text; save it as UTF-8
kb-problem-no-front-matter = no front matter: the first line must be `---`, then the fields, then `---`
kb-problem-unclosed-front-matter = the front matter is not closed: add a line `---` after the last field
kb-problem-yaml = the front matter is not valid YAML: { $error }
kb-problem-empty-title = `title` is empty; write the title people will see
kb-problem-nothing-to-match = nothing to match on: give at least one of `keywords`, `patterns`, `examples`
kb-problem-empty-entry = an entry of `{ $field }` is empty; remove it or write the text
kb-problem-bad-pattern = the pattern does not compile: { $error }
kb-problem-bad-locale = `locale: { $locale }` is not a language tag like `en` or `ru`
kb-problem-empty-id = `id` is empty; remove it to use the file's path
kb-problem-duplicate-id = id `{ $id }` is also used by { $other }; ids must be unique (set `id:` in one of them)
kb-problem-body-too-long = the body is too long for Discord once rendered (characters: { $length }, at most { $limit }): shorten it or split it into two articles
kb-problem-title-too-long = the title is too long for Discord (characters: { $length }, at most { $limit }): shorten it
kb-problem-link-loop = this link leads back to { $target }, a folder that contains it: a loop, skipped (remove the link)
kb-problem-same-folder = the same folder as { $first }, already read; skipped
kb-problem-same-file = the same file as { $first }, already read; skipped
kb-problem-too-many-files = the folder has too many article files (at most { $max }); the rest are not loaded
kb-problem-too-many-bytes = the articles are too large together (at most { $max ->
    [one] { $max } MB
   *[other] { $max } MB
}); the rest are not loaded
kb-problem-file-too-large = the file is too large for an article (at most { $max ->
    [one] { $max } byte
   *[other] { $max } bytes
}); split it

## kb ask and kb report at an admin's terminal (--locale, SUPPORTLINE_LOCALE or LANG)
cli-ask-small-talk = small talk ({ $kind }): the bot replies in kind, with no article
cli-ask-prompt = Type a question and press Enter (Ctrl-D to end).
cli-ask-answer = answer: { $id } (confidence { $confidence })
cli-ask-no-answer = no answer (confidence { $confidence }, needs { $threshold }): a person would take it from here
cli-evidence-coverage = coverage
cli-evidence-mass = mass
cli-evidence-examples = examples
cli-evidence-passage = passage
cli-evidence-pattern = pattern
cli-evidence-in_keywords = in_keywords
cli-evidence-in_title = in_title
cli-evidence-in_examples = in_examples
cli-evidence-in_body = in_body
cli-evidence-unknown = unknown
cli-evidence-explained = explained
cli-evidence-unexplained = unexplained
cli-evidence-absent = absent
cli-evidence-elsewhere = elsewhere
cli-evidence-other_language = other_language
cli-report-nothing-asked = No questions were asked in the last { $days ->
    [one] day
   *[other] { $days } days
}: nothing to report yet.
cli-report-all-answered = Nothing to write: every question of the last { $days ->
    [one] day
   *[other] { $days } days
} (asked: { $asked }) was answered and none was marked unhelpful.
cli-report-header = { $total ->
    [one] { $total } question
   *[other] { $total } questions
} of the last { $days ->
    [one] day
   *[other] { $days } days
} L0 could not answer or did not help with, in { $groups ->
    [one] { $groups } group
   *[other] { $groups } groups
}, most asked first:
cli-report-group = { $n }. "{ $question }" — asked { $count }× ({ $unanswered ->
    [one] { $unanswered } unanswered
   *[other] { $unanswered } unanswered
}, { $unhelpful ->
    [one] { $unhelpful } unhelpful
   *[other] { $unhelpful } unhelpful
}) [{ $locale }]
cli-report-closest = closest article: { $article }{ $title } (confidence { $confidence })
cli-report-closest-none = closest article: none
cli-report-also = also: "{ $question }" ({ $count }×)

## Working hours, waiting on the user, the blocklist and rate limits
greeting-after-hours = Our team is away right now. Expect an answer from { $when }.
card-waiting-on-user = Waiting on the user since { $since } (SLA clock stopped)
waiting-reminder = { $user }, the team is waiting for your answer here. Write when you can, and we'll carry on.
waiting-reminder-closes = { $user }, the team is waiting for your answer here. Without one, this ticket closes { $when }.
blocked = You can't open tickets on this server.{ $reason }
blocked-until = You can't open tickets on this server until { $when }.{ $reason }
blocked-reason = {" "}Reason: { $reason }
rate-tickets = You've opened { $limit ->
    [one] { $limit } ticket
   *[other] { $limit } tickets
} today, the most this server allows. You can open another { $when }.
rate-questions = That's a lot of questions at once: this server allows { $limit ->
    [one] { $limit } question
   *[other] { $limit } questions
} a minute. Try again { $when }.
action-block = block or unblock
setup-off = off
setup-hours = Working hours
setup-hours-always = around the clock
setup-holidays-list = holidays { $days }
setup-waiting = Waiting on the user
setup-waiting-remind = reminder after { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
}
setup-waiting-close = closes after { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
}
setup-ratelimits = Rate limits per user
setup-rate-tickets = { $count ->
    [one] { $count } ticket
   *[other] { $count } tickets
} a day
setup-rate-questions = { $count ->
    [one] { $count } question
   *[other] { $count } questions
} a minute
setup-bad-waiting = Waiting hours are 0 (off) to { $max }.
setup-bad-waiting-order = The reminder has to come before the ticket closes.
setup-bad-ratelimits = Rate limits are at most 100 tickets a day and 60 questions a minute (0 turns one off).
setup-hours-need-week = Give the weekly hours, e.g. `mon-fri 09:00-18:00, sat 10:00-14:00`.
setup-bad-zone = { $zone } is not a time zone I know. Use an IANA name such as Europe/Berlin or America/New_York.
setup-bad-week = I can't read "{ $week }". Write days and hours like `mon-fri 09:00-18:00, sat 10:00-14:00` (a day may be `off`).
setup-bad-week-closed = At least one day has to be open. To work around the clock, use `off: True`.
setup-bad-date = "{ $date }" is not a date: write it as YYYY-MM-DD.
setup-holidays-need-hours = Set working hours first (/setup hours): holidays are days off from them.
setup-holidays-too-many = That's more than 100 holidays: remove past ones first.
block-self = You can't block yourself.
block-need-target = Name a user or a role.
block-one-target = Name a user or a role, not both.
block-until = until { $when }
block-forever = until unblocked
block-done = { $who } can't open tickets now, { $until }. Answers from the knowledge base stay open to them.
unblock-done = { $who } can open tickets again.
unblock-none = { $who } was not blocked.
block-list = Blocked from opening tickets:
block-list-empty = Nobody is blocked.
cmd-setup-hours = When the team works (outside these hours users are told when to expect an answer)
    .name = hours
    .zone = Time zone (IANA name, e.g. Europe/Berlin)
    .week = Weekly hours, e.g. mon-fri 09:00-18:00, sat 10:00-14:00
    .off = Work around the clock (the default)
cmd-setup-holidays = Add or remove a day off (YYYY-MM-DD)
    .name = holidays
    .add = A date to add
    .remove = A date to remove
cmd-setup-waiting = What happens while staff wait on a user's answer
    .name = waiting
    .remind_hours = Remind the user after this many hours (0: never)
    .close_hours = Close the ticket after this many hours (0: never)
cmd-setup-ratelimits = Per-user rate limits (0: no limit)
    .name = ratelimits
    .tickets_per_day = Tickets one user may open in 24 hours
    .questions_per_minute = Questions one user may ask the bot in a minute
cmd-block = Keep a user or a role from opening tickets (staff); alone: list the blocks
    .name = block
    .user = The user
    .role = The role
    .reason = Why (the user is told)
    .hours = For how many hours (default: until unblocked)
cmd-unblock = Let a blocked user or role open tickets again (staff)
    .name = unblock
    .user = The user
    .role = The role
stats-waiting-on-user = Waiting on the user: median { $median }, 90th percentile { $p90 }, in all { $total }
stats-level-time = Time at this level: median { $median }, 90th percentile { $p90 }
