//! Laid-out pages to PDF bytes with printpdf: text in the embedded font,
//! lines and fills as vectors, charts from their recorded shapes.

use std::collections::BTreeSet;

use printpdf::{
    Color, FontId, LinePoint, Op, PaintMode, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rgb as PdfRgb, TextItem, WindingOrder,
};

use super::fonts::Fonts;
use super::layout::{Ink, Rgb, Writer};
use crate::chart::{Align, Baseline, Shape};

fn color((r, g, b): Rgb) -> Color {
    Color::Rgb(PdfRgb {
        r: f32::from(r) / 255.0,
        g: f32::from(g) / 255.0,
        b: f32::from(b) / 255.0,
        icc_profile: None,
    })
}

struct Out<'a> {
    ops: Vec<Op>,
    height: f32,
    regular: &'a FontId,
    bold: &'a FontId,
}

impl Out<'_> {
    fn point(&self, x: f32, y: f32) -> LinePoint {
        LinePoint {
            p: Point {
                x: Pt(x),
                y: Pt(self.height - y),
            },
            bezier: false,
        }
    }

    fn text(&mut self, x: f32, baseline: f32, size: f32, bold: bool, c: Rgb, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        let font = if bold { self.bold } else { self.regular };
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(font.clone()),
                size: Pt(size),
            },
            Op::SetFillColor { col: color(c) },
            Op::SetTextCursor {
                pos: Point {
                    x: Pt(x),
                    y: Pt(self.height - baseline),
                },
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_string())],
            },
            Op::EndTextSection,
        ]);
    }

    fn stroke(&mut self, points: &[(f32, f32)], width: f32, c: Rgb) {
        if points.len() < 2 {
            return;
        }
        let ring = PolygonRing {
            points: points.iter().map(|&(x, y)| self.point(x, y)).collect(),
        };
        self.ops.extend([
            Op::SetOutlineColor { col: color(c) },
            Op::SetOutlineThickness { pt: Pt(width) },
            Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![ring],
                    mode: PaintMode::Stroke,
                    winding_order: WindingOrder::NonZero,
                },
            },
        ]);
    }

    fn fill(&mut self, points: &[(f32, f32)], c: Rgb) {
        if points.len() < 3 {
            return;
        }
        let ring = PolygonRing {
            points: points.iter().map(|&(x, y)| self.point(x, y)).collect(),
        };
        self.ops.extend([
            Op::SetFillColor { col: color(c) },
            Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![ring],
                    mode: PaintMode::Fill,
                    winding_order: WindingOrder::NonZero,
                },
            },
        ]);
    }
}

/// The characters each face draws, for the subsets.
fn used_chars(pages: &[Vec<Ink>]) -> (BTreeSet<char>, BTreeSet<char>) {
    let (mut regular, mut bold) = (BTreeSet::new(), BTreeSet::new());
    for ink in pages.iter().flatten() {
        match ink {
            Ink::Text { bold: b, text, .. } => {
                let set = if *b { &mut bold } else { &mut regular };
                set.extend(text.chars());
            }
            Ink::Chart { scene, .. } => {
                for s in &scene.shapes {
                    if let Shape::Text { text, .. } = s {
                        regular.extend(text.chars());
                    }
                }
            }
            _ => {}
        }
    }
    (regular, bold)
}

