-- The outbox: the Discord steps a committed ticket change needs, written
-- in the same transaction as the change (see src/tickets/effects.rs).
-- The bot runs a ticket's pending steps in id order, each under a lease
-- so that two processes never run one step; `progress` keeps the ids a
-- step already made (a card, a thread) so a retry carries on from there.
CREATE TABLE effects (
    id INTEGER PRIMARY KEY,
    ticket_id BIGINT NOT NULL REFERENCES tickets (id),
    guild_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    progress TEXT NOT NULL DEFAULT '{}',
    -- pending, done or failed (refused by Discord for good)
    status TEXT NOT NULL DEFAULT 'pending',
    attempts BIGINT NOT NULL DEFAULT 0,
    -- not before (a retry's backoff)
    next_at BIGINT NOT NULL,
    taken_until BIGINT,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    finished_at BIGINT
);

CREATE INDEX effects_pending ON effects (status, ticket_id, id);
