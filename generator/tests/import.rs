//! `cargo xtask import`: reference pages to definitions, against goldens and the shipped files.

use modelgen::import::diff::{differences, Change, Difference};
use modelgen::import::draft::{reads_back, Draft};
use modelgen::import::{self, read_page, yaml_out, Outcome, PageError, PageModel};
use modelgen::model::{Body, Definition, Model};
use modelgen::read::parse_definition;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const FIXTURES: &str = "tests/fixtures/import";
const SHIPPED: &str = "tests/fixtures/import/shipped";

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn page(path: &str) -> PageModel {
    let path = Path::new(FIXTURES).join(path);
    match read_page(&path, &read(&path)) {
        Ok(model) => model,
        Err(e) => panic!("{} does not import: {e:?}", path.display()),
    }
}

fn definition(path: &Path) -> Definition {
    let area = vec!["scim".to_owned()];
    parse_definition(path, area, &read(path))
        .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()))
}

fn shipped(name: &str) -> Definition {
    definition(&Path::new(SHIPPED).join(format!("{name}.yaml")))
}

fn model(def: &Definition) -> &Model {
    match &def.body {
        Body::Model(m) => m,
        Body::Enum(_) => panic!("{} is an enum", def.name.value),
    }
}

/// A fresh folder under the test target folder.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("import")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the test target folder is writable");
    dir
}

