//! `cargo xtask import`: the property table of an API reference page becomes a definition.
//!
//! A page is read in [`page`] (Markdown blocks with positions) and [`row`] (cells to values),
//! giving a [`PageModel`]; [`draft`] makes the definition to write, [`yaml_out`] its text, and
//! [`diff`] says what the page says differently from a definition that already exists.
//! [`import`] runs that over many pages, each page on its own, so one bad page stops nothing.

pub mod diff;
pub mod draft;
pub mod page;
pub mod row;
pub mod text;
pub mod yaml_out;

use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::model::Definition;
use crate::{naming, read, types};
use diff::Difference;
use draft::Draft;
use page::{Columns, Page};
use row::PageRow;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a page says about its model; all text plain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageModel {
    /// The model's name, from the page's title.
    pub name: String,
    /// Where the title names it.
    pub name_pos: Pos,
    /// The paragraphs between the title and the table.
    pub description: Option<String>,
    /// Which columns the table has.
    pub columns: Columns,
    /// The rows, in order.
    pub rows: Vec<PageRow>,
}

impl PageModel {
    /// The page has a JSON key column, so it says what every row's key is.
    pub fn has_json(&self) -> bool {
        self.columns == Columns::Six
    }

    /// The page has an allowed-values column, so it says which rows are enums.
    pub fn has_enum(&self) -> bool {
        self.columns == Columns::Six
    }
}

/// Why a page gives no model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageError {
    /// The page has no property table at all: a page of API operations, or a list page.
    NoTable(Box<Diagnostic>),
    /// The page has a table, but something on it cannot be read; every problem is listed.
    Problems(Vec<Diagnostic>),
}

/// Reads the model of one page; `file` is the page as shown in messages.
pub fn read_page(file: &Path, text: &str) -> Result<PageModel, PageError> {
    let page = page::scan(text);
    let mut problems: Vec<Diagnostic> = page
        .problems
        .iter()
        .map(|p| Diagnostic::new(file, p.pos, p.message.clone()).with_hint_opt(p.hint.clone()))
        .collect();
    let Some((table, columns)) = &page.table else {
        return Err(no_table(file, &page, problems));
    };

    let name = title(file, &page, &mut problems);
    let rows = row::read(file, table, *columns, &mut problems);
    let description = description(&page.description);
    match name {
        Some((name, name_pos)) if problems.is_empty() => Ok(PageModel {
            name,
            name_pos,
            description,
            columns: *columns,
            rows,
        }),
        _ => Err(PageError::Problems(Diagnostics(problems).sorted().0)),
    }
}

const COLUMNS_HINT: &str = "a property table has the columns `Name | Type | Description | Notes`, \
                            optionally followed by `JSON key | Allowed values`";

fn no_table(file: &Path, page: &Page<'_>, mut problems: Vec<Diagnostic>) -> PageError {
    if let Some(t) = &page.foreign_table {
        let found: Vec<&str> = t.header.iter().map(|c| c.text).collect();
        let message = format!(
            "the table under `Properties` has the columns `{}`",
            found.join(" | ")
        );
        problems.push(Diagnostic::new(file, t.pos, message).with_hint(COLUMNS_HINT));
    }
    if !problems.is_empty() {
        return PageError::Problems(problems);
    }
    let (pos, message) = match (page.properties_heading, page.front_title.or(page.heading)) {
        (Some(h), _) => (h.pos, "no property table under `Properties`".to_owned()),
        (None, Some(t)) => {
            let (name, pos) = last_segment(t);
            (pos, format!("no property table on the page of `{name}`"))
        }
        (None, None) => (Pos::new(1, 1), "no property table on the page".to_owned()),
    };
    let hint = format!(
        "{COLUMNS_HINT}, under the page's title or a `## Properties` heading; \
         pages of API operations have none and are not imported"
    );
    PageError::NoTable(Box::new(
        Diagnostic::new(file, pos, message).with_hint(hint),
    ))
}

