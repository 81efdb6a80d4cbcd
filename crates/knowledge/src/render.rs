//! Article bodies for Discord. An embed description understands a subset
//! of Markdown (bold, italics, strike-through, lists, links, headings
//! `#`–`###`, block quotes, code); this turns an admin's Markdown into that
//! subset: deeper headings become bold lines, tables become lines of cells,
//! images become links, HTML is dropped.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Discord's limit on an embed description, in characters.
pub const EMBED_DESCRIPTION_LIMIT: usize = 4096;

/// Discord's limit on an embed title, in characters.
pub const EMBED_TITLE_LIMIT: usize = 256;

/// Renders Markdown to what an embed description shows.
pub fn render_for_discord(markdown: &str) -> String {
    let mut r = Renderer::default();
    for event in Parser::new_ext(markdown, options()) {
        r.event(event);
    }
    r.out.trim().to_owned()
}

/// Whether rendered text fits an embed description.
pub fn fits_embed(rendered: &str) -> bool {
    rendered.chars().count() <= EMBED_DESCRIPTION_LIMIT
}

/// The words a reader sees, without markup or link targets: what the
/// matcher indexes from a body. Blocks (paragraphs, list items, headings,
/// table rows) and line breaks end lines.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            ) => out.push('\n'),
            Event::End(TagEnd::TableCell) | Event::Start(Tag::Item) => out.push(' '),
            _ => {}
        }
    }
    out
}

/// A body cut into passages (sentences, list items, lines): the pieces a
/// question is compared with one by one.
pub fn passages(markdown: &str) -> Vec<String> {
    split_passages(&plain_text(markdown))
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// Cuts plain text (see [`plain_text`]) into passages: lines, and
/// sentences within them.
pub fn split_passages(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut start = 0;
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        for (i, &(at, c)) in chars.iter().enumerate() {
            let ends = matches!(c, '.' | '!' | '?' | ';')
                && chars
                    .get(i + 1)
                    .is_none_or(|(_, next)| next.is_whitespace());
            if ends {
                let end = at + c.len_utf8();
                push_passage(&mut out, &line[start..end]);
                start = end;
            }
        }
        push_passage(&mut out, &line[start..]);
    }
    out
}

fn push_passage<'a>(out: &mut Vec<&'a str>, s: &'a str) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s);
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

#[derive(Default)]
struct Renderer {
    out: String,
    /// Newlines owed before the next content (0, 1 or 2).
    pending: usize,
    quote_depth: usize,
    /// One entry per open list: the next number, or `None` for bullets.
    lists: Vec<Option<u64>>,
    /// Link targets of open links and images.
    links: Vec<String>,
    in_code_block: bool,
    cell: usize,
}

impl Renderer {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) if self.in_code_block => self.raw(&t),
            Event::Text(t) => self.text(&escape(&t)),
            Event::Code(t) => self.text(&format!("`{}`", t.replace('`', "'"))),
            Event::SoftBreak | Event::HardBreak => self.pending = self.pending.max(1),
            Event::Rule => self.block_break(),
            Event::TaskListMarker(done) => self.text(if done { "☑ " } else { "☐ " }),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
            Event::FootnoteReference(t) => self.text(&format!("[{t}]")),
            Event::Html(_) | Event::InlineHtml(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.block_break();
                self.text(match level {
                    HeadingLevel::H1 => "# ",
                    HeadingLevel::H2 => "## ",
                    HeadingLevel::H3 => "### ",
                    _ => "**",
                });
            }
            Tag::BlockQuote(_) => {
                self.block_break();
                self.quote_depth += 1;
            }
            Tag::CodeBlock(kind) => {
                self.block_break();
                let lang = match kind {
                    CodeBlockKind::Fenced(lang) => {
                        lang.split_whitespace().next().unwrap_or("").to_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                self.text(&format!("```{lang}"));
                self.pending = 1;
                self.in_code_block = true;
            }
            Tag::List(first) => {
                if self.lists.is_empty() {
                    self.block_break();
                }
                self.lists.push(first);
            }
            Tag::Item => {
                self.pending = self.pending.max(1);
                let indent = "  ".repeat(self.lists.len().saturating_sub(1));
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_owned(),
                };
                self.text(&format!("{indent}{marker}"));
            }
            Tag::Emphasis => self.text("*"),
            Tag::Strong => self.text("**"),
            Tag::Strikethrough => self.text("~~"),
            Tag::Link { dest_url, .. } => {
                self.text("[");
                self.links.push(dest_url.to_string());
            }
            Tag::Image { dest_url, .. } => {
                self.text("[");
                self.links.push(dest_url.to_string());
            }
            Tag::TableRow | Tag::TableHead => {
                self.pending = self.pending.max(1);
                self.cell = 0;
            }
            Tag::TableCell => {
                if self.cell > 0 {
                    self.text(" | ");
                }
                self.cell += 1;
            }
            Tag::Table(_) | Tag::Paragraph => self.block_break(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(level) => {
                if level > HeadingLevel::H3 {
                    self.text("**");
                }
                self.block_break();
            }
            TagEnd::BlockQuote(_) => {
                self.quote_depth = self.quote_depth.saturating_sub(1);
                self.block_break();
            }
            TagEnd::CodeBlock => {
                self.in_code_block = false;
                if !self.out.ends_with('\n') {
                    self.pending = 1;
                }
                self.text("```");
                self.block_break();
            }
            TagEnd::List(_) => {
                self.lists.pop();
                if self.lists.is_empty() {
                    self.block_break();
                }
            }
            TagEnd::Emphasis => self.text("*"),
            TagEnd::Strong => self.text("**"),
            TagEnd::Strikethrough => self.text("~~"),
            TagEnd::Link | TagEnd::Image => {
                let url = self.links.pop().unwrap_or_default();
                self.text(&format!("]({url})"));
            }
            TagEnd::Paragraph | TagEnd::Table => self.block_break(),
            _ => {}
        }
    }

    fn block_break(&mut self) {
        if !self.out.is_empty() {
            self.pending = 2;
        }
    }

    /// Writes text after any owed line breaks (each new line carries the
    /// block-quote markers).
    fn text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if !self.out.is_empty() {
            for _ in 0..self.pending {
                self.out.push('\n');
                self.out.push_str(&"> ".repeat(self.quote_depth));
            }
        } else {
            self.out.push_str(&"> ".repeat(self.quote_depth));
        }
        self.pending = 0;
        self.out.push_str(s);
    }

    /// Code block text, kept verbatim line by line.
    fn raw(&mut self, s: &str) {
        let mut lines = s.split('\n').peekable();
        while let Some(line) = lines.next() {
            if !line.is_empty() {
                self.text(line);
            }
            if lines.peek().is_some() {
                self.pending += 1;
            }
        }
    }
}

/// Escapes characters Discord would read as formatting in plain text.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '~' | '`' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
#[path = "render_tests.rs"]
mod tests;
