-- Small talk (issue 12): a question that is only a greeting, thanks or
-- "are you a bot?" gets a short reply instead of an article. Servers may
-- turn it off; each such exchange is logged with its kind.
ALTER TABLE guild_settings ADD COLUMN small_talk BIGINT NOT NULL DEFAULT 1;
ALTER TABLE l0_exchanges ADD COLUMN small_talk TEXT;
