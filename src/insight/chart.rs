//! The `/stats` chart: how many questions and tickets each rung of the
//! ladder received and resolved, as a PNG.
//!
//! Text is drawn with DejaVu Sans embedded in the binary (the `dejavu`
//! crate; free licence, Latin and Cyrillic) through plotters' `ab_glyph`
//! backend, so the chart needs no fonts on the machine. The bitmap is
//! encoded with the `png` crate in memory: nothing touches the disk.

use std::sync::OnceLock;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{register_font, FontStyle};

use crate::i18n::Locale;
use crate::store::Stats;
use crate::tr;

use super::format::date;

/// Width and height in pixels: readable in a Discord embed, small to send.
pub const CHART_SIZE: (u32, u32) = (800, 450);

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("the embedded font could not be loaded")]
    Font,
    #[error("drawing the chart: {0}")]
    Draw(String),
    #[error("encoding the chart as PNG: {0}")]
    Encode(#[from] png::EncodingError),
}

const RECEIVED: RGBColor = RGBColor(88, 101, 242);
const RESOLVED: RGBColor = RGBColor(59, 165, 93);
const CONFIRMED: RGBColor = RGBColor(31, 110, 56);
const INK: RGBColor = RGBColor(46, 48, 54);

/// One rung: L0 (questions / answered / confirmed) or a ticket level.
struct Rung {
    label: String,
    received: u64,
    resolved: u64,
    /// L0 only: answers the user confirmed.
    confirmed: Option<u64>,
}

fn rungs(stats: &Stats) -> Vec<Rung> {
    let mut out = vec![Rung {
        label: "L0".into(),
        received: stats.l0.questions,
        resolved: stats.l0.answered,
        confirmed: Some(stats.l0.confirmed_helpful),
    }];
    out.extend(stats.tickets.levels.iter().map(|l| Rung {
        label: l.level.to_string(),
        received: l.received,
        resolved: l.resolved,
        confirmed: None,
    }));
    out
}

/// The ladder chart of `stats` as PNG bytes, labelled in `locale`.
pub fn ladder_chart(stats: &Stats, locale: Locale) -> Result<Vec<u8>, ChartError> {
    fonts()?;
    let (width, height) = CHART_SIZE;
    let mut pixels = vec![0u8; width as usize * height as usize * 3];
    draw(stats, locale, &mut pixels).map_err(|e| ChartError::Draw(e.to_string()))?;
    encode(&pixels, width, height)
}

/// Registers the embedded font once per process for plotters' default
/// family.
fn fonts() -> Result<(), ChartError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| {
        let regular = register_font("sans-serif", FontStyle::Normal, dejavu::sans::regular());
        let bold = register_font("sans-serif", FontStyle::Bold, dejavu::sans::bold());
        regular.is_ok() && bold.is_ok()
    });
    ok.then_some(()).ok_or(ChartError::Font)
}

fn draw<'a>(
    stats: &Stats,
    locale: Locale,
    pixels: &'a mut [u8],
) -> Result<(), Box<dyn std::error::Error + 'a>> {
    let rungs = rungs(stats);
    let root = BitMapBackend::with_buffer(pixels, CHART_SIZE).into_drawing_area();
    root.fill(&WHITE)?;

    let highest = rungs.iter().map(|r| r.received.max(r.resolved)).max();
    // Headroom above the tallest bar for its number; at least 0..1 when
    // there is nothing to show, so an empty chart still has an axis.
    let top = (highest.unwrap_or(0) as f64 * 1.15).max(1.0);
    let title = tr!(
        locale,
        "chart-title",
        since = date(stats.since),
        until = date(stats.until)
    );
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 22).into_font().style(FontStyle::Bold))
        .margin(16)
        .x_label_area_size(44)
        .y_label_area_size(56)
        .build_cartesian_2d(0f64..rungs.len() as f64, 0f64..top)?;

    // Ticks every half unit: the rung's name under its middle (i + 0.5),
    // bare ticks between rungs.
    let labels: Vec<String> = rungs.iter().map(|r| r.label.clone()).collect();
    let x_label = |x: &f64| {
        let halves = (x * 2.0).round() as i64;
        match halves % 2 {
            1 => labels
                .get((halves / 2) as usize)
                .cloned()
                .unwrap_or_default(),
            _ => String::new(),
        }
    };
    // Counts are whole: ticks between them (a short axis) stay unlabelled.
    let y_label = |y: &f64| {
        if (y - y.round()).abs() < 1e-9 {
            format!("{y:.0}")
        } else {
            String::new()
        }
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(2 * rungs.len() + 1)
        .y_max_light_lines(0)
        .y_labels(6)
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .x_desc(tr!(locale, "chart-axis-level"))
        .y_desc(tr!(locale, "chart-axis-count"))
        .label_style(("sans-serif", 15).into_font().color(&INK))
        .axis_desc_style(("sans-serif", 15).into_font().color(&INK))
        .draw()?;

    let bar = |i: usize, from: f64, to: f64, value: u64, color: RGBColor| {
        Rectangle::new(
            [(i as f64 + from, 0.0), (i as f64 + to, value as f64)],
            color.filled(),
        )
    };
    chart
        .draw_series(
            rungs
                .iter()
                .enumerate()
                .map(|(i, r)| bar(i, 0.12, 0.48, r.received, RECEIVED)),
        )?
        .label(tr!(locale, "chart-received"))
        .legend(|(x, y)| Rectangle::new([(x, y - 6), (x + 12, y + 6)], RECEIVED.filled()));
    chart
        .draw_series(
            rungs
                .iter()
                .enumerate()
                .map(|(i, r)| bar(i, 0.52, 0.88, r.resolved, RESOLVED)),
        )?
        .label(tr!(locale, "chart-resolved"))
        .legend(|(x, y)| Rectangle::new([(x, y - 6), (x + 12, y + 6)], RESOLVED.filled()));
    chart
        .draw_series(rungs.iter().enumerate().filter_map(|(i, r)| {
            r.confirmed
                .map(|n| bar(i, 0.58, 0.82, n.min(r.resolved), CONFIRMED))
        }))?
        .label(tr!(locale, "chart-confirmed"))
        .legend(|(x, y)| Rectangle::new([(x, y - 6), (x + 12, y + 6)], CONFIRMED.filled()));

    // Each bar's number above it, so nobody has to read it off the axis.
    let number_style = ("sans-serif", 14)
        .into_font()
        .color(&INK)
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    chart.draw_series(rungs.iter().enumerate().flat_map(|(i, r)| {
        [(0.30, r.received), (0.70, r.resolved)].map(|(offset, n)| {
            Text::new(
                n.to_string(),
                (i as f64 + offset, n as f64),
                number_style.clone(),
            )
        })
    }))?;

    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.9))
        .border_style(INK.mix(0.3))
        .label_font(("sans-serif", 14).into_font().color(&INK))
        .draw()?;
    root.present()?;
    Ok(())
}

/// RGB pixels to PNG bytes.
fn encode(pixels: &[u8], width: u32, height: u32) -> Result<Vec<u8>, ChartError> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Best);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(pixels)?;
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
#[path = "chart_tests.rs"]
mod tests;
