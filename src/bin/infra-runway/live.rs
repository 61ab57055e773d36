//! The CLI's live-data commands: `catalog refresh`, `catalog restore`,
//! `import railway`, `token`. Each fetches through the network edge, hands
//! the answer to the core, and writes only what the founder accepted.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use infra_runway::catalog::Catalogs;
use infra_runway::live::{diff, railway};
use infra_runway::table;
use rust_decimal::Decimal;

use crate::local::{self, TokenStore};
use crate::net::{self, Policy};
use crate::{project_file, CatalogAction, Failure, TokenAction};

fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::new(None, format!("could not start ({e})")))
}

/// The difference as text.
pub fn diff_text(d: &diff::CatalogDiff) -> String {
    let rows: Vec<Vec<String>> = d
        .lines
        .iter()
        .map(|l| {
            let usd = |v: Option<Decimal>| {
                v.map(|x| format!("${}", x.normalize()))
                    .unwrap_or_else(|| "—".into())
            };
            vec![
                l.path.clone(),
                format!("{} → {}", usd(l.old), usd(l.new)),
                l.per.clone(),
                l.change_percent
                    .map(|p| {
                        format!(
                            "{}{}%",
                            if p > Decimal::ZERO { "+" } else { "" },
                            p.normalize()
                        )
                    })
                    .unwrap_or_default(),
                if l.flagged {
                    "CHECK".into()
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    let mut out = format!(
        "{}: {} ({}) → {} ({}), {} of {} prices changed, {} flagged\n",
        d.platform,
        d.old_id,
        d.old_as_of,
        d.new_id,
        d.new_as_of,
        d.changed,
        d.lines.len(),
        d.flagged
    );
    out.push_str(&table::columns(
        &["Price", "Old → new", "Per", "Change", ""],
        &rows,
        &[false, false, false, true, false],
    ));
    out
}

fn ask(question: &str) -> bool {
    if !std::io::stdin().is_terminal() {
        return false;
    }
    print!("{question} [y/N] ");
    let _ = std::io::stdout().flush();
    let mut line = String::new();
    let _ = std::io::stdin().lock().read_line(&mut line);
    matches!(line.trim(), "y" | "Y" | "yes")
}

pub fn catalog(action: CatalogAction, catalogs: &Catalogs) -> Result<String, Failure> {
    let dir = local::catalogs_dir()
        .ok_or_else(|| Failure::new(None, "no data folder: set HOME or XDG_DATA_HOME"))?;
    match action {
        CatalogAction::Refresh { source, yes } => {
            if !net::is_source(&source) {
                return Err(Failure::new(
                    Some("--source".into()),
                    format!("must be azure or an https:// address (you entered {source})"),
                ));
            }
            let today = crate::today()?;
            let found = runtime()?
                .block_on(net::refresh(&source, catalogs, today))
                .map_err(|e| Failure::new(None, e))?;
            let mut out = String::new();
            for (next, d) in &found {
                out.push_str(&diff_text(d));
                if d.changed == 0 {
                    out.push_str("No price changed: nothing to keep.\n\n");
                    continue;
                }
                print!("{out}");
                out.clear();
                if yes
                    || ask(&format!(
                        "Keep {} as the current {} catalog?",
                        next.id, next.platform
                    ))
                {
                    let path = local::accept(&dir, next).map_err(|e| Failure::new(None, e))?;
                    out.push_str(&format!(
                        "kept {} ({}); `infra-runway catalog restore --platform {}` puts {} back\n\n",
                        next.id,
                        path.display(),
                        next.platform,
                        d.old_id
                    ));
                } else {
                    out.push_str("not kept: run again with --yes to keep it\n\n");
                }
            }
            Ok(out)
        }
        CatalogAction::Restore { platform } => {
            match local::restore_previous(&dir, catalogs, &platform)
                .map_err(|e| Failure::new(None, e))?
            {
                Some(id) => Ok(format!(
                    "{id} set aside; {platform} uses its previous catalog again\n"
                )),
                None => Ok(format!(
                    "{platform} uses a built-in catalog: nothing to restore\n"
                )),
            }
        }
    }
}

/// The token: RAILWAY_TOKEN, else the keychain.
fn railway_token() -> Result<String, Failure> {
    if let Ok(t) = std::env::var("RAILWAY_TOKEN") {
        if !t.trim().is_empty() {
            return Ok(t.trim().to_string());
        }
    }
    local::Keychain::railway()
        .get()
        .map_err(|e| Failure::new(None, e))?
        .ok_or_else(|| {
            Failure::new(
                None,
                "no Railway token: set RAILWAY_TOKEN or keep one with `infra-runway token set` (read from standard input)",
            )
        })
}

pub fn import_railway(
    project: Option<PathBuf>,
    project_id: &str,
    days: u32,
    project_token: bool,
    calibrate: Option<PathBuf>,
    _catalogs: &Catalogs,
) -> Result<String, Failure> {
    if !(1..=90).contains(&days) {
        return Err(Failure::new(
            Some("--days".into()),
            format!("must be between 1 and 90 (you entered {days})"),
        ));
    }
    let (_subject, mut proj) = project_file::load(project.as_deref())?;
    let token = railway_token()?;
    let end = crate::clock::now_unix()
        .ok_or_else(|| Failure::new(None, "the system clock is not set"))?;
    let seconds = u64::from(days) * 86_400;
    let start = end.saturating_sub(seconds);
    let kind = if project_token {
        net::TokenKind::Project
    } else {
        net::TokenKind::Account
    };
    let policy = Policy::standard();
    let usage = runtime()?.block_on(async {
        let client = net::client(&policy)?;
        let start = crate::clock::rfc3339(start);
        let end = crate::clock::rfc3339(end);
        let q = net::UsageQuery {
            token: &token,
            kind,
            project_id,
            start: &start,
            end: &end,
        };
        net::railway_usage(&client, &net::railway_base(), &q, &policy).await
    });
    // Whatever the API echoes, the token never reaches a message.
    let usage = usage.map_err(|e| Failure::new(None, redact(&e.to_string(), &token)))?;
    let minutes = Decimal::from(seconds) / Decimal::from(60);
    let cmp = railway::compare(&proj.workload, &usage, minutes);
    let mut out = comparison_text(&cmp);
    if let Some(path) = calibrate {
        proj.workload = railway::calibrated(&proj.workload, &cmp);
        proj.validate().map_err(|e| Failure::new(None, e))?;
        let text = proj.to_json().map_err(|e| Failure::new(None, e))?;
        project_file::save(&path, &text, false)?;
        out.push_str(&format!(
            "wrote the calibrated project to {}\n",
            path.display()
        ));
    }
    Ok(out)
}

/// The measured month against the estimate, as text.
pub fn comparison_text(cmp: &railway::Comparison) -> String {
    let d = |v: Option<Decimal>| {
        v.map(|x| x.normalize().to_string())
            .unwrap_or_else(|| "—".into())
    };
    let rows: Vec<Vec<String>> = cmp
        .lines
        .iter()
        .map(|l| {
            vec![
                l.service.clone(),
                d(l.measured_vcpu),
                d(l.estimated_vcpu),
                d(l.measured_memory_gb),
                d(l.estimated_memory_gb),
                match l.status {
                    railway::Match::Matched => String::new(),
                    railway::Match::NotInWorkload => "not in the workload".into(),
                    railway::Match::Deleted => "deleted on Railway".into(),
                    railway::Match::NotMeasured => "not on Railway".into(),
                },
            ]
        })
        .collect();
    let mut out = format!(
        "{} on Railway, measured over {} days and extrapolated to a 30-day month\n",
        cmp.project,
        cmp.days.normalize()
    );
    out.push_str(&table::columns(
        &[
            "Service",
            "vCPU measured",
            "vCPU estimated",
            "GB measured",
            "GB estimated",
            "",
        ],
        &rows,
        &[false, true, true, true, true, false],
    ));
    out.push_str(&format!(
        "Egress: {} GB a month measured, {} GB estimated\n",
        cmp.measured_egress_gb.normalize(),
        cmp.estimated_egress_gb.normalize()
    ));
    out
}

pub fn token(action: TokenAction) -> Result<String, Failure> {
    let store = local::Keychain::railway();
    match action {
        TokenAction::Set => {
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .map_err(|e| Failure::new(None, format!("could not read the token ({e})")))?;
            let t = line.trim();
            if t.is_empty() {
                return Err(Failure::new(None, "no token on standard input"));
            }
            store.set(t).map_err(|e| Failure::new(None, e))?;
            Ok("the Railway token is kept in the keychain\n".into())
        }
        TokenAction::Clear => {
            store.clear().map_err(|e| Failure::new(None, e))?;
            Ok("the Railway token is forgotten\n".into())
        }
    }
}

/// `text` with every occurrence of the token blanked out.
pub fn redact(text: &str, token: &str) -> String {
    if token.len() < 4 {
        return text.to_string();
    }
    text.replace(token, "[token]")
}
