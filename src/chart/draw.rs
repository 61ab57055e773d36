//! Drawing a chart with plotters, on any backend: SVG for the app, the
//! recording backend for the PDF. One drawing, two outputs.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::spec::{BarPlot, LinePlot, Plot};

/// Light (the PDF, always) or dark (the app's dark theme).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Dark ink on white.
    Light,
    /// Light ink on the app's dark surface.
    Dark,
}

pub(crate) struct Palette {
    background: RGBColor,
    ink: RGBColor,
    muted: RGBColor,
    grid: RGBColor,
    series: [RGBColor; 8],
    credits: RGBColor,
    cash: RGBColor,
}

/// Colours that stay apart in greyscale too: alternating dark and light
/// tones, and every line also has its own dash and marker shape.
fn palette(theme: Theme) -> Palette {
    match theme {
        Theme::Light => Palette {
            background: RGBColor(255, 255, 255),
            ink: RGBColor(31, 41, 51),
            muted: RGBColor(96, 108, 122),
            grid: RGBColor(228, 231, 235),
            series: [
                RGBColor(29, 78, 216),
                RGBColor(194, 65, 12),
                RGBColor(21, 128, 61),
                RGBColor(126, 34, 206),
                RGBColor(14, 116, 144),
                RGBColor(161, 98, 7),
                RGBColor(190, 18, 60),
                RGBColor(75, 85, 99),
            ],
            credits: RGBColor(147, 197, 253),
            cash: RGBColor(30, 58, 138),
        },
        Theme::Dark => Palette {
            // The app's dark surface.
            background: RGBColor(28, 32, 39),
            ink: RGBColor(229, 231, 235),
            muted: RGBColor(156, 163, 175),
            grid: RGBColor(55, 61, 71),
            series: [
                RGBColor(147, 197, 253),
                RGBColor(253, 186, 116),
                RGBColor(134, 239, 172),
                RGBColor(216, 180, 254),
                RGBColor(103, 232, 249),
                RGBColor(253, 224, 71),
                RGBColor(253, 164, 175),
                RGBColor(209, 213, 219),
            ],
            credits: RGBColor(96, 165, 250),
            cash: RGBColor(219, 234, 254),
        },
    }
}

/// Dash length and gap per series (0 = solid): greyscale tells lines apart.
const DASHES: [(u32, u32); 4] = [(0, 0), (9, 5), (3, 4), (14, 4)];

/// "$0", "$950", "$1.5k", "$12k", "$1.2M".
pub fn money_tick(v: f64) -> String {
    let a = v.abs();
    let sign = if v < 0.0 { "−" } else { "" };
    if a >= 1_000_000.0 {
        format!("{sign}${:.1}M", a / 1_000_000.0)
    } else if a >= 10_000.0 {
        format!("{sign}${:.0}k", a / 1000.0)
    } else if a >= 1000.0 {
        format!("{sign}${:.1}k", a / 1000.0)
    } else {
        format!("{sign}${a:.0}")
    }
}

fn top_of(max: f64) -> f64 {
    if max.is_finite() && max > 0.0 {
        max * 1.12
    } else {
        1.0
    }
}

type DrawErr = String;

fn err<E: std::fmt::Debug>(e: E) -> DrawErr {
    format!("{e:?}")
}

/// Draws `plot` filling `root`.
pub(crate) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    plot: &Plot,
    theme: Theme,
) -> Result<(), DrawErr> {
    let pal = palette(theme);
    root.fill(&pal.background).map_err(err)?;
    match plot {
        Plot::Lines(p) => draw_lines(root, p, &pal),
        Plot::Bars(b) => draw_hbars(root, b, &pal),
    }?;
    root.present().map_err(err)
}

fn label_font(pal: &Palette) -> TextStyle<'static> {
    ("sans-serif", 14).into_font().color(&pal.muted)
}