/// The text the importer writes for a page, checked to read back as the generator reads it.
fn written(model: &PageModel, label: &str) -> String {
    let draft = Draft::from_page(model);
    let text = yaml_out::render(&draft, label);
    let file = PathBuf::from(format!("{}.yaml", model.name));
    let def =
        parse_definition(&file, Vec::new(), &text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    assert!(reads_back(&draft, &def), "{text}");
    text
}

fn rendered(problems: &[modelgen::diag::Diagnostic], source: &str) -> String {
    let texts: Vec<String> = problems.iter().map(|d| d.render(Some(source))).collect();
    texts.join("\n")
}

/// One golden per page variation: `X.md` gives `X.expected.yaml` or `X.expected.txt`.
/// `MODELGEN_BLESS=1` rewrites the goldens from what the importer does now.
#[test]
fn golden_pages() {
    let bless = std::env::var_os("MODELGEN_BLESS").is_some_and(|v| v == "1");
    let dir = Path::new(FIXTURES).join("golden");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the golden folder")
        .map(|e| e.expect("a folder entry").path())
        .collect();
    pages.sort();
    let mut stale = String::new();
    let mut seen = 0;
    for path in pages
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
    {
        seen += 1;
        let text = read(path);
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a UTF-8 name");
        let label = format!("{stem}.md");
        let (actual, kind, other) = match read_page(path, &text) {
            Ok(model) => (written(&model, &label), "expected.yaml", "expected.txt"),
            Err(PageError::NoTable(d)) => (rendered(&[*d], &text), "expected.txt", "expected.yaml"),
            Err(PageError::Problems(p)) => (rendered(&p, &text), "expected.txt", "expected.yaml"),
        };
        let golden = dir.join(format!("{stem}.{kind}"));
        let wrong_kind = dir.join(format!("{stem}.{other}"));
        if wrong_kind.exists() && bless {
            std::fs::remove_file(&wrong_kind).expect("the golden folder is writable");
        } else if wrong_kind.exists() {
            let _ = writeln!(stale, "{stem}: has a {other}, but now gives a {kind}");
        }
        if bless {
            std::fs::write(&golden, &actual).expect("the golden folder is writable");
        } else if std::fs::read_to_string(&golden).ok().as_deref() != Some(actual.as_str()) {
            let _ = writeln!(stale, "{} differs; it is now:\n{actual}", golden.display());
        }
    }
    for path in &pages {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let stem = name.split('.').next().unwrap_or_default();
        if name.contains(".expected.") && !dir.join(format!("{stem}.md")).exists() {
            let _ = writeln!(stale, "{name} has no page");
        }
    }
    assert_eq!(seen, 20, "one page per variation");
    assert!(
        stale.is_empty(),
        "{stale}\nrun with MODELGEN_BLESS=1 to accept"
    );
}

#[test]
fn variations_read_as_a_reader_sees_them() {
    let bare = page("golden/bare-pipe.md");
    let descriptions: Vec<_> = bare.rows.iter().map(|r| r.description.as_deref()).collect();
    assert_eq!(
        descriptions,
        [
            Some("Search patterns may be combined using a pipe '|' as a delimiter."),
            Some("One of PENDING|ACCEPTED|DECLINED."),
            Some("An escaped | pipe stays one cell."),
        ]
    );
    assert_eq!(
        bare.rows.iter().map(|r| r.required).collect::<Vec<_>>(),
        [false, true, false]
    );

    let escaped = page("golden/escaped-entities.md");
    let descriptions: Vec<_> = escaped
        .rows
        .iter()
        .filter_map(|r| r.description.as_deref())
        .collect();
    assert_eq!(
        descriptions,
        [
            "\"caseExact\" is set to \"true\". The user's ID.",
            r#"These characters are not allowed: \{^}%`]">[~<#|"#,
            "Date & time, written &lt;ISO 8601&gt; = UTC.",
        ]
    );

    let linked = page("golden/link-wrapped-types.md");
    let types: Vec<_> = linked.rows.iter().map(|r| r.type_text.as_str()).collect();
    assert_eq!(
        types,
        [
            "Array<ScimV2User>",
            "ScimMetadata",
            "Hash<String, Array<ScimV2User>>",
            "Hash<String, Integer>"
        ]
    );

    let spaced = page("golden/extra-spaces.md");
    assert_eq!(spaced.name, "ScimServiceProviderConfigFilterFeature");
    let rows: Vec<_> = spaced
        .rows
        .iter()
        .map(|r| (r.name.as_str(), r.type_text.as_str(), r.required))
        .collect();
    assert_eq!(
        rows,
        [
            ("supported", "BOOLEAN", false),
            ("max_results", "Integer", false),
            ("spaced", "Array<String>", true)
        ]
    );

    let described = page("golden/description-paragraph.md");
    assert_eq!(
        described.description.as_deref(),
        Some(
            "Defines a SCIM PATCH request. See section 3.5.2 \"Modifying with PATCH\" in RFC 7644 \
             for details.\n\nThe request carries one or more operations."
        )
    );
    assert_eq!(page("golden/front-matter-title.md").name, "ScimUserRole");
    assert_eq!(page("golden/notice-block.md").rows.len(), 3);
    assert_eq!(page("golden/kramdown-attribute.md").rows.len(), 1);
    assert_eq!(page("golden/empty-table.md").rows.len(), 0);
}

#[test]
fn a_literal_entity_stays_literal_through_the_generator() {
    let imported = page("golden/escaped-entities.md");
    let text = written(&imported, "escaped-entities.md");
    assert!(
        text.contains("written &amp;lt;ISO 8601&amp;gt; = UTC."),
        "{text}"
    );
    let def =
        parse_definition(Path::new("UploadUrlRequest.yaml"), Vec::new(), &text).expect("reads");
    let description = model(&def).properties[2]
        .description
        .as_deref()
        .expect("a description");
    let decoded = modelgen::emit::docs::decode_entities(description);
    assert_eq!(decoded, "Date & time, written &lt;ISO 8601&gt; = UTC.");
}

#[test]
fn pages_without_a_table_and_unreadable_rows_say_where() {
    let path = Path::new(FIXTURES).join("golden/no-property-table.md");
    let Err(PageError::NoTable(d)) = read_page(&path, &read(&path)) else {
        panic!("no table")
    };
    assert_eq!((d.pos.line, d.pos.column), (2, 8));
    assert_eq!(d.message, "no property table on the page of `AlertingApi`");

    let path = Path::new(FIXTURES).join("golden/unreadable-rows.md");
    let Err(PageError::Problems(p)) = read_page(&path, &read(&path)) else {
        panic!("problems")
    };
    let places: Vec<_> = p.iter().map(|d| (d.pos.line, d.pos.column)).collect();
    assert_eq!(
        places,
        [
            (8, 39),
            (9, 2),
            (10, 40),
            (11, 13),
            (12, 3),
            (13, 3),
            (14, 24)
        ]
    );
    assert!(p.iter().all(|d| d.file == path));
}

/// The seed page against the shipped definition: the 14 rows agree in name, type and
/// required, and the import reports exactly what a reader sees differ.
#[test]
fn the_seed_page_matches_the_shipped_user() {
    let seed = page("seed/ScimV2User.md");
    let user = shipped("ScimV2User");
    assert_eq!(seed.name, "ScimV2User");
    assert_eq!(seed.rows.len(), 14);
    for (row, prop) in seed.rows.iter().zip(&model(&user).properties) {
        assert_eq!(row.name, prop.name.value);
        assert_eq!(row.ty, prop.ty, "{}", row.name);
        assert_eq!(row.required, prop.required, "{}", row.name);
    }

    let found = differences(&seed, &user);
    let description = |row: &str, line, page: &str, definition: &str| Difference {
        row: Some(row.to_owned()),
        line: Some(line),
        change: Change::Description {
            page: Some(page.to_owned()),
            definition: Some(definition.to_owned()),
        },
    };
    let password =
        "The new password for the Genesys Cloud user. Does not return an existing password.";
    let groups = "The list of groups that the user is a member of.";
    let expected = vec![
        description(
            "password",
            15,
            password,
            &format!(
                "{password} When creating a user, if a password is not supplied, then a password \
                 will be randomly generated that is 40 characters in length and contains five \
                 characters from each of the password policy groups."
            ),
        ),
        description(
            "groups",
            20,
            groups,
            &format!(
                "{groups} This list is immutable per SCIM RFC and may only be updated using the \
                 GROUPS resource endpoint."
            ),
        ),
        Difference {
            row: Some("meta".to_owned()),
            line: None,
            change: Change::OnlyInDefinition,
        },
    ];
    assert_eq!(found, expected);
    assert_eq!(
        found[2].to_string(),
        "row `meta`: in the definition, not on the page"
    );
}

/// The definitions folder with the shipped SCIM definitions, as a user's checkout has it.
fn copy_of_shipped(name: &str) -> PathBuf {
    let out = scratch(name);
    std::fs::create_dir_all(out.join("scim")).expect("writable");
    for entry in std::fs::read_dir(SHIPPED).expect("the shipped definitions") {
        let path = entry.expect("an entry").path();
        let file = path.file_name().expect("a file name");
        std::fs::copy(&path, out.join("scim").join(file)).expect("copied");
    }
    out
}

#[test]
fn an_existing_definition_is_left_alone_without_force() {
    let out = copy_of_shipped("keep");
    let target = out.join("scim/ScimV2User.yaml");
    let before = read(&target);
    let seed = Path::new(FIXTURES).join("seed/ScimV2User.md");
    let report = import::import(&[seed], &import::Options::new(&out)).expect("imports");
    let Outcome::Skipped {
        definition,
        differences,
    } = &report.pages[0].outcome
    else {
        panic!("{:?}", report.pages[0].outcome)
    };
    assert_eq!(definition, &target);
    assert_eq!(differences.len(), 3);
    assert_eq!(read(&target), before);
    assert!(!out.join("ScimV2User.yaml").exists());
    let shown = report.pages[0].render(|_| None);
    assert!(
        shown.contains("says otherwise (--force replaces it):\n  row `password` (line 15): "),
        "{shown}"
    );
}

/// `--force` writes what the page says and keeps what it cannot say.
#[test]
fn force_replaces_and_keeps_what_the_page_cannot_say() {
    let out = copy_of_shipped("force");
    let seed = Path::new(FIXTURES).join("seed/ScimV2User.md");
    let mut options = import::Options::new(&out);
    options.force = true;
    let report = import::import(&[seed], &options).expect("imports");
    assert!(
        matches!(report.pages[0].outcome, Outcome::Replaced { .. }),
        "{:?}",
        report.pages[0]
    );

    let user = definition(&out.join("scim/ScimV2User.yaml"));
    let m = model(&user);
    assert_eq!(user.description.as_deref(), Some("Defines a SCIM user."));
    assert!(m.additional_properties && m.case_insensitive);
    assert_eq!(m.properties.len(), 14);
    let password = &m.properties[5];
    assert!(password.sensitive);
    assert_eq!(
        password.description.as_deref(),
        page("seed/ScimV2User.md").rows[5].description.as_deref()
    );
    let enterprise = &m.properties[12];
    assert_eq!(
        enterprise.rust.as_ref().map(|r| r.value.as_str()),
        Some("enterprise_user")
    );
    let key = enterprise.json.as_ref().map(|j| j.value.as_str());
    assert_eq!(
        key,
        Some("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
    );

    let again = import::import(&[Path::new(FIXTURES).join("seed/ScimV2User.md")], &options)
        .expect("imports");
    assert!(
        matches!(again.pages[0].outcome, Outcome::Unchanged { .. }),
        "{:?}",
        again.pages[0]
    );
}

/// A page with the allowed-values column keeps the variant names and flags of the definition.
#[test]
fn force_keeps_enum_settings_of_the_definition() {
    let out = copy_of_shipped("force-enum");
    let target = out.join("scim/ScimV2PatchOperation.yaml");
    let text = read(&target).replace("The PATCH operation to perform.", "The operation.");
    std::fs::write(&target, text).expect("writable");
    let mut options = import::Options::new(&out);
    options.force = true;
    let page = Path::new(FIXTURES).join("genesys-scim/ScimV2PatchOperation.md");
    let report = import::import(&[page], &options).expect("imports");
    let Outcome::Replaced { differences, .. } = &report.pages[0].outcome else {
        panic!("{report:?}")
    };
    assert_eq!(differences.len(), 1);
    let replaced = definition(&target);
    let op = &model(&replaced).properties[0];
    assert!(op.case_insensitive && op.required);
    let values: Vec<_> = op
        .enum_values
        .as_ref()
        .expect("an enum")
        .value
        .iter()
        .map(|v| v.value.as_str())
        .collect();
    assert_eq!(values, ["add", "replace", "remove"]);
}

/// The 31 SCIM pages of the current API give the shipped definitions in every key they carry.
#[test]
fn the_scim_pages_give_the_shipped_definitions() {
    let dir = Path::new(FIXTURES).join("genesys-scim");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("the SCIM pages")
        .filter_map(|e| e.ok()?.path().file_stem()?.to_str().map(str::to_owned))
        .collect();
    names.sort();
    assert_eq!(names.len(), 31);
    let mut report = String::new();
    for name in &names {
        let page = page(&format!("genesys-scim/{name}.md"));
        assert_eq!(&page.name, name);
        let shipped = shipped(name);
        for difference in differences(&page, &shipped) {
            let _ = writeln!(report, "{name}: {difference}");
        }
        let text = written(&page, &format!("{name}.md"));
        let ours =
            parse_definition(Path::new(&format!("{name}.yaml")), Vec::new(), &text).expect("reads");
        let (a, b) = (model(&ours), model(&shipped));
        assert_eq!(a.properties.len(), b.properties.len(), "{name}");
        for (x, y) in a.properties.iter().zip(&b.properties) {
            let row = &x.name.value;
            assert_eq!(
                (&x.name.value, &x.type_text.value, x.required),
                (&y.name.value, &y.type_text.value, y.required)
            );
            assert_eq!(
                x.json.as_ref().map(|j| &j.value),
                y.json.as_ref().map(|j| &j.value),
                "{name}.{row}"
            );
            let values = |p: &modelgen::model::Property| {
                p.enum_values
                    .as_ref()
                    .map(|v| v.value.iter().map(|e| e.value.clone()).collect::<Vec<_>>())
            };
            assert_eq!(values(x), values(y), "{name}.{row}");
            let decoded =
                |d: &Option<String>| d.as_deref().map(modelgen::emit::docs::decode_entities);
            assert_eq!(
                decoded(&x.description),
                decoded(&y.description),
                "{name}.{row}"
            );
        }
        let decoded = |d: &Option<String>| d.as_deref().map(modelgen::emit::docs::decode_entities);
        assert_eq!(
            decoded(&ours.description),
            decoded(&shipped.description),
            "{name}"
        );
    }
    assert!(report.is_empty(), "{report}");
}

#[test]
fn importing_twice_gives_the_same_bytes_and_changes_nothing() {
    let pages: Vec<PathBuf> = std::fs::read_dir(Path::new(FIXTURES).join("genesys-scim"))
        .expect("the SCIM pages")
        .map(|e| e.expect("an entry").path())
        .collect();
    let (one, two) = (scratch("twice-1"), scratch("twice-2"));
    for out in [&one, &two] {
        let report = import::import(&pages, &import::Options::new(out)).expect("imports");
        assert_eq!(report.counts().written, 31);
    }
    for page in &pages {
        let file = format!(
            "{}.yaml",
            page.file_stem().and_then(|s| s.to_str()).expect("a name")
        );
        assert_eq!(read(&one.join(&file)), read(&two.join(&file)), "{file}");
    }

    let before = read(&one.join("ScimV2User.yaml"));
    let again = import::import(&pages, &import::Options::new(&one)).expect("imports");
    assert_eq!(again.counts().unchanged, 31, "{}", again.summary());
    assert_eq!(read(&one.join("ScimV2User.yaml")), before);
}

/// The imported SCIM pages make a crate as they stand.
#[test]
fn imported_pages_generate() {
    let pages: Vec<PathBuf> = std::fs::read_dir(Path::new(FIXTURES).join("genesys-scim"))
        .expect("the SCIM pages")
        .map(|e| e.expect("an entry").path())
        .collect();
    let out = scratch("generate");
    import::import(&pages, &import::Options::new(&out)).expect("imports");
    let options = modelgen::Options::new(&out, out.join("crate"), "imported");
    let files = modelgen::generate(&options).unwrap_or_else(|f| panic!("{f}"));
    assert!(files
        .iter()
        .any(|f| f.path == Path::new("src/scim_v2_user.rs")));
}

/// One bad page stops nothing: the others are imported, and each failure is reported.
#[test]
fn the_other_pages_are_still_imported() {
    let out = scratch("mixed");
    let golden = Path::new(FIXTURES).join("golden");
    let pages: Vec<PathBuf> = [
        "plain-heading.md",
        "unreadable-rows.md",
        "no-property-table.md",
        "bare-pipe.md",
    ]
    .iter()
    .map(|p| golden.join(p))
    .collect();
    let report = import::import(&pages, &import::Options::new(&out)).expect("imports");
    let kinds: Vec<&str> = report
        .pages
        .iter()
        .map(|p| match p.outcome {
            Outcome::Written { .. } => "written",
            Outcome::Failed(_) => "failed",
            Outcome::NoTable(_) => "no table",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["written", "failed", "no table", "written"]);
    let Outcome::Failed(problems) = &report.pages[1].outcome else {
        unreachable!()
    };
    assert_eq!(problems.len(), 7);
    assert!(out.join("ScimGenesysUserExternalId.yaml").exists());
    assert!(out.join("EdgeLogsJobRequest.yaml").exists());
    assert!(!out.join("ScimUserRoutingSkill.yaml").exists());
    let summary = report.summary();
    let counts = summary.rsplit_once(" in ").map(|(counts, _)| counts);
    assert_eq!(
        counts,
        Some(
            "import: 4 pages read; 2 written, 0 replaced, 0 unchanged, 0 skipped (the definition \
             exists and differs; --force replaces it), 2 failed (1 without a property table)"
        )
    );
}