/// The document's bytes.
pub fn render(
    w: &Writer<'_>,
    fonts: &Fonts,
    title: &str,
    date: crate::date::Date,
) -> Result<Vec<u8>, String> {
    let (regular_chars, bold_chars) = used_chars(&w.pages);
    let (regular_font, bold_font) = fonts.subsets(&regular_chars, &bold_chars)?;
    let mut doc = PdfDocument::new(title);
    let created = printpdf::DateTime::new_in_offset(
        printpdf::Date {
            year: i32::from(date.year()),
            month: date.month(),
            day: date.day(),
        },
        printpdf::Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    );
    doc.metadata.info.creation_date = created;
    doc.metadata.info.modification_date = created;
    doc.metadata.info.metadata_date = created;
    doc.metadata.info.creator = "Infra Runway".into();
    doc.metadata.info.producer = "Infra Runway".into();
    // Fixed ids: the same project and date give the same file.
    let regular = FontId("F1".into());
    let bold = FontId("F2".into());
    doc.resources
        .fonts
        .map
        .insert(regular.clone(), PdfFont::new(regular_font));
    doc.resources
        .fonts
        .map
        .insert(bold.clone(), PdfFont::new(bold_font));

    let mut pages = Vec::with_capacity(w.pages.len());
    for inks in &w.pages {
        let mut out = Out {
            ops: Vec::new(),
            height: w.height,
            regular: &regular,
            bold: &bold,
        };
        for ink in inks {
            match ink {
                Ink::Text {
                    x,
                    baseline,
                    size,
                    bold,
                    color: c,
                    text,
                } => out.text(*x, *baseline, *size, *bold, *c, text),
                Ink::Line {
                    from,
                    to,
                    width,
                    color: c,
                } => out.stroke(&[*from, *to], *width, *c),
                Ink::Rect {
                    x,
                    y,
                    w,
                    h,
                    color: c,
                } => out.fill(&[(*x, *y), (x + w, *y), (x + w, y + h), (*x, y + h)], *c),
                Ink::Chart { x, y, scale, scene } => {
                    let at = |(px, py): (f32, f32)| (x + px * scale, y + py * scale);
                    for shape in &scene.shapes {
                        match shape {
                            Shape::Stroke {
                                points,
                                color: c,
                                width,
                            } => {
                                let pts: Vec<_> = points.iter().copied().map(at).collect();
                                out.stroke(&pts, width * scale, *c);
                            }
                            Shape::Fill { points, color: c } => {
                                let pts: Vec<_> = points.iter().copied().map(at).collect();
                                out.fill(&pts, *c);
                            }
                            Shape::Text {
                                text,
                                x: tx,
                                y: ty,
                                size,
                                color: c,
                                align,
                                baseline,
                                ..
                            } => {
                                let size = size * scale;
                                let text = fonts.clean(text);
                                let width = fonts.width(&text, size, false);
                                let (px, py) = at((*tx, *ty));
                                let px = match align {
                                    Align::Start => px,
                                    Align::Middle => px - width / 2.0,
                                    Align::End => px - width,
                                };
                                // As the SVG places it: top 0.76 em, middle
                                // and bottom half an x-height either way.
                                let py = match baseline {
                                    Baseline::Top => py + 0.76 * size,
                                    Baseline::Middle => py + 0.27 * size,
                                    Baseline::Bottom => py - 0.27 * size,
                                };
                                out.text(px, py, size, false, *c, &text);
                            }
                        }
                    }
                }
            }
        }
        // Boxes in points: exactly A4 or Letter (through millimetres they drift).
        let page_box = printpdf::Rect::from_wh(Pt(w.width), Pt(w.height));
        pages.push(PdfPage {
            media_box: page_box.clone(),
            trim_box: page_box.clone(),
            crop_box: page_box,
            ops: out.ops,
        });
    }
    doc.with_pages(pages);
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    lo.compress();
    // The file identifier from what the document is, not from a counter:
    // the same project and date give the same bytes.
    let id = format!(
        "{:016x}",
        fnv1a(format!("{title}\u{0}{date}\u{0}{}", w.pages.len()).as_bytes())
    );
    lo.trailer.set(
        "ID",
        lopdf::Object::Array(vec![
            lopdf::Object::String(id.clone().into_bytes(), lopdf::StringFormat::Literal),
            lopdf::Object::String(id.into_bytes(), lopdf::StringFormat::Literal),
        ]),
    );
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| format!("the PDF could not be assembled ({e})"))?;
    Ok(bytes)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}
