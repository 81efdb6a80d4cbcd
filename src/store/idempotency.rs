//! Idempotency keys for interactions and gateway events that do not open a
//! ticket (those use `open_ticket`'s own key): handle an event only if its
//! key is new.

use chrono::{DateTime, Utc};

use super::convert::ms;
use super::error::{Doing, StoreError};
use super::Store;

impl Store {
    /// `true` the first time `key` is seen (go ahead), `false` after (a
    /// replay: do nothing). Use ids Discord repeats on replay: the
    /// interaction id, the message id.
    pub async fn claim_key(&self, key: &str, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO idempotency_keys (idem_key, ticket_id, created_at) VALUES ($1, NULL, $2) \
             ON CONFLICT DO NOTHING",
        )
        .bind(key)
        .bind(ms(now))
        .execute(&self.pool)
        .await
        .doing("claiming an idempotency key")?;
        Ok(done.rows_affected() == 1)
    }

    /// Forgets keys created before `cutoff` (Discord replays within
    /// minutes; a day is plenty). Returns how many were removed.
    pub async fn forget_keys_before(&self, cutoff: DateTime<Utc>) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
            .bind(ms(cutoff))
            .execute(&self.pool)
            .await
            .doing("forgetting old idempotency keys")?;
        Ok(done.rows_affected())
    }
}
