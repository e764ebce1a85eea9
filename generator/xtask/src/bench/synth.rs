//! The definition sets the generation benchmark reads: copies of the SCIM set and of the
//! catalogue, and synthetic sets of any size made of renamed copies of catalogue models.
//!
//! A synthetic set of `n` models holds whole copies of the catalogue and then part of one
//! more. Copy `k` (from 1; copy 0 keeps the real names) renames every type `T` to `T` +
//! `X{k}`: the model's `name`, every name inside a `type` expression and every `enum_name`,
//! so references stay within their copy. A partial copy takes whole reference-closed groups
//! of models, smallest first, so every reference in it resolves.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A folder of definitions ready to be generated.
pub struct DefinitionSet {
    pub name: String,
    pub dir: PathBuf,
    pub models: usize,
}

/// Where the catalogue is, beside the checkout: `../shared/corpus/genesys-cloud`.
pub fn catalogue_dir(root: &Path) -> Result<PathBuf, String> {
    let dir = root
        .parent()
        .unwrap_or(root)
        .join("shared/corpus/genesys-cloud");
    if dir.is_dir() {
        return Ok(dir);
    }
    Err(format!(
        "error: the Genesys Cloud catalogue is missing: no folder {}\nthe benchmarks read it \
         from shared/corpus/genesys-cloud beside the checkout; lay shared/ there and run \
         `cargo xtask bench` again",
        dir.display()
    ))
}

/// Copies every `.yaml` file below `from` to `to`, which is emptied first.
pub fn copy_set(name: &str, from: &Path, to: &Path) -> Result<DefinitionSet, String> {
    let files = super::variants::yaml_files(from).map_err(|e| io_error(from, e))?;
    fresh_dir(to)?;
    for rel in &files {
        let target = to.join(rel);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
        }
        fs::copy(from.join(rel), &target).map_err(|e| io_error(&target, e))?;
    }
    Ok(DefinitionSet {
        name: name.to_owned(),
        dir: to.to_path_buf(),
        models: files.len(),
    })
}

/// The catalogue's models, with the references between them.
pub struct Catalogue {
    names: Vec<String>,
    texts: Vec<String>,
    closures: Vec<Vec<usize>>,
}

impl Catalogue {
    /// Reads every model of the flat catalogue folder.
    pub fn read(dir: &Path) -> Result<Catalogue, String> {
        let files = super::variants::yaml_files(dir).map_err(|e| io_error(dir, e))?;
        let mut names = Vec::with_capacity(files.len());
        let mut texts = Vec::with_capacity(files.len());
        for rel in &files {
            let stem = rel
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            names.push(stem);
            texts.push(fs::read_to_string(dir.join(rel)).map_err(|e| io_error(&dir.join(rel), e))?);
        }
        let index: BTreeMap<&str, usize> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i))
            .collect();
        let refs: Vec<Vec<usize>> = texts.iter().map(|t| references(t, &index)).collect();
        let closures = (0..names.len()).map(|i| closure(i, &refs)).collect();
        Ok(Catalogue {
            names,
            texts,
            closures,
        })
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Writes a set of `n` models to `to`, which is emptied first.
    pub fn synthetic(&self, n: usize, to: &Path) -> Result<DefinitionSet, String> {
        let index: BTreeMap<&str, usize> = self
            .names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i))
            .collect();
        fresh_dir(to)?;
        let mut written = BTreeSet::new();
        for (copy, members) in self.copies(n).iter().enumerate() {
            let suffix = if copy == 0 {
                String::new()
            } else {
                format!("X{copy}")
            };
            for &i in members {
                let name = format!("{}{suffix}", self.names[i]);
                if !written.insert(name.clone()) {
                    return Err(format!(
                        "error: synthetic set: the name `{name}` came out twice"
                    ));
                }
                let path = to.join(format!("{name}.yaml"));
                fs::write(&path, rename(&self.texts[i], &suffix, &index))
                    .map_err(|e| io_error(&path, e))?;
            }
        }
        Ok(DefinitionSet {
            name: format!("synthetic {}", thousands(n)),
            dir: to.to_path_buf(),
            models: written.len(),
        })
    }

    /// The models of each copy: whole copies, then a reference-closed part of one more.
    fn copies(&self, n: usize) -> Vec<Vec<usize>> {
        let all: Vec<usize> = (0..self.len()).collect();
        let mut copies = vec![all; n / self.len()];
        if n % self.len() > 0 {
            copies.push(self.closed_subset(n % self.len()));
        }
        copies
    }

    /// At most `n` models, closed under references, taking small groups first.
    fn closed_subset(&self, n: usize) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.len()).collect();
        order.sort_by_key(|&i| (self.closures[i].len(), &self.names[i]));
        let mut chosen = vec![false; self.len()];
        let mut count = 0;
        for i in order {
            let new: Vec<usize> = self.closures[i]
                .iter()
                .copied()
                .filter(|&j| !chosen[j])
                .collect();
            if count + new.len() <= n {
                count += new.len();
                new.into_iter().for_each(|j| chosen[j] = true);
            }
            if count == n {
                break;
            }
        }
        (0..self.len()).filter(|&i| chosen[i]).collect()
    }
}

