//! Bundle checks (compare-locales class, and beyond), per locale of a
//! newsroom's own bundles against its reference locale (`source` in
//! `newsroom.toml`): messages missing or left over, attributes,
//! `$variables` and references that differ, plural selectors that do not
//! match the locale's CLDR categories, references to messages or terms that
//! do not exist, and text safety in every message.
//!
//! # Messages and terms
//!
//! A **message** (`about = …`) is what the tool and the pages show; each
//! locale's message is held to the reference locale's: the same
//! `$variables`, the same attributes, and the same references to other
//! messages and terms (dropping `{ -brand-name }` for a hard-coded name is
//! `fluent-dropped-reference`).
//!
//! A **term** (`-brand-name = …`) is a locale's own vocabulary: its
//! parameters (`$case`, `$sklon`) and attributes (`.gender`) are what that
//! language's grammar needs, so they are never compared with the reference
//! term's. A term a locale's message refers to must exist in that locale
//! (`fluent-unknown-reference`); a term the reference lacks is left over
//! (`fluent-obsolete-message`) only when no message of the locale uses it,
//! since a language may add terms of its own.
//!
//! # Files
//!
//! A locale's bundle is every file under its folder, sub-folders included;
//! each file is the counterpart of the reference's file of the same
//! relative path. A message both have in different files is
//! `fluent-moved-message`; an id defined twice in one locale (one file or
//! two), an attribute or a variant key written twice, `fluent-duplicate`
//! (an id the reference itself keeps in the same two files is the
//! reference's finding only). A message the reference defines in several
//! files is held to the definition in the same file.
//!
//! # Selects on numbers
//!
//! A select on a number (`{ $n -> … }`, `{ NUMBER($n) -> … }`) is judged by
//! the CLDR rules of its bundle's locale, through ICU4X, the rules that
//! pick its variant at run time ([`crate::l10n::plural`]); a select on
//! `NUMBER($n, type: "ordinal")` by the ordinal rules. The rule:
//!
//! * every category that a **count** (a whole number, 0 to 999; no larger
//!   count reaches another category, see [`plural::MAX_COUNT`]) reaches in
//!   the locale needs a variant of its own name, or number keys for each of
//!   its counts (`[1]` covers English `one`, the count 1 alone, but not
//!   Russian `one`, which also holds 21);
//! * a category that only decimals reach (Russian and Polish `other`, 1.5;
//!   Czech and Lithuanian `many`) or only exact millions (French, Spanish,
//!   Italian, Portuguese `many`) may be left to the default variant: counts
//!   never land there, so whatever its key, the default is its text;
//! * so may the Hebrew dual `two`, whose form a numeral never takes
//!   (`LEFT_TO_DEFAULT`);
//! * a key that is not a category of the locale is reported.
//!
//! So Mozilla's `[one] [few] *[many]` passes in Russian, Ukrainian and
//! Polish, `[one] *[other]` in French, Spanish, German and Hebrew, and
//! `[one] [few] *[other]` in Czech, while `[one] *[other]` in Russian is
//! reported: 2 and 5 would get the `other` text ("2 файлов"); so is it in
//! Czech, where 2 to 4 are `few` ("2 soubory", not "2 souborů"). The default
//! variant does not cover a category that counts reach even when it is
//! `*[other]`: every select has a default, so counting it would pass every
//! select, and the default's text is the right form for its own key only.
//!
//! # Where findings go
//!
//! A finding is put where the translator acts, with the locale's `lang`: a
//! missing message on the locale's file of the same path as the
//! reference's (its help names the reference message's place), or on the
//! locale's folder when it has no such file. One cause is one finding: a
//! file the locale lacks is one `fluent-missing-message`, a file only the
//! locale has one `fluent-obsolete-message`, a term the locale lacks one
//! `fluent-unknown-reference` however many of its messages use it, and an
//! entry that does not parse is its `fluent-syntax` error only (not also
//! missing, obsolete or unknown).
//!
//! # Text safety
//!
//! Every line a reader can see is scanned as in articles, but comments;
//! a zero-width space is text in scripts that separate words with it
//! (Thai, Lao, Khmer, Myanmar), and an order of combining marks NFC would
//! only swap (Arabic shadda before its vowel) is not reported.
//!
//! `fluent-missing-message` found here is a warning: the edition falls back
//! to the reference text. It is an error only when an edition needs the
//! message and no bundle of its chain has it (see [`crate::judge`]).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

use fluent_syntax::ast::{self, Expression, InlineExpression, Pattern, PatternElement, VariantKey};
use unic_langid::LanguageIdentifier;

use crate::check::text;
use crate::diag::{Code, Diagnostic, Severity};
use crate::l10n::bundles::{Origin, Stack};
use crate::l10n::plural::{self, offset_in};
use crate::newsroom::Newsroom;
use crate::source::{SourceFile, display_path};

/// A reference to a message or term inside a pattern.
#[derive(Debug, Clone)]
struct Reference {
    /// `-id` for a term, `id` for a message.
    key: String,
    /// `{ -term.attribute }` or `{ message.attribute }`: the pattern does
    /// not show the referenced value itself.
    attribute: bool,
}

/// A select whose keys are plural categories (and numbers), on a variable
/// or a function call: a select on a number.
#[derive(Debug)]
struct Select {
    /// On `NUMBER(…, type: "ordinal")`: judged by ordinal rules.
    ordinal: bool,
    /// The keys that name a category.
    names: Vec<String>,
    /// The keys that are whole numbers (`[0]`, `[1]`).
    numbers: Vec<u32>,
    /// The default variant's key.
    default: String,
}

/// What one definition of a message or term looks like, for comparison.
#[derive(Debug)]
struct Info {
    /// The message's id (`-id` for a term).
    id: String,
    file: Arc<SourceFile>,
    /// The file's path inside the locale's folder.
    relative: String,
    /// The relative paths of the files of earlier definitions (duplicates).
    also_in: Vec<String>,
    /// The definition's first line (from its id, `-` included for a term).
    span: Range<usize>,
    vars: BTreeSet<String>,
    attrs: BTreeSet<String>,
    /// Each select on a number.
    selects: Vec<Select>,
    refs: Vec<Reference>,
    /// Attributes and variant keys written twice.
    duplicates: Vec<Duplicate>,
}

/// Something written twice where Fluent uses one: a message or term id in
/// one locale, an attribute of one message, a key of one select.
#[derive(Debug)]
struct Duplicate {
    /// What, in words: "`about`", "the attribute `.title` of `signoff`".
    what: String,
    first: (Arc<SourceFile>, Range<usize>),
    second: (Arc<SourceFile>, Range<usize>),
    /// Whether Fluent uses the later one (messages and terms: the last
    /// definition wins) or the first (attributes, variants).
    later_wins: bool,
    /// For an id defined twice: the id and the relative paths of the two
    /// files.
    entry: Option<(String, String, String)>,
}

impl Duplicate {
    fn diagnostic(&self, tag: &str) -> Diagnostic {
        let (first_file, first_span) = &self.first;
        let (line, column) = first_file.line_col(first_span.start);
        let first = if Arc::ptr_eq(first_file, &self.second.0) {
            format!("line {line}, column {column}")
        } else {
            format!("{}:{line}:{column}", first_file.name())
        };
        let help = if self.later_wins {
            format!("the first definition is at {first}, and this one replaces it: keep one")
        } else {
            format!("the first is at {first}, and only that one is used: keep one")
        };
        Diagnostic::new(
            Code::FluentDuplicate,
            format!("{} is written twice", self.what),
        )
        .at(&self.second.0, self.second.1.clone())
        .lang(tag.to_owned())
        .help(help)
    }
}

/// A slice of `file`'s syntax tree, as a span of it.
fn span_of(file: &SourceFile, slice: &str) -> Range<usize> {
    let start = offset_in(file.text(), slice).unwrap_or(0);
    start..start + slice.len()
}

impl Info {
    fn is_term(key: &str) -> bool {
        key.starts_with('-')
    }

    /// Whether one of its definitions is in the file of this relative path.
    fn defined_in(&self, relative: &str) -> bool {
        self.relative == relative || self.also_in.iter().any(|r| r == relative)
    }

    /// The references whose value the pattern shows.
    fn shown_refs(&self) -> BTreeSet<&str> {
        self.refs
            .iter()
            .filter(|r| !r.attribute)
            .map(|r| r.key.as_str())
            .collect()
    }
}

fn walk_inline(expr: &InlineExpression<&str>, info: &mut Info) {
    match expr {
        InlineExpression::VariableReference { id } => {
            info.vars.insert(id.name.to_owned());
        }
        InlineExpression::MessageReference { id, attribute } => info.refs.push(Reference {
            key: id.name.to_owned(),
            attribute: attribute.is_some(),
        }),
        InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            info.refs.push(Reference {
                key: format!("-{}", id.name),
                attribute: attribute.is_some(),
            });
            if let Some(args) = arguments {
                for arg in &args.positional {
                    walk_inline(arg, info);
                }
                for arg in &args.named {
                    walk_inline(&arg.value, info);
                }
            }
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                walk_inline(arg, info);
            }
            for arg in &arguments.named {
                walk_inline(&arg.value, info);
            }
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, info),
        InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {}
    }
}

