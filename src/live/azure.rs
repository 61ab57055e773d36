//! The Azure Retail Prices API (public, no key): the queries for the
//! prices the Azure catalogs use (AKS node VMs, Azure OpenAI tokens),
//! reading its pages (`Items`, `NextPageLink`), and a refreshed catalog.

use rust_decimal::Decimal;

use super::{decimal, json, LiveError};
use crate::catalog::{Catalog, Confidence, Pricing, Source};
use crate::date::Date;

/// The API's address.
pub const RETAIL_PRICES_URL: &str = "https://prices.azure.com/api/retail/prices";
/// The service's name in messages.
pub const SERVICE: &str = "Azure prices";
/// The region the catalogs price (East US).
pub const REGION: &str = "eastus";
/// Pages followed at most.
pub const MAX_PAGES: usize = 50;

/// One price item, with the fields the refresh reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Dollars per unit.
    pub retail_price: Decimal,
    /// "1 Hour", "1K", "1M".
    pub unit_of_measure: String,
    /// "eastus".
    pub arm_region_name: String,
    /// "Standard_D2s_v3" (empty for meters that are not VMs).
    pub arm_sku_name: String,
    /// "D2s v3", "D2s v3 Spot".
    pub sku_name: String,
    /// "D2s v3", "gpt 4o 0513 Input global Tokens".
    pub meter_name: String,
    /// "Virtual Machines Dsv3 Series", "… Windows".
    pub product_name: String,
    /// "Consumption", "Reservation", "DevTestConsumption".
    pub price_type: String,
}

/// One page: its items and the next page's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Items.
    pub items: Vec<Item>,
    /// The next page, if any.
    pub next: Option<String>,
}

fn text_field(
    item: &serde_json::Value,
    i: usize,
    name: &str,
    required: bool,
) -> Result<String, LiveError> {
    match item.get(name) {
        Some(serde_json::Value::String(s)) => Ok(s.clone()),
        None | Some(serde_json::Value::Null) if !required => Ok(String::new()),
        _ => Err(LiveError::Schema {
            service: SERVICE,
            field: format!("Items[{i}].{name}"),
            expected: "text",
        }),
    }
}

/// Reads one page of the API's answer.
pub fn parse_page(text: &str) -> Result<Page, LiveError> {
    let v = json(SERVICE, text)?;
    if let Some(e) = super::api_error(SERVICE, &v) {
        return Err(e);
    }
    let items = v
        .get("Items")
        .and_then(|i| i.as_array())
        .ok_or(LiveError::Schema {
            service: SERVICE,
            field: "Items".into(),
            expected: "a list",
        })?;
    let items = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            Ok(Item {
                retail_price: item.get("retailPrice").and_then(decimal).ok_or(
                    LiveError::Schema {
                        service: SERVICE,
                        field: format!("Items[{i}].retailPrice"),
                        expected: "a number",
                    },
                )?,
                unit_of_measure: text_field(item, i, "unitOfMeasure", true)?,
                arm_region_name: text_field(item, i, "armRegionName", true)?,
                arm_sku_name: text_field(item, i, "armSkuName", false)?,
                sku_name: text_field(item, i, "skuName", true)?,
                meter_name: text_field(item, i, "meterName", true)?,
                product_name: text_field(item, i, "productName", true)?,
                price_type: text_field(item, i, "type", false)?,
            })
        })
        .collect::<Result<Vec<_>, LiveError>>()?;
    let next = match v.get("NextPageLink") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) if s.is_empty() => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(_) => {
            return Err(LiveError::Schema {
                service: SERVICE,
                field: "NextPageLink".into(),
                expected: "an address or null",
            })
        }
    };
    Ok(Page { items, next })
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The first page's address for the prices a catalog uses, on `base` (the
/// API's address, or a test server's). `None` for catalogs not priced by
/// this API.
pub fn query_url(base: &str, catalog: &Catalog) -> Option<String> {
    let filter = match &catalog.pricing {
        Pricing::NodePool(p) if catalog.vendor == "azure" => {
            let skus = p
                .vm_sizes
                .iter()
                .map(|v| format!("armSkuName eq '{}'", v.id))
                .collect::<Vec<_>>()
                .join(" or ");
            format!(
                "serviceName eq 'Virtual Machines' and armRegionName eq '{REGION}' and priceType eq 'Consumption' and ({skus})"
            )
        }
        Pricing::LlmTokens(_) if catalog.vendor == "azure" => {
            "serviceName eq 'Cognitive Services' and productName eq 'Azure OpenAI' and priceType eq 'Consumption'".to_string()
        }
        _ => return None,
    };
    Some(format!(
        "{base}?api-version=2023-01-01-preview&currencyCode=USD&$filter={}",
        encode(&filter)
    ))
}

