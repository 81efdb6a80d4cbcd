use super::*;
use crate::insight::fixtures::{busy, empty};

const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];

/// Width and height from the IHDR chunk, which must come first.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(png[..8], PNG_SIGNATURE, "PNG signature");
    assert_eq!(&png[12..16], b"IHDR", "IHDR comes first");
    let word = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    (word(16), word(20))
}

/// The decoded pixels, to check something was drawn.
fn distinct_colours(png_bytes: &[u8]) -> usize {
    let decoder = png::Decoder::new(png_bytes);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let mut colours: Vec<&[u8]> = buf[..info.buffer_size()].chunks(3).collect();
    colours.sort();
    colours.dedup();
    colours.len()
}

#[test]
fn the_chart_is_a_png_of_the_promised_size_in_both_languages() {
    for locale in Locale::ALL {
        let png = ladder_chart(&busy(), locale).unwrap();
        assert_eq!(png_size(&png), CHART_SIZE, "{locale}");
        assert!(png.ends_with(&[0xAE, 0x42, 0x60, 0x82]), "ends with IEND");
        // Small enough to post often, big enough to hold a drawing.
        assert!(
            png.len() > 5_000 && png.len() < 200_000,
            "{} bytes",
            png.len()
        );
        // Bars in three colours and anti-aliased text: many colours.
        assert!(distinct_colours(&png) > 20, "{locale}");
    }
}

#[test]
fn an_empty_window_still_draws_axes_and_labels() {
    let png = ladder_chart(&empty(), Locale::Ru).unwrap();
    assert_eq!(png_size(&png), CHART_SIZE);
    assert!(distinct_colours(&png) > 10);
}

#[test]
fn the_languages_draw_different_text() {
    let en = ladder_chart(&busy(), Locale::En).unwrap();
    let ru = ladder_chart(&busy(), Locale::Ru).unwrap();
    assert_ne!(en, ru);
}