fn walk_expression(expr: &Expression<&str>, info: &mut Info) {
    match expr {
        Expression::Inline(inline) => walk_inline(inline, info),
        Expression::Select { selector, variants } => {
            walk_inline(selector, info);
            let file = Arc::clone(&info.file);
            let mut seen: Vec<(String, Range<usize>)> = Vec::new();
            for variant in variants {
                let (key, slice) = match &variant.key {
                    VariantKey::Identifier { name } => ((*name).to_owned(), *name),
                    // `[1]` and `[1.0]` select the same numbers.
                    VariantKey::NumberLiteral { value } => (
                        value
                            .parse::<f64>()
                            .map_or_else(|_| (*value).to_owned(), |n| n.to_string()),
                        *value,
                    ),
                };
                let span = span_of(&file, slice);
                match seen.iter().find(|(k, _)| *k == key) {
                    Some((_, first)) => info.duplicates.push(Duplicate {
                        what: format!("the variant key `[{slice}]` of a select in `{}`", info.id),
                        first: (Arc::clone(&file), first.clone()),
                        second: (Arc::clone(&file), span),
                        later_wins: false,
                        entry: None,
                    }),
                    None => seen.push((key, span)),
                }
            }
            let on_number = matches!(
                selector,
                InlineExpression::VariableReference { .. }
                    | InlineExpression::FunctionReference { .. }
            );
            let names: Vec<String> = variants
                .iter()
                .filter_map(|v| match &v.key {
                    VariantKey::Identifier { name } => Some((*name).to_owned()),
                    VariantKey::NumberLiteral { .. } => None,
                })
                .collect();
            let plural_like = names.iter().all(|k| {
                matches!(
                    k.as_str(),
                    "zero" | "one" | "two" | "few" | "many" | "other"
                )
            });
            if on_number && plural_like && !names.is_empty() {
                let numbers = variants
                    .iter()
                    .filter_map(|v| match &v.key {
                        VariantKey::NumberLiteral { value } => value.parse().ok(),
                        VariantKey::Identifier { .. } => None,
                    })
                    .collect();
                let default = variants
                    .iter()
                    .find(|v| v.default)
                    .map(|v| match &v.key {
                        VariantKey::Identifier { name } => (*name).to_owned(),
                        VariantKey::NumberLiteral { value } => (*value).to_owned(),
                    })
                    .unwrap_or_default();
                info.selects.push(Select {
                    ordinal: is_ordinal(selector),
                    names,
                    numbers,
                    default,
                });
            }
            for variant in variants {
                walk_pattern(&variant.value, info);
            }
        }
    }
}

/// Whether a selector is `NUMBER(…, type: "ordinal")`.
fn is_ordinal(selector: &InlineExpression<&str>) -> bool {
    let InlineExpression::FunctionReference { id, arguments } = selector else {
        return false;
    };
    id.name == "NUMBER" && arguments.named.iter().any(|arg| {
        arg.name.name == "type"
            && matches!(arg.value, InlineExpression::StringLiteral { value } if value == "ordinal")
    })
}

fn walk_pattern(pattern: &Pattern<&str>, info: &mut Info) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            walk_expression(expression, info);
        }
    }
}

/// The first line of a definition whose id is the slice `id` of `text`
/// (a term's `-` included).
fn definition_span(text: &str, id: &str, term: bool) -> Range<usize> {
    let start = offset_in(text, id)
        .map(|at| if term { at.saturating_sub(1) } else { at })
        .unwrap_or(0);
    let end = text
        .get(start..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |i| start + i);
    start..end.max(start)
}

type Messages = BTreeMap<String, Info>;

/// What one locale's files from one origin hold.
#[derive(Default)]
struct Collected {
    /// Messages and terms (`-id`): the last definition of each, the one
    /// Fluent uses.
    messages: Messages,
    /// What is written twice.
    duplicates: Vec<Duplicate>,
    /// The ids of entries that do not parse: their `fluent-syntax` error
    /// is the finding, not their absence.
    broken: BTreeSet<String>,
    /// How many entries each file defines, by relative path.
    entries: BTreeMap<String, usize>,
    /// The definitions a later one replaced, by id.
    earlier: BTreeMap<String, Vec<Info>>,
}

impl Collected {
    /// The definition of `id` to hold a definition in the file `relative`
    /// to: the one in the same file, when the id is defined in several
    /// (each page's own text), else the one Fluent uses.
    fn counterpart(&self, id: &str, relative: &str) -> Option<&Info> {
        let last = self.messages.get(id)?;
        if last.relative == relative {
            return Some(last);
        }
        let same_file = self
            .earlier
            .get(id)
            .and_then(|all| all.iter().find(|info| info.relative == relative));
        Some(same_file.unwrap_or(last))
    }
}

/// The id a broken entry (Fluent's junk) starts with, if any: `id =` or
/// `-id =` at its start.
fn junk_id(content: &str) -> Option<String> {
    let dash = usize::from(content.starts_with('-'));
    let body = content.get(dash..)?;
    if !body.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
        return None;
    }
    let len = body
        .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_' || ch == '-'))
        .unwrap_or(body.len());
    let rest = body.get(len..)?.trim_start_matches([' ', '\t']);
    rest.starts_with('=')
        .then(|| content.get(..dash + len).map(str::to_owned))
        .flatten()
}

/// The messages and terms of one locale's files; with `syntax`, the
/// syntax errors of the same parse are added to it.
fn collect(
    files: &[Arc<SourceFile>],
    relative: &[String],
    mut syntax: Option<(&LanguageIdentifier, &mut Vec<Diagnostic>)>,
) -> Collected {
    let mut out = Messages::new();
    let mut duplicates = Vec::new();
    let mut broken = BTreeSet::new();
    let mut entries: BTreeMap<String, usize> = BTreeMap::new();
    let mut earlier: BTreeMap<String, Vec<Info>> = BTreeMap::new();
    for (file, relative) in files.iter().zip(relative) {
        let text = file.text();
        let resource = match fluent_syntax::parser::parse(text) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                if let Some((locale, diags)) = syntax.as_mut() {
                    crate::l10n::bundles::syntax_errors(file, locale, errors, diags);
                }
                resource
            }
        };
        for entry in &resource.body {
            let (key, id, value, attributes) = match entry {
                ast::Entry::Message(m) => (
                    m.id.name.to_owned(),
                    m.id.name,
                    m.value.as_ref(),
                    &m.attributes,
                ),
                ast::Entry::Term(t) => (
                    format!("-{}", t.id.name),
                    t.id.name,
                    Some(&t.value),
                    &t.attributes,
                ),
                ast::Entry::Junk { content } => {
                    broken.extend(junk_id(content));
                    continue;
                }
                _ => continue,
            };
            *entries.entry(relative.clone()).or_default() += 1;
            let mut info = Info {
                id: key.clone(),
                span: definition_span(text, id, Info::is_term(&key)),
                file: Arc::clone(file),
                relative: relative.clone(),
                also_in: Vec::new(),
                vars: BTreeSet::new(),
                attrs: BTreeSet::new(),
                selects: Vec::new(),
                refs: Vec::new(),
                duplicates: Vec::new(),
            };
            if let Some(value) = value {
                walk_pattern(value, &mut info);
            }
            let mut seen: Vec<(&str, Range<usize>)> = Vec::new();
            for attribute in attributes {
                let name = attribute.id.name;
                // From the `.` before the name.
                let span = span_of(file, name);
                let span = span.start.saturating_sub(1)..span.end;
                match seen.iter().find(|(n, _)| *n == name) {
                    Some((_, first)) => info.duplicates.push(Duplicate {
                        what: format!("the attribute `.{name}` of `{key}`"),
                        first: (Arc::clone(file), first.clone()),
                        second: (Arc::clone(file), span),
                        later_wins: false,
                        entry: None,
                    }),
                    None => seen.push((name, span)),
                }
                info.attrs.insert(name.to_owned());
                walk_pattern(&attribute.value, &mut info);
            }
            duplicates.append(&mut info.duplicates);
            if let Some(first) = out.get(&key) {
                duplicates.push(Duplicate {
                    what: format!("`{key}`"),
                    first: (Arc::clone(&first.file), first.span.clone()),
                    second: (Arc::clone(file), info.span.clone()),
                    later_wins: true,
                    entry: Some((key.clone(), first.relative.clone(), relative.clone())),
                });
                info.also_in = first.also_in.clone();
                info.also_in.push(first.relative.clone());
            }
            if let Some(replaced) = out.insert(key.clone(), info) {
                earlier.entry(key).or_default().push(replaced);
            }
        }
    }
    Collected {
        messages: out,
        duplicates,
        broken,
        entries,
        earlier,
    }
}

fn at(info: &Info, diag: Diagnostic) -> Diagnostic {
    diag.at(&info.file, info.span.clone())
}

