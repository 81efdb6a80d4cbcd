//! The blocklist: users and roles that may not open tickets, each with an
//! optional reason and expiry. Blocked people are refused politely when
//! they try; L0 answers stay open to them (reading an article costs staff
//! nothing, and a blocked user may still help themselves).

use chrono::{DateTime, Utc};

use super::ids::{RoleId, UserId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockTarget {
    User(UserId),
    Role(RoleId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub target: BlockTarget,
    pub reason: Option<String>,
    pub by: UserId,
    pub at: DateTime<Utc>,
    /// `None`: until unblocked.
    pub expires_at: Option<DateTime<Utc>>,
}

impl Block {
    pub fn is_active(&self, now: DateTime<Utc>) -> bool {
        self.expires_at.is_none_or(|e| now < e)
    }

    /// Whether it stops `user`, holding `roles`.
    pub fn stops(&self, user: UserId, roles: &[RoleId]) -> bool {
        match self.target {
            BlockTarget::User(u) => u == user,
            BlockTarget::Role(r) => roles.contains(&r),
        }
    }
}

/// The block that stops `user` now, if any: a block of the user
/// themselves before one of their roles (it says more), the longest
/// lasting first.
pub fn blocking<'a>(
    blocks: &'a [Block],
    user: UserId,
    roles: &[RoleId],
    now: DateTime<Utc>,
) -> Option<&'a Block> {
    blocks
        .iter()
        .filter(|b| b.is_active(now) && b.stops(user, roles))
        .max_by_key(|b| {
            (
                matches!(b.target, BlockTarget::User(_)),
                b.expires_at.is_none(),
                b.expires_at,
            )
        })
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap()
    }

    fn block(target: BlockTarget, expires: Option<i64>) -> Block {
        Block {
            target,
            reason: None,
            by: UserId(1),
            at: now(),
            expires_at: expires.map(|h| now() + Duration::hours(h)),
        }
    }

    #[test]
    fn an_expired_block_stops_nobody() {
        let blocks = [block(BlockTarget::User(UserId(5)), Some(1))];
        assert!(blocking(&blocks, UserId(5), &[], now()).is_some());
        assert!(blocking(&blocks, UserId(5), &[], now() + Duration::hours(1)).is_none());
    }

    #[test]
    fn a_blocked_role_stops_its_members_only() {
        let blocks = [block(BlockTarget::Role(RoleId(7)), None)];
        assert!(blocking(&blocks, UserId(5), &[RoleId(7)], now()).is_some());
        assert!(blocking(&blocks, UserId(5), &[RoleId(8)], now()).is_none());
    }

    #[test]
    fn the_users_own_block_is_the_one_shown() {
        let blocks = [
            block(BlockTarget::Role(RoleId(7)), None),
            block(BlockTarget::User(UserId(5)), Some(2)),
        ];
        let b = blocking(&blocks, UserId(5), &[RoleId(7)], now()).unwrap();
        assert_eq!(b.target, BlockTarget::User(UserId(5)));
    }
}
