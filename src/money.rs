//! Money: US dollars over [`rust_decimal::Decimal`].
//!
//! Every operation that can overflow is checked and returns [`MoneyError`]
//! instead of panicking. Rounding never happens implicitly: amounts keep
//! full precision until [`Money::round_cents`] is called, which rounds
//! half away from zero (the rounding an invoice uses). Serialized as a
//! string so that no JSON reader turns an amount into a float.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// Why an arithmetic operation on money failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// The result does not fit in a decimal of 96 bits.
    #[error("the amount is too large to compute ({operation})")]
    Overflow {
        /// The operation that overflowed, in words ("adding", "multiplying").
        operation: &'static str,
    },
}

/// An amount of US dollars, exact to 28 significant digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(Decimal);

impl Money {
    /// Zero dollars.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Wraps an exact decimal amount of dollars.
    pub fn new(dollars: Decimal) -> Money {
        Money(dollars)
    }

    /// The amount as a decimal number of dollars.
    pub fn dollars(self) -> Decimal {
        self.0
    }

    /// `self + other`, or an error on overflow.
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.0
            .checked_add(other.0)
            .map(Money)
            .ok_or(MoneyError::Overflow {
                operation: "adding",
            })
    }

    /// `self - other`, or an error on overflow.
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.0
            .checked_sub(other.0)
            .map(Money)
            .ok_or(MoneyError::Overflow {
                operation: "subtracting",
            })
    }

    /// `self × factor`, or an error on overflow.
    pub fn checked_mul(self, factor: Decimal) -> Result<Money, MoneyError> {
        self.0
            .checked_mul(factor)
            .map(Money)
            .ok_or(MoneyError::Overflow {
                operation: "multiplying",
            })
    }

    /// The negated amount (exact: decimals are sign-magnitude).
    pub fn negate(self) -> Money {
        Money(-self.0)
    }

    /// The smaller of two amounts.
    pub fn min(self, other: Money) -> Money {
        if self <= other {
            self
        } else {
            other
        }
    }

    /// The larger of two amounts.
    pub fn max(self, other: Money) -> Money {
        if self >= other {
            self
        } else {
            other
        }
    }

    /// Rounded to whole cents, half away from zero, always with two
    /// decimals so that it prints as `5.00`, not `5`.
    pub fn round_cents(self) -> Money {
        let mut d = self
            .0
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        d.rescale(2);
        Money(d)
    }

    /// Adds up amounts, or fails on the first overflow.
    pub fn sum<I: IntoIterator<Item = Money>>(amounts: I) -> Result<Money, MoneyError> {
        amounts
            .into_iter()
            .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
    }

    /// True when the amount is above zero.
    pub fn is_positive(self) -> bool {
        self.0 > Decimal::ZERO
    }

    /// True when the amount is below zero.
    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0.to_string())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <Decimal as Deserialize>::deserialize(deserializer).map(Money)
    }
}

/// Formats an amount for people: `$1,234.50`, `-$5.00`. Rounds to cents.
pub fn format_usd(amount: Money) -> String {
    let cents = amount.round_cents().dollars();
    let negative = cents.is_sign_negative() && !cents.is_zero();
    let text = cents.abs().to_string();
    let (whole, frac) = text.split_once('.').unwrap_or((text.as_str(), "00"));
    format!(
        "{}${}.{frac}",
        if negative { "-" } else { "" },
        group_thousands(whole)
    )
}

/// Digits with a comma between thousands: "1234567" → "1,234,567".
pub fn group_thousands(digits: &str) -> String {
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn m(s: &str) -> Money {
        Money::new(Decimal::from_str(s).unwrap())
    }

    #[test]
    fn rounds_half_away_from_zero_with_two_decimals() {
        assert_eq!(m("10.005").round_cents().to_string(), "10.01");
        assert_eq!(m("-10.005").round_cents().to_string(), "-10.01");
        assert_eq!(m("5").round_cents().to_string(), "5.00");
        assert_eq!(m("9.9792").round_cents().to_string(), "9.98");
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let big = Money::new(Decimal::MAX);
        assert!(big.checked_add(m("1")).is_err());
        assert!(big.checked_mul(Decimal::TWO).is_err());
        assert!(big.negate().checked_sub(m("1")).is_err());
    }

    #[test]
    fn formats_for_people() {
        assert_eq!(format_usd(m("1234.5")), "$1,234.50");
        assert_eq!(format_usd(m("-5")), "-$5.00");
        assert_eq!(format_usd(m("0")), "$0.00");
        assert_eq!(format_usd(m("1000000")), "$1,000,000.00");
        assert_eq!(format_usd(m("999.999")), "$1,000.00");
    }

    #[test]
    fn serializes_as_a_string() {
        assert_eq!(serde_json::to_string(&m("214.79")).unwrap(), "\"214.79\"");
    }
}
