//! Inputs that make YAML, or a naive generator, slow, huge or crash stay bounded in time and
//! memory and end in a clear message; inputs the fuzzer found stay fixed.

use modelgen::diag::{Diagnostic, Diagnostics};
use modelgen::{read, Failure, Options};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Generous for a debug build on a busy machine; what it catches is exponential or quadratic
/// work, which takes minutes.
const BOUND: Duration = Duration::from_secs(20);

fn problems(text: &str) -> Vec<Diagnostic> {
    let start = Instant::now();
    let result = read::parse_definition(Path::new("definitions/Hazard.yaml"), Vec::new(), text);
    assert!(start.elapsed() < BOUND, "reading took {:?}", start.elapsed());
    match result {
        Ok(d) => panic!("accepted: {d:?}"),
        Err(p) => p,
    }
}

fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hazards").join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("definitions")).expect("the temporary folder is writable");
    dir
}

#[test]
fn billion_laughs_stop_at_the_first_alias() {
    let mut text = String::from("name: Hazard\nlol0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    for level in 1..10 {
        let refs = vec![format!("*a{}", level - 1); 9].join(", ");
        text.push_str(&format!("lol{level}: &a{level} [{refs}]\n"));
    }
    text.push_str("properties: []\n");
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].message, "YAML aliases are not supported in definitions");
    assert_eq!((found[0].pos.line, found[0].pos.column), (3, 12));
}

#[test]
fn deep_nesting_is_refused_without_recursion() {
    for text in [
        format!("name: Hazard\nproperties: {}", "[".repeat(1_000_000)),
        format!("name: Hazard\nproperties: {}", "{a: ".repeat(100_000)),
        (0..2_000).map(|i| format!("{}k:\n", "  ".repeat(i))).collect::<String>(),
        format!("name: Hazard\nproperties:\n  - {{name: a, type: {}String}}\n", "Array<".repeat(1_000_000)),
    ] {
        let found = problems(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        let message = &found[0].message;
        assert!(message.contains("deeper than 32") || message.contains("at most 16"), "{message}");
        assert!(message.len() < 200, "the message quotes too much: {message}");
    }
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let dir = folder("huge");
    let file = fs::File::create(dir.join("definitions/Huge.yaml")).expect("writable");
    file.set_len(50 * 1024 * 1024).expect("a sparse 50 MB file");
    let mut options = Options::new(dir.join("definitions"), dir.join("out"), "huge");
    options.spec.definitions = "definitions".to_owned();
    let start = Instant::now();
    let Err(Failure::Definitions(d)) = modelgen::codegen(&options) else { panic!("accepted") };
    assert!(start.elapsed() < BOUND);
    let text = options.render(&d);
    assert!(text.contains("the file is 52428800 bytes, over the limit of 4194304 bytes"), "{text}");
    assert!(text.contains("raise the limit with `--max-file-bytes BYTES`"), "{text}");
    assert!(!dir.join("out").exists(), "nothing was written");
}

#[test]
fn a_problem_on_every_line_renders_in_linear_time() {
    let dir = folder("every-line");
    let rows: String = (0..40_000).map(|i| format!("  - {{name: a{i}, type: Strin, colour: x}}\n")).collect();
    let text = format!("name: Many\nproperties:\n{rows}");
    fs::write(dir.join("definitions/Many.yaml"), &text).expect("writable");
    let mut options = Options::new(dir.join("definitions"), dir.join("out"), "many");
    options.spec.definitions = "definitions".to_owned();
    let start = Instant::now();
    let Err(Failure::Definitions(d)) = modelgen::codegen(&options) else { panic!("accepted") };
    let rendered = options.render(&d);
    assert!(start.elapsed() < BOUND * 2, "took {:?}", start.elapsed());
    assert_eq!(d.0.len(), 40_000, "one unknown key per row; the rows with it are left out");
    assert!(rendered.ends_with("error: 40000 problems in 1 definition file; nothing was written\n"));
}

#[test]
fn long_values_are_shortened_in_messages() {
    // YAML itself limits a plain key to 1024 characters.
    let key = "x".repeat(1_000);
    let long = "X".repeat(100_000);
    let found = problems(&format!("name: Hazard\n{key}: 1\nproperties:\n  - {{name: a, type: \"{long}>\"}}\n"));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|d| d.message.len() < 200), "{found:?}");

    let text = format!("name: {long}\nproperties:\n  - {{name: a, type: {long}}}\n");
    let definition = read::parse_definition(Path::new("Hazard.yaml"), Vec::new(), &text).expect("reads");
    let Err(found) = modelgen::check::check(&[definition]) else { panic!("accepted") };
    let long: Vec<&str> = found.iter().map(|d| d.message.as_str()).filter(|m| m.len() > 200).collect();
    assert!(long.is_empty(), "{} messages quote too much", long.len());
}

