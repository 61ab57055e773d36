//! Renders the example project's charts to SVG files (light and dark), for
//! looking at them: `cargo run --example charts -- OUT_DIR`.

use infra_runway::catalog::Catalogs;
use infra_runway::chart::{self, Theme};
use infra_runway::project::Project;
use infra_runway::report::ReportData;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/charts".into());
    std::fs::create_dir_all(&out)?;
    let catalogs = Catalogs::builtin()?;
    let project = Project::example()?;
    let data = ReportData::gather(&project, &catalogs)?;
    for c in data.charts() {
        for (theme, name) in [(Theme::Light, "light"), (Theme::Dark, "dark")] {
            let path = format!("{out}/{}-{name}.svg", c.id);
            std::fs::write(&path, chart::svg(&c, theme)?)?;
            println!("{path}");
        }
    }
    Ok(())
}
