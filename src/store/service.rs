//! A guild's service terms (`tickets::ServiceSettings`): one row in
//! `guild_service`, read and written with the rest of its settings.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use sqlx::AnyConnection;

use super::convert::{sf, Col};
use super::error::{Bad, Doing, StoreError};
use crate::tickets::hours::DaySpan;
use crate::tickets::{GuildId, ServiceSettings, WorkingHours};

/// A day as stored: `[open, close]` in minutes, or null.
type StoredWeek = Vec<Option<[u16; 2]>>;

pub(crate) async fn load_service(
    conn: &mut AnyConnection,
    guild: GuildId,
) -> Result<ServiceSettings, StoreError> {
    const DOING: &str = "loading a guild's working hours and limits";
    let row = sqlx::query(
        "SELECT hours_zone, hours_week, holidays, waiting_remind_hours, waiting_close_hours, \
         tickets_per_day, questions_per_minute FROM guild_service WHERE guild_id = $1",
    )
    .bind(sf(guild.0))
    .fetch_optional(&mut *conn)
    .await
    .doing(DOING)?;
    let Some(row) = row else {
        return Ok(ServiceSettings::default());
    };
    let read = || -> Result<ServiceSettings, Bad> {
        let count = |col: &str| -> Result<u32, Bad> {
            let v = row.i64(col)?;
            u32::try_from(v).map_err(|_| Bad(format!("{col}: {v} out of range")))
        };
        let hours = match (row.opt_text("hours_zone")?, row.opt_text("hours_week")?) {
            (Some(zone), Some(week)) => Some(hours_from(&zone, &week, &row.text("holidays")?)?),
            _ => None,
        };
        Ok(ServiceSettings {
            hours,
            waiting_remind_hours: count("waiting_remind_hours")?,
            waiting_close_hours: count("waiting_close_hours")?,
            tickets_per_day: count("tickets_per_day")?,
            questions_per_minute: count("questions_per_minute")?,
        })
    };
    read().doing(DOING)
}

fn hours_from(zone: &str, week: &str, holidays: &str) -> Result<WorkingHours, Bad> {
    let zone = zone
        .parse()
        .map_err(|_| Bad(format!("hours_zone: {zone:?}")))?;
    let stored: StoredWeek =
        serde_json::from_str(week).map_err(|e| Bad(format!("hours_week: {e}")))?;
    let mut days = [None; 7];
    for (day, span) in days.iter_mut().zip(stored) {
        *day = span.map(|[open, close]| DaySpan { open, close });
    }
    let holidays: Vec<String> =
        serde_json::from_str(holidays).map_err(|e| Bad(format!("holidays: {e}")))?;
    let holidays = holidays
        .iter()
        .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d"))
        .collect::<Result<BTreeSet<_>, _>>()
        .map_err(|e| Bad(format!("holidays: {e}")))?;
    Ok(WorkingHours {
        zone,
        week: days,
        holidays,
    })
}

pub(crate) async fn save_service(
    conn: &mut AnyConnection,
    guild: GuildId,
    s: &ServiceSettings,
) -> Result<(), StoreError> {
    const DOING: &str = "saving a guild's working hours and limits";
    let (zone, week, holidays) = match &s.hours {
        None => (None, None, "[]".to_owned()),
        Some(h) => {
            let week: StoredWeek = h
                .week
                .iter()
                .map(|d| d.map(|d| [d.open, d.close]))
                .collect();
            let holidays: Vec<String> = h.holidays.iter().map(|d| d.to_string()).collect();
            (
                Some(h.zone.name().to_owned()),
                Some(json(&week)),
                json(&holidays),
            )
        }
    };
    sqlx::query(
        "INSERT INTO guild_service (guild_id, hours_zone, hours_week, holidays, \
         waiting_remind_hours, waiting_close_hours, tickets_per_day, questions_per_minute) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (guild_id) DO UPDATE SET \
         hours_zone = excluded.hours_zone, hours_week = excluded.hours_week, \
         holidays = excluded.holidays, waiting_remind_hours = excluded.waiting_remind_hours, \
         waiting_close_hours = excluded.waiting_close_hours, \
         tickets_per_day = excluded.tickets_per_day, \
         questions_per_minute = excluded.questions_per_minute",
    )
    .bind(sf(guild.0))
    .bind(zone)
    .bind(week)
    .bind(holidays)
    .bind(i64::from(s.waiting_remind_hours))
    .bind(i64::from(s.waiting_close_hours))
    .bind(i64::from(s.tickets_per_day))
    .bind(i64::from(s.questions_per_minute))
    .execute(&mut *conn)
    .await
    .doing(DOING)?;
    Ok(())
}

/// Plain lists and options serialise without fail.
fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".to_owned())
}
