//! The report's font: DejaVu Sans (open licence, `assets/fonts/`), regular
//! and bold. Text is measured with its advance widths; the PDF embeds only
//! the glyphs the report uses.

use std::collections::{BTreeMap, BTreeSet};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use printpdf::{ParsedFont, PdfFontParseWarning};

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// One face: its bytes, glyph map and advance widths.
pub struct Face {
    bytes: &'static [u8],
    glyphs: BTreeMap<u32, u16>,
    widths: BTreeMap<u16, u16>,
    units_per_em: f32,
}

impl Face {
    fn load(bytes: &'static [u8], name: &str) -> Result<Face, String> {
        let mut warnings: Vec<PdfFontParseWarning> = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| format!("the font {name} could not be read"))?;
        Ok(Face {
            bytes,
            glyphs: parsed.codepoint_to_glyph,
            widths: parsed.glyph_widths,
            units_per_em: f32::from(parsed.units_per_em.max(1)),
        })
    }

    fn has(&self, c: char) -> bool {
        self.glyphs.contains_key(&(c as u32))
    }

    fn advance(&self, c: char) -> f32 {
        let gid = self.glyphs.get(&(c as u32)).copied().unwrap_or(0);
        f32::from(self.widths.get(&gid).copied().unwrap_or(0)) / self.units_per_em
    }

    /// The face cut down to `chars` (and the glyph every font starts with).
    fn subset(&self, chars: &BTreeSet<char>) -> Result<ParsedFont, String> {
        let mut ids: Vec<u16> = vec![0];
        ids.extend(
            chars
                .iter()
                .filter_map(|c| self.glyphs.get(&(*c as u32)).copied()),
        );
        ids.sort_unstable();
        ids.dedup();
        let font = ReadScope::new(self.bytes)
            .read::<FontData<'_>>()
            .map_err(|e| e.to_string())?;
        let provider = font.table_provider(0).map_err(|e| e.to_string())?;
        let bytes = subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
            .map_err(|e| e.to_string())?;
        let mut warnings: Vec<PdfFontParseWarning> = Vec::new();
        ParsedFont::from_bytes(&bytes, 0, &mut warnings)
            .ok_or_else(|| "the font subset could not be read back".to_string())
    }
}

/// Regular and bold.
pub struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    /// Loads the embedded faces.
    pub fn load() -> Result<Fonts, String> {
        Ok(Fonts {
            regular: Face::load(REGULAR, "DejaVu Sans")?,
            bold: Face::load(BOLD, "DejaVu Sans Bold")?,
        })
    }

    fn face(&self, bold: bool) -> &Face {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    /// Text the font can draw: control characters become spaces and a
    /// character neither face has becomes "?".
    pub fn clean(&self, text: &str) -> String {
        text.chars()
            .map(|c| {
                if c.is_control() {
                    ' '
                } else if self.regular.has(c) && self.bold.has(c) {
                    c
                } else {
                    '?'
                }
            })
            .collect()
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = self.face(bold);
        text.chars().map(|c| face.advance(c)).sum::<f32>() * size
    }

    /// `text` broken into lines no wider than `width`: at spaces, and
    /// inside a word only when the word alone is too long.
    pub fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            for word in para.split(' ').filter(|w| !w.is_empty()) {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, size, bold) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word wider than the line is cut where it must be.
                let mut piece = String::new();
                for c in word.chars() {
                    piece.push(c);
                    if self.width(&piece, size, bold) > width && piece.chars().count() > 1 {
                        piece.pop();
                        lines.push(std::mem::take(&mut piece));
                        piece.push(c);
                    }
                }
                line = piece;
            }
            lines.push(line);
        }
        if lines.is_empty() {
            lines.push(String::new());
        }
        lines
    }

    /// The faces cut down to the characters each draws.
    pub fn subsets(
        &self,
        regular: &BTreeSet<char>,
        bold: &BTreeSet<char>,
    ) -> Result<(ParsedFont, ParsedFont), String> {
        Ok((self.regular.subset(regular)?, self.bold.subset(bold)?))
    }
}
