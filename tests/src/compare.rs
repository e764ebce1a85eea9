//! JSON comparison under the round-trip rules of the SCIM case log (RT-exact, RT-model,
//! RT-canon), reporting the first place where two values differ.

use std::fmt;

use chrono::DateTime;
use serde_json::{Map, Value};

use crate::shapes::{Model, Shape};

/// The first place where an original payload and its written-back form differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// The JSON path, written as `genesys_scim::JsonError::path` writes it; empty at the root.
    pub path: String,
    /// The value in the original, `None` where the member is absent there.
    pub original: Option<Value>,
    /// The value written back, `None` where the member is absent there.
    pub output: Option<Value>,
    /// Why the values could not be compared at all, where that is the problem.
    pub note: Option<String>,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "the root"
        } else {
            &self.path
        };
        write!(f, "first difference at {path}: ")?;
        if let Some(note) = &self.note {
            write!(f, "{note}; ")?;
        }
        write!(
            f,
            "original = {}, output = {}",
            shown(&self.original),
            shown(&self.output)
        )
    }
}

impl std::error::Error for Difference {}

// A 3 500-member list printed whole would bury the path, so long values are cut.
fn shown(value: &Option<Value>) -> String {
    const LIMIT: usize = 300;

    let Some(value) = value else {
        return "(absent)".to_owned();
    };
    let text = value.to_string();
    if text.len() <= LIMIT {
        return text;
    }
    let cut = (0..=LIMIT)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    format!("{}… ({} bytes)", &text[..cut], text.len())
}

/// RT-exact: `original` and `output` are the same JSON value. Key order does not matter,
/// numbers compare by value (`3` equals `3.0`), and two strings that both read as RFC 3339
/// date-times compare as instants (rule D), so `…00.000Z` equals `…00+00:00`.
pub fn rt_exact(original: &Value, output: &Value) -> Result<(), Difference> {
    compare(original, output, &mut Vec::new())
}

/// RT-model: like [`rt_exact`] after keeping, on both sides, only the members `model` knows
/// (rule U), and with null, `[]` and absence of a known member taken as one state (rule N),
/// except for untyped members such as `PatchOperation.value`, which are compared verbatim.
pub fn rt_model(original: &Value, output: &Value, model: &'static Model) -> Result<(), Difference> {
    let original = project(original, Shape::Model(model), Reading::Exact)?;
    let output = project(output, Shape::Model(model), Reading::Exact)?;
    rt_exact(&original, &output)
}

/// RT-canon: like [`rt_model`], but the original's keys are matched to the model's keys
/// ignoring ASCII case (rule C) and its `op` values are lower-cased (rule O). The output is
/// held to the canonical spelling: a key written back in any other case counts as absent.
pub fn rt_canon(original: &Value, output: &Value, model: &'static Model) -> Result<(), Difference> {
    let original = project(original, Shape::Model(model), Reading::Canonical)?;
    let output = project(output, Shape::Model(model), Reading::Exact)?;
    rt_exact(&original, &output)
}

#[derive(Debug, Clone)]
enum Segment {
    Key(String),
    Index(usize),
}

/// Writes a path the way the generated crate's `JsonError::path` does: `.` between keys,
/// `[N]` for indices, and `["…"]` for keys that would otherwise read ambiguously.
fn render(path: &[Segment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Index(index) => out.push_str(&format!("[{index}]")),
            Segment::Key(key) if needs_quotes(key) => {
                out.push('[');
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(']');
            }
            Segment::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
        }
    }
    out
}

fn needs_quotes(key: &str) -> bool {
    key.is_empty() || key.contains(['.', '[', ']', ':', '"'])
}

fn differ(path: &[Segment], original: Option<&Value>, output: Option<&Value>) -> Difference {
    Difference {
        path: render(path),
        original: original.cloned(),
        output: output.cloned(),
        note: None,
    }
}

fn compare(original: &Value, output: &Value, path: &mut Vec<Segment>) -> Result<(), Difference> {
    match (original, output) {
        (Value::Object(left), Value::Object(right)) => compare_objects(left, right, path),
        (Value::Array(left), Value::Array(right)) => compare_arrays(left, right, path),
        (Value::Number(_), Value::Number(_)) if numbers_equal(original, output) => Ok(()),
        (Value::String(left), Value::String(right)) if strings_equal(left, right) => Ok(()),
        (Value::Null, Value::Null) => Ok(()),
        (Value::Bool(left), Value::Bool(right)) if left == right => Ok(()),
        _ => Err(differ(path, Some(original), Some(output))),
    }
}

fn compare_objects(
    left: &Map<String, Value>,
    right: &Map<String, Value>,
    path: &mut Vec<Segment>,
) -> Result<(), Difference> {
    for (key, value) in left {
        path.push(Segment::Key(key.clone()));
        match right.get(key) {
            Some(other) => compare(value, other, path)?,
            None => return Err(differ(path, Some(value), None)),
        }
        path.pop();
    }

    if let Some((key, value)) = right.iter().find(|(key, _)| !left.contains_key(*key)) {
        path.push(Segment::Key(key.clone()));
        return Err(differ(path, None, Some(value)));
    }
    Ok(())
}

