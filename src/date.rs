//! A calendar date (`YYYY-MM-DD`) without time zone: the date a price was
//! read, a credit's expiry. The core never asks a clock; dates come in.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A valid Gregorian date between the years 2000 and 2200.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a date of the form YYYY-MM-DD between 2000-01-01 and 2200-12-31")]
pub struct DateError(pub String);

impl Date {
    /// The earliest date accepted, 2000-01-01.
    pub const MIN: Date = Date {
        year: 2000,
        month: 1,
        day: 1,
    };

    /// A date from its parts, if it exists.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(2000..=2200).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        (day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days from `earlier` to this date (negative when it is later).
    pub fn days_since(self, earlier: Date) -> i64 {
        self.day_number() - earlier.day_number()
    }

    /// Days since 1970-01-01 (H. Hinnant's algorithm).
    fn day_number(self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

/// A catalog older than this many days is flagged as stale.
pub const STALE_AFTER_DAYS: i64 = 180;

/// Number of days in a month of a year.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        _ => 28,
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        let bad = || DateError(s.to_string());
        let b = s.as_bytes();
        let digits = b
            .iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits {
            return Err(bad());
        }
        let year = s[0..4].parse().map_err(|_| bad())?;
        let month = s[5..7].parse().map_err(|_| bad())?;
        let day = s[8..10].parse().map_err(|_| bad())?;
        Date::new(year, month, day).ok_or_else(bad)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod day_tests {
    use super::Date;

    #[test]
    fn days_between_dates() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        assert_eq!(d(2026, 12, 4).days_since(d(2026, 12, 4)), 0);
        assert_eq!(d(2026, 12, 4).days_since(d(2026, 5, 1)), 217);
        assert_eq!(d(2028, 3, 1).days_since(d(2028, 2, 28)), 2);
        assert_eq!(d(2026, 1, 1).days_since(d(2027, 1, 1)), -365);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let d: Date = "2026-08-07".parse().unwrap();
        assert_eq!(d.to_string(), "2026-08-07");
        assert!("2026-02-29".parse::<Date>().is_err());
        assert!("2028-02-29".parse::<Date>().is_ok());
        assert!("2026-13-01".parse::<Date>().is_err());
        assert!("26-1-1".parse::<Date>().is_err());
        assert!("2026-+1-01".parse::<Date>().is_err());
        assert!("1999-12-31".parse::<Date>().is_err());
    }
}