/// `a`, `b` and `c`, each in backticks.
fn list(items: &[&str]) -> String {
    items
        .iter()
        .map(|item| format!("`{item}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Text safety in a bundle file, line by line (a bidi isolate must close on
/// its line): every line but comments (`#` at the start of a line, which no
/// reader sees; an indented `#` is text). Zero-width spaces are not
/// reported in a locale whose script separates words with them
/// ([`text::zwsp_separates_words`]), nor NFC differences that are only the
/// order of combining marks ([`text::only_reordered`]): that is how Arabic
/// is typed and shown, and NFC's order is no better for it.
fn text_safety(file: &Arc<SourceFile>, locale: &LanguageIdentifier, diags: &mut Vec<Diagnostic>) {
    let mut maximized = locale.clone();
    maximized.maximize();
    let zwsp_is_text = maximized
        .script
        .is_some_and(|script| text::zwsp_separates_words(script.as_str()));
    let mut start = 0;
    for line in file.text().split_inclusive('\n') {
        let at = start;
        start += line.len();
        if line.starts_with('#') {
            continue;
        }
        let content = line.trim_end_matches(['\n', '\r']);
        for finding in text::scan(content) {
            let skip = match finding.code {
                Code::InvisibleChar => {
                    zwsp_is_text && content.get(finding.range.clone()) == Some("\u{200b}")
                }
                Code::NotNfc => text::only_reordered(content),
                _ => false,
            };
            if !skip {
                diags.push(
                    Diagnostic::new(finding.code, finding.message)
                        .at(file, at + finding.range.start..at + finding.range.end)
                        .lang(locale.to_string()),
                );
            }
        }
    }
}

/// One locale's bundle from one origin, collected for checking.
struct Locale {
    locale: LanguageIdentifier,
    tag: String,
    /// Its folder (`None` for the built-in bundles).
    folder: Option<PathBuf>,
    files: Vec<Arc<SourceFile>>,
    relative: Vec<String>,
    collected: Collected,
}

impl Locale {
    /// Its file of this relative path, if it has one.
    fn file(&self, relative: &str) -> Option<&Arc<SourceFile>> {
        self.relative
            .iter()
            .position(|r| r == relative)
            .and_then(|at| self.files.get(at))
    }

    /// How a path inside its folder is shown.
    fn display(&self, relative: &str) -> String {
        self.folder.as_deref().map_or_else(
            || relative.to_owned(),
            |folder| display_path(&folder.join(relative)),
        )
    }

    /// How its folder is shown.
    fn display_folder(&self) -> String {
        self.folder
            .as_deref()
            .map_or_else(|| self.tag.clone(), display_path)
    }

    /// Its messages in file order.
    fn in_file_order(&self) -> Vec<(&String, &Info)> {
        let mut out: Vec<(&String, &Info)> = self.collected.messages.iter().collect();
        out.sort_by(|a, b| (&a.1.relative, a.1.span.start).cmp(&(&b.1.relative, b.1.span.start)));
        out
    }
}

/// `file:line:column` of a definition.
fn place(info: &Info) -> String {
    let (line, column) = info.file.line_col(info.span.start);
    format!("{}:{line}:{column}", info.file.name())
}

/// Up to three ids in backticks, and how many more.
fn some_ids(ids: &[&str]) -> String {
    let mut out = list(&ids[..ids.len().min(3)]);
    if ids.len() > 3 {
        out.push_str(&format!(" and {} more", ids.len() - 3));
    }
    out
}

/// Why a folder's bundles cannot be compared with the reference locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferenceProblem {
    /// No folder of the reference locale, but one of its language
    /// (`source = "en-US"` with an `en` folder): a misnamed folder or tag.
    Misnamed {
        /// The reference tag.
        tag: String,
        /// The folder of locales.
        folder: String,
        /// The folders of the same language.
        near: Vec<String>,
    },
    /// No folder of the reference locale's language at all.
    Absent {
        /// The reference tag.
        tag: String,
        /// The folder of locales.
        folder: String,
        /// The locales it has.
        locales: Vec<String>,
    },
}

impl ReferenceProblem {
    /// The problem in words; `remedy` says where the reference is named
    /// ("`source` in newsroom.toml", "--reference").
    pub fn describe(&self, remedy: &str) -> String {
        match self {
            ReferenceProblem::Misnamed { tag, folder, near } => {
                let near: Vec<&str> = near.iter().map(String::as_str).collect();
                let first = near.first().copied().unwrap_or_default();
                format!(
                    "the reference locale `{tag}` has no folder in {folder}, which has {} of the same language: name the reference `{first}` ({remedy}), or rename the folder to {tag}",
                    list(&near)
                )
            }
            ReferenceProblem::Absent {
                tag,
                folder,
                locales,
            } => {
                let locales: Vec<&str> = locales.iter().map(String::as_str).collect();
                format!(
                    "the reference locale `{tag}` has no folder in {folder} (its locales: {}): name another reference ({remedy}) or add {folder}/{tag}",
                    some_ids(&locales)
                )
            }
        }
    }
}

/// Whether the newsroom's folder (origin [`Origin::Newsroom`]) of `stack`
/// lacks the reference locale `tag` while it has others, so nothing would
/// be compared. `None` when the reference is there, or there is no such
/// folder or locale in it.
pub fn reference_problem(stack: &Stack, tag: &str) -> Option<ReferenceProblem> {
    let ours: Vec<_> = stack
        .sources()
        .filter(|s| s.origin == Origin::Newsroom)
        .collect();
    let tags: Vec<String> = ours.iter().map(|s| s.locale.to_string()).collect();
    let folder = ours.iter().find_map(|s| s.folder.and_then(Path::parent));
    problem_with(&tags, folder, tag)
}

/// Whether the locales `tags` of the folder of locales `folder` lack the
/// reference locale `tag` (see [`reference_problem`]).
fn problem_with(tags: &[String], folder: Option<&Path>, tag: &str) -> Option<ReferenceProblem> {
    if tags.is_empty() || tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
        return None;
    }
    let folder = folder.map_or_else(|| "the locales folder".to_owned(), display_path);
    let language = tag.split(['-', '_']).next().unwrap_or(tag);
    let near: Vec<String> = tags
        .iter()
        .filter(|t| {
            t.split('-')
                .next()
                .is_some_and(|l| l.eq_ignore_ascii_case(language))
        })
        .cloned()
        .collect();
    Some(if near.is_empty() {
        ReferenceProblem::Absent {
            tag: tag.to_owned(),
            folder,
            locales: tags.to_vec(),
        }
    } else {
        ReferenceProblem::Misnamed {
            tag: tag.to_owned(),
            folder,
            near,
        }
    })
}

/// What every locale's check shares: the ids the reference bundle may lack
/// (notices, built-in messages) and the reference's tag.
struct Checker<'n> {
    reference_tag: &'n str,
    notice_ids: BTreeSet<&'n str>,
    /// The ids of each built-in locale's bundle, by tag.
    builtin: BTreeMap<String, BTreeSet<String>>,
    /// The ids of every built-in bundle.
    builtin_ids: BTreeSet<String>,
    /// The newsroom's supplied CLDR data (`[cldr.TAG]`): its plural rules
    /// are what the selects of its locales are held to.
    supplied: &'n [(String, std::sync::Arc<crate::l10n::supplied::Supplied>)],
}

impl<'n> Checker<'n> {
    fn new(newsroom: &'n Newsroom) -> Checker<'n> {
        let mut builtin: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (tag, _, source) in crate::locales::BUILTIN_FTL {
            let tag = LanguageIdentifier::from_str(tag)
                .map_or_else(|_| (*tag).to_owned(), |l| l.to_string());
            let ids = builtin.entry(tag).or_default();
            let resource = match fluent_syntax::parser::parse(*source) {
                Ok(resource) | Err((resource, _)) => resource,
            };
            for entry in &resource.body {
                match entry {
                    ast::Entry::Message(m) => {
                        ids.insert(m.id.name.to_owned());
                    }
                    ast::Entry::Term(t) => {
                        ids.insert(format!("-{}", t.id.name));
                    }
                    _ => {}
                }
            }
        }
        let builtin_ids = builtin.values().flatten().cloned().collect();
        Checker {
            reference_tag: newsroom.source.as_str(),
            notice_ids: newsroom.notices.iter().map(|n| n.id.as_str()).collect(),
            builtin,
            builtin_ids,
            supplied: &newsroom.cldr,
        }
    }
}

/// Checks the newsroom's (and `--locales`') bundles, one locale at a time
/// (its bundles of every origin together) against the reference locale's.
pub fn check(stack: &Stack, newsroom: &Newsroom) -> Vec<Diagnostic> {
    let checker = Checker::new(newsroom);
    let sources: Vec<_> = stack
        .sources()
        .filter(|s| s.origin != Origin::Builtin)
        .collect();
    let mut safety = Vec::new();
    for source in &sources {
        for file in source.files {
            text_safety(file, source.locale, &mut safety);
        }
    }
    let load = |source: &crate::l10n::bundles::Source<'_>| Locale {
        locale: source.locale.clone(),
        tag: source.locale.to_string(),
        folder: source.folder.map(Path::to_path_buf),
        files: source.files.to_vec(),
        relative: source.relative.to_vec(),
        collected: collect(source.files, source.relative, None),
    };
    // Read once: kept for every comparison, and checked as itself.
    let reference_at = sources.iter().position(|s| {
        s.origin == Origin::Newsroom
            && s.locale
                .to_string()
                .eq_ignore_ascii_case(checker.reference_tag)
    });
    let reference = reference_at.and_then(|at| sources.get(at)).map(load);
    // Findings by source, in the stack's order.
    let mut found: Vec<Vec<Diagnostic>> = sources.iter().map(|_| Vec::new()).collect();
    let mut done = vec![false; sources.len()];
    for (at, source) in sources.iter().enumerate() {
        if done.get(at).copied().unwrap_or(true) {
            continue;
        }
        let group: Vec<usize> = (at..sources.len())
            .filter(|&i| sources.get(i).is_some_and(|s| s.locale == source.locale))
            .collect();
        let loaded: Vec<Option<Locale>> = group
            .iter()
            .map(|&i| {
                (Some(i) != reference_at)
                    .then(|| sources.get(i).map(load))
                    .flatten()
            })
            .collect();
        let same_tag: Vec<&Locale> = group
            .iter()
            .zip(&loaded)
            .filter_map(|(&i, own)| {
                own.as_ref()
                    .or_else(|| reference.as_ref().filter(|_| Some(i) == reference_at))
            })
            .collect();
        for (&i, locale) in group.iter().zip(same_tag.iter().copied()) {
            if let Some(out) = found.get_mut(i) {
                checker.check_locale(locale, reference.as_ref(), &same_tag, out);
            }
            if let Some(flag) = done.get_mut(i) {
                *flag = true;
            }
        }
    }
    safety.extend(found.into_iter().flatten());
    safety
}