/// The model's name: the last `::` segment of the title heading, or the front matter title.
fn title(file: &Path, page: &Page<'_>, problems: &mut Vec<Diagnostic>) -> Option<(String, Pos)> {
    let heading = page.heading.map(last_segment);
    let front = page.front_title.map(last_segment);
    if let (Some((h, pos)), Some((f, fpos))) = (heading, front) {
        if h != f {
            let message = format!("the heading names `{h}`, the front matter's title `{f}`");
            let d = Diagnostic::new(file, pos, message)
                .with_related(file, fpos, "the title is given")
                .with_hint("a page describes one model; make the two agree");
            problems.push(d);
            return None;
        }
    }
    let Some((name, pos)) = heading.or(front) else {
        let d = Diagnostic::new(
            file,
            Pos::new(1, 1),
            "the page has no title naming its model",
        )
        .with_hint("start it with a heading `# ModelName`, or front matter `title: ModelName`");
        problems.push(d);
        return None;
    };
    if !naming::is_type_name(name) || types::BUILTIN_NAMES.contains(&name) {
        let message = format!("the title `{name}` is not a model name");
        let hint =
            "a model name starts with an uppercase ASCII letter, has only ASCII letters and \
                    digits, and is not a type of the notation such as `String`";
        problems.push(Diagnostic::new(file, pos, message).with_hint(hint));
        return None;
    }
    Some((name.to_owned(), pos))
}

/// `PureCloud::ScimV2User` names `ScimV2User`.
fn last_segment(t: page::Title<'_>) -> (&str, Pos) {
    let segment = t.text.rsplit("::").next().unwrap_or(t.text).trim_start();
    let skipped = t.text[..t.text.len() - segment.len()].chars().count();
    (segment, Pos::new(t.pos.line, t.pos.column + skipped))
}

/// Paragraph lines are joined by spaces, as Markdown renders them; paragraphs stay apart.
fn description(paragraphs: &[Vec<&str>]) -> Option<String> {
    let joined: Vec<String> = paragraphs.iter().map(|lines| lines.join(" ")).collect();
    let plain = text::plain(&joined.join("\n\n")).trim().to_owned();
    (!plain.is_empty()).then_some(plain)
}

/// Where to write and whether to replace.
#[derive(Clone, Debug)]
pub struct Options {
    /// The definitions folder: existing definitions are found anywhere below it, new ones are
    /// written at its top.
    pub out: PathBuf,
    /// How `out` is shown in messages.
    pub shown: PathBuf,
    /// Replace a definition the page says something different from.
    pub force: bool,
}

impl Options {
    /// Import into `out`, replacing nothing.
    pub fn new(out: impl Into<PathBuf>) -> Self {
        let out = out.into();
        Options {
            shown: out.clone(),
            out,
            force: false,
        }
    }
}

/// What became of one page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A new definition was written.
    Written { definition: PathBuf, rows: usize },
    /// The definition existed and differed; `--force` replaced it.
    Replaced {
        definition: PathBuf,
        differences: Vec<Difference>,
    },
    /// The definition existed and says what the page says.
    Unchanged { definition: PathBuf },
    /// The definition existed and differed; it was left as it is.
    Skipped {
        definition: PathBuf,
        differences: Vec<Difference>,
    },
    /// The page has no property table.
    NoTable(Box<Diagnostic>),
    /// The page, or the definition it meets, cannot be read, or writing failed.
    Failed(Vec<Diagnostic>),
}

/// One page's import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageReport {
    /// The page, as given.
    pub page: PathBuf,
    /// What happened.
    pub outcome: Outcome,
}

/// How many pages had each outcome.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Pages read.
    pub read: usize,
    /// New definitions written.
    pub written: usize,
    /// Definitions replaced with `--force`.
    pub replaced: usize,
    /// Definitions that already said what the page says.
    pub unchanged: usize,
    /// Definitions that differ and were left as they are.
    pub skipped: usize,
    /// Pages without a property table.
    pub no_table: usize,
    /// Pages that failed otherwise.
    pub failed: usize,
}

/// What an [`import`] did.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Every page, in the order given.
    pub pages: Vec<PageReport>,
    /// How long it took.
    pub elapsed: Duration,
}