#[test]
fn byte_order_marks_and_crlf_line_ends_are_read() {
    let text = "\u{feff}name: Hazard\r\nproperties:\r\n  - name: id\r\n    type: Strin\r\n";
    let definition = read::parse_definition(Path::new("Hazard.yaml"), Vec::new(), text);
    let definition = definition.unwrap_or_else(|p| panic!("{p:?}"));
    let Err(found) = modelgen::check::check(&[definition]) else { panic!("accepted") };
    assert_eq!((found[0].pos.line, found[0].pos.column), (4, 11));
    let rendered = Diagnostics(found).render(|_| Some(text.to_owned()));
    assert!(rendered.contains("4 |     type: Strin\n"), "{rendered}");
}

/// Found by the fuzzer: a path with a carriage return and NUL bytes went into the headers and
/// docs of the generated files, which then did not parse; a line feed would have put the rest
/// of the path into the code.
#[test]
fn paths_with_control_characters_are_refused() {
    let text = "name: Two\nproperties: []\n";
    for path in ["Two.yaml\r\0\0\0\0\0\0\0", "a\nb/Two.yaml"] {
        let found = read::parse_definition(Path::new(path), Vec::new(), text).unwrap_err();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.starts_with("the file's path `"), "{}", found[0].message);
        assert!(!found[0].message.contains('\n') && !found[0].message.contains('\r'));
    }

    let dir = folder("control");
    let area = dir.join("definitions/a\npub fn injected() {}\n//");
    fs::create_dir_all(&area).expect("a folder name may hold a line feed on this system");
    fs::write(area.join("Two.yaml"), text).expect("writable");
    let options = Options::new(dir.join("definitions"), dir.join("out"), "control");
    let Err(Failure::Definitions(d)) = modelgen::codegen(&options) else { panic!("accepted") };
    assert_eq!(d.0.len(), 1, "{d}");
    assert!(!dir.join("out").exists(), "nothing was written");
}

/// Found by the fuzzer: an enum value holding a carriage return (`"v\r"` in YAML) went into a
/// doc comment as it was, where a bare CR is not allowed, so the generated file did not parse.
#[test]
fn control_characters_in_values_and_keys_generate_parsable_rust() {
    let text = "name: Cc\nproperties:\n  - {name: a, type: String, json: \"k\\r\\n\\0z\"}\n  \
                - {name: b, type: String, enum: [\"v\\r\", \"w\\n\", \"n\\0\", \"t\\tt\"]}\n";
    let definition = read::parse_definition(Path::new("Cc.yaml"), Vec::new(), text).expect("reads");
    let catalog = modelgen::check::check(&[definition]).expect("checks");
    let spec = Options::new("definitions", "out", "cc").spec;
    for file in modelgen::emit::emit(&catalog, &spec).expect("emits") {
        if file.path.extension().is_some_and(|e| e == "rs") {
            syn::parse_file(&file.contents).unwrap_or_else(|e| panic!("{}: {e}", file.path.display()));
        }
    }
}