fn draw_lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    p: &LinePlot,
    pal: &Palette,
) -> Result<(), DrawErr> {
    let n = p.x_labels.len().max(2);
    let mut max = p
        .series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .fold(0.0f64, f64::max);
    let min = p
        .series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .fold(0.0f64, f64::min);
    if let Some(l) = &p.level {
        max = max.max(l.value);
    }
    let top = top_of(max);
    let bottom = if min < 0.0 { min * 1.12 } else { 0.0 };
    let mut legend: Vec<(String, Sample)> = Vec::new();
    if let Some(l) = &p.level {
        legend.push((l.label.clone(), Sample::Level(pal.ink)));
    }
    for (i, s) in p.series.iter().enumerate() {
        let (dash, gap) = DASHES[i % DASHES.len()];
        legend.push((
            s.name.clone(),
            Sample::Line(i, pal.series[i % pal.series.len()], dash, gap),
        ));
    }
    let band = legend_height(root, &legend);
    draw_legend(root, &legend, pal)?;
    let labels = p.x_labels.clone();
    let x_fmt = move |x: &f64| -> String {
        let i = x.round();
        if (x - i).abs() > 1e-6 || i < 1.0 {
            return String::new();
        }
        labels.get(i as usize - 1).cloned().unwrap_or_default()
    };
    let y_fmt = |y: &f64| money_tick(*y);
    let mut chart = ChartBuilder::on(root)
        .margin_top(band + 14)
        .margin_right(24)
        .margin_left(8)
        .margin_bottom(6)
        .x_label_area_size(30)
        .y_label_area_size(64)
        .build_cartesian_2d(1f64..n as f64, bottom..top)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_labels(8)
        .y_labels(6)
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .disable_x_mesh()
        .bold_line_style(pal.grid)
        .light_line_style(pal.background)
        .axis_style(pal.muted)
        .label_style(label_font(pal))
        .draw()
        .map_err(err)?;

    for (k, r) in p.rules.iter().enumerate() {
        let x = (r.index + 1) as f64;
        chart
            .draw_series(DashedLineSeries::new(
                vec![(x, bottom), (x, top)],
                4,
                4,
                ShapeStyle::from(&pal.muted).stroke_width(1),
            ))
            .map_err(err)?;
        // Rules at the same month stack their labels downwards.
        let same_before = p.rules[..k].iter().filter(|o| o.index == r.index).count() as i32;
        let right = r.index + 1 < n * 2 / 3;
        chart
            .draw_series(std::iter::once(
                EmptyElement::at((x, top))
                    + Text::new(
                        r.label.clone(),
                        (if right { 5 } else { -5 }, 2 + 16 * same_before),
                        ("sans-serif", 13)
                            .into_font()
                            .color(&pal.muted)
                            .pos(Pos::new(
                                if right { HPos::Left } else { HPos::Right },
                                VPos::Top,
                            )),
                    ),
            ))
            .map_err(err)?;
    }
    if let Some(l) = &p.level {
        let style = ShapeStyle::from(&pal.ink).stroke_width(2);
        chart
            .draw_series(DashedLineSeries::new(
                vec![(1.0, l.value), (n as f64, l.value)],
                10,
                6,
                style,
            ))
            .map_err(err)?;
    }
    for (i, s) in p.series.iter().enumerate() {
        let color = pal.series[i % pal.series.len()];
        let style = ShapeStyle::from(&color).stroke_width(3);
        let points: Vec<(f64, f64)> = s
            .values
            .iter()
            .enumerate()
            .map(|(m, v)| ((m + 1) as f64, *v))
            .collect();
        let (dash, gap) = DASHES[i % DASHES.len()];
        if dash == 0 {
            chart
                .draw_series(LineSeries::new(points.clone(), style))
                .map_err(err)?;
        } else {
            chart
                .draw_series(DashedLineSeries::new(points.clone(), dash, gap, style))
                .map_err(err)?;
        }
        // A marker every few months: the line's shape in greyscale.
        let every = (points.len() / 8).max(1);
        let offset = (i * every / p.series.len().max(1)).min(every - 1);
        chart
            .draw_series(
                points
                    .iter()
                    .skip(offset)
                    .step_by(every)
                    .map(|&(x, y)| EmptyElement::at((x, y)) + marker_shape(i, (0, 0), color)),
            )
            .map_err(err)?;
    }
    // Labels go beside their marker, moved up until they overlap no
    // label already placed.
    let label_style = ("sans-serif", 13).into_font().into_text_style(root);
    let mut placed: Vec<(i32, i32, i32, i32)> = Vec::new();
    for m in &p.markers {
        let Some(v) = p.series.get(m.series).and_then(|s| s.values.get(m.index)) else {
            continue;
        };
        let color = pal.series[m.series % pal.series.len()];
        let x = (m.index + 1) as f64;
        chart
            .draw_series(std::iter::once(
                EmptyElement::at((x, *v))
                    + Circle::new((0, 0), 8, ShapeStyle::from(&pal.ink).stroke_width(2))
                    + Circle::new((0, 0), 4, ShapeStyle::from(&color).filled()),
            ))
            .map_err(err)?;
        let (px, py) = chart.backend_coord(&(x, *v));
        let right = m.index + 1 < n * 2 / 3;
        let w = root
            .estimate_text_size(&m.label, &label_style)
            .map(|(w, _)| w as i32)
            .unwrap_or(m.label.chars().count() as i32 * 8)
            * 6
            / 5
            + 12;
        let (x0, x1) = if right {
            (px + 10, px + 10 + w)
        } else {
            (px - 10 - w, px - 10)
        };
        let mut y = py - 16;
        while placed
            .iter()
            .any(|&(a0, a1, b0, b1)| x0 < a1 && a0 < x1 && y - 8 < b1 && b0 < y + 8)
        {
            y -= 16;
        }
        placed.push((x0, x1, y - 8, y + 8));
        let dot = if right { x0 + 3 } else { x1 - 3 };
        root.draw(&Circle::new((dot, y), 3, ShapeStyle::from(&color).filled()))
            .map_err(err)?;
        root.draw(&Text::new(
            m.label.clone(),
            if right { (x0 + 10, y) } else { (x1 - 10, y) },
            ("sans-serif", 13).into_font().color(&pal.ink).pos(Pos::new(
                if right { HPos::Left } else { HPos::Right },
                VPos::Center,
            )),
        ))
        .map_err(err)?;
    }
    Ok(())
}

