//! A drawing backend that records what plotters draws as shapes, so the
//! PDF can lay the very same chart down as vectors and text in its own
//! font. Coordinates are the chart's pixels, y down.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::FontTransform;
use plotters_backend::{
    BackendColor, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use serde::Serialize;

/// An opaque colour.
pub type Rgb = (u8, u8, u8);

/// Horizontal anchor of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Align {
    /// The position is the text's start.
    Start,
    /// The position is its middle.
    Middle,
    /// The position is its end.
    End,
}

/// Vertical anchor of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Baseline {
    /// The position is its top.
    Top,
    /// The position is its middle.
    Middle,
    /// The position is its bottom.
    Bottom,
}

/// One recorded shape.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Shape {
    /// An open line through points.
    Stroke {
        /// Points.
        points: Vec<(f32, f32)>,
        /// Colour.
        color: Rgb,
        /// Width in pixels.
        width: f32,
    },
    /// A filled polygon.
    Fill {
        /// Corners.
        points: Vec<(f32, f32)>,
        /// Colour.
        color: Rgb,
    },
    /// A text.
    Text {
        /// The text.
        text: String,
        /// Anchor position.
        x: f32,
        /// Anchor position.
        y: f32,
        /// Size in pixels.
        size: f32,
        /// Colour.
        color: Rgb,
        /// Horizontal anchor.
        align: Align,
        /// Vertical anchor.
        baseline: Baseline,
        /// Turned a quarter anticlockwise (a y-axis title).
        vertical: bool,
    },
}

/// What a chart drew.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Scene {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Shapes in drawing order.
    pub shapes: Vec<Shape>,
}

/// The recording backend.
pub struct SceneBackend<'a> {
    scene: &'a mut Scene,
}

impl<'a> SceneBackend<'a> {
    /// Records into `scene`, sized `width` × `height`.
    pub fn new(scene: &'a mut Scene, width: u32, height: u32) -> Self {
        scene.width = width;
        scene.height = height;
        scene.shapes.clear();
        SceneBackend { scene }
    }
}

/// A colour laid on white paper: what a translucent colour looks like there.
fn on_white(c: BackendColor) -> Option<Rgb> {
    if c.alpha <= 0.0 {
        return None;
    }
    let a = c.alpha.clamp(0.0, 1.0);
    let mix = |v: u8| (f64::from(v) * a + 255.0 * (1.0 - a)).round() as u8;
    Some((mix(c.rgb.0), mix(c.rgb.1), mix(c.rgb.2)))
}

fn pt(c: (i32, i32)) -> (f32, f32) {
    (c.0 as f32, c.1 as f32)
}

/// The error of a backend that cannot fail.
#[derive(Debug)]
pub struct NeverFails;

impl std::fmt::Display for NeverFails {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("recording cannot fail")
    }
}

impl std::error::Error for NeverFails {}

type DrawResult = Result<(), DrawingErrorKind<NeverFails>>;

impl DrawingBackend for SceneBackend<'_> {
    type ErrorType = NeverFails;

    fn get_size(&self) -> (u32, u32) {
        (self.scene.width, self.scene.height)
    }

    fn ensure_prepared(&mut self) -> DrawResult {
        Ok(())
    }

    fn present(&mut self) -> DrawResult {
        Ok(())
    }

    fn draw_pixel(&mut self, point: (i32, i32), color: BackendColor) -> DrawResult {
        if let Some(color) = on_white(color) {
            let (x, y) = pt(point);
            self.scene.shapes.push(Shape::Fill {
                points: vec![(x, y), (x + 1.0, y), (x + 1.0, y + 1.0), (x, y + 1.0)],
                color,
            });
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: (i32, i32),
        to: (i32, i32),
        style: &S,
    ) -> DrawResult {
        if let Some(color) = on_white(style.color()) {
            self.scene.shapes.push(Shape::Stroke {
                points: vec![pt(from), pt(to)],
                color,
                width: style.stroke_width().max(1) as f32,
            });
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: (i32, i32),
        b: (i32, i32),
        style: &S,
        fill: bool,
    ) -> DrawResult {
        let Some(color) = on_white(style.color()) else {
            return Ok(());
        };
        let (x0, y0) = pt(a);
        let (x1, y1) = pt(b);
        if fill {
            self.scene.shapes.push(Shape::Fill {
                points: vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1)],
                color,
            });
        } else {
            self.scene.shapes.push(Shape::Stroke {
                points: vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)],
                color,
                width: style.stroke_width().max(1) as f32,
            });
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = (i32, i32)>>(
        &mut self,
        path: I,
        style: &S,
    ) -> DrawResult {
        if let Some(color) = on_white(style.color()) {
            let points: Vec<(f32, f32)> = path.into_iter().map(pt).collect();
            if points.len() >= 2 {
                self.scene.shapes.push(Shape::Stroke {
                    points,
                    color,
                    width: style.stroke_width().max(1) as f32,
                });
            }
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: (i32, i32),
        radius: u32,
        style: &S,
        fill: bool,
    ) -> DrawResult {
        let Some(color) = on_white(style.color()) else {
            return Ok(());
        };
        let (cx, cy) = pt(center);
        let r = radius as f32;
        let mut points: Vec<(f32, f32)> = (0..24)
            .map(|i| {
                let a = i as f32 * std::f32::consts::TAU / 24.0;
                (cx + r * a.cos(), cy + r * a.sin())
            })
            .collect();
        if fill {
            self.scene.shapes.push(Shape::Fill { points, color });
        } else {
            points.push(points[0]);
            self.scene.shapes.push(Shape::Stroke {
                points,
                color,
                width: style.stroke_width().max(1) as f32,
            });
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = (i32, i32)>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> DrawResult {
        if let Some(color) = on_white(style.color()) {
            let points: Vec<(f32, f32)> = vert.into_iter().map(pt).collect();
            if points.len() >= 3 {
                self.scene.shapes.push(Shape::Fill { points, color });
            }
        }
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: (i32, i32),
    ) -> DrawResult {
        let Some(color) = on_white(style.color()) else {
            return Ok(());
        };
        let anchor = style.anchor();
        let (x, y) = pt(pos);
        self.scene.shapes.push(Shape::Text {
            text: text.to_string(),
            x,
            y,
            // The SVG backend writes size / 1.24 too: the same text size.
            size: (style.size() / 1.24) as f32,
            color,
            align: match anchor.h_pos {
                HPos::Left => Align::Start,
                HPos::Center => Align::Middle,
                HPos::Right => Align::End,
            },
            baseline: match anchor.v_pos {
                VPos::Top => Baseline::Top,
                VPos::Center => Baseline::Middle,
                VPos::Bottom => Baseline::Bottom,
            },
            vertical: matches!(style.transform(), FontTransform::Rotate270),
        });
        Ok(())
    }
}
