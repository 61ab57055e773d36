//! Charts: the projections drawn once with plotters and shown everywhere —
//! as SVG in the app's Results step and, from the same drawing recorded as
//! shapes, as vectors in the PDF report. Each chart also carries alt text
//! and its data table. The only place money becomes `f64`, for drawing.

mod draw;
mod scene;
mod spec;

pub use draw::{money_tick, Theme};
pub use scene::{Align, Baseline, Rgb, Scene, SceneBackend, Shape};
pub use spec::*;

use plotters::prelude::{IntoDrawingArea, SVGBackend};

/// A chart could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the chart \u{201c}{chart}\u{201d} could not be drawn ({why})")]
pub struct ChartError {
    /// The chart's title.
    pub chart: String,
    /// What went wrong.
    pub why: String,
}

/// Pixel size a chart is drawn at: wide, and tall enough for its bars.
pub fn size(chart: &Chart) -> (u32, u32) {
    match &chart.plot {
        Plot::Bars(b) => (
            760,
            60 + if b.parts.len() > 1 { 24 } else { 0 } + 34 * b.categories.len().max(1) as u32,
        ),
        Plot::Lines(l) => (760, 340 + 20 * (l.series.len() as u32 / 4)),
    }
}

/// The chart as an SVG document.
pub fn svg(chart: &Chart, theme: Theme) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size(chart)).into_drawing_area();
        draw::draw(&root, &chart.plot, theme).map_err(|why| ChartError {
            chart: chart.title.clone(),
            why,
        })?;
    }
    Ok(out)
}

/// The chart as recorded shapes, light, for the PDF.
pub fn scene(chart: &Chart) -> Result<Scene, ChartError> {
    let mut scene = Scene::default();
    let (w, h) = size(chart);
    {
        let root = SceneBackend::new(&mut scene, w, h).into_drawing_area();
        draw::draw(&root, &chart.plot, Theme::Light).map_err(|why| ChartError {
            chart: chart.title.clone(),
            why,
        })?;
    }
    Ok(scene)
}