fn draw_hbars<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    b: &BarPlot,
    pal: &Palette,
) -> Result<(), DrawErr> {
    let n = b.categories.len();
    let totals: Vec<f64> = (0..n)
        .map(|c| {
            b.parts
                .iter()
                .map(|p| p.values.get(c).copied().unwrap_or(0.0).max(0.0))
                .sum()
        })
        .collect();
    let colors: Vec<RGBColor> = if b.parts.len() > 1 {
        vec![pal.credits, pal.cash]
    } else {
        vec![pal.series[0]]
    };
    let legend: Vec<(String, Sample)> = if b.parts.len() > 1 {
        b.parts
            .iter()
            .enumerate()
            .map(|(k, p)| (p.name.clone(), Sample::Swatch(colors[k % colors.len()])))
            .collect()
    } else {
        Vec::new()
    };
    let band = legend_height(root, &legend);
    draw_legend(root, &legend, pal)?;
    // Room on the right for the amount and caveat after the longest bar.
    let note_chars = b.notes.iter().map(|t| t.chars().count()).max().unwrap_or(0) as f64;
    let top =
        top_of(totals.iter().copied().fold(0.0, f64::max)) * (1.0 + (note_chars / 40.0).min(1.2));
    let x_fmt = |x: &f64| money_tick(*x);
    let label_width = b
        .categories
        .iter()
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(8)
        .clamp(8, 34) as u32
        * 8
        + 12;
    let mut chart = ChartBuilder::on(root)
        .margin_top(band + 10)
        .margin_right(24)
        .margin_left(8)
        .margin_bottom(6)
        .x_label_area_size(30)
        .y_label_area_size(label_width)
        .build_cartesian_2d(0f64..top, 0f64..n.max(1) as f64)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_labels(6)
        .y_labels(0)
        .x_label_formatter(&x_fmt)
        .disable_y_mesh()
        .bold_line_style(pal.grid)
        .light_line_style(pal.background)
        .axis_style(pal.muted)
        .label_style(label_font(pal))
        .draw()
        .map_err(err)?;
    // First category at the top.
    let row = |c: usize| (n - 1 - c) as f64;
    for (k, part) in b.parts.iter().enumerate() {
        let color = colors[k % colors.len()];
        chart
            .draw_series((0..n).map(|c| {
                let before: f64 = b.parts[..k]
                    .iter()
                    .map(|p| p.values.get(c).copied().unwrap_or(0.0).max(0.0))
                    .sum();
                let v = part.values.get(c).copied().unwrap_or(0.0).max(0.0);
                Rectangle::new(
                    [(before, row(c) + 0.2), (before + v, row(c) + 0.8)],
                    ShapeStyle::from(&color).filled(),
                )
            }))
            .map_err(err)?;
    }
    let text = ("sans-serif", 14).into_font().color(&pal.ink);
    chart
        .draw_series((0..n).map(|c| {
            EmptyElement::at((totals[c], row(c) + 0.5))
                + Text::new(
                    b.notes.get(c).cloned().unwrap_or_default(),
                    (6, 0),
                    text.clone().pos(Pos::new(HPos::Left, VPos::Center)),
                )
        }))
        .map_err(err)?;
    chart
        .draw_series((0..n).map(|c| {
            EmptyElement::at((0.0, row(c) + 0.5))
                + Text::new(
                    b.categories[c].clone(),
                    (-8, 0),
                    text.clone().pos(Pos::new(HPos::Right, VPos::Center)),
                )
        }))
        .map_err(err)?;
    Ok(())
}

