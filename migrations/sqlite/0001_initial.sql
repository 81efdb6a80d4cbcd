-- supportline schema, version 1.
--
-- migrations/sqlite and migrations/postgres hold the same schema: the files
-- differ only in how a row id is generated (see migrations/README.md; a
-- test compares them). Portable on purpose: snowflakes and counts are
-- BIGINT, times are unix milliseconds (BIGINT), flags are BIGINT 0/1,
-- structured values are JSON in TEXT.

-- Per-guild settings (edited with /setup). Levels and help channels below.
CREATE TABLE guild_settings (
    guild_id              BIGINT PRIMARY KEY,
    support_channel_id    BIGINT,
    log_channel_id        BIGINT,
    answer_plain_messages BIGINT NOT NULL DEFAULT 0,
    ticket_limit          BIGINT NOT NULL,
    cooldown_secs         BIGINT NOT NULL,
    auto_close_hours      BIGINT NOT NULL,
    reopen_days           BIGINT NOT NULL,
    default_locale        TEXT,
    updated_at            BIGINT NOT NULL
);

CREATE TABLE guild_levels (
    guild_id   BIGINT NOT NULL,
    level      BIGINT NOT NULL CHECK (level BETWEEN 1 AND 4),
    channel_id BIGINT,
    role_id    BIGINT,
    sla_secs   BIGINT NOT NULL,
    PRIMARY KEY (guild_id, level)
);

CREATE TABLE guild_help_channels (
    guild_id   BIGINT NOT NULL,
    channel_id BIGINT NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);

-- The last ticket number handed out in a guild (#1, #2, …).
CREATE TABLE guild_counters (
    guild_id           BIGINT PRIMARY KEY,
    last_ticket_number BIGINT NOT NULL
);

-- One row per (guild, user) who ever opened a ticket: locked while that user
-- opens a ticket, so the open-ticket limit and the cooldown hold across
-- processes; remembers when they last opened one.
CREATE TABLE user_openings (
    guild_id       BIGINT NOT NULL,
    user_id        BIGINT NOT NULL,
    last_opened_at BIGINT,
    PRIMARY KEY (guild_id, user_id)
);

CREATE TABLE tickets (
    id                   INTEGER PRIMARY KEY,
    guild_id             BIGINT NOT NULL,
    number               BIGINT NOT NULL,
    opener_id            BIGINT NOT NULL,
    subject              TEXT NOT NULL,
    question             TEXT NOT NULL,
    locale               TEXT NOT NULL,
    priority             TEXT NOT NULL CHECK (priority IN ('normal', 'urgent')),
    urgency_cues         TEXT NOT NULL,
    frustration_cues     TEXT NOT NULL,
    source               TEXT NOT NULL,
    level                BIGINT NOT NULL CHECK (level BETWEEN 1 AND 4),
    levels_seen          BIGINT NOT NULL,
    status               TEXT NOT NULL CHECK (status IN ('open', 'resolving', 'closed')),
    assignee_id          BIGINT,
    user_thread_id       BIGINT,
    case_card_id         BIGINT,
    case_thread_id       BIGINT,
    case_opened_at       BIGINT,
    opened_at            BIGINT NOT NULL,
    level_reached_at     BIGINT NOT NULL,
    first_response_at    BIGINT,
    sla_breached_at      BIGINT,
    resolve_requested_at BIGINT,
    closed_at            BIGINT,
    close_reason         TEXT,
    version              BIGINT NOT NULL,
    UNIQUE (guild_id, number)
);

-- A user cannot have two open tickets born from the same source (one L0
-- answer, one interaction, one message): a double click opens one ticket.
CREATE UNIQUE INDEX tickets_open_per_source
    ON tickets (guild_id, opener_id, source) WHERE status <> 'closed';
CREATE INDEX tickets_by_opener ON tickets (guild_id, opener_id, status);
CREATE INDEX tickets_queue ON tickets (guild_id, level, status);
CREATE INDEX tickets_by_user_thread ON tickets (user_thread_id);

-- Every case card and thread a ticket has had, the current one included.
CREATE TABLE ticket_cases (
    thread_id       BIGINT PRIMARY KEY,
    ticket_id       BIGINT NOT NULL REFERENCES tickets (id),
    level           BIGINT NOT NULL CHECK (level BETWEEN 1 AND 4),
    card_message_id BIGINT NOT NULL,
    opened_at       BIGINT NOT NULL
);
CREATE INDEX ticket_cases_by_ticket ON ticket_cases (ticket_id);

-- The append-only timeline. `data` is the event as JSON (its `type` equals
-- `kind`); `level` is the ticket's level when it happened.
CREATE TABLE ticket_events (
    id        INTEGER PRIMARY KEY,
    ticket_id BIGINT NOT NULL REFERENCES tickets (id),
    guild_id  BIGINT NOT NULL,
    at        BIGINT NOT NULL,
    actor_id  BIGINT,
    level     BIGINT NOT NULL CHECK (level BETWEEN 1 AND 4),
    kind      TEXT NOT NULL,
    data      TEXT NOT NULL
);
CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, id);
CREATE INDEX ticket_events_by_guild_time ON ticket_events (guild_id, at);