/// What `check --bundles DIR` found, and in how many locales and files.
pub struct FolderChecked {
    /// The findings, the folder's own (unreadable files, syntax) first.
    pub diagnostics: Vec<Diagnostic>,
    /// How many locale folders hold bundle files.
    pub locales: usize,
    /// How many bundle files they hold.
    pub files: usize,
}

/// Checks one folder of bundles alone (`LANG/**/*.ftl`) against the
/// reference locale `newsroom.source`, reading one locale at a time: the
/// reference stays in memory, every other locale is read, checked and
/// let go, so memory does not grow with the number of locales. Each file
/// is parsed once. Errors when the folder cannot be listed, holds no
/// locale or lacks the reference (`remedy` says where the reference is
/// named).
pub fn check_folder(
    dir: &Path,
    newsroom: &Newsroom,
    remedy: &str,
) -> anyhow::Result<FolderChecked> {
    let listed = crate::locales::list_folder(dir)
        .map_err(|err| anyhow::anyhow!("cannot load the locale folder {}: {err}", dir.display()))?;
    let groups = crate::locales::by_locale(listed);
    anyhow::ensure!(
        !groups.is_empty(),
        "--bundles {}: no locale folder with .ftl files in it (the layout is DIR/LANG/**/*.ftl)",
        display_path(dir)
    );
    let tags: Vec<String> = groups.iter().map(|(tag, _)| tag.clone()).collect();
    if let Some(problem) = problem_with(&tags, Some(dir), &newsroom.source) {
        anyhow::bail!("{}", problem.describe(remedy));
    }
    let checker = Checker::new(newsroom);
    let files = groups.iter().map(|(_, list)| list.len()).sum();
    let locales = groups.len();
    // Per locale: what reading found, syntax errors, text safety and the
    // comparison, put together in that order at the end.
    let mut read_errors = Vec::new();
    let mut syntax = Vec::new();
    let mut safety = Vec::new();
    let mut found: Vec<Vec<Diagnostic>> = groups.iter().map(|_| Vec::new()).collect();
    let mut load = |tag: &str, listed: Vec<crate::locales::FolderFile>| {
        let files = crate::l10n::bundles::read_locale(dir, tag, listed, &mut read_errors);
        // Mozilla's `ja-JP-mac` is no BCP 47 tag (a variant has five
        // letters or more): such a folder is checked by the rules of the
        // longest tag it starts with, and keeps its own name.
        let locale = match longest_tag(tag) {
            Some(locale) => locale,
            None => crate::l10n::bundles::folder_locale(tag, &files, &mut syntax)?,
        };
        if files.list.is_empty() {
            return None;
        }
        for file in &files.list {
            text_safety(file, &locale, &mut safety);
        }
        let collected = collect(&files.list, &files.relative, Some((&locale, &mut syntax)));
        Some(Locale {
            tag: if LanguageIdentifier::from_str(tag).is_ok() {
                locale.to_string()
            } else {
                tag.to_owned()
            },
            locale,
            folder: files.folder,
            files: files.list,
            relative: files.relative,
            collected,
        })
    };
    let mut groups: Vec<Option<(String, Vec<crate::locales::FolderFile>)>> =
        groups.into_iter().map(Some).collect();
    let reference_at = tags
        .iter()
        .position(|t| t.eq_ignore_ascii_case(checker.reference_tag));
    let reference = reference_at
        .and_then(|at| groups.get_mut(at).and_then(Option::take))
        .and_then(|(tag, listed)| load(&tag, listed));
    for (at, group) in groups.into_iter().enumerate() {
        let Some(out) = found.get_mut(at) else {
            continue;
        };
        match group {
            Some((tag, listed)) => {
                if let Some(locale) = load(&tag, listed) {
                    checker.check_locale(&locale, reference.as_ref(), &[&locale], out);
                }
            }
            None => {
                if let Some(reference) = &reference {
                    checker.check_locale(reference, Some(reference), &[reference], out);
                }
            }
        }
    }
    let mut diagnostics = read_errors;
    diagnostics.append(&mut syntax);
    diagnostics.append(&mut safety);
    diagnostics.extend(found.into_iter().flatten());
    Ok(FolderChecked {
        diagnostics,
        locales,
        files,
    })
}

/// The locale of a folder name, or of the longest run of its leading
/// subtags that is a language tag CLDR knows (`ja-JP` for `ja-JP-mac`).
fn longest_tag(name: &str) -> Option<LanguageIdentifier> {
    let parts: Vec<&str> = name.split(['-', '_']).collect();
    (1..=parts.len())
        .rev()
        .find_map(|n| crate::article::parse_lang(&parts.get(..n)?.join("-")))
        .and_then(|tag| LanguageIdentifier::from_str(&tag).ok())
}

impl Checker<'_> {
    /// Every finding about one locale's bundle from one origin: its
    /// duplicates, references to what it lacks, plural selects, and
    /// against the reference what it lacks, keeps elsewhere or has left
    /// over. `same_tag` is the locale's bundles of every origin (itself
    /// included): what its editions find.
    fn check_locale(
        &self,
        locale: &Locale,
        reference: Option<&Locale>,
        same_tag: &[&Locale],
        diags: &mut Vec<Diagnostic>,
    ) {
        let reference_tag = self.reference_tag;
        let tag = &locale.tag;
        for duplicate in &locale.collected.duplicates {
            // An id the reference itself keeps in the same two files is
            // the reference's finding, not each translation's again.
            let mirrored = duplicate.entry.as_ref().is_some_and(|(id, first, second)| {
                first != second
                    && !tag.eq_ignore_ascii_case(reference_tag)
                    && reference
                        .and_then(|r| r.collected.messages.get(id))
                        .is_some_and(|theirs| theirs.defined_in(first) && theirs.defined_in(second))
            });
            if !mirrored {
                diags.push(duplicate.diagnostic(tag));
            }
        }
        let own_builtin = self.builtin.get(tag);
        let messages = &locale.collected.messages;
        // What the locale's editions find: its bundles of every origin and
        // the built-in one.
        let defined = |id: &str| {
            same_tag
                .iter()
                .any(|l| l.collected.messages.contains_key(id))
                || own_builtin.is_some_and(|b| b.contains(id))
        };
        unknown_references(locale, reference, &defined, diags);
        let plurals = LocalePlurals::new(&locale.locale, self.supplied);
        for (id, info) in locale.in_file_order() {
            for select in &info.selects {
                plural_finding(id, info, select, &plurals, tag, diags);
            }
        }
        let Some(reference) = reference else { return };
        if tag.eq_ignore_ascii_case(reference_tag) {
            return;
        }
        // Terms this locale's own entries use.
        let used: BTreeSet<&str> = messages
            .values()
            .flat_map(|info| info.refs.iter().map(|r| r.key.as_str()))
            .collect();
        let mut obsolete: BTreeMap<&str, Vec<(&str, &Info)>> = BTreeMap::new();
        for (id, info) in locale.in_file_order() {
            let is_term = Info::is_term(id);
            match reference.collected.counterpart(id, &info.relative) {
                None => {
                    // A term of the locale's own that its messages use is
                    // its vocabulary, not a leftover; an entry the
                    // reference has but cannot parse is its syntax error.
                    let own_term = is_term && used.contains(id.as_str());
                    if !own_term
                        && !self.builtin_ids.contains(id.as_str())
                        && !self.notice_ids.contains(id.as_str())
                        && !reference.collected.broken.contains(id)
                    {
                        obsolete
                            .entry(info.relative.as_str())
                            .or_default()
                            .push((id, info));
                    }
                }
                Some(reference_info) => {
                    moved(
                        id,
                        info,
                        reference_info,
                        locale.folder.as_deref(),
                        reference_tag,
                        tag,
                        diags,
                    );
                    // A term's parameters and attributes are its locale's own.
                    if !is_term {
                        compare_message(id, info, reference_info, tag, diags);
                    }
                }
            }
        }
        obsolete_findings(locale, reference, &obsolete, diags);
        missing_findings(locale, reference, &self.notice_ids, &defined, diags);
    }
}

