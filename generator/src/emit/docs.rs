//! Rustdoc text: descriptions decoded from HTML entities and escaped for Markdown.

use proc_macro2::TokenStream;
use quote::quote;

/// Decodes the HTML entities of a description: named ones, `&#39;` and `&#x3D;`.
///
/// Anything that is not a known entity is left as written, so decoding never loses text.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match rest.find(';').filter(|&end| end <= 12).and_then(|end| decode_one(&rest[1..end]).map(|c| (c, end))) {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_one(entity: &str) -> Option<char> {
    if let Some(number) = entity.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match entity {
        "quot" => '"',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ldquo" => '\u{201c}',
        "rdquo" => '\u{201d}',
        "hellip" => '\u{2026}',
        "copy" => '\u{a9}',
        "reg" => '\u{ae}',
        "trade" => '\u{2122}',
        "deg" => '\u{b0}',
        "times" => '\u{d7}',
        _ => return None,
    })
}

/// Characters that Markdown or rustdoc would read as markup anywhere in a line.
const MARKUP: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '&', '!'];

/// Turns decoded text into Markdown that renders as the same plain text: markup escaped,
/// bare URLs made into autolinks, paragraphs kept, other line breaks folded.
pub fn markdown(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    for paragraph in text.replace("\r\n", "\n").split("\n\n") {
        let words: Vec<String> = paragraph.split_whitespace().map(escape_word).collect();
        if !words.is_empty() {
            paragraphs.push(words.join(" "));
        }
    }
    paragraphs
}

fn escape_word(word: &str) -> String {
    if word.starts_with("http://") || word.starts_with("https://") {
        let url_end = word.trim_end_matches(['.', ',', ';', ':', ')', '"', '\'']).len();
        let (url, tail) = word.split_at(url_end);
        if !url.contains(['<', '>', '`', '"']) {
            return format!("<{url}>{}", escape_text(tail, false));
        }
    }
    escape_text(word, true)
}

fn escape_text(word: &str, at_word_start: bool) -> String {
    let mut out = String::with_capacity(word.len() + 4);
    for (i, c) in word.chars().enumerate() {
        let line_start_marker = at_word_start && i == 0 && matches!(c, '-' | '+' | '=');
        if MARKUP.contains(&c) || line_start_marker {
            out.push('\\');
        }
        out.push(if c == '\t' { ' ' } else { c });
    }
    out
}

/// Wraps paragraphs into doc lines of at most about 96 characters. A line never starts with
/// something Markdown could take for a list item, a heading or a quote: such a word stays on
/// the line before.
pub fn wrap(paragraphs: &[String]) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, paragraph) in paragraphs.iter().enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let risky = word.starts_with(|c: char| c.is_ascii_digit() || "-+=>#*".contains(c));
            if !line.is_empty() && line.len() + 1 + word.len() > 96 && !risky {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

/// `#[doc = "..."]` attributes, one per line, each line with the leading space rustdoc expects.
pub fn attrs(lines: &[String]) -> TokenStream {
    let docs = lines.iter().map(|l| if l.is_empty() { String::new() } else { format!(" {l}") });
    quote! { #( #[doc = #docs] )* }
}

/// The doc lines of a description, or nothing when there is none.
pub fn description(text: Option<&str>) -> Vec<String> {
    text.map(|t| wrap(&markdown(&decode_entities(t)))).unwrap_or_default()
}

/// Inline code for a value, with a backtick fence long enough for the value's own backticks.
pub fn code(value: &str) -> String {
    if value.is_empty() {
        return "the empty string".to_owned();
    }
    // A control character, a carriage return above all, cannot stand in a doc comment.
    let value: String = value.chars().map(|c| if c.is_control() { c.escape_debug().to_string() } else { c.to_string() }).collect();
    let value = value.as_str();
    let longest = value.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if value.starts_with('`') || value.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{value}{pad}{fence}")
}

/// Whether `#[doc(alias = ...)]` accepts the text.
pub fn alias_ok(alias: &str) -> bool {
    !alias.is_empty()
        && alias.trim() == alias
        && !alias.chars().any(|c| c == '"' || c == '\'' || (c.is_whitespace() && c != ' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_decode() {
        assert_eq!(decode_entities("user&#39;s &quot;x&quot; &#x3D; &lt;a&gt;"), "user's \"x\" = <a>");
        assert_eq!(decode_entities("AT&T &unknown; &"), "AT&T &unknown; &");
        assert_eq!(decode_entities("&amp;lt;"), "&lt;");
    }

    #[test]
    fn markup_is_escaped() {
        let md = markdown("see [the docs] at https://example.com/a_b. Use <b> *now* - or `x`");
        assert_eq!(
            md,
            ["see \\[the docs\\] at <https://example.com/a_b>. Use \\<b\\> \\*now\\* \\- or \\`x\\`"]
        );
    }

    #[test]
    fn wrapped_lines_never_start_a_list() {
        let long = format!("{} - 1. item", "word ".repeat(19));
        let lines = wrap(&markdown(&long));
        // An escaped `\-` is text to Markdown; a bare `-` or `1.` would start a list.
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines.iter().all(|l| !l.starts_with('-') && !l.starts_with('1')), "{lines:?}");
    }

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("work"), "`work`");
    }
}