-- Questions L0 answered or tried to, and what the user did next.
CREATE TABLE l0_exchanges (
    id                 INTEGER PRIMARY KEY,
    guild_id           BIGINT NOT NULL,
    user_id            BIGINT NOT NULL,
    channel_id         BIGINT NOT NULL,
    question           TEXT NOT NULL,
    locale             TEXT NOT NULL,
    article_id         TEXT,
    confidence         DOUBLE PRECISION NOT NULL,
    answered           BIGINT NOT NULL,
    candidates         TEXT NOT NULL,
    click              TEXT NOT NULL DEFAULT 'nothing'
                       CHECK (click IN ('nothing', 'solved', 'human', 'candidate')),
    clicked_article_id TEXT,
    clicked_at         BIGINT,
    ticket_id          BIGINT,
    asked_at           BIGINT NOT NULL
);
CREATE INDEX l0_exchanges_by_guild_time ON l0_exchanges (guild_id, asked_at);

-- Messages of a ticket's threads, kept when it closes.
CREATE TABLE transcript_messages (
    ticket_id   BIGINT NOT NULL REFERENCES tickets (id),
    message_id  BIGINT NOT NULL,
    thread_id   BIGINT NOT NULL,
    author_id   BIGINT NOT NULL,
    author_name TEXT NOT NULL,
    at          BIGINT NOT NULL,
    content     TEXT NOT NULL,
    embeds      TEXT NOT NULL,
    attachments TEXT NOT NULL,
    kind        TEXT NOT NULL
                CHECK (kind IN ('user', 'staff', 'bot', 'note', 'level_change')),
    PRIMARY KEY (ticket_id, message_id)
);

-- Work due later, run by the scheduler of any process. (kind, guild,
-- subject, generation) is scheduled once; a runner takes a timer by setting
-- taken_until (a lease) and finishes it by setting done_at.
CREATE TABLE timers (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('auto_close', 'sla_reminder', 'cooldown_expiry')),
    guild_id     BIGINT NOT NULL,
    subject_id   BIGINT NOT NULL,
    level        BIGINT,
    generation   BIGINT NOT NULL,
    due_at       BIGINT NOT NULL,
    taken_until  BIGINT,
    attempts     BIGINT NOT NULL DEFAULT 0,
    done_at      BIGINT,
    cancelled_at BIGINT,
    UNIQUE (kind, guild_id, subject_id, generation)
);
CREATE INDEX timers_pending ON timers (due_at) WHERE done_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX timers_by_subject ON timers (subject_id, kind);

-- Interactions and gateway events already handled, so a replay or a double
-- click does nothing twice.
CREATE TABLE idempotency_keys (
    idem_key   TEXT PRIMARY KEY,
    ticket_id  BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
