//! What a refresh would change: each price old → new, the change in
//! percent, large changes flagged. A refresh is never applied silently.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::catalog::Catalog;
use crate::date::Date;

/// A change of this size or more (either way) is flagged.
pub const FLAG_PERCENT: i64 = 20;

/// One price in the difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffLine {
    /// Where in the catalog ("pricing.vm_sizes[1].price").
    pub path: String,
    /// The unit.
    pub per: String,
    /// The current price, if the current catalog has it.
    pub old: Option<Decimal>,
    /// The new price, if the new catalog has it.
    pub new: Option<Decimal>,
    /// The change in percent, rounded to one place.
    pub change_percent: Option<Decimal>,
    /// A large change, a price added or one removed.
    pub flagged: bool,
}

/// The difference between a platform's current catalog and a new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CatalogDiff {
    /// The platform.
    pub platform: String,
    /// The current catalog.
    pub old_id: String,
    /// Its date.
    pub old_as_of: Date,
    /// The new catalog.
    pub new_id: String,
    /// Its date.
    pub new_as_of: Date,
    /// Every price in either, in the catalog's order.
    pub lines: Vec<DiffLine>,
    /// Prices that changed.
    pub changed: usize,
    /// Changes flagged.
    pub flagged: usize,
}

/// Compares two catalogs of one platform price by price.
pub fn diff(old: &Catalog, new: &Catalog) -> CatalogDiff {
    let old_prices = old.prices();
    let new_prices = new.prices();
    let mut lines = Vec::new();
    for o in &old_prices {
        let n = new_prices.iter().find(|n| n.path == o.path);
        let new_usd = n.map(|n| n.price.usd);
        let change_percent = new_usd.and_then(|nu| {
            if o.price.usd.is_zero() {
                None
            } else {
                ((nu - o.price.usd) * Decimal::ONE_HUNDRED)
                    .checked_div(o.price.usd)
                    .map(|p| p.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero))
            }
        });
        let flagged = match (new_usd, change_percent) {
            (None, _) => true,
            (Some(nu), None) => nu != o.price.usd,
            (Some(_), Some(p)) => p.abs() >= Decimal::from(FLAG_PERCENT),
        };
        lines.push(DiffLine {
            path: o.path.clone(),
            per: o.price.per.clone(),
            old: Some(o.price.usd),
            new: new_usd,
            change_percent,
            flagged,
        });
    }
    for n in &new_prices {
        if !old_prices.iter().any(|o| o.path == n.path) {
            lines.push(DiffLine {
                path: n.path.clone(),
                per: n.price.per.clone(),
                old: None,
                new: Some(n.price.usd),
                change_percent: None,
                flagged: true,
            });
        }
    }
    let changed = lines.iter().filter(|l| l.old != l.new).count();
    let flagged = lines.iter().filter(|l| l.flagged).count();
    CatalogDiff {
        platform: old.platform.clone(),
        old_id: old.id.clone(),
        old_as_of: old.as_of,
        new_id: new.id.clone(),
        new_as_of: new.as_of,
        lines,
        changed,
        flagged,
    }
}
