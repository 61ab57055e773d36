//! The clock edge: today's date (UTC), for report dates and new scenarios,
//! and instants for live queries. Shared by the CLI and the desktop app
//! (included with `#[path]`).

use infra_runway::date::Date;
use infra_runway::month::YearMonth;

/// Seconds since 1970 (UTC).
pub fn now_unix() -> Option<u64> {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .map(|d| d.as_secs())
}

/// (year, month, day) of a day counted from 1970-01-01 (H. Hinnant's
/// algorithm).
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Today (UTC).
pub fn today() -> Option<Date> {
    let days = i64::try_from(now_unix()? / 86_400).ok()?;
    let (year, month, day) = civil(days);
    Date::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

/// This month (UTC).
#[allow(dead_code)] // used by the desktop app
pub fn this_month() -> Option<YearMonth> {
    today().map(YearMonth::of)
}

/// An instant as RFC 3339 (`2026-12-04T22:19:38Z`).
#[allow(dead_code)]
pub fn rfc3339(secs: u64) -> String {
    let (year, month, day) = civil((secs / 86_400) as i64);
    let rem = secs % 86_400;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}