fn compare_arrays(
    left: &[Value],
    right: &[Value],
    path: &mut Vec<Segment>,
) -> Result<(), Difference> {
    for index in 0..left.len().max(right.len()) {
        path.push(Segment::Index(index));
        match (left.get(index), right.get(index)) {
            (Some(value), Some(other)) => compare(value, other, path)?,
            (value, other) => return Err(differ(path, value, other)),
        }
        path.pop();
    }
    Ok(())
}

fn numbers_equal(left: &Value, right: &Value) -> bool {
    // Integers are compared exactly first, because past 2^53 an f64 cannot tell them apart.
    if let (Some(a), Some(b)) = (left.as_i64(), right.as_i64()) {
        return a == b;
    }
    if let (Some(a), Some(b)) = (left.as_u64(), right.as_u64()) {
        return a == b;
    }
    matches!((left.as_f64(), right.as_f64()), (Some(a), Some(b)) if a == b)
}

fn strings_equal(left: &str, right: &str) -> bool {
    if left == right {
        return true;
    }
    match (
        DateTime::parse_from_rfc3339(left),
        DateTime::parse_from_rfc3339(right),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Reading {
    /// Keys must be spelt as the model spells them; anything else is unknown.
    Exact,
    /// Keys match ignoring ASCII case and are renamed to the model's spelling; `op` values
    /// are lower-cased.
    Canonical,
}

/// Keeps only what `shape` knows of `value`, with rule N applied to known members.
fn project(value: &Value, shape: Shape, reading: Reading) -> Result<Value, Difference> {
    project_at(value, shape, reading, &mut Vec::new())
}

fn project_at(
    value: &Value,
    shape: Shape,
    reading: Reading,
    path: &mut Vec<Segment>,
) -> Result<Value, Difference> {
    match (shape, value) {
        (Shape::Model(model), Value::Object(members)) => {
            project_object(members, model, reading, path).map(Value::Object)
        }
        (Shape::Model(_), Value::Array(items)) => {
            let mut projected = Vec::with_capacity(items.len());
            for (index, item) in items.iter().enumerate() {
                path.push(Segment::Index(index));
                projected.push(project_at(item, shape, reading, path)?);
                path.pop();
            }
            Ok(Value::Array(projected))
        }
        (Shape::Op, Value::String(op)) if reading == Reading::Canonical => {
            Ok(Value::String(op.to_ascii_lowercase()))
        }
        _ => Ok(value.clone()),
    }
}

fn project_object(
    members: &Map<String, Value>,
    model: &'static Model,
    reading: Reading,
    path: &mut Vec<Segment>,
) -> Result<Map<String, Value>, Difference> {
    let mut projected = Map::new();
    for (key, value) in members {
        // Rule U: a member the model does not know takes no part in the comparison.
        let Some(field) = model.field(key, reading == Reading::Canonical) else {
            continue;
        };

        path.push(Segment::Key(key.clone()));
        if projected.contains_key(field.key) {
            let note = format!(
                "two keys of one {} object both mean `{}`",
                model.name, field.key
            );
            return Err(Difference {
                note: Some(note),
                ..differ(path, Some(value), None)
            });
        }
        let inner = project_at(value, field.shape, reading, path)?;
        path.pop();

        // Rule N: null, [] and absence are one state for resource attributes only.
        let unassigned = inner.is_null() || inner.as_array().is_some_and(Vec::is_empty);
        if unassigned && !matches!(field.shape, Shape::Verbatim) {
            continue;
        }
        projected.insert(field.key.to_owned(), inner);
    }
    Ok(projected)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::shapes::{SCIM_V2_GROUP, SCIM_V2_PATCH_REQUEST, SCIM_V2_USER};

    #[test]
    fn exact_ignores_key_order_and_number_form() {
        let original = json!({"a": 3, "b": [1.5, {"c": true}]});
        let output: Value = serde_json::from_str(r#"{"b": [1.5, {"c": true}], "a": 3.0}"#)
            .expect("the literal is valid JSON");

        assert_eq!(rt_exact(&original, &output), Ok(()));
    }

    #[test]
    fn exact_compares_date_times_as_instants() {
        let original = json!({"t": ["2011-05-13T04:42:34Z", "2011-05-13T04:42:34.000Z"]});
        let output = json!({"t": ["2011-05-13T04:42:34+00:00", "2011-05-13T06:42:34+02:00"]});
        assert_eq!(rt_exact(&original, &output), Ok(()));

        let later = json!({"t": ["2011-05-13T04:42:34Z", "2011-05-13T04:42:34.000000001Z"]});
        let difference = rt_exact(&original, &later).expect_err("one nanosecond apart");
        assert_eq!(difference.path, "t[1]");
    }

    #[test]
    fn exact_does_not_equate_a_date_time_with_other_text() {
        let difference = rt_exact(&json!("2011-05-13T04:42:34Z"), &json!("2011-05-13"))
            .expect_err("a date is not the instant");

        assert_eq!(difference.path, "");
        assert_eq!(difference.original, Some(json!("2011-05-13T04:42:34Z")));
        assert_eq!(difference.output, Some(json!("2011-05-13")));
    }

    #[test]
    fn exact_reports_the_first_difference_with_quoted_keys() {
        let urn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
        let original = json!({urn: {"manager": {"$ref": "../Users/1"}}, "emails": [{}, {"v": 1}]});
        let output = json!({urn: {"manager": {"$ref": "../Users/2"}}, "emails": [{}, {"v": 1}]});

        let difference = rt_exact(&original, &output).expect_err("the refs differ");
        assert_eq!(difference.path, format!("[\"{urn}\"].manager.$ref"));
        assert_eq!(difference.original, Some(json!("../Users/1")));
        assert_eq!(difference.output, Some(json!("../Users/2")));

        let shorter = json!({urn: {"manager": {"$ref": "../Users/1"}}, "emails": [{}]});
        let difference = rt_exact(&original, &shorter).expect_err("an element is missing");
        assert_eq!(difference.path, "emails[1]");
        assert_eq!(difference.output, None);
        assert_eq!(
            difference.to_string(),
            "first difference at emails[1]: original = {\"v\":1}, output = (absent)"
        );
    }

    #[test]
    fn exact_reports_an_added_member() {
        let difference =
            rt_exact(&json!({"a": 1}), &json!({"a": 1, "b": null})).expect_err("b was added");

        assert_eq!(difference.path, "b");
        assert_eq!(
            (difference.original, difference.output),
            (None, Some(Value::Null))
        );
    }

    #[test]
    fn model_drops_unknown_members_and_equates_unassigned_states() {
        let original = json!({
            "userName": "a",
            "nickName": "x",
            "roles": [],
            "title": null,
            "emails": [{"value": "a@example.com", "display": "a"}],
        });
        let output = json!({"userName": "a", "emails": [{"value": "a@example.com"}]});

        assert_eq!(rt_model(&original, &output, &SCIM_V2_USER), Ok(()));
        assert!(rt_exact(&original, &output).is_err());
    }

    #[test]
    fn model_still_sees_a_lost_known_member() {
        let original = json!({"displayName": "g", "members": [{"value": "1", "display": "d"}]});
        let output = json!({"displayName": "g", "members": [{"display": "d"}]});

        let difference = rt_model(&original, &output, &SCIM_V2_GROUP).expect_err("value lost");
        assert_eq!(difference.path, "members[0].value");
        assert_eq!(difference.original, Some(json!("1")));
        assert_eq!(difference.output, None);
    }

    #[test]
    fn model_keeps_patch_values_verbatim() {
        let original = json!({"schemas": [], "Operations": [{"op": "replace", "value": []}]});
        let dropped = json!({"Operations": [{"op": "replace"}]});

        let difference = rt_model(&original, &dropped, &SCIM_V2_PATCH_REQUEST)
            .expect_err("an empty value means: empty the group");
        assert_eq!(difference.path, "Operations[0].value");
        assert_eq!(difference.original, Some(json!([])));
    }

    #[test]
    fn canon_matches_keys_in_any_case_and_lower_cases_op() {
        let original = json!({"SCHEMAS": ["s"], "operations": [{"OP": "Replace", "Path": "x"}]});
        let output = json!({"schemas": ["s"], "Operations": [{"op": "replace", "path": "x"}]});
        assert_eq!(rt_canon(&original, &output, &SCIM_V2_PATCH_REQUEST), Ok(()));

        let written_as_sent = json!({"schemas": ["s"], "Operations": [{"op": "Replace"}]});
        let difference = rt_canon(&original, &written_as_sent, &SCIM_V2_PATCH_REQUEST)
            .expect_err("op must come back lower-case");
        assert_eq!(difference.path, "Operations[0].op");
    }

    #[test]
    fn canon_holds_the_output_to_canonical_keys() {
        let original = json!({"username": "a"});
        let output = json!({"UserName": "a"});

        let difference = rt_canon(&original, &output, &SCIM_V2_USER).expect_err("wrong case");
        assert_eq!(difference.path, "userName");
        assert_eq!(difference.output, None);
    }

    #[test]
    fn canon_rejects_two_keys_that_differ_only_in_case() {
        let original = json!({"userName": "a", "USERNAME": "b"});

        let difference = rt_canon(&original, &original, &SCIM_V2_USER).expect_err("ambiguous");
        assert!(difference
            .note
            .is_some_and(|note| note.contains("`userName`")));
    }

    #[test]
    fn long_values_are_cut_in_messages() {
        let long = json!("x".repeat(1000));
        let difference = rt_exact(&long, &json!("y")).expect_err("different strings");

        let message = difference.to_string();
        assert!(message.len() < 400, "message has {} bytes", message.len());
        assert!(message.contains("(1002 bytes)"), "{message}");
    }
}
