//! The investor report (PDF) and the spreadsheet exports (XLSX), as bytes.
//! Pure: the date is given, the font is embedded, the caller writes the
//! file. The report reads like a careful CFO's: the recommendation first,
//! the numbers behind it, every assumption and price with its source.

mod content;
mod fonts;
mod layout;
mod pdf;
mod xlsx;

pub use layout::Paper;
pub use xlsx::{sheet_name, xlsx, xlsx_of};

use crate::catalog::Catalogs;
use crate::chart::{self, Chart};
use crate::compare::{compare_valid_platforms, PlatformComparison};
use crate::date::Date;
use crate::error::CostError;
use crate::money::Money;
use crate::project::Project;
use crate::projection::Projection;
use crate::query;

/// What a report is made with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportOptions {
    /// The date it is prepared on (the caller's clock).
    pub date: Date,
    /// Paper size.
    pub paper: Paper,
    /// Include Appendix B, every scenario month by month.
    pub ledgers: bool,
}

/// Everything the report and the exports show, computed once.
pub struct ReportData<'a> {
    /// The project.
    pub project: &'a Project,
    /// The catalogs.
    pub catalogs: &'a Catalogs,
    /// Each scenario month by month, lines kept.
    pub projections: Vec<Projection>,
    /// The hosting platforms compared.
    pub platforms: PlatformComparison,
}

impl<'a> ReportData<'a> {
    /// Checks the project once and projects every scenario, every ledger
    /// line kept.
    pub fn gather(
        project: &'a Project,
        catalogs: &'a Catalogs,
    ) -> Result<ReportData<'a>, CostError> {
        Self::gather_with(project, catalogs, true)
    }

    /// The same with monthly totals only: enough for the charts.
    pub fn gather_totals(
        project: &'a Project,
        catalogs: &'a Catalogs,
    ) -> Result<ReportData<'a>, CostError> {
        Self::gather_with(project, catalogs, false)
    }

    fn gather_with(
        project: &'a Project,
        catalogs: &'a Catalogs,
        keep_lines: bool,
    ) -> Result<ReportData<'a>, CostError> {
        project.validate()?;
        project.validate_references(catalogs)?;
        let projections = project
            .scenarios
            .iter()
            .map(|s| query::project_scenario(project, catalogs, s, keep_lines))
            .collect::<Result<Vec<_>, _>>()?;
        let platforms =
            compare_valid_platforms(&project.workload, catalogs, &project.cost_settings())?;
        Ok(ReportData {
            project,
            catalogs,
            projections,
            platforms,
        })
    }

    /// The decision framework's verdict on the project's answers (the
    /// report needs it; the charts and the spreadsheets do not).
    pub fn decision(&self) -> Result<crate::decision::Decision, CostError> {
        query::decision_of(
            self.project,
            self.catalogs,
            &self.platforms,
            &self.projections,
        )
    }

    /// The charts, in the report's order: cash burn, cumulative cash,
    /// gross split, platforms, then credits per scenario.
    pub fn charts(&self) -> Vec<Chart> {
        let refs: Vec<&Projection> = self.projections.iter().collect();
        let summaries: Vec<_> = self.projections.iter().map(|p| p.summary.clone()).collect();
        let mut out = vec![
            chart::cash_burn(&refs),
            chart::cumulative_cash(&refs, self.project.cash.in_bank),
            chart::gross_split(&summaries),
            chart::platforms(&self.platforms),
        ];
        out.extend(
            self.projections
                .iter()
                .filter(|p| !p.grants.is_empty())
                .map(chart::credits_remaining),
        );
        out
    }

    /// Cash burn over the first 12 months (or the horizon, if shorter).
    pub fn twelve_month_cash(p: &Projection) -> Result<Money, CostError> {
        Money::sum(p.months.iter().take(12).map(|m| m.cash_burn)).map_err(|source| {
            CostError::Money {
                item: "12-month cash".into(),
                source,
            }
        })
    }
}

/// The investor report as PDF bytes.
pub fn pdf(
    project: &Project,
    catalogs: &Catalogs,
    options: ReportOptions,
) -> Result<Vec<u8>, CostError> {
    let data = ReportData::gather(project, catalogs)?;
    pdf_of(&data, options)
}

/// The report of data already gathered.
pub fn pdf_of(data: &ReportData<'_>, options: ReportOptions) -> Result<Vec<u8>, CostError> {
    let failed = |why: String| CostError::Report { why };
    let fonts = fonts::Fonts::load().map_err(failed)?;
    let mut w = layout::Writer::new(&fonts, options.paper);
    content::write(&mut w, data, &data.decision()?, options)?;
    w.finish(
        &data.project.name,
        &format!("Prepared {} with Infra Runway", options.date),
    );
    pdf::render(&w, &fonts, &data.project.name, options.date).map_err(failed)
}