/// `fluent-unknown-reference`, once per id a locale's messages refer to
/// and no bundle of the locale defines (one deleted term is one finding,
/// however many messages use it), at the first message that does.
fn unknown_references(
    locale: &Locale,
    reference: Option<&Locale>,
    defined: &dyn Fn(&str) -> bool,
    diags: &mut Vec<Diagnostic>,
) {
    let tag = &locale.tag;
    let mut users: BTreeMap<&str, Vec<(&str, &Info)>> = BTreeMap::new();
    for (id, info) in locale.in_file_order() {
        for r in &info.refs {
            // Fluent resolves references inside one bundle: a message the
            // reference locale has does not help this one. One that is
            // there but does not parse has its syntax error already.
            if defined(&r.key) || locale.collected.broken.contains(&r.key) {
                continue;
            }
            let list = users.entry(r.key.as_str()).or_default();
            if !list.iter().any(|(user, _)| user == id) {
                list.push((id, info));
            }
        }
    }
    let mut found: Vec<(&Info, Diagnostic)> = Vec::new();
    for (key, users) in users {
        let Some(&(first_id, first)) = users.first() else {
            continue;
        };
        let what = if Info::is_term(key) {
            "the term"
        } else {
            "the message"
        };
        let who = match users.len() {
            1 => format!("`{first_id}` refers"),
            2 => format!("`{first_id}` and 1 other message refer"),
            n => format!("`{first_id}` and {} other messages refer", n - 1),
        };
        let help = match reference.and_then(|r| r.collected.messages.get(key)) {
            Some(theirs) => format!(
                "define `{key}` in {}, as the reference bundle does at {}",
                locale.display(&theirs.relative),
                place(theirs)
            ),
            None => format!("define `{key}` in the {tag} bundle, or correct the reference"),
        };
        let diag = Diagnostic::new(
            Code::FluentUnknownReference,
            format!("{who} to {what} `{key}`, which no {tag} bundle defines"),
        )
        .lang(tag.clone())
        .help(help);
        found.push((first, diag));
    }
    // In the order of the messages, not of the ids.
    found.sort_by(|a, b| (&a.0.relative, a.0.span.start).cmp(&(&b.0.relative, b.0.span.start)));
    diags.extend(found.into_iter().map(|(info, diag)| at(info, diag)));
}

/// `fluent-obsolete-message`: per message, or once for a file the
/// reference has no counterpart of when nothing in it is used.
fn obsolete_findings(
    locale: &Locale,
    reference: &Locale,
    obsolete: &BTreeMap<&str, Vec<(&str, &Info)>>,
    diags: &mut Vec<Diagnostic>,
) {
    let tag = &locale.tag;
    let reference_tag = &reference.tag;
    for (relative, entries) in obsolete {
        let whole_file = entries.len() > 1
            && reference.file(relative).is_none()
            && locale.collected.entries.get(*relative) == Some(&entries.len());
        if let (true, Some(&(_, first))) = (whole_file, entries.first()) {
            let ids: Vec<&str> = entries.iter().map(|(id, _)| *id).collect();
            diags.push(at(
                first,
                Diagnostic::new(
                    Code::FluentObsoleteMessage,
                    format!(
                        "{relative} is not in the {reference_tag} (reference) bundle, and none of its {} entries ({}) is",
                        ids.len(),
                        some_ids(&ids)
                    ),
                )
                .lang(tag.clone())
                .help(format!(
                    "remove {}, or add the file to the reference bundle if it is new",
                    locale.display(relative)
                )),
            ));
            continue;
        }
        for (id, info) in entries {
            let is_term = Info::is_term(id);
            let what = if is_term { "term" } else { "message" };
            diags.push(at(
                info,
                Diagnostic::new(
                    Code::FluentObsoleteMessage,
                    format!("the {what} `{id}` is not in the {reference_tag} (reference) bundle"),
                )
                .lang(tag.clone())
                .help(if is_term {
                    "remove it: no message of this locale uses it".to_owned()
                } else {
                    "remove it, or add it to the reference bundle if it is new".to_owned()
                }),
            ));
        }
    }
}

/// `fluent-missing-message` (a warning: the editions show the reference
/// text) where the translator acts: on the locale's file of the same path
/// as the reference's, once per message; or, when the locale has no such
/// file, once for the whole file, on the locale's folder.
fn missing_findings(
    locale: &Locale,
    reference: &Locale,
    notice_ids: &BTreeSet<&str>,
    defined: &dyn Fn(&str) -> bool,
    diags: &mut Vec<Diagnostic>,
) {
    let tag = &locale.tag;
    let reference_tag = &reference.tag;
    // Terms the locale's own entries use: one it lacks is reported once,
    // as `fluent-unknown-reference`.
    let used: BTreeSet<&str> = locale
        .collected
        .messages
        .values()
        .flat_map(|info| info.refs.iter().map(|r| r.key.as_str()))
        .collect();
    let mut by_file: BTreeMap<&str, Vec<(&str, &Info)>> = BTreeMap::new();
    for (id, info) in reference.in_file_order() {
        if (Info::is_term(id) && used.contains(id.as_str()))
            || notice_ids.contains(id.as_str())
            || defined(id)
            || locale.collected.broken.contains(id)
        {
            continue;
        }
        by_file
            .entry(info.relative.as_str())
            .or_default()
            .push((id, info));
    }
    for (relative, missing) in by_file {
        let mut found = Vec::new();
        match locale.file(relative) {
            Some(file) => {
                for (id, theirs) in &missing {
                    // A term no message of the locale uses yet: the
                    // messages that will need it are missing, or say the
                    // name another way.
                    let message = if Info::is_term(id) {
                        format!(
                            "the {tag} bundle lacks `{id}`, a term of the {reference_tag} (reference) bundle; no {tag} message uses it yet"
                        )
                    } else {
                        format!(
                            "the {tag} bundle lacks `{id}`; {tag} editions show the {reference_tag} text"
                        )
                    };
                    found.push(
                        Diagnostic::new(Code::FluentMissingMessage, message)
                            .file_name(file.name())
                            .help(format!(
                                "add `{id} = …` to {}; the reference message is at {}",
                                file.name(),
                                place(theirs)
                            )),
                    );
                }
            }
            None => {
                let ids: Vec<&str> = missing.iter().map(|(id, _)| *id).collect();
                let message = match ids.as_slice() {
                    [id] if Info::is_term(id) => format!(
                        "the {tag} bundle has no {relative}, which holds the term `{id}` in the {reference_tag} (reference) bundle; no {tag} message uses it yet"
                    ),
                    [id] => format!(
                        "the {tag} bundle has no {relative}, so `{id}` shows the {reference_tag} text"
                    ),
                    _ => format!(
                        "the {tag} bundle has no {relative}, so its {} {} ({}) show the {reference_tag} text",
                        ids.len(),
                        if ids.iter().any(|id| Info::is_term(id)) {
                            "entries"
                        } else {
                            "messages"
                        },
                        some_ids(&ids)
                    ),
                };
                found.push(
                    Diagnostic::new(Code::FluentMissingMessage, message)
                        .file_name(locale.display_folder())
                        .help(format!(
                            "translate {} into {}",
                            reference.display(relative),
                            locale.display(relative)
                        )),
                );
            }
        }
        for mut diag in found {
            diag.severity = Severity::Warning;
            diags.push(diag.lang(tag.clone()));
        }
    }
    // An id the reference keeps in several files (each page's own text)
    // and the locale has in some of them only: the file that lacks it
    // shows another file's translation, or the reference's text where
    // each file is loaded alone.
    for (id, theirs) in reference.in_file_order() {
        if theirs.also_in.is_empty() || Info::is_term(id) || notice_ids.contains(id.as_str()) {
            continue;
        }
        let Some(ours) = locale.collected.messages.get(id.as_str()) else {
            continue;
        };
        let mut files: Vec<&String> = theirs.also_in.iter().collect();
        files.push(&theirs.relative);
        files.sort();
        files.dedup();
        for relative in files {
            let Some(file) = locale.file(relative) else {
                continue;
            };
            if ours.defined_in(relative) {
                continue;
            }
            let Some(reference_info) = reference.collected.counterpart(id, relative) else {
                continue;
            };
            let mut diag = Diagnostic::new(
                Code::FluentMissingMessage,
                format!(
                    "the {tag} bundle lacks `{id}` in {relative}: the {reference_tag} (reference) bundle has it there as well as in {}, and {tag} only in {}",
                    other_files(theirs, relative),
                    ours.relative
                ),
            )
            .file_name(file.name())
            .lang(tag.clone())
            .help(format!(
                "add `{id} = …` to {}; the reference message is at {}",
                file.name(),
                place(reference_info)
            ));
            diag.severity = Severity::Warning;
            diags.push(diag);
        }
    }
}

/// The files other than `relative` that a definition is in.
fn other_files(info: &Info, relative: &str) -> String {
    std::iter::once(&info.relative)
        .chain(&info.also_in)
        .filter(|r| *r != relative)
        .map(String::as_str)
        .collect::<BTreeSet<&str>>()
        .into_iter()
        .collect::<Vec<_>>()
        .join(", ")
}

/// `fluent-moved-message` when no definition of `id` in the locale is in the
/// file of the reference's relative path.
fn moved(
    id: &str,
    info: &Info,
    reference_info: &Info,
    folder: Option<&Path>,
    reference_tag: &str,
    tag: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let want = &reference_info.relative;
    let target = folder.map_or_else(|| want.clone(), |folder| display_path(&folder.join(want)));
    // Any file the reference defines it in will do (an id the reference
    // keeps in two files, each page's own).
    let theirs = std::iter::once(want).chain(&reference_info.also_in);
    if theirs.into_iter().any(|r| info.defined_in(r)) {
        return;
    }
    let what = if Info::is_term(id) { "term" } else { "message" };
    diags.push(at(
        info,
        Diagnostic::new(
            Code::FluentMovedMessage,
            format!(
                "the {what} `{id}` is in {}, but the {reference_tag} (reference) bundle has it in {want}",
                info.relative
            ),
        )
        .lang(tag.to_owned())
        .help(format!(
            "move it to {target}, the file of the same path as the reference's"
        )),
    ));
}