/// One legend entry: how its sample is drawn.
enum Sample {
    Line(usize, RGBColor, u32, u32),
    Level(RGBColor),
    Swatch(RGBColor),
}

/// Rows of legend entries laid left to right above the plot, so the
/// legend never covers a line. Returns the height it takes.
fn legend_height<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    entries: &[(String, Sample)],
) -> u32 {
    layout_legend(root, entries)
        .last()
        .map(|(_, y, _)| *y as u32 + 22)
        .unwrap_or(0)
}

fn layout_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    entries: &[(String, Sample)],
) -> Vec<(i32, i32, usize)> {
    let width = root.dim_in_pixel().0 as i32 - 16;
    let style = ("sans-serif", 14).into_font().into_text_style(root);
    let (mut x, mut y) = (72, 6);
    let mut out = Vec::new();
    for (i, (name, _)) in entries.iter().enumerate() {
        let text_w = root
            .estimate_text_size(name, &style)
            .map(|(w, _)| w as i32)
            .unwrap_or(name.chars().count() as i32 * 8);
        let w = 30 + text_w * 6 / 5 + 20;
        if x + w > width && x > 72 {
            x = 72;
            y += 20;
        }
        out.push((x, y, i));
        x += w;
    }
    out
}

fn draw_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    entries: &[(String, Sample)],
    pal: &Palette,
) -> Result<(), DrawErr> {
    let text = ("sans-serif", 14)
        .into_font()
        .color(&pal.ink)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for (x, y, i) in layout_legend(root, entries) {
        let (name, sample) = &entries[i];
        let cy = y + 8;
        match sample {
            Sample::Line(k, color, dash, gap) => {
                let style = ShapeStyle::from(color).stroke_width(3);
                if *dash == 0 {
                    root.draw(&PathElement::new(vec![(x, cy), (x + 24, cy)], style))
                        .map_err(err)?;
                } else {
                    let mut at = x;
                    while at < x + 24 {
                        let end = (at + *dash as i32).min(x + 24);
                        root.draw(&PathElement::new(vec![(at, cy), (end, cy)], style))
                            .map_err(err)?;
                        at = end + *gap as i32;
                    }
                }
                root.draw(&(EmptyElement::at((x + 12, cy)) + marker_shape(*k, (0, 0), *color)))
                    .map_err(err)?;
            }
            Sample::Level(color) => {
                let style = ShapeStyle::from(color).stroke_width(2);
                root.draw(&PathElement::new(vec![(x, cy), (x + 10, cy)], style))
                    .map_err(err)?;
                root.draw(&PathElement::new(vec![(x + 14, cy), (x + 24, cy)], style))
                    .map_err(err)?;
            }
            Sample::Swatch(color) => {
                root.draw(&Rectangle::new(
                    [(x + 4, cy - 6), (x + 20, cy + 6)],
                    ShapeStyle::from(color).filled(),
                ))
                .map_err(err)?;
            }
        }
        root.draw(&Text::new(name.clone(), (x + 30, cy), text.clone()))
            .map_err(err)?;
    }
    Ok(())
}

/// A marker drawn around `at` (pixels from the anchor): circle, triangle,
/// square or cross, by series.
fn marker_shape<DB: DrawingBackend>(
    i: usize,
    at: (i32, i32),
    color: RGBColor,
) -> DynElement<'static, DB, (i32, i32)> {
    let filled = ShapeStyle::from(&color).filled();
    let (x, y) = at;
    match i % 4 {
        0 => Circle::new(at, 4, filled).into_dyn(),
        1 => TriangleMarker::new(at, 5, filled).into_dyn(),
        2 => Rectangle::new([(x - 4, y - 4), (x + 4, y + 4)], filled).into_dyn(),
        _ => Cross::new(at, 5, ShapeStyle::from(&color).stroke_width(2)).into_dyn(),
    }
}