impl Report {
    /// The outcomes counted.
    pub fn counts(&self) -> Counts {
        let mut c = Counts {
            read: self.pages.len(),
            ..Counts::default()
        };
        for page in &self.pages {
            match page.outcome {
                Outcome::Written { .. } => c.written += 1,
                Outcome::Replaced { .. } => c.replaced += 1,
                Outcome::Unchanged { .. } => c.unchanged += 1,
                Outcome::Skipped { .. } => c.skipped += 1,
                Outcome::NoTable(_) => c.no_table += 1,
                Outcome::Failed(_) => c.failed += 1,
            }
        }
        c
    }

    /// The one line that ends a run.
    pub fn summary(&self) -> String {
        let c = self.counts();
        format!(
            "import: {} page{} read; {} written, {} replaced, {} unchanged, {} skipped (the \
             definition exists and differs; --force replaces it), {} failed ({} without a \
             property table) in {:.2?}",
            c.read,
            plural(c.read),
            c.written,
            c.replaced,
            c.unchanged,
            c.skipped,
            c.failed + c.no_table,
            c.no_table,
            self.elapsed
        )
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

impl PageReport {
    /// What to tell the user about this page; `source` reads a file named by a diagnostic.
    pub fn render(&self, source: impl Fn(&Path) -> Option<String>) -> String {
        let page = crate::diag::display_path(&self.page);
        let shown = |p: &Path| crate::diag::display_path(p);
        let mut out = String::new();
        match &self.outcome {
            Outcome::Written { definition, rows } => {
                let s = plural(*rows);
                let _ = writeln!(
                    out,
                    "wrote {} ({rows} row{s}) from {page}",
                    shown(definition)
                );
            }
            Outcome::Unchanged { definition } => {
                let _ = writeln!(
                    out,
                    "unchanged {}: {page} says nothing new",
                    shown(definition)
                );
            }
            Outcome::Skipped {
                definition,
                differences,
            } => {
                let d = shown(definition);
                let _ = writeln!(
                    out,
                    "skipped {d}: {page} says otherwise (--force replaces it):"
                );
                for difference in differences {
                    let _ = writeln!(out, "  {difference}");
                }
            }
            Outcome::Replaced {
                definition,
                differences,
            } => {
                let _ = writeln!(out, "replaced {} from {page}:", shown(definition));
                for difference in differences {
                    let _ = writeln!(out, "  {difference}");
                }
            }
            Outcome::NoTable(d) => out.push_str(&d.render(source(&d.file).as_deref())),
            Outcome::Failed(problems) => {
                for (i, d) in problems.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    out.push_str(&d.render(source(&d.file).as_deref()));
                }
            }
        }
        out
    }
}

/// The definitions already below `out`, by name: the real path and the area.
type Known = BTreeMap<String, (PathBuf, Vec<String>)>;

/// Imports every page into `options.out`, each on its own; fails only when the folder itself
/// cannot be read or made.
pub fn import(pages: &[PathBuf], options: &Options) -> Result<Report, String> {
    let start = Instant::now();
    std::fs::create_dir_all(&options.out)
        .map_err(|e| format!("cannot create {}: {e}", options.out.display()))?;
    let files = read::list_files(&options.out)
        .map_err(|e| format!("cannot read {}: {e}", options.out.display()))?;
    let mut known = Known::new();
    for (path, area) in files {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        known.entry(stem).or_insert((path, area));
    }

    let reports = pages
        .iter()
        .map(|page| {
            let outcome = import_one(page, options, &mut known).unwrap_or_else(|e| e);
            PageReport {
                page: page.clone(),
                outcome,
            }
        })
        .collect();
    Ok(Report {
        pages: reports,
        elapsed: start.elapsed(),
    })
}

fn import_one(page: &Path, options: &Options, known: &mut Known) -> Result<Outcome, Outcome> {
    let text = read_text(page).map_err(Outcome::Failed)?;
    let model = match read_page(page, &text) {
        Ok(model) => model,
        Err(PageError::NoTable(d)) => return Err(Outcome::NoTable(d)),
        Err(PageError::Problems(p)) => return Err(Outcome::Failed(p)),
    };
    let label = page
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let shown = |real: &Path| match real.strip_prefix(&options.out) {
        Ok(rel) => options.shown.join(rel),
        Err(_) => real.to_path_buf(),
    };

    let Some((real, area)) = known.get(&model.name).cloned() else {
        let real = options.out.join(format!("{}.yaml", model.name));
        let definition = shown(&real);
        let draft = Draft::from_page(&model);
        write_checked(
            page,
            &model,
            &draft,
            &label,
            (&real, &definition, Vec::new()),
        )?;
        known.insert(model.name.clone(), (real, Vec::new()));
        return Ok(Outcome::Written {
            definition,
            rows: model.rows.len(),
        });
    };

    let definition = shown(&real);
    let existing = read_existing(page, &model, &real, &definition, area.clone())?;
    let differences = diff::differences(&model, &existing);
    if differences.is_empty() {
        return Ok(Outcome::Unchanged { definition });
    }
    if !options.force {
        return Ok(Outcome::Skipped {
            definition,
            differences,
        });
    }
    let draft = Draft::merged(&model, &existing);
    write_checked(page, &model, &draft, &label, (&real, &definition, area))?;
    Ok(Outcome::Replaced {
        definition,
        differences,
    })
}

/// The page's text, refusing files too large or not UTF-8.
fn read_text(page: &Path) -> Result<String, Vec<Diagnostic>> {
    let at_start = |message: String| vec![Diagnostic::new(page, Pos::new(1, 1), message)];
    let size =
        std::fs::metadata(page).map_err(|e| at_start(format!("cannot read the page: {e}")))?;
    if size.len() > read::DEFAULT_MAX_FILE_BYTES {
        let limit = read::DEFAULT_MAX_FILE_BYTES;
        return Err(at_start(format!(
            "the page is {} bytes, over the limit of {limit}",
            size.len()
        )));
    }
    let bytes = std::fs::read(page).map_err(|e| at_start(format!("cannot read the page: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid =
            String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]).into_owned();
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        vec![
            Diagnostic::new(page, Pos::new(line, column), "the page is not UTF-8 text")
                .with_hint("save it as UTF-8"),
        ]
    })
}