/// The models a definition names in its `type` expressions.
fn references(text: &str, index: &BTreeMap<&str, usize>) -> Vec<usize> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        if let Some((_, value)) = split_key(line, "type") {
            found.extend(identifiers(value).filter_map(|word| index.get(word).copied()));
        }
    }
    found.into_iter().collect()
}

/// A model and everything it reaches through references, itself included.
fn closure(start: usize, refs: &[Vec<usize>]) -> Vec<usize> {
    let mut seen = BTreeSet::from([start]);
    let mut pending = vec![start];
    while let Some(i) = pending.pop() {
        for &j in &refs[i] {
            if seen.insert(j) {
                pending.push(j);
            }
        }
    }
    seen.into_iter().collect()
}

/// The text of a model for a copy: its name, the models its types name, and its enum names
/// all get `suffix`; everything else stays as it is.
fn rename(text: &str, suffix: &str, index: &BTreeMap<&str, usize>) -> String {
    if suffix.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 256);
    for line in text.lines() {
        let renamed = if line.starts_with("name:") {
            split_key(line, "name").map(|(key, v)| format!("{key} \"{}{suffix}\"", unquote(v)))
        } else if let Some((key, v)) = split_key(line, "type") {
            Some(format!(
                "{key} \"{}\"",
                rename_type(unquote(v), suffix, index)
            ))
        } else {
            split_key(line, "enum_name").map(|(key, v)| format!("{key} \"{}{suffix}\"", unquote(v)))
        };
        out.push_str(renamed.as_deref().unwrap_or(line));
        out.push('\n');
    }
    out
}

/// `Array<Foo>` to `Array<FooX1>`: only names of catalogue models change, never `String` or
/// `Array`.
fn rename_type(expr: &str, suffix: &str, index: &BTreeMap<&str, usize>) -> String {
    let mut out = String::with_capacity(expr.len() + suffix.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        out.push_str(word);
        if index.contains_key(word.as_str()) {
            out.push_str(suffix);
        }
        word.clear();
    };
    for c in expr.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// `  - type: "X"` as (`  - type:`, `"X"`) when the line's key is `key`.
fn split_key<'a>(line: &'a str, key: &str) -> Option<(&'a str, &'a str)> {
    let body = line.trim_start().trim_start_matches("- ");
    let rest = body.strip_prefix(key)?.strip_prefix(':')?;
    let key_end = line.len() - rest.len();
    Some((&line[..key_end], rest.trim()))
}

fn unquote(value: &str) -> &str {
    value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value)
}

fn identifiers(expr: &str) -> impl Iterator<Item = &str> {
    expr.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
}

fn fresh_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| io_error(dir, e))?;
    }
    fs::create_dir_all(dir).map_err(|e| io_error(dir, e))
}

pub fn io_error(path: &Path, e: std::io::Error) -> String {
    format!("error: {}: {e}", path.display())
}

/// `20000` as `20k`, `1500` as `1500`.
pub fn thousands(n: usize) -> String {
    if n % 1000 == 0 {
        format!("{}k", n / 1000)
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index<'a>(names: &[&'a str]) -> BTreeMap<&'a str, usize> {
        names.iter().enumerate().map(|(i, n)| (*n, i)).collect()
    }

    #[test]
    fn renames_names_types_and_enum_names_only() {
        let text = "name: Foo\nproperties:\n  - name: \"bar\"\n    type: \"Array<Bar>\"\n    \
                    enum_name: \"FooKind\"\n  - name: \"s\"\n    type: \"Hash<String, Foo>\"\n";
        let renamed = rename(text, "X2", &index(&["Bar", "Foo"]));
        assert_eq!(
            renamed,
            "name: \"FooX2\"\nproperties:\n  - name: \"bar\"\n    type: \"Array<BarX2>\"\n    \
             enum_name: \"FooKindX2\"\n  - name: \"s\"\n    type: \"Hash<String, FooX2>\"\n"
        );
    }

    #[test]
    fn partial_copies_are_closed_under_references() {
        let texts = [
            "name: A\n  - type: \"B\"\n",
            "name: B\n  - type: \"C\"\n",
            "name: C\n",
            "name: D\n",
        ];
        let names: Vec<String> = ["A", "B", "C", "D"].iter().map(|s| s.to_string()).collect();
        let idx = index(&["A", "B", "C", "D"]);
        let refs: Vec<Vec<usize>> = texts.iter().map(|t| references(t, &idx)).collect();
        let closures = (0..4).map(|i| closure(i, &refs)).collect();
        let catalogue = Catalogue {
            names,
            texts: texts.map(String::from).to_vec(),
            closures,
        };
        assert_eq!(catalogue.closed_subset(2), vec![2, 3]);
        assert_eq!(catalogue.closed_subset(3), vec![1, 2, 3]);
        assert_eq!(
            catalogue.copies(6).iter().map(Vec::len).collect::<Vec<_>>(),
            vec![4, 2]
        );
    }
}
