//! Areas for a flat catalogue: a rule that groups types into crates that form no circle.
//!
//! A catalogue kept in one folder has no areas, but a split build needs them. The rule:
//! every type belongs to the area of the types that refer to it, when they all share one; a
//! type referred to from two areas goes to `shared`, and so does everything `shared` refers
//! to; a type nothing refers to starts an area named after the first word of its name. So an
//! area refers only to itself and to `shared`, and cargo can build every area but `shared` in
//! parallel. Small areas are then merged, in name order, so that crates are not tiny.

use crate::model::{Body, Definition};
use heck::ToSnakeCase;
use std::collections::{BTreeMap, BTreeSet};

/// The area of the types that several areas refer to.
pub const SHARED: &str = "shared";

/// An area with at least this many types keeps its own crate.
const OWN_CRATE: usize = 150;

/// Smaller areas are merged until a merged crate has at least this many types.
const MERGED_CRATE: usize = 400;

/// Sets the area of every definition by the rule above, replacing any area it had.
pub fn by_references(definitions: &mut [Definition]) {
    let index: BTreeMap<&str, usize> =
        definitions.iter().enumerate().map(|(i, d)| (d.name.value.as_str(), i)).collect();
    let edges: Vec<Vec<usize>> = definitions.iter().map(|d| references(d, &index)).collect();
    let mut referrers = vec![Vec::new(); definitions.len()];
    for (from, targets) in edges.iter().enumerate() {
        for &to in targets {
            referrers[to].push(from);
        }
    }

    // Tarjan numbers components so that a component comes after every component it refers
    // to; walking them backwards visits referrers before the types they refer to.
    let component = crate::check::strongly_connected(&edges);
    let count = component.iter().copied().max().map_or(0, |c| c + 1);
    let mut members = vec![Vec::new(); count];
    for (i, &c) in component.iter().enumerate() {
        members[c].push(i);
    }
    let mut owner: Vec<Option<String>> = vec![None; definitions.len()];
    for c in (0..count).rev() {
        let outside: BTreeSet<&str> = members[c]
            .iter()
            .flat_map(|&m| referrers[m].iter())
            .filter(|&&r| component[r] != c)
            .filter_map(|&r| owner[r].as_deref())
            .collect();
        let area = match outside.len() {
            0 => first_word(members[c].iter().map(|&m| definitions[m].name.value.as_str())),
            1 => outside.iter().next().map(|s| (*s).to_owned()).unwrap_or_default(),
            _ => SHARED.to_owned(),
        };
        for &m in &members[c] {
            owner[m] = Some(area.clone());
        }
    }

    let names = merge_small(&owner);
    for (d, area) in definitions.iter_mut().zip(owner) {
        let area = area.unwrap_or_else(|| SHARED.to_owned());
        d.area = vec![names.get(&area).cloned().unwrap_or(area)];
    }
}

fn references(d: &Definition, index: &BTreeMap<&str, usize>) -> Vec<usize> {
    let Body::Model(model) = &d.body else { return Vec::new() };
    let mut out: Vec<usize> =
        model.properties.iter().filter_map(|p| p.ty.named()).filter_map(|n| index.get(n).copied()).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The first word of the first name, lowercase: `ConversationCallback` is `conversation`.
fn first_word<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let first = names.min().unwrap_or("types").to_snake_case();
    let word = first.split('_').next().unwrap_or("types");
    if word == SHARED { format!("{word}-types") } else { word.to_owned() }
}

/// The crate name of each area: large ones keep theirs, small ones are merged in name order
/// into crates named after their first and last member areas.
fn merge_small(owner: &[Option<String>]) -> BTreeMap<String, String> {
    let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
    for area in owner.iter().flatten() {
        *sizes.entry(area).or_default() += 1;
    }
    let mut names = BTreeMap::new();
    let mut bucket: Vec<&str> = Vec::new();
    let mut filled = 0;
    let small: Vec<(&str, usize)> =
        sizes.iter().filter(|(a, n)| **n < OWN_CRATE && **a != SHARED).map(|(a, n)| (*a, *n)).collect();
    for (i, (area, n)) in small.iter().enumerate() {
        bucket.push(area);
        filled += n;
        if filled >= MERGED_CRATE || i + 1 == small.len() {
            let name = match (bucket.first(), bucket.last()) {
                (Some(a), Some(b)) if a != b => format!("{a}-{b}"),
                (Some(a), _) => (*a).to_owned(),
                _ => continue,
            };
            for member in bucket.drain(..) {
                names.insert(member.to_owned(), name.clone());
            }
            filled = 0;
        }
    }
    names
}
