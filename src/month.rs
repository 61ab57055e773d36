//! A calendar month (`YYYY-MM`): when a scenario starts, which month of a
//! projection a date falls in.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// A month between 2000-01 and 2200-12.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: u16,
    month: u8,
}

/// Why a text is not a month.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a month of the form YYYY-MM between 2000-01 and 2200-12")]
pub struct MonthError(pub String);

impl YearMonth {
    /// A month from its parts, if valid.
    pub fn new(year: u16, month: u8) -> Option<YearMonth> {
        ((2000..=2200).contains(&year) && (1..=12).contains(&month))
            .then_some(YearMonth { year, month })
    }

    /// The month a date falls in.
    pub fn of(date: Date) -> YearMonth {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    /// Months since year 0, for arithmetic.
    fn index(self) -> i32 {
        i32::from(self.year) * 12 + i32::from(self.month) - 1
    }

    /// The month `n` months later (or earlier when negative), if in range.
    pub fn plus(self, n: i32) -> Option<YearMonth> {
        let i = self.index().checked_add(n)?;
        let year = u16::try_from(i.div_euclid(12)).ok()?;
        let month = u8::try_from(i.rem_euclid(12) + 1).ok()?;
        YearMonth::new(year, month)
    }

    /// Whole months from `self` to `other` (negative when earlier).
    pub fn months_until(self, other: YearMonth) -> i32 {
        other.index() - self.index()
    }

    /// The first day of the month.
    pub fn first_day(self) -> Date {
        // Every valid YearMonth has a first day.
        Date::new(self.year, self.month, 1).unwrap_or(Date::MIN)
    }
}

impl FromStr for YearMonth {
    type Err = MonthError;
    fn from_str(s: &str) -> Result<YearMonth, MonthError> {
        let bad = || MonthError(s.to_string());
        let b = s.as_bytes();
        let digits = b
            .iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit());
        if b.len() != 7 || b[4] != b'-' || !digits {
            return Err(bad());
        }
        let year = s[0..4].parse().map_err(|_| bad())?;
        let month = s[5..7].parse().map_err(|_| bad())?;
        YearMonth::new(year, month).ok_or_else(bad)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_months_across_years() {
        let m: YearMonth = "2026-12".parse().unwrap();
        assert_eq!(m.plus(1).unwrap().to_string(), "2027-01");
        assert_eq!(m.plus(18).unwrap().to_string(), "2028-06");
        assert_eq!(m.plus(-12).unwrap().to_string(), "2025-12");
        assert_eq!(m.months_until("2028-06".parse().unwrap()), 18);
        assert!("2026-13".parse::<YearMonth>().is_err());
        assert!("2026-+1".parse::<YearMonth>().is_err());
        assert!(m.plus(100_000).is_none());
    }
}
