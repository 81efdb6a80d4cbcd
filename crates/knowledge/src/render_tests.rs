use super::*;

#[test]
fn supported_markdown_is_kept() {
    let md = "# Title\n\nOpen **Settings → Security** and press *Reset*.\n\n- one\n- two\n\n1. first\n2. second\n";
    assert_eq!(
        render_for_discord(md),
        "# Title\n\nOpen **Settings → Security** and press *Reset*.\n\n- one\n- two\n\n1. first\n2. second"
    );
}

#[test]
fn links_and_code_are_kept() {
    let md = "See [the page](https://x.example/a) or run `kb check`.\n\n```sh\nkb check\n```\n";
    assert_eq!(
        render_for_discord(md),
        "See [the page](https://x.example/a) or run `kb check`.\n\n```sh\nkb check\n```"
    );
}

#[test]
fn deep_headings_become_bold_lines() {
    assert_eq!(render_for_discord("#### Small\ntext"), "**Small**\n\ntext");
}

#[test]
fn tables_become_lines_of_cells() {
    let md = "| a | b |\n|---|---|\n| 1 | 2 |\n";
    assert_eq!(render_for_discord(md), "a | b\n1 | 2");
}

#[test]
fn images_become_links_and_html_is_dropped() {
    let md = "![map](https://x.example/map.png) <b>hi</b>";
    assert_eq!(
        render_for_discord(md),
        "[map](https://x.example/map.png) hi"
    );
}

#[test]
fn nested_lists_are_indented() {
    let md = "- a\n  - b\n- c\n";
    assert_eq!(render_for_discord(md), "- a\n  - b\n- c");
}

#[test]
fn line_breaks_inside_a_paragraph_are_kept() {
    assert_eq!(render_for_discord("one\ntwo"), "one\ntwo");
}

#[test]
fn block_quotes_mark_every_line() {
    assert_eq!(render_for_discord("> a\n> b"), "> a\n> b");
}

#[test]
fn literal_formatting_characters_are_escaped() {
    assert_eq!(
        render_for_discord(r"snake\_case and 2 \* 3"),
        r"snake\_case and 2 \* 3"
    );
}

#[test]
fn the_length_check_counts_characters_not_bytes() {
    assert!(fits_embed(&"я".repeat(EMBED_DESCRIPTION_LIMIT)));
    assert!(!fits_embed(&"a".repeat(EMBED_DESCRIPTION_LIMIT + 1)));
}

#[test]
fn passages_are_sentences_items_and_lines() {
    let p = passages("First one. Second one!\n\n- item a\n- item b\n\nLast line\nand another");
    assert_eq!(
        p,
        [
            "First one.",
            "Second one!",
            "item a",
            "item b",
            "Last line",
            "and another"
        ]
    );
}

#[test]
fn plain_text_drops_markup_and_link_targets() {
    let text = plain_text("Open **Settings** via [the page](https://x.example).");
    assert!(text.contains("Settings") && text.contains("the page"));
    assert!(!text.contains("https") && !text.contains("**"));
}
