//! A small page writer for the report: headings, wrapped paragraphs,
//! tables that break between rows and repeat their header, charts kept
//! whole, a running header and "Page n of N". Positions are points from
//! the top-left corner; the PDF writer turns them over.

use super::fonts::Fonts;
use crate::chart::Scene;

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// 210 × 297 mm.
    A4,
    /// 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// An opaque colour.
pub type Rgb = (u8, u8, u8);

pub const INK: Rgb = (31, 41, 51);
pub const MUTED: Rgb = (96, 108, 122);
pub const ACCENT: Rgb = (29, 78, 216);
pub const RULE: Rgb = (205, 210, 217);
pub const SHADE: Rgb = (243, 245, 248);
pub const WARN: Rgb = (161, 63, 7);

/// Something laid on a page.
#[derive(Debug, Clone)]
pub enum Ink {
    /// Text on a baseline.
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: String,
    },
    /// A straight line.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
    },
    /// A filled rectangle.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    /// A chart, its pixels scaled.
    Chart {
        x: f32,
        y: f32,
        scale: f32,
        scene: Scene,
    },
}

/// Horizontal alignment of a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table column: heading, share of the width, alignment.
#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    pub share: f32,
    pub align: Align,
}

/// A table row.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub cells: Vec<String>,
    pub bold: bool,
    pub color: Option<Rgb>,
}

impl Row {
    pub fn plain(cells: Vec<String>) -> Row {
        Row {
            cells,
            ..Row::default()
        }
    }
}

pub struct Writer<'f> {
    fonts: &'f Fonts,
    pub width: f32,
    pub height: f32,
    pub margin: f32,
    top: f32,
    bottom: f32,
    pub y: f32,
    pub pages: Vec<Vec<Ink>>,
}

impl<'f> Writer<'f> {
    pub fn new(fonts: &'f Fonts, paper: Paper) -> Writer<'f> {
        let (width, height) = paper.size();
        let margin = 54.0;
        Writer {
            fonts,
            width,
            height,
            margin,
            top: margin + 18.0,
            bottom: height - margin,
            y: margin + 18.0,
            pages: vec![Vec::new()],
        }
    }

    /// Width between the margins.
    pub fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.top;
    }

    /// Starts a new page unless `h` points still fit on this one.
    pub fn need(&mut self, h: f32) {
        if self.y + h > self.bottom && self.y > self.top {
            self.new_page();
        }
    }

    pub fn gap(&mut self, h: f32) {
        self.y += h;
    }

    fn put(&mut self, ink: Ink) {
        if let Some(p) = self.pages.last_mut() {
            p.push(ink);
        }
    }

