-- Working hours, waiting on the user, the blocklist and rate limits.

-- A server's service terms. No row: the team works around the clock and
-- nothing is limited. `hours_week` is JSON, Monday first, each day
-- [open, close] in minutes from local midnight or null (closed);
-- `holidays` is a JSON list of local dates "YYYY-MM-DD". 0 hours or 0 as
-- a limit means off.
CREATE TABLE guild_service (
    guild_id             BIGINT PRIMARY KEY,
    hours_zone           TEXT,
    hours_week           TEXT,
    holidays             TEXT NOT NULL DEFAULT '[]',
    waiting_remind_hours BIGINT NOT NULL DEFAULT 0,
    waiting_close_hours  BIGINT NOT NULL DEFAULT 0,
    tickets_per_day      BIGINT NOT NULL DEFAULT 0,
    questions_per_minute BIGINT NOT NULL DEFAULT 0
);

-- The SLA clock of a ticket's current level (src/tickets/waiting.rs):
-- waiting on the user since, reminded then, working seconds counted
-- before the clock last resumed, and when it resumed.
ALTER TABLE tickets ADD COLUMN waiting_since BIGINT;
ALTER TABLE tickets ADD COLUMN waiting_reminded_at BIGINT;
ALTER TABLE tickets ADD COLUMN sla_spent_secs BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN sla_resumed_at BIGINT;

-- Users and roles that may not open tickets; no expiry: until unblocked.
CREATE TABLE blocks (
    guild_id    BIGINT NOT NULL,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('user', 'role')),
    target_id   BIGINT NOT NULL,
    reason      TEXT,
    blocked_by  BIGINT NOT NULL,
    blocked_at  BIGINT NOT NULL,
    expires_at  BIGINT,
    PRIMARY KEY (guild_id, target_kind, target_id)
);

-- The L0 rate limit counts one user's questions of the last minute.
CREATE INDEX l0_exchanges_by_user_time ON l0_exchanges (guild_id, user_id, asked_at);

-- Timers again, without a list of kinds in the schema: the domain's
-- TimerKind reads the kind, and a new kind needs no migration. Every row
-- is kept (a done row stops its timer being scheduled twice), in order;
-- row ids are given anew, so upgrade with every process stopped.
CREATE TABLE timers_v8 (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
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
INSERT INTO timers_v8 (kind, guild_id, subject_id, level, generation, due_at, taken_until,
                       attempts, done_at, cancelled_at)
    SELECT kind, guild_id, subject_id, level, generation, due_at, taken_until,
           attempts, done_at, cancelled_at
    FROM timers ORDER BY id;
DROP TABLE timers;
ALTER TABLE timers_v8 RENAME TO timers;
CREATE INDEX timers_pending ON timers (due_at) WHERE done_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX timers_by_subject ON timers (subject_id, kind);
