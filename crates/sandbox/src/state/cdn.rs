//! Attachment URLs as Discord's CDN signs them: `?ex=` (when the link
//! expires, hex Unix seconds), `is=` (when it was issued) and `hm=` (the
//! signature). Every message read hands out a fresh link valid for 24
//! hours on the sandbox's clock; a link past its `ex`, or one whose
//! parameters were changed, is 404 (discord-api-docs: "Signed Attachment
//! CDN URLs", developers/reference.mdx).

use chrono::Duration;

use super::DiscordState;

/// How long a handed-out link works.
const LINK_LIFETIME_HOURS: i64 = 24;

impl DiscordState {
    /// `url` with a fresh signature.
    pub(crate) fn signed_url(&self, url: &str) -> String {
        let now = self.clock.now().timestamp();
        let ex = now + Duration::hours(LINK_LIFETIME_HOURS).num_seconds();
        let path = path_of(url);
        format!(
            "{url}?ex={ex:x}&is={now:x}&hm={:016x}",
            self.signature(path, ex, now)
        )
    }

    /// Whether a link to `path` with these parameters is Discord's and
    /// still valid.
    pub(crate) fn link_valid(&self, path: &str, ex: &str, is: &str, hm: &str) -> bool {
        let (Ok(ex), Ok(is)) = (i64::from_str_radix(ex, 16), i64::from_str_radix(is, 16)) else {
            return false;
        };
        format!("{:016x}", self.signature(path, ex, is)) == hm && self.clock.now().timestamp() < ex
    }

    /// FNV-1a over the path, the times and the bot's token: enough that a
    /// link with a changed `ex` is refused.
    fn signature(&self, path: &str, ex: i64, is: i64) -> u64 {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let text = format!("{path}|{ex}|{is}|{}", self.config.token);
        for byte in text.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        hash
    }
}

/// What a link signs: `/attachments/{channel}/{attachment}` of its URL,
/// whatever the host, without the file name (which clients may encode).
pub(crate) fn path_of(url: &str) -> &str {
    let path = url.find("/attachments/").map_or(url, |i| &url[i..]);
    path.rfind('/').map_or(path, |i| &path[..i])
}

#[cfg(test)]
mod tests {
    use crate::state::testing::world;
    use chrono::Duration;

    #[test]
    fn a_signed_link_works_for_a_day_and_not_when_changed() {
        let mut w = world("server Acme\nchannel help");
        let url = "http://127.0.0.1:1/attachments/1/2/log.txt";
        let signed = w.signed_url(url);
        let query = signed.split_once('?').unwrap().1;
        let param = |name: &str| {
            query
                .split('&')
                .find_map(|p| p.strip_prefix(&format!("{name}=")))
                .unwrap()
                .to_owned()
        };
        let (ex, is, hm) = (param("ex"), param("is"), param("hm"));
        let path = "/attachments/1/2";
        assert!(w.link_valid(path, &ex, &is, &hm));
        assert!(!w.link_valid(path, "ffffffffff", &is, &hm), "a changed ex");
        w.advance_clock(Duration::hours(25));
        assert!(!w.link_valid(path, &ex, &is, &hm), "expired");
    }
}
