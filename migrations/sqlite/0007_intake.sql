-- Intake and close requests (issue 14, items 1 and 5).
--
-- A server's intake questions (at most 5: a Discord form holds 5 fields)
-- and topics (at most 25: a menu holds 25 options), in the order asked.
CREATE TABLE guild_intake_questions (
    guild_id BIGINT NOT NULL,
    pos      BIGINT NOT NULL,
    label    TEXT NOT NULL,
    is_long  BIGINT NOT NULL,
    required BIGINT NOT NULL,
    PRIMARY KEY (guild_id, pos)
);

CREATE TABLE guild_topics (
    guild_id     BIGINT NOT NULL,
    pos          BIGINT NOT NULL,
    name         TEXT NOT NULL,
    -- A team within L1 that gets tickets of this topic.
    team_role_id BIGINT,
    PRIMARY KEY (guild_id, pos)
);

-- Settings of close requests, apart from guild_settings so that the
-- settings of other features change without touching this one.
CREATE TABLE guild_close_requests (
    guild_id    BIGINT PRIMARY KEY,
    delay_hours BIGINT NOT NULL
);

-- What a ticket was told at intake (kept as asked: editing the questions
-- later does not rewrite old tickets), and its pending close request.
ALTER TABLE tickets ADD COLUMN intake_topic TEXT;
ALTER TABLE tickets ADD COLUMN intake_team_id BIGINT;
ALTER TABLE tickets ADD COLUMN intake_answers TEXT NOT NULL DEFAULT '[]';
ALTER TABLE tickets ADD COLUMN close_requested_at BIGINT;
CREATE INDEX tickets_by_topic ON tickets (guild_id, intake_topic);

-- An opening in progress: the question is known, the topic and answers
-- are still being asked (a menu, then a form). Its id travels in the
-- components' custom ids; opening from it twice opens one ticket.
CREATE TABLE intake_drafts (
    id         INTEGER PRIMARY KEY,
    guild_id   BIGINT NOT NULL,
    user_id    BIGINT NOT NULL,
    question   TEXT NOT NULL,
    locale     TEXT NOT NULL,
    source     TEXT NOT NULL,
    topic      TEXT,
    created_at BIGINT NOT NULL
);
