//! `infra-runway`: the core's questions, answered in a terminal.
//!
//! Each command parses its arguments, reads the project at the file edge
//! (`project_file`) and calls one library function. Errors print one line
//! naming the file, the field and the allowed range, and exit with code 2.

mod clock;
mod live;
mod local;
mod net;
mod project_file;
mod store;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use infra_runway::project::Project;
use infra_runway::query::{self, Selection};
use infra_runway::report::{self, Paper, ReportOptions};
use infra_runway::table;

/// Where should the product run, and what does it cost?
#[derive(Parser)]
#[command(name = "infra-runway", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Itemized monthly cost of the workload on each platform.
    Costs {
        /// A project file (JSON); the built-in example when omitted.
        project: Option<PathBuf>,
        /// A platform id, or `all`.
        #[arg(long, default_value = "all")]
        platform: String,
        /// A catalog id (see `infra-runway catalogs`); default: each platform's newest.
        #[arg(long)]
        catalog: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Monthly cost, setup time and DevOps effort of every hosting platform.
    Platforms {
        /// A project file (JSON); the built-in example when omitted.
        project: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The scenarios side by side: runway, cash burn, credits, cliffs.
    Compare {
        /// A project file (JSON); the built-in example when omitted.
        project: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// One scenario month by month, line by line.
    Ledger {
        /// A project file (JSON); the built-in example when omitted.
        project: Option<PathBuf>,
        /// The scenario's id.
        #[arg(long)]
        scenario: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The decision framework: platforms ranked against the project's
    /// answers, the scenario to choose, and why.
    Decide {
        /// A project file (JSON); the built-in example when omitted.
        project: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The investor report as a PDF: summary, scenarios, runway, credits,
    /// assumptions, every price with its source, ledgers.
    Report {
        /// A project file (JSON); the built-in example when omitted.
        project: Option<PathBuf>,
        /// The PDF to write.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Paper size.
        #[arg(long, value_enum, default_value_t = PaperArg::A4)]
        paper: PaperArg,
        /// Leave out Appendix B (every scenario month by month).
        #[arg(long)]
        no_ledgers: bool,
    },
    /// The numbers for spreadsheets: an XLSX workbook, or CSV files (the
    /// comparison and one ledger per scenario) in a folder.
    Export {
        /// A project file (JSON); the built-in example when omitted.
        project: Option<PathBuf>,
        /// xlsx: one workbook; csv: a folder of files.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The workbook to write (xlsx) or the folder to write into (csv).
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Checks a project file and says what is wrong, if anything.
    Validate {
        /// The project file.
        project: PathBuf,
    },
    /// Writes the built-in example project to a file (or prints it).
    Example {
        /// Where to write it; standard output when omitted.
        path: Option<PathBuf>,
        /// Replace an existing project file at PATH.
        #[arg(long)]
        force: bool,
    },
    /// Refreshes prices from a live source, or puts the previous
    /// catalog back.
    Catalog {
        #[command(subcommand)]
        action: CatalogAction,
    },
    /// Imports a real project's measured usage.
    Import {
        #[command(subcommand)]
        source: ImportSource,
    },
    /// Keeps or forgets the Railway token in the OS keychain (read from
    /// standard input, never from the command line).
    Token {
        /// `set` reads the token from standard input; `clear` forgets it.
        #[arg(value_enum)]
        action: TokenAction,
    },
    /// The loaded pricing catalogs and their dates.
    Catalogs {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
}

#[derive(Subcommand)]
enum CatalogAction {
    /// Fetches new prices, shows what would change, and keeps them as a
    /// new catalog when accepted (`--yes`, or an answer at the prompt).
    Refresh {
        /// `azure` (the Azure Retail Prices API, for the AKS and Azure
        /// OpenAI catalogs) or the address of a catalog file.
        #[arg(long, default_value = "azure")]
        source: String,
        /// Accept without asking.
        #[arg(long)]
        yes: bool,
    },
    /// Puts back the catalog a platform had before its last refresh.
    Restore {
        /// The platform id.
        #[arg(long)]
        platform: String,
    },
}

#[derive(Subcommand)]
enum ImportSource {
    /// A Railway project's usage over the last days, extrapolated to a
    /// month and set against the workload (token: RAILWAY_TOKEN, else the
    /// keychain).
    Railway {
        /// A project file (JSON); the built-in example when omitted.
        project: Option<PathBuf>,
        /// The Railway project's id.
        #[arg(long = "project")]
        project_id: String,
        /// Days to measure, 1 to 90.
        #[arg(long, default_value_t = 7)]
        days: u32,
        /// The token is a project token (`Project-Access-Token`), not an
        /// account or workspace token.
        #[arg(long)]
        project_token: bool,
        /// Write the project with the workload calibrated to the measured
        /// month to this file.
        #[arg(long)]
        calibrate: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TokenAction {
    Set,
    Clear,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PaperArg {
    A4,
    Letter,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    Csv,
    Xlsx,
}

/// A failure to report: what it concerns (a file or `--flag`) and why.
struct Failure {
    subject: Option<String>,
    message: String,
}

impl Failure {
    fn new(subject: Option<String>, message: impl ToString) -> Failure {
        Failure {
            subject,
            message: message.to_string(),
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    match run(cli) {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = out.write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(f) => {
            match f.subject {
                Some(s) => eprintln!("error: {s}: {}", f.message),
                None => eprintln!("error: {}", f.message),
            }
            ExitCode::from(2)
        }
    }
}

/// Help and version print as clap writes them; a usage mistake prints one
/// line and exits with code 2.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
        }
        _ => {
            let text = e.render().to_string();
            let line: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| {
                    !l.is_empty()
                        && !l.starts_with("Usage:")
                        && !l.starts_with("For more information")
                })
                .collect();
            eprintln!("{} (see infra-runway --help)", line.join(" "));
            ExitCode::from(2)
        }
    }
}

/// A failure of a query on a project: about a `--flag` when the error
/// names one, else about the project.
fn query_failure(subject: String, e: infra_runway::error::CostError) -> Failure {
    use infra_runway::error::{CostError, InputError};
    let about_flag = match &e {
        CostError::Input(InputError::Unknown { path, .. } | InputError::Malformed { path, .. }) => {
            path.starts_with("--")
        }
        _ => false,
    };
    Failure::new((!about_flag).then_some(subject), e)
}

fn run(cli: Cli) -> Result<String, Failure> {
    let (catalogs, warnings) = local::load_catalogs().map_err(|e| Failure::new(None, e))?;
    for w in warnings {
        eprintln!("warning: {w}");
    }
    match cli.command {
        Command::Catalog { action } => live::catalog(action, &catalogs),
        Command::Import { source } => match source {
            ImportSource::Railway {
                project,
                project_id,
                days,
                project_token,
                calibrate,
            } => live::import_railway(
                project,
                &project_id,
                days,
                project_token,
                calibrate,
                &catalogs,
            ),
        },
        Command::Token { action } => live::token(action),
        Command::Costs {
            project,
            platform,
            catalog,
            format,
        } => {
            let (subject, project) = project_file::load(project.as_deref())?;
            let sel = Selection {
                platform: Some(platform),
                catalog,
            };
            let costs =
                query::costs(&project, &catalogs, &sel).map_err(|e| query_failure(subject, e))?;
            Ok(match format {
                Format::Json => match costs.platforms.as_slice() {
                    [one] => json(one)?,
                    _ => json(&costs)?,
                },
                Format::Csv => return Err(csv_is_for_scenarios()),
                Format::Table => {
                    let mut out = format!("{}\n\n", costs.project);
                    for p in &costs.platforms {
                        out.push_str(&table::cost_table(p));
                        out.push('\n');
                    }
                    out
                }
            })
        }
        Command::Platforms { project, format } => {
            let (subject, project) = project_file::load(project.as_deref())?;
            let cmp =
                query::platforms(&project, &catalogs).map_err(|e| query_failure(subject, e))?;
            match format {
                Format::Json => json(&cmp),
                Format::Table => Ok(table::comparison_table(&cmp)),
                Format::Csv => Err(csv_is_for_scenarios()),
            }
        }
        Command::Compare { project, format } => {
            let (subject, project) = project_file::load(project.as_deref())?;
            let cmp = query::compare(&project, &catalogs).map_err(|e| query_failure(subject, e))?;
            match format {
                Format::Json => json(&cmp),
                Format::Csv => Ok(infra_runway::csv::comparison(&cmp.scenarios)),
                Format::Table => Ok(table::scenario_table(&cmp)),
            }
        }
        Command::Ledger {
            project,
            scenario,
            format,
        } => {
            let (subject, project) = project_file::load(project.as_deref())?;
            let p = query::ledger(&project, &catalogs, &scenario)
                .map_err(|e| query_failure(subject, e))?;
            match format {
                Format::Json => json(&p),
                Format::Csv => Ok(infra_runway::csv::ledger(&p)),
                Format::Table => Ok(table::ledger_table(&p)),
            }
        }
        Command::Decide { project, format } => {
            let (subject, project) = project_file::load(project.as_deref())?;
            let d = query::decide(&project, &catalogs).map_err(|e| query_failure(subject, e))?;
            match format {
                Format::Json => json(&d),
                Format::Table => Ok(format!("{}\n\n{}", project.name, table::decision_table(&d))),
                Format::Csv => Err(csv_is_for_scenarios()),
            }
        }
        Command::Report {
            project,
            output,
            paper,
            no_ledgers,
        } => {
            let (subject, project) = project_file::load(project.as_deref())?;
            let options = ReportOptions {
                date: today()?,
                paper: match paper {
                    PaperArg::A4 => Paper::A4,
                    PaperArg::Letter => Paper::Letter,
                },
                ledgers: !no_ledgers,
            };
            let bytes =
                report::pdf(&project, &catalogs, options).map_err(|e| query_failure(subject, e))?;
            project_file::save_export(&output, &bytes)?;
            Ok(format!(
                "wrote the report to {} ({} KB)\n",
                output.display(),
                bytes.len().div_ceil(1024)
            ))
        }
        Command::Export {
            project,
            format,
            output,
        } => {
            let (subject, project) = project_file::load(project.as_deref())?;
            match format {
                ExportFormat::Xlsx => {
                    let bytes = report::xlsx(&project, &catalogs, today()?)
                        .map_err(|e| query_failure(subject, e))?;
                    project_file::save_export(&output, &bytes)?;
                    Ok(format!("wrote the workbook to {}\n", output.display()))
                }
                ExportFormat::Csv => {
                    let files = infra_runway::csv::export_files(&project, &catalogs)
                        .map_err(|e| query_failure(subject, e))?;
                    project_file::create_folder(&output)?;
                    let mut out = String::new();
                    for (name, text) in &files {
                        let path = output.join(name);
                        project_file::save_export(&path, text.as_bytes())?;
                        out.push_str(&format!("wrote {}\n", path.display()));
                    }
                    Ok(out)
                }
            }
        }
        Command::Validate { project } => {
            let (subject, project) = project_file::load(Some(&project))?;
            project
                .validate_references(&catalogs)
                .map_err(|e| Failure::new(Some(subject.clone()), e))?;
            Ok(format!(
                "{subject}: valid ({} services, {} databases, {} credit grants, {} scenarios)\n",
                project.workload.services.len(),
                project.workload.databases.len(),
                project.credits.len(),
                project.scenarios.len()
            ))
        }
        Command::Example { path, force } => {
            let project = Project::example().map_err(|e| Failure::new(None, e))?;
            let text = project.to_json().map_err(|e| Failure::new(None, e))?;
            match path {
                None => Ok(text),
                Some(path) => {
                    project_file::save(&path, &text, force)?;
                    Ok(format!("wrote the example project to {}\n", path.display()))
                }
            }
        }
        Command::Catalogs { format } => match format {
            Format::Json => json(&catalogs.all()),
            Format::Table => Ok(table::catalogs_table(&catalogs)),
            Format::Csv => Err(csv_is_for_scenarios()),
        },
    }
}

fn today() -> Result<infra_runway::date::Date, Failure> {
    clock::today().ok_or_else(|| {
        Failure::new(
            None,
            "the system clock is not set to a date between 1970 and 2200",
        )
    })
}

fn csv_is_for_scenarios() -> Failure {
    Failure::new(
        Some("--format".into()),
        "csv is available for compare and ledger; use table or json here",
    )
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| Failure::new(None, e))
}