    pub fn text_at(
        &mut self,
        x: f32,
        baseline: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: &str,
    ) {
        self.put(Ink::Text {
            x,
            baseline,
            size,
            bold,
            color,
            text: self.fonts.clean(text),
        });
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.put(Ink::Rect { x, y, w, h, color });
    }

    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), width: f32, color: Rgb) {
        self.put(Ink::Line {
            from,
            to,
            width,
            color,
        });
    }

    /// A heading, kept with at least `keep` points of what follows.
    pub fn heading(&mut self, text: &str, size: f32, keep: f32) {
        self.need(size * 1.6 + keep);
        if self.y > self.top {
            self.y += size * 0.6;
        }
        self.y += size;
        let y = self.y;
        let m = self.margin;
        self.text_at(m, y, size, true, INK, text);
        self.y += size * 0.55;
    }

    /// A paragraph wrapped to the content width.
    pub fn paragraph(&mut self, text: &str, size: f32, color: Rgb) {
        self.paragraph_in(text, size, false, color, self.margin, self.content_width());
    }

    pub fn paragraph_in(
        &mut self,
        text: &str,
        size: f32,
        bold: bool,
        color: Rgb,
        x: f32,
        width: f32,
    ) {
        let lh = size * 1.4;
        for line in self.fonts.wrap(text, size, bold, width) {
            self.need(lh);
            self.y += lh;
            let y = self.y - size * 0.3;
            self.text_at(x, y, size, bold, color, &line);
        }
        self.y += size * 0.5;
    }

    /// A bulleted list item.
    pub fn bullet(&mut self, text: &str, size: f32, color: Rgb) {
        let lh = size * 1.4;
        self.need(lh);
        let (m, w) = (self.margin, self.content_width());
        let y = self.y + lh - size * 0.3;
        self.text_at(m + 4.0, y, size, false, color, "•");
        self.paragraph_in(text, size, false, color, m + 16.0, w - 16.0);
        self.y -= size * 0.3;
    }

    /// A table: rows never split across pages; a table that continues
    /// repeats its header.
    pub fn table(&mut self, columns: &[Column], rows: &[Row], size: f32) {
        let pad = 4.0;
        let widths = self.column_widths(columns, rows, size, pad);
        let lh = size * 1.3;
        let wrap_row = |w: &Writer, cells: &[String], bold: bool| -> Vec<Vec<String>> {
            widths
                .iter()
                .enumerate()
                .map(|(i, width)| {
                    let text = cells.get(i).map(String::as_str).unwrap_or("");
                    w.fonts.wrap(text, size, bold, width - 2.0 * pad)
                })
                .collect()
        };
        let header_cells: Vec<String> = columns.iter().map(|c| c.title.clone()).collect();
        let header = wrap_row(self, &header_cells, true);
        let header_h = header.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * pad;
        let draw_row = |w: &mut Writer,
                        lines: &[Vec<String>],
                        bold: bool,
                        color: Rgb,
                        shade: Option<Rgb>,
                        h: f32| {
            let y0 = w.y;
            if let Some(s) = shade {
                let (m, cw) = (w.margin, w.content_width());
                w.rect(m, y0, cw, h, s);
            }
            let mut x = w.margin;
            for (i, cell) in lines.iter().enumerate() {
                for (k, line) in cell.iter().enumerate() {
                    let baseline = y0 + pad + (k as f32 + 1.0) * lh - size * 0.32;
                    let tx = match columns[i].align {
                        Align::Left => x + pad,
                        Align::Right => x + widths[i] - pad - w.fonts.width(line, size, bold),
                    };
                    w.text_at(tx, baseline, size, bold, color, line);
                }
                x += widths[i];
            }
            w.y += h;
        };
        let draw_header = |w: &mut Writer| {
            draw_row(w, &header, true, INK, Some(SHADE), header_h);
            let (m, cw, y) = (w.margin, w.content_width(), w.y);
            w.line((m, y), (m + cw, y), 0.8, MUTED);
        };
        let first_h = rows
            .first()
            .map(|r| {
                wrap_row(self, &r.cells, r.bold)
                    .iter()
                    .map(Vec::len)
                    .max()
                    .unwrap_or(1) as f32
                    * lh
                    + 2.0 * pad
            })
            .unwrap_or(0.0);
        self.need(header_h + first_h);
        draw_header(self);
        for row in rows {
            let lines = wrap_row(self, &row.cells, row.bold);
            let h = lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * pad;
            if self.y + h > self.bottom {
                self.new_page();
                draw_header(self);
            }
            draw_row(self, &lines, row.bold, row.color.unwrap_or(INK), None, h);
            let (m, cw, y) = (self.margin, self.content_width(), self.y);
            self.line((m, y), (m + cw, y), 0.3, RULE);
        }
        self.y += 10.0;
    }

    /// Amount columns as wide as their widest figure (figures never
    /// wrap); text columns share the rest by their shares.
    fn column_widths(&self, columns: &[Column], rows: &[Row], size: f32, pad: f32) -> Vec<f32> {
        let cw = self.content_width();
        let fit: Vec<Option<f32>> = columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                (c.align == Align::Right).then(|| {
                    let cells = rows.iter().map(|r| {
                        let text = r.cells.get(i).map(String::as_str).unwrap_or("");
                        self.fonts.width(text, size, r.bold)
                    });
                    let header = c.title.split(' ').map(|w| self.fonts.width(w, size, true));
                    cells.chain(header).fold(0.0f32, f32::max) + 2.0 * pad + 1.0
                })
            })
            .collect();
        let fixed: f32 = fit.iter().flatten().sum();
        let text_share: f32 = columns
            .iter()
            .zip(&fit)
            .filter(|(_, f)| f.is_none())
            .map(|(c, _)| c.share)
            .sum();
        let rest = cw - fixed;
        if rest < 40.0 * columns.len().saturating_sub(fit.iter().flatten().count()) as f32 {
            let total: f32 = columns.iter().map(|c| c.share).sum::<f32>().max(0.0001);
            return columns.iter().map(|c| c.share / total * cw).collect();
        }
        columns
            .iter()
            .zip(&fit)
            .map(|(c, f)| match f {
                Some(w) => *w,
                None if text_share > 0.0 => c.share / text_share * rest,
                None => 0.0,
            })
            .collect()
    }

    /// A chart across the content width, kept whole, with its caption.
    pub fn chart(&mut self, scene: Scene, caption: &str) {
        let w = self.content_width();
        let scale = w / scene.width.max(1) as f32;
        let h = scene.height as f32 * scale;
        let caption_lines = self.fonts.wrap(caption, 8.5, false, w).len() as f32;
        self.need(h + caption_lines * 12.0 + 8.0);
        let (x, y) = (self.margin, self.y);
        self.put(Ink::Chart { x, y, scale, scene });
        self.y += h + 4.0;
        self.paragraph(caption, 8.5, MUTED);
        self.y += 4.0;
    }

    /// The running header and footer on every page but the cover.
    pub fn finish(&mut self, header_left: &str, footer_left: &str) {
        let n = self.pages.len();
        let (m, w, h) = (self.margin, self.width, self.height);
        let right = "Infra Runway report";
        let rw = self.fonts.width(right, 8.0, false);
        for i in 1..n {
            let page_no = format!("Page {} of {n}", i + 1);
            let pw = self.fonts.width(&page_no, 8.0, false);
            let inks = [
                Ink::Text {
                    x: m,
                    baseline: m - 4.0,
                    size: 8.0,
                    bold: false,
                    color: MUTED,
                    text: self.fonts.clean(header_left),
                },
                Ink::Text {
                    x: w - m - rw,
                    baseline: m - 4.0,
                    size: 8.0,
                    bold: false,
                    color: MUTED,
                    text: right.into(),
                },
                Ink::Line {
                    from: (m, m + 2.0),
                    to: (w - m, m + 2.0),
                    width: 0.5,
                    color: RULE,
                },
                Ink::Text {
                    x: m,
                    baseline: h - m + 24.0,
                    size: 8.0,
                    bold: false,
                    color: MUTED,
                    text: self.fonts.clean(footer_left),
                },
                Ink::Text {
                    x: w - m - pw,
                    baseline: h - m + 24.0,
                    size: 8.0,
                    bold: false,
                    color: MUTED,
                    text: page_no,
                },
            ];
            self.pages[i].extend(inks);
        }
        // The cover counts as page 1 of N.
        let cover = format!("Page 1 of {n}");
        let pw = self.fonts.width(&cover, 8.0, false);
        self.pages[0].push(Ink::Text {
            x: w - m - pw,
            baseline: h - m + 24.0,
            size: 8.0,
            bold: false,
            color: MUTED,
            text: cover,
        });
    }
}
