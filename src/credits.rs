//! Credit grants and cash: what pays the bills.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::costing::LineKind;
use crate::date::Date;
use crate::error::{check_name, check_range, InputError};
use crate::money::Money;

/// Largest grant or cash amount accepted.
pub const MAX_AMOUNT: i64 = 1_000_000_000;

/// A credit grant from one provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreditGrant {
    /// Short unique id ("temporal").
    pub id: String,
    /// Name people read ("Temporal Cloud startup credits").
    pub name: String,
    /// The vendor whose bills it pays ("temporal", "azure" for every Azure
    /// platform).
    pub provider: String,
    /// Dollars granted.
    pub amount: Money,
    /// First day it can be used.
    pub start: Date,
    /// The day it expires: it pays for the months that lie wholly between
    /// `start` and this day.
    pub expires: Date,
    /// The kinds of line it pays for; empty for the provider's whole bill.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pays_for: Vec<LineKind>,
}

/// Cash in the bank and other spending, for the runway.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cash {
    /// Cash in the bank at the start, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_bank: Option<Money>,
    /// Other monthly burn (salaries, tools), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_monthly_burn: Option<Money>,
}

impl CreditGrant {
    /// Checks fields and references; `vendors` are the known vendor ids.
    pub fn validate(&self, path: &str, vendors: &[&str]) -> Result<(), InputError> {
        check_name(format!("{path}.id"), &self.id, 40)?;
        check_name(format!("{path}.name"), &self.name, 120)?;
        if !vendors.contains(&self.provider.as_str()) {
            return Err(InputError::Unknown {
                path: format!("{path}.provider"),
                what: "provider",
                got: self.provider.clone(),
                known: vendors.join(", "),
            });
        }
        check_range(
            format!("{path}.amount"),
            self.amount.dollars(),
            Decimal::new(1, 2),
            Decimal::from(MAX_AMOUNT),
            "USD",
        )?;
        if self.amount.dollars().normalize().scale() > 2 {
            return Err(InputError::Malformed {
                path: format!("{path}.amount"),
                message: format!("must be in whole cents (you entered {})", self.amount),
            });
        }
        if self.expires <= self.start {
            return Err(InputError::Malformed {
                path: format!("{path}.expires"),
                message: format!(
                    "must be after the start date {} (you entered {})",
                    self.start, self.expires
                ),
            });
        }
        Ok(())
    }
}

impl Cash {
    /// Checks the amounts.
    pub fn validate(&self, path: &str) -> Result<(), InputError> {
        let max = Decimal::from(MAX_AMOUNT);
        if let Some(c) = self.in_bank {
            check_range(
                format!("{path}.in_bank"),
                c.dollars(),
                Decimal::ZERO,
                max,
                "USD",
            )?;
        }
        if let Some(o) = self.other_monthly_burn {
            check_range(
                format!("{path}.other_monthly_burn"),
                o.dollars(),
                Decimal::ZERO,
                max,
                "USD a month",
            )?;
        }
        Ok(())
    }
}