/// A Linux, pay-as-you-go hourly price of a VM size in the region.
fn vm_price(items: &[Item], sku: &str) -> Option<Decimal> {
    items
        .iter()
        .filter(|i| {
            i.arm_sku_name == sku
                && i.arm_region_name == REGION
                && (i.price_type.is_empty() || i.price_type == "Consumption")
                && i.unit_of_measure == "1 Hour"
                && !i.product_name.contains("Windows")
                && !i.sku_name.contains("Spot")
                && !i.sku_name.contains("Low Priority")
        })
        .map(|i| i.retail_price)
        .min()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TokenKind {
    Input,
    CachedInput,
    Output,
}

/// A model's global-deployment token price per million, from meter names
/// such as "gpt-4o-0806 Inp glbl Tokens" or "gpt 4o mini cached Input global".
fn token_price(items: &[Item], model: &str, kind: TokenKind) -> Option<Decimal> {
    let wanted: Vec<String> = model.to_lowercase().split('-').map(String::from).collect();
    items
        .iter()
        .filter_map(|i| {
            let name = i.meter_name.to_lowercase().replace(['-', '_'], " ");
            let words: Vec<&str> = name.split_whitespace().collect();
            let has = |w: &str| words.contains(&w);
            // Every word of the model id, and no other variant ("mini").
            if !wanted.iter().all(|w| has(w))
                || (!wanted.iter().any(|w| w == "mini") && has("mini"))
            {
                return None;
            }
            if !(has("glbl") || has("global")) || has("batch") || has("realtime") || has("audio") {
                return None;
            }
            let cached = has("cached") || has("cchd");
            let input = has("inp") || has("input");
            let output = has("outp") || has("output") || has("out");
            let this = match (cached, input, output) {
                (true, _, _) => TokenKind::CachedInput,
                (false, true, false) => TokenKind::Input,
                (false, false, true) => TokenKind::Output,
                _ => return None,
            };
            if this != kind {
                return None;
            }
            let per_million = match i.unit_of_measure.as_str() {
                "1M" | "1 M" => Decimal::ONE,
                "1K" | "1 K" => Decimal::from(1000),
                _ => return None,
            };
            i.retail_price
                .checked_mul(per_million)
                .map(|d| d.normalize())
        })
        .min()
}

/// The catalog with the prices found in `items`, dated `today`, as a new
/// catalog (the current one stays, to be restored). Prices not found keep
/// their value and source.
pub fn refreshed(current: &Catalog, items: &[Item], today: Date) -> Result<Catalog, LiveError> {
    let mut next = current.clone();
    let mut found = 0usize;
    let mut sources_used: Vec<String> = Vec::new();
    match &mut next.pricing {
        Pricing::NodePool(p) => {
            for vm in &mut p.vm_sizes {
                if let Some(usd) = vm_price(items, &vm.id) {
                    vm.price.usd = usd;
                    found += 1;
                    sources_used.push(vm.price.source.clone());
                }
            }
        }
        Pricing::LlmTokens(p) => {
            for m in &mut p.models {
                for (kind, price) in [
                    (TokenKind::Input, &mut m.input),
                    (TokenKind::CachedInput, &mut m.cached_input),
                    (TokenKind::Output, &mut m.output),
                ] {
                    if let Some(usd) = token_price(items, &m.id, kind) {
                        price.usd = usd;
                        found += 1;
                        sources_used.push(price.source.clone());
                    }
                }
            }
        }
        _ => {}
    }
    if found == 0 {
        return Err(LiveError::NothingMatched {
            service: SERVICE,
            catalog: current.id.clone(),
        });
    }
    sources_used.sort();
    sources_used.dedup();
    for key in sources_used {
        next.sources.insert(
            key,
            Source {
                url: RETAIL_PRICES_URL.into(),
                as_of: today,
                confidence: Confidence::Confirmed,
                note: format!("Azure Retail Prices API, {REGION}, pay-as-you-go, read {today}"),
            },
        );
    }
    next.id = format!("{}-{today}", current.platform);
    next.as_of = today;
    if !next.title.contains("(Azure Retail Prices API") {
        next.title = format!("{} (Azure Retail Prices API, {today})", current.title);
    }
    Ok(next)
}
