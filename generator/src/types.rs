//! The table's type notation: `String`, `Array<ScimEmail>`, `Hash<String, Array<T>>`.

use crate::model::TypeExpr;

/// The names the notation gives meaning to; no definition may take one of them.
pub const BUILTIN_NAMES: &[&str] = &[
    "String",
    "Integer",
    "Long",
    "Float",
    "Double",
    "BOOLEAN",
    "Boolean",
    "Date",
    "DateTime",
    "LocalDateTime",
    "Object",
    "Array",
    "Hash",
];

/// The deepest nesting of `Array` and `Hash` a type may use; real tables need two or three.
pub const MAX_DEPTH: usize = 16;

/// Why a type expression does not parse: a message and the character offset it points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeError {
    /// What is wrong.
    pub message: String,
    /// Offset in characters from the start of the expression.
    pub offset: usize,
}

/// Parses a type expression; white space inside `< >` is free.
pub fn parse(text: &str) -> Result<TypeExpr, TypeError> {
    let chars: Vec<char> = text.chars().collect();
    let mut p = TypeParser { chars: &chars, at: 0 };
    p.skip_space();
    let ty = p.ty(0)?;
    p.skip_space();
    if p.at < chars.len() {
        return Err(p.error(format!("unexpected `{}` after the type", crate::diag::excerpt(&p.rest()))));
    }
    Ok(ty)
}

struct TypeParser<'a> {
    chars: &'a [char],
    at: usize,
}

impl TypeParser<'_> {
    fn error(&self, message: String) -> TypeError {
        TypeError { message, offset: self.at }
    }

    fn rest(&self) -> String {
        self.chars[self.at..].iter().collect()
    }

    fn skip_space(&mut self) {
        while self.chars.get(self.at).is_some_and(|c| c.is_whitespace()) {
            self.at += 1;
        }
    }

    fn expect(&mut self, wanted: char) -> Result<(), TypeError> {
        self.skip_space();
        match self.chars.get(self.at) {
            Some(c) if *c == wanted => {
                self.at += 1;
                Ok(())
            }
            Some(c) => Err(self.error(format!("expected `{wanted}`, found `{c}`"))),
            None => Err(self.error(format!("expected `{wanted}`, found the end"))),
        }
    }

    fn word(&mut self) -> String {
        let start = self.at;
        while self.chars.get(self.at).is_some_and(|c| c.is_alphanumeric() || *c == '_') {
            self.at += 1;
        }
        self.chars[start..self.at].iter().collect()
    }

    /// One type at nesting `depth`; the limit keeps the recursion, here and in every later
    /// stage that walks the type, far from the end of the stack.
    fn ty(&mut self, depth: usize) -> Result<TypeExpr, TypeError> {
        self.skip_space();
        if depth > MAX_DEPTH {
            return Err(self.error(format!("types nest at most {MAX_DEPTH} levels deep")));
        }
        let start = self.at;
        let word = self.word();
        if word.is_empty() {
            return Err(match self.chars.get(self.at) {
                Some(c) => self.error(format!("expected a type name, found `{c}`")),
                None => self.error("expected a type name, found the end".to_owned()),
            });
        }
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            self.at = start;
            return Err(self.error(format!("`{word}` is not a type name")));
        }
        Ok(match word.as_str() {
            "String" => TypeExpr::String,
            "Integer" | "Long" => TypeExpr::Integer,
            "Float" | "Double" => TypeExpr::Float,
            "BOOLEAN" | "Boolean" => TypeExpr::Boolean,
            "Date" => TypeExpr::Date,
            "DateTime" => TypeExpr::DateTime,
            "LocalDateTime" => TypeExpr::LocalDateTime,
            "Object" => TypeExpr::Object,
            "Array" => {
                self.expect('<')?;
                let inner = self.ty(depth + 1)?;
                self.expect('>')?;
                TypeExpr::Array(Box::new(inner))
            }
            "Hash" => {
                self.expect('<')?;
                let key_at = self.at;
                let key = self.ty(depth + 1)?;
                if key != TypeExpr::String {
                    self.at = key_at;
                    self.skip_space();
                    return Err(self.error("the keys of `Hash` are always `String`".to_owned()));
                }
                self.expect(',')?;
                let value = self.ty(depth + 1)?;
                self.expect('>')?;
                TypeExpr::Hash(Box::new(value))
            }
            _ => TypeExpr::Named(word),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_types_parse() {
        let t = parse("Hash< String , Array<ScimEmail>>").unwrap();
        let inner = TypeExpr::Array(Box::new(TypeExpr::Named("ScimEmail".into())));
        assert_eq!(t, TypeExpr::Hash(Box::new(inner)));
        assert_eq!(parse("Long").unwrap(), TypeExpr::Integer);
    }

    #[test]
    fn bad_types_point_at_the_problem() {
        assert_eq!(parse("Array<>").unwrap_err().offset, 6);
        assert_eq!(parse("Array<String").unwrap_err().offset, 12);
        assert_eq!(parse("Hash<Integer, String>").unwrap_err().offset, 5);
        assert!(parse("Array<String>>").unwrap_err().message.contains("after the type"));
        assert!(parse("").is_err());
        let deep = format!("{}String{}", "Array<".repeat(MAX_DEPTH), ">".repeat(MAX_DEPTH));
        assert!(parse(&deep).is_ok());
        let deeper = format!("{}String{}", "Array<".repeat(100_000), ">".repeat(100_000));
        assert!(parse(&deeper).unwrap_err().message.contains("at most 16 levels"));
    }
}
