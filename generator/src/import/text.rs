//! Cell text to plain text and back: Markdown escapes and HTML entities.

use crate::emit::docs::decode_entities;

/// The plain text a reader sees in a cell: backslash escapes resolved, entities decoded.
///
/// The pages escape twice, Markdown over HTML (`\&quot;`), so both are undone, in that order.
pub fn plain(cell: &str) -> String {
    decode_entities(&unescape(cell))
}

/// Resolves Markdown backslash escapes: a backslash before ASCII punctuation stands for it.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if c == '\\' && next.is_ascii_punctuation() => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// Text for a definition's `description` that the generator decodes back to `plain`.
///
/// Only an `&` that would start an entity is written `&amp;`; other text stays as it reads, so
/// `AT&T` is not cluttered while a literal `&lt;` stays literal.
pub fn encode(plain: &str) -> String {
    let mut out = String::with_capacity(plain.len());
    for (at, c) in plain.char_indices() {
        if c == '&' && starts_entity(&plain[at..]) {
            out.push_str("&amp;");
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether the generator's decoder reads an entity at the start of `rest`, which starts with
/// `&`. Asking the decoder itself keeps both sides of the round trip on one rule: an entity
/// decodes to one character, anything else leaves at least the `&` and the `;`.
fn starts_entity(rest: &str) -> bool {
    match rest.find(';') {
        Some(end) => decode_entities(&rest[..=end]).chars().count() == 1,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_escapes_are_undone() {
        assert_eq!(plain(r"set to \&quot;true\&quot;"), "set to \"true\"");
        assert_eq!(plain("the user&#39;s &lt;b&gt;"), "the user's <b>");
        assert_eq!(
            plain(r"not allowed: \\{^}%`]\&quot;&gt;[~&lt;#|"),
            r#"not allowed: \{^}%`]">[~<#|"#
        );
        assert_eq!(plain(r"a \d b \"), r"a \d b \");
        assert_eq!(plain("date &amp; time"), "date & time");
        assert_eq!(plain("&amp;lt; stays"), "&lt; stays");
    }

    #[test]
    fn encoding_marks_only_what_would_decode() {
        assert_eq!(encode("AT&T; x & y"), "AT&T; x & y");
        assert_eq!(encode("a literal &lt;"), "a literal &amp;lt;");
        assert_eq!(
            encode("&#39; &#x3D; &amp;"),
            "&amp;#39; &amp;#x3D; &amp;amp;"
        );
        assert_eq!(encode("&unknown; &#xZZ;"), "&unknown; &#xZZ;");
        assert_eq!(encode("&a&lt;"), "&a&amp;lt;");
    }

    #[test]
    fn encoded_text_decodes_back() {
        let cases = [
            "",
            "&",
            "&&",
            "&;",
            "&lt",
            "&lt;",
            "&amp;lt;",
            "&#;",
            "&#x;",
            "&#1114112;",
            "&#0;",
            "&#38;",
            "&a&lt;",
            "&lt;&gt;",
            "x &nbsp; y",
            "&verylongentityname;",
            "é&eacute;",
            "&#x1F600;",
            "&&lt;;",
            "&#x3D&#x3D;",
            "\\&quot;",
        ];
        for case in cases {
            assert_eq!(decode_entities(&encode(case)), case, "{case:?}");
        }
    }

    /// A small deterministic generator, so the property test needs no extra dependency and
    /// fails the same way on every run.
    struct Xorshift(u64);

    impl Xorshift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn pick<T: Copy>(&mut self, items: &[T]) -> T {
            let at = usize::try_from(self.next() % items.len() as u64).expect("index below len");
            items[at]
        }
    }

    #[test]
    fn any_text_survives_encoding() {
        let alphabet = [
            '&', ';', '#', 'x', 'X', 'l', 't', 'g', 'a', 'm', 'p', 'q', 'u', 'o', '3', 'D', '9',
            '1', ' ', 'é', '<', '\\', '"', '\n',
        ];
        let words = [
            "&lt;", "&amp;", "&#39;", "&#x3D;", "&quot;", "&nbsp;", "&#", "&#x",
        ];
        let mut rng = Xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let mut text = String::new();
            let len = rng.next() % 16;
            for _ in 0..len {
                if rng.next() % 4 == 0 {
                    text.push_str(rng.pick(&words));
                } else {
                    text.push(rng.pick(&alphabet));
                }
            }
            assert_eq!(decode_entities(&encode(&text)), text, "{text:?}");
        }
    }
}