/// A message held to the reference locale's: its variables, attributes
/// and the references it shows.
fn compare_message(
    id: &str,
    info: &Info,
    reference_info: &Info,
    tag: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let extra: Vec<&String> = info.vars.difference(&reference_info.vars).collect();
    let unused: Vec<&String> = reference_info.vars.difference(&info.vars).collect();
    if !extra.is_empty() || !unused.is_empty() {
        let vars = |vars: &[&String]| {
            vars.iter()
                .map(|v| format!("${v}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut parts = Vec::new();
        if !extra.is_empty() {
            parts.push(format!("uses {} that the reference does not", vars(&extra)));
        }
        if !unused.is_empty() {
            parts.push(format!("never uses {}", vars(&unused)));
        }
        diags.push(at(
            info,
            Diagnostic::new(
                Code::FluentVariableMismatch,
                format!("`{id}` {}", parts.join(" and ")),
            )
            .lang(tag.to_owned()),
        ));
    }
    if info.attrs != reference_info.attrs {
        diags.push(at(
            info,
            Diagnostic::new(
                Code::FluentAttributeMismatch,
                format!(
                    "`{id}` has attributes [{}], the reference has [{}]",
                    info.attrs.iter().cloned().collect::<Vec<_>>().join(", "),
                    reference_info
                        .attrs
                        .iter()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .lang(tag.to_owned()),
        ));
    }
    let shown = info.shown_refs();
    let dropped: Vec<&str> = reference_info
        .shown_refs()
        .into_iter()
        .filter(|r| !shown.contains(r))
        .collect();
    if !dropped.is_empty() {
        let (terms, messages): (Vec<&str>, Vec<&str>) =
            dropped.iter().partition(|r| Info::is_term(r));
        let mut what = Vec::new();
        if !terms.is_empty() {
            what.push(format!(
                "the term{} {}",
                if terms.len() == 1 { "" } else { "s" },
                list(&terms)
            ));
        }
        if !messages.is_empty() {
            what.push(format!(
                "the message{} {}",
                if messages.len() == 1 { "" } else { "s" },
                list(&messages)
            ));
        }
        diags.push(at(
            info,
            Diagnostic::new(
                Code::FluentDroppedReference,
                format!(
                    "`{id}` does not use {}, which the reference message uses",
                    what.join(" and ")
                ),
            )
            .lang(tag.to_owned())
            .help(format!(
                "write {} where the reference does, so the text follows this locale's bundle",
                dropped
                    .iter()
                    .map(|r| format!("`{{ {r} }}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        ));
    }
}

/// Categories a count reaches that the default variant may stand for
/// anyway, by language. The Hebrew dual (CLDR's `two`, the count 2) is a
/// form only a few words have (יומיים, "two days"), written without a
/// numeral; after a numeral Hebrew uses the plural ("2 מכשירים"), which is
/// the default variant's text in Mozilla's and every other Hebrew bundle.
const LEFT_TO_DEFAULT: &[(&str, &str)] = &[("he", "two")];

/// A locale, for judging its selects on numbers.
struct LocalePlurals<'a> {
    locale: &'a LanguageIdentifier,
    /// Its language, CLDR aliases resolved (`iw` → `he`).
    language: String,
    /// The newsroom's supplied data, whose plural rules come first
    /// ([`plural::supplied_cardinal`]), as when an edition is made.
    supplied: &'a [(String, std::sync::Arc<crate::l10n::supplied::Supplied>)],
}

impl<'a> LocalePlurals<'a> {
    fn new(
        locale: &'a LanguageIdentifier,
        supplied: &'a [(String, std::sync::Arc<crate::l10n::supplied::Supplied>)],
    ) -> LocalePlurals<'a> {
        let tag = locale.to_string();
        let language = crate::l10n::bundles::alias(&tag)
            .unwrap_or(&tag)
            .split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        LocalePlurals {
            locale,
            language,
            supplied,
        }
    }
}

/// Up to four numbers of `counts`, and "…" when there are more.
fn sample(counts: &[u32]) -> String {
    let mut out: Vec<String> = counts.iter().take(4).map(u32::to_string).collect();
    if counts.len() > 4 {
        out.push("…".to_owned());
    }
    out.join(", ")
}

/// `fluent-plural-categories` for one select, by the rule of
/// docs/codes/fluent-plural-categories.md: every category a count (a whole
/// number from 0 to 999) reaches needs a variant of its own name (or
/// number keys for each of its counts); categories that only decimals or
/// exact millions reach may be left to the default variant.
fn plural_finding(
    id: &str,
    info: &Info,
    select: &Select,
    plurals: &LocalePlurals,
    tag: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let kind = if select.ordinal { "ordinal " } else { "" };
    let Some(reach) = plural::reach_of(plurals.locale, select.ordinal, plurals.supplied) else {
        return;
    };
    let missing: Vec<(&str, &[u32])> = reach
        .counts
        .iter()
        .filter(|(category, counts)| {
            let named = select.names.iter().any(|k| k == category);
            let numbered = counts.len() <= select.numbers.len()
                && counts.iter().all(|n| select.numbers.contains(n));
            let left = !select.ordinal
                && LEFT_TO_DEFAULT.contains(&(plurals.language.as_str(), *category));
            !named && !numbered && !left
        })
        .map(|(category, counts)| (*category, counts.as_slice()))
        .collect();
    let extra: Vec<&str> = select
        .names
        .iter()
        .map(String::as_str)
        .filter(|k| !reach.categories.contains(k))
        .collect();
    if missing.is_empty() && extra.is_empty() {
        return;
    }
    let mut parts = Vec::new();
    if !missing.is_empty() {
        let what: Vec<String> = missing
            .iter()
            .map(|(category, counts)| format!("{category} ({})", sample(counts)))
            .collect();
        parts.push(format!(
            "has no variant for {}, so those counts get the `[{}]` text",
            what.join(" and "),
            select.default
        ));
    }
    if !extra.is_empty() {
        parts.push(format!("has {} that {tag} does not use", extra.join(", ")));
    }
    let whose = if reach.supplied {
        "the supplied"
    } else {
        "CLDR's"
    };
    let mut help = format!(
        "{whose} {kind}categories for {tag}: {}",
        reach.categories.join(", ")
    );
    if !reach.beyond.is_empty() {
        let beyond: Vec<String> = reach
            .beyond
            .iter()
            .map(|(category, number)| format!("{category} ({number})"))
            .collect();
        help.push_str(&format!(
            "; {} hold{} no count below 1,000 and may be left to the default variant",
            beyond.join(", "),
            if beyond.len() == 1 { "s" } else { "" }
        ));
    }
    diags.push(at(
        info,
        Diagnostic::new(
            Code::FluentPluralCategories,
            format!("the {kind}plural select in `{id}` {}", parts.join(" and ")),
        )
        .lang(tag.to_owned())
        .help(help),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The findings of [`check`] over a newsroom folder of `files`
    /// (path under `locales/`, FTL text), reference `en`.
    pub(super) fn findings(files: &[(&str, &str)]) -> Vec<Diagnostic> {
        findings_in(files, &Newsroom::builtin())
    }

    /// [`findings`] for `newsroom`.
    fn findings_in(files: &[(&str, &str)], newsroom: &Newsroom) -> Vec<Diagnostic> {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let stack = Stack::load(Some(dir.path()), None).unwrap();
        let mut out = stack.diagnostics.clone();
        out.extend(check(&stack, newsroom));
        // `check --bundles DIR` reads one locale at a time, and finds the
        // same, in the same order.
        // (Not when the fixture has no reference folder: that run stops.)
        let alone = check_folder(dir.path(), newsroom, "--reference");
        let reference = format!("{}/", newsroom.source);
        assert_eq!(
            alone.is_ok(),
            files.iter().any(|(path, _)| path.starts_with(&reference)),
            "check_folder: {:?}",
            alone.as_ref().err()
        );
        if let Ok(alone) = alone {
            let shown = |diags: &[Diagnostic]| -> Vec<String> {
                diags
                    .iter()
                    .map(|d| format!("{:?} {:?} {} {:?}", d.code, d.lang, d.message, d.file()))
                    .collect()
            };
            assert_eq!(shown(&alone.diagnostics), shown(&out));
        }
        out
    }

    /// `code lang line` of each finding, sorted.
    pub(super) fn summary(diags: &[Diagnostic]) -> Vec<String> {
        let mut out: Vec<String> = diags
            .iter()
            .map(|d| {
                format!(
                    "{} {} {}",
                    d.code,
                    d.lang.as_deref().unwrap_or("-"),
                    d.line_col().map_or(0, |(line, _)| line)
                )
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn terms_keep_their_own_parameters_and_attributes() {
        let found = findings(&[
            (
                "en/x.ftl",
                "-brand = Firefox\nhello = Hello from { -brand }\n",
            ),
            (
                "cs/x.ftl",
                "-brand =\n    { $case ->\n       *[nom] Firefox\n        [gen] Firefoxu\n    }\n    .gender = masculine\nhello = Ahoj z { -brand(case: \"gen\") }\n",
            ),
        ]);
        assert_eq!(summary(&found), Vec::<String>::new(), "{found:#?}");
    }

    #[test]
    fn a_term_a_message_needs_is_an_error_and_a_dropped_one_a_warning() {
        let found = findings(&[
            (
                "en/x.ftl",
                "-brand = Firefox\nhello = Hello from { -brand }\nbye = Bye from { -brand }\n",
            ),
            (
                "ru/x.ftl",
                "hello = Привет от { -brand }\nbye = Пока от Firefox\n",
            ),
        ]);
        assert_eq!(
            summary(&found),
            [
                "fluent-dropped-reference ru 2",
                "fluent-unknown-reference ru 1"
            ],
            "{found:#?}"
        );
        let dropped = found
            .iter()
            .find(|d| d.code == Code::FluentDroppedReference)
            .unwrap();
        assert_eq!(dropped.severity, Severity::Warning);
        assert!(dropped.message.contains("`-brand`"), "{}", dropped.message);
    }

    #[test]
    fn a_locale_may_add_terms_its_messages_use() {
        let found = findings(&[
            ("en/x.ftl", "hello = Hello from Firefox\n"),
            (
                "pl/x.ftl",
                "-brand-gen = Firefoksa\n-unused = x\nhello = Pozdrowienia od { -brand-gen }\n",
            ),
        ]);
        assert_eq!(
            summary(&found),
            ["fluent-obsolete-message pl 2"],
            "{found:#?}"
        );
    }

    /// The plural findings of `select` (the body of a select on `$n`, or
    /// a whole message when it starts with `=`) in the locale `tag`.
    fn plural(tag: &str, select: &str) -> Vec<String> {
        let message = if select.starts_with('=') {
            format!("m {select}\n")
        } else {
            format!("m = {{ $n ->\n{select}\n}}\n")
        };
        let found = findings(&[(&format!("{tag}/x.ftl"), &message)]);
        found
            .iter()
            .filter(|d| d.code == Code::FluentPluralCategories)
            .map(|d| d.message.clone())
            .collect()
    }

    #[test]
    fn mozillas_plural_style_passes_where_counts_are_covered() {
        let many = "    [one] a\n    [few] b\n   *[many] c";
        for tag in ["ru", "uk", "pl"] {
            assert_eq!(plural(tag, many), Vec::<String>::new(), "{tag}");
        }
        let one_other = "    [one] a\n   *[other] b";
        // French, Spanish, Italian, Portuguese keep `many` for exact millions.
        for tag in ["fr", "es", "it", "pt", "de", "en", "he"] {
            assert_eq!(plural(tag, one_other), Vec::<String>::new(), "{tag}");
        }
        assert_eq!(
            plural("cs", "    [one] a\n    [few] b\n   *[other] c"),
            Vec::<String>::new()
        );
        let all =
            "    [zero] a\n    [one] b\n    [two] c\n    [few] d\n    [many] e\n   *[other] f";
        assert_eq!(plural("ar", all), Vec::<String>::new());
        // A count's category can also be covered by number keys: English
        // `one` is the count 1 alone.
        assert_eq!(
            plural("en", "    [1] a\n   *[other] b"),
            Vec::<String>::new()
        );
    }

    /// A newsroom's own plural rules (`[cldr.av] plurals`) are what its av
    /// bundle's selects are held to, as they are what renders them; the
    /// built-in supplied rules (av: "other" only) where it has none.
    #[test]
    fn a_newsrooms_supplied_plural_rules_are_the_categories_checked() {
        let other_only = "m = { $n ->\n   *[other] b\n}\n";
        let one_other = "m = { $n ->\n    [one] a\n   *[other] b\n}\n";
        let plural_in = |newsroom: &Newsroom, text: &str| -> Vec<String> {
            findings_in(&[("av/x.ftl", text)], newsroom)
                .iter()
                .filter(|d| d.code == Code::FluentPluralCategories)
                .map(|d| format!("{} / {}", d.message, d.help.as_deref().unwrap_or("")))
                .collect()
        };
        let builtin = Newsroom::builtin();
        assert_eq!(plural_in(&builtin, other_only), Vec::<String>::new());
        let found = plural_in(&builtin, one_other);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("has one that av does not use"),
            "{found:?}"
        );
        assert!(
            found[0].contains("the supplied categories for av: other"),
            "{found:?}"
        );

        let mut newsroom = Newsroom::builtin();
        let file = Arc::new(crate::source::SourceFile::new(
            "newsroom.toml",
            None,
            "plurals = { one = \"n = 1\" }\n".to_owned(),
        ));
        let (supplied, diags) = crate::l10n::supplied::parse_file(&file);
        assert!(diags.is_empty(), "{diags:?}");
        newsroom.cldr = vec![("av".to_owned(), Arc::new(supplied))];
        let found = plural_in(&newsroom, other_only);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("has no variant for one (1), so those counts get the `[other]` text"),
            "{found:?}"
        );
        assert!(
            found[0].contains("the supplied categories for av: one, other"),
            "{found:?}"
        );
        assert_eq!(plural_in(&newsroom, one_other), Vec::<String>::new());
        // Other locales keep their own rules (crh: "other" only).
        let crh = findings_in(&[("crh/x.ftl", one_other)], &newsroom);
        assert!(
            crh.iter().any(|d| d.code == Code::FluentPluralCategories
                && d.message.contains("has one that crh does not use")),
            "{crh:?}"
        );
    }

    #[test]
    fn a_count_that_gets_the_wrong_form_is_reported() {
        // "2 файлов": few falls to the `other` text.
        let found = plural("ru", "    [one] a\n   *[other] b");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("few (2, 3, 4, 22, …) and many (0, 5, 6, 7, …)"),
            "{found:?}"
        );
        assert!(found[0].contains("`[other]` text"), "{found:?}");
        let found = plural("ru", "    [one] a\n    [many] b\n   *[other] c");
        assert!(found[0].contains("no variant for few ("), "{found:?}");
        // Czech 2–4 take their own form; `many` is for decimals only.
        let found = plural("cs", "    [one] a\n   *[other] b");
        assert!(
            found[0].contains("no variant for few (2, 3, 4)"),
            "{found:?}"
        );
        let found = plural("cs", "    [one] a\n    [few] b\n   *[many] c");
        assert!(
            found[0].contains("no variant for other (0, 5,"),
            "{found:?}"
        );
        // Arabic needs its zero and dual.
        let found = plural(
            "ar",
            "    [one] a\n    [few] b\n    [many] c\n   *[other] d",
        );
        assert!(found[0].contains("zero (0) and two (2)"), "{found:?}");
        // A category the locale does not have.
        let found = plural("de", "    [one] a\n    [few] b\n   *[other] c");
        assert!(
            found[0].contains("has few that de does not use"),
            "{found:?}"
        );
    }

    #[test]
    fn an_ordinal_select_is_judged_by_ordinal_rules() {
        let ordinal = |keys: &str| format!("= {{ NUMBER($n, type: \"ordinal\") ->\n{keys}\n}}");
        let english = "    [one] st\n    [two] nd\n    [few] rd\n   *[other] th";
        assert_eq!(plural("en", &ordinal(english)), Vec::<String>::new());
        let found = plural("en", &ordinal("    [one] st\n   *[other] th"));
        assert!(
            found[0].starts_with("the ordinal plural select in `m` has no variant for two (2, 22, 32, 42, …) and few (3, 23"),
            "{found:?}"
        );
        // Russian ordinals have the one category "other".
        let found = plural("ru", &ordinal("    [one] a\n   *[other] b"));
        assert!(
            found[0].contains("has one that ru does not use"),
            "{found:?}"
        );
        assert_eq!(
            plural("ru", &ordinal("   *[other] b")),
            Vec::<String>::new()
        );
    }

    #[test]
    fn duplicates_of_every_kind_are_errors_at_the_second() {
        let found = findings(&[
            (
                "ru/a.ftl",
                "hello = Привет\nhello = Здравствуйте\nbye = Пока\n    .title = a\n    .title = b\n",
            ),
            (
                "ru/b.ftl",
                "-brand = Фаерфокс\nn = { $n ->\n    [one] a\n    [few] b\n    [1.0] c\n    [1] d\n    [few] e\n   *[many] f\n}\n",
            ),
            ("ru/c.ftl", "-brand = Firefox\n"),
        ]);
        let duplicates: Vec<&Diagnostic> = found
            .iter()
            .filter(|d| d.code == Code::FluentDuplicate)
            .collect();
        let got: Vec<(String, String, (usize, usize), String)> = duplicates
            .iter()
            .map(|d| {
                (
                    d.message.clone(),
                    d.file()
                        .unwrap_or_default()
                        .rsplit('/')
                        .next()
                        .unwrap()
                        .to_owned(),
                    d.line_col().unwrap(),
                    d.help.clone().unwrap_or_default(),
                )
            })
            .collect();
        let want = [
            (
                "`hello` is written twice",
                "a.ftl",
                (2, 1),
                "the first definition is at line 1, column 1, and this one replaces it: keep one",
            ),
            (
                "the attribute `.title` of `bye` is written twice",
                "a.ftl",
                (5, 5),
                "the first is at line 4, column 5, and only that one is used: keep one",
            ),
            (
                "the variant key `[1]` of a select in `n` is written twice",
                "b.ftl",
                (6, 6),
                "the first is at line 5, column 6, and only that one is used: keep one",
            ),
            (
                "the variant key `[few]` of a select in `n` is written twice",
                "b.ftl",
                (7, 6),
                "the first is at line 4, column 6, and only that one is used: keep one",
            ),
            (
                "`-brand` is written twice",
                "c.ftl",
                (1, 1),
                "the first definition is at ",
            ),
        ];
        assert_eq!(got.len(), want.len(), "{got:#?}");
        for ((message, file, at, help), (w_message, w_file, w_at, w_help)) in got.iter().zip(want) {
            assert_eq!(
                (message.as_str(), file.as_str(), *at),
                (w_message, w_file, w_at)
            );
            assert!(help.starts_with(w_help), "{help}");
        }
        // Across files, the help names the other file.
        assert!(got[4].3.contains("ru/b.ftl:1:1"), "{}", got[4].3);
        assert!(
            duplicates
                .iter()
                .all(|d| d.severity == Severity::Error && d.lang.as_deref() == Some("ru"))
        );
    }

    #[test]
    fn nested_files_are_compared_with_the_file_of_the_same_path() {
        let found = findings(&[
            ("en/main.ftl", "hello = Hello\n"),
            (
                "en/firefox/new/download.ftl",
                "download = Download\nbye = Bye\n",
            ),
            ("fr/main.ftl", "hello = Bonjour\nbye = Au revoir\n"),
            ("fr/firefox/new/download.ftl", "download = Télécharger\n"),
        ]);
        assert_eq!(summary(&found), ["fluent-moved-message fr 2"], "{found:#?}");
        let moved = &found[0];
        assert!(moved.file().unwrap().ends_with("fr/main.ftl"));
        assert!(
            moved.message.contains(
                "is in main.ftl, but the en (reference) bundle has it in firefox/new/download.ftl"
            ),
            "{}",
            moved.message
        );
        assert!(
            moved
                .help
                .as_deref()
                .unwrap()
                .contains("fr/firefox/new/download.ftl"),
            "{moved:?}"
        );
        // A duplicate in the right file is a duplicate, not a move.
        let found = findings(&[
            ("en/a.ftl", "hello = Hello\n"),
            ("fr/a.ftl", "hello = Bonjour\n"),
            ("fr/b/c.ftl", "hello = Salut\n"),
        ]);
        assert_eq!(summary(&found), ["fluent-duplicate fr 1"], "{found:#?}");
    }

    #[test]
    fn text_safety_skips_comments_zero_width_spaces_of_thai_and_reordered_marks() {
        let zwsp = "\u{200b}";
        let found = findings(&[
            (
                "en/x.ftl",
                "# a comment with a stray\u{200b}space\nhello = Hello\nbye = Bye\n",
            ),
            ("th/x.ftl", &format!("hello = สวัสดี{zwsp}ครับ\n")),
            ("km/x.ftl", &format!("hello = សួស្ដី{zwsp}បាទ\n")),
            ("bo/x.ftl", &format!("hello = བཀྲ་ཤིས{zwsp}བདེ་ལེགས\n")),
            (
                "ru/x.ftl",
                &format!("hello = При{zwsp}вет\n    # not a comment{zwsp}\n"),
            ),
            (
                "ar/x.ftl",
                "hello = مرحبا \u{645}\u{651}\u{64e}\nbye = cafe\u{301}\n",
            ),
        ]);
        let found: Vec<Diagnostic> = found
            .into_iter()
            .filter(|d| matches!(d.code, Code::InvisibleChar | Code::NotNfc))
            .collect();
        assert_eq!(
            summary(&found),
            [
                "invisible-char bo 1",
                "invisible-char ru 1",
                "invisible-char ru 2",
                "not-nfc ar 2"
            ],
            "{found:#?}"
        );
    }

    #[test]
    fn a_missing_message_is_reported_on_the_translated_file() {
        let found = findings(&[
            ("en/a.ftl", "hello = Hello\nbye = Bye\n"),
            ("fr/a.ftl", "hello = Bonjour\n"),
        ]);
        assert_eq!(
            summary(&found),
            ["fluent-missing-message fr 0"],
            "{found:#?}"
        );
        let missing = &found[0];
        assert_eq!(missing.severity, Severity::Warning);
        assert!(missing.file().unwrap().ends_with("fr/a.ftl"), "{missing:?}");
        assert!(missing.location.is_none());
        let help = missing.help.as_deref().unwrap();
        assert!(help.starts_with("add `bye = …` to "), "{help}");
        assert!(help.ends_with("en/a.ftl:2:1"), "{help}");
    }

    #[test]
    fn one_cause_one_finding() {
        let mut en = String::from("-brand = Firefox\n");
        let mut fr = String::new();
        for i in 0..40 {
            en.push_str(&format!("m{i} = Get {{ -brand }}\n"));
            fr.push_str(&format!("m{i} = Obtenez {{ -brand }}\n"));
        }
        let found = findings(&[
            ("en/main.ftl", &en),
            ("en/new/download.ftl", "a = A\nb = B\nc = C\nd = D\n"),
            ("fr/main.ftl", &fr),
            ("fr/old/promo.ftl", "x = X\ny = Y\n"),
            // A broken entry: its syntax error is the finding.
            ("fr/new/download.ftl", "a = A\nb = { B\nc = C\nd = D\n"),
        ]);
        assert_eq!(
            summary(&found),
            [
                "fluent-obsolete-message fr 1",
                "fluent-syntax fr 2",
                "fluent-unknown-reference fr 1",
            ],
            "{found:#?}"
        );
        let unknown = found
            .iter()
            .find(|d| d.code == Code::FluentUnknownReference)
            .unwrap();
        assert_eq!(
            unknown.message,
            "`m0` and 39 other messages refer to the term `-brand`, which no fr bundle defines"
        );
        assert!(
            unknown
                .help
                .as_deref()
                .unwrap()
                .contains("fr/main.ftl, as the reference bundle does at"),
            "{unknown:?}"
        );
        let obsolete = found
            .iter()
            .find(|d| d.code == Code::FluentObsoleteMessage)
            .unwrap();
        assert!(
            obsolete.message.starts_with(
                "old/promo.ftl is not in the en (reference) bundle, and none of its 2 entries"
            ),
            "{obsolete:?}"
        );

        // A file the locale lacks: one finding on its folder.
        let found = findings(&[
            ("en/main.ftl", "hello = Hello\n"),
            ("en/new/download.ftl", "a = A\nb = B\nc = C\nd = D\n"),
            ("fr/main.ftl", "hello = Bonjour\n"),
        ]);
        assert_eq!(
            summary(&found),
            ["fluent-missing-message fr 0"],
            "{found:#?}"
        );
        let missing = &found[0];
        assert_eq!(
            missing.message,
            "the fr bundle has no new/download.ftl, so its 4 messages (`a`, `b`, `c` and 1 more) show the en text"
        );
        assert!(missing.file().unwrap().ends_with("/fr"), "{missing:?}");
        assert!(
            missing
                .help
                .as_deref()
                .unwrap()
                .ends_with("fr/new/download.ftl"),
            "{missing:?}"
        );
    }

    #[test]
    fn an_id_the_reference_keeps_in_two_files_is_the_references_finding() {
        let found = findings(&[
            ("en/a.ftl", "-ta = A\nx = X on { -ta }\ny = Y\n"),
            ("en/b.ftl", "-tb = B\nx = X on { -tb }\n"),
            ("fr/a.ftl", "-ta = A\nx = X sur { -ta }\ny = Y\n"),
            ("fr/b.ftl", "-tb = B\nx = X sur { -tb }\n"),
            ("de/a.ftl", "-ta = A\nx = X auf { -ta }\ny = Y\n"),
            ("de/c.ftl", "y = Y noch einmal\n"),
            // Held to the reference's definition in the same file.
            ("it/a.ftl", "-ta = A\nx = X su { -ta }\ny = Y\n"),
        ]);
        assert_eq!(
            summary(&found),
            [
                "fluent-duplicate de 1",
                "fluent-duplicate en 2",
                "fluent-missing-message de 0",
                "fluent-missing-message it 0"
            ],
            "{found:#?}"
        );
        // A file that holds only a term no message of the locale uses.
        let missing = found
            .iter()
            .find(|d| d.code == Code::FluentMissingMessage)
            .unwrap();
        assert_eq!(
            missing.message,
            "the de bundle has no b.ftl, which holds the term `-tb` in the en (reference) bundle; no de message uses it yet"
        );
    }

    #[test]
    fn an_id_the_reference_keeps_in_two_files_is_needed_in_each_the_locale_has() {
        let found = findings(&[
            (
                "en/a.ftl",
                "x = X for page A
",
            ),
            (
                "en/b.ftl",
                "x = X for page B
",
            ),
            (
                "he/a.ftl", "x = X A
",
            ),
            (
                "he/b.ftl", "y = Y
",
            ),
        ]);
        let missing: Vec<&str> = found
            .iter()
            .filter(|d| d.code == Code::FluentMissingMessage)
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            missing,
            [
                "the he bundle lacks `x` in b.ftl: the en (reference) bundle has it there as well as in a.ftl, and he only in a.ftl"
            ],
            "{found:#?}"
        );
        let finding = found
            .iter()
            .find(|d| d.code == Code::FluentMissingMessage)
            .unwrap();
        assert!(finding.file().unwrap().ends_with("he/b.ftl"), "{finding:?}");
        assert_eq!(finding.severity, Severity::Warning);
    }

    #[test]
    fn a_term_the_locale_lacks_is_missing_unless_a_message_uses_it() {
        let found = findings(&[
            (
                "en/a.ftl",
                "-brand = Brand
-other = Other
x = X { -brand }
",
            ),
            (
                "uk/a.ftl",
                "x = X { -brand }
",
            ),
        ]);
        let codes: Vec<String> = found
            .iter()
            .map(|d| format!("{} {}", d.code.name(), d.message))
            .collect();
        assert_eq!(
            codes,
            [
                "fluent-unknown-reference `x` refers to the term `-brand`, which no uk bundle defines",
                "fluent-missing-message the uk bundle lacks `-other`, a term of the en (reference) bundle; no uk message uses it yet"
            ],
            "{found:#?}"
        );
    }
}