fn read_existing(
    page: &Path,
    model: &PageModel,
    real: &Path,
    shown: &Path,
    area: Vec<String>,
) -> Result<Definition, Outcome> {
    let shown_text = crate::diag::display_path(shown);
    let here = |message: String| Diagnostic::new(page, model.name_pos, message);
    let text = std::fs::read_to_string(real)
        .map_err(|e| Outcome::Failed(vec![here(format!("cannot read {shown_text}: {e}"))]))?;
    read::parse_definition(shown, area, &text).map_err(|mut problems| {
        let message = format!(
            "`{}` is defined in {shown_text}, which does not read",
            model.name
        );
        let hint = "fix the definition first, so that the page can be compared with it";
        problems.insert(0, here(message).with_hint(hint));
        Outcome::Failed(problems)
    })
}

/// Renders the draft, reads the text back as the generator would, and writes it only when it
/// says exactly what the draft says.
fn write_checked(
    page: &Path,
    model: &PageModel,
    draft: &Draft,
    label: &str,
    (real, shown, area): (&Path, &Path, Vec<String>),
) -> Result<(), Outcome> {
    let here =
        |message: String| Outcome::Failed(vec![Diagnostic::new(page, model.name_pos, message)]);
    let text = yaml_out::render(draft, label);
    let why = match read::parse_definition(shown, area, &text) {
        Ok(def) if draft::reads_back(draft, &def) => None,
        Ok(_) => Some("it reads back with other values".to_owned()),
        Err(problems) => Some(
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        ),
    };
    if let Some(why) = why {
        let message = format!(
            "internal error: the definition made for `{}` does not read back: {why}",
            model.name
        );
        return Err(here(message));
    }
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = real.with_file_name(format!("{name}.modelgen-tmp"));
    let shown_text = crate::diag::display_path(shown);
    std::fs::write(&temporary, &text)
        .and_then(|()| std::fs::rename(&temporary, real))
        .map_err(|e| here(format!("cannot write {shown_text}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces real pages are made of, and pieces that break them, to build random pages from.
    const PIECES: &[&str] = &[
        "|",
        " | ",
        "||",
        "**",
        "**a**",
        "**B**",
        "[**Array&lt;X&gt;**](X.html)",
        "&lt;",
        "&gt;",
        "&#39;",
        "\\&quot;",
        "\\",
        "\\|",
        "`",
        "``",
        "`a`, `b`",
        "[optional]",
        "# ",
        "## ",
        "::",
        "## Properties",
        "---",
        ":::error",
        ":::",
        "{: class=\"t\"}",
        "```",
        "~~~",
        "title: ",
        "Name | Type | Description | Notes",
        "|---|---|---|---|",
        "JSON key | Allowed values",
        "String",
        "Hash<String, ",
        ">",
        "<",
        "é",
        "😀",
        "\u{feff}",
        "\t",
        " ",
        "\r",
        "\n",
        "\n\n",
    ];

    struct Xorshift(u64);

    impl Xorshift {
        fn next(&mut self) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            usize::try_from(self.0 % 1_000_003).expect("small")
        }
    }

    impl Xorshift {
        fn piece(&mut self) -> &'static str {
            PIECES[self.next() % PIECES.len()]
        }

        fn pieces(&mut self, most: usize) -> String {
            (0..self.next() % most).map(|_| self.piece()).collect()
        }

        /// A page with a title and a property table, its cells and some lines random.
        fn page(&mut self) -> String {
            let mut lines =
                vec![["# M", "## NS::M", "---\ntitle: M\n---"][self.next() % 3].to_owned()];
            lines.push(self.pieces(6).replace('\n', " "));
            lines.push("| Name | Type | Description | Notes |\n|---|---|---|---|".to_owned());
            for i in 0..self.next() % 6 {
                let ty =
                    ["**String**", "[**Array&lt;String&gt;**](x.html)", "Object"][self.next() % 3];
                let notes = ["", "[optional]", self.piece()][self.next() % 3];
                let description = self.pieces(8).replace('\n', " ");
                lines.push(format!("| **p{i}** | {ty} | {description} | {notes} |"));
                if self.next() % 8 == 0 {
                    lines.push(self.pieces(4));
                }
            }
            lines.join("\n")
        }
    }

    /// Reads `text`; a page that imports must write a definition that reads back the same.
    fn imports(text: &str) -> bool {
        let Ok(model) = read_page(Path::new("p.md"), text) else {
            return false;
        };
        let draft = Draft::from_page(&model);
        let yaml = yaml_out::render(&draft, "p.md");
        let file = PathBuf::from(format!("{}.yaml", model.name));
        let def = read::parse_definition(&file, Vec::new(), &yaml);
        assert!(
            def.is_ok_and(|d| draft::reads_back(&draft, &d)),
            "{text:?}\n{yaml}"
        );
        true
    }

    #[test]
    fn no_page_makes_the_reader_panic() {
        let mut rng = Xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..10_000 {
            let text = rng.pieces(40);
            imports(&text);
        }
        let mut read = 0;
        for _ in 0..10_000 {
            let text = rng.page();
            read += usize::from(imports(&text));
        }
        assert!(
            read > 1_000,
            "only {read} random pages imported; the test would test little"
        );
    }

    #[test]
    fn a_page_with_one_row() {
        let text = "# M\n\nAbout.\n\n| Name | Type | Description | Notes |\n|---|---|---|---|\n\
                    | **a** | **String** | A. | |\n";
        let model = read_page(Path::new("M.md"), text).expect("a model page");
        assert_eq!((model.name.as_str(), model.name_pos), ("M", Pos::new(1, 3)));
        assert_eq!(model.description.as_deref(), Some("About."));
        assert_eq!(model.rows.len(), 1);
        assert!(model.rows[0].required);
    }
}
