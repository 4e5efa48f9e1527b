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
//! `fluent-missing-message` found here is a warning: the edition falls back
//! to the reference text. It is an error only when an edition needs the
//! message and no bundle of its chain has it (see [`crate::judge`]).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::Arc;

use fluent_syntax::ast::{self, Expression, InlineExpression, Pattern, PatternElement, VariantKey};
use unic_langid::LanguageIdentifier;

use crate::check::text;
use crate::diag::{Code, Diagnostic, Severity};
use crate::l10n::bundles::{Origin, Stack};
use crate::l10n::cldr::Cldr;
use crate::l10n::plural::offset_in;
use crate::newsroom::Newsroom;
use crate::source::SourceFile;

/// A reference to a message or term inside a pattern.
#[derive(Debug, Clone)]
struct Reference {
    /// `-id` for a term, `id` for a message.
    key: String,
    /// `{ -term.attribute }` or `{ message.attribute }`: the pattern does
    /// not show the referenced value itself.
    attribute: bool,
}

/// What one definition of a message or term looks like, for comparison.
#[derive(Debug)]
struct Info {
    file: Arc<SourceFile>,
    /// The definition's first line (from its id, `-` included for a term).
    span: Range<usize>,
    vars: BTreeSet<String>,
    attrs: BTreeSet<String>,
    /// Variant keys of each select on a variable.
    selects: Vec<Vec<String>>,
    refs: Vec<Reference>,
}

impl Info {
    fn is_term(key: &str) -> bool {
        key.starts_with('-')
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
            let on_number = matches!(
                selector,
                InlineExpression::VariableReference { .. }
                    | InlineExpression::FunctionReference { .. }
            );
            let keys: Vec<String> = variants
                .iter()
                .filter_map(|v| match &v.key {
                    VariantKey::Identifier { name } => Some((*name).to_owned()),
                    VariantKey::NumberLiteral { .. } => None,
                })
                .collect();
            let plural_like = keys.iter().all(|k| {
                matches!(
                    k.as_str(),
                    "zero" | "one" | "two" | "few" | "many" | "other"
                )
            });
            if on_number && plural_like && !keys.is_empty() {
                info.selects.push(keys);
            }
            for variant in variants {
                walk_pattern(&variant.value, info);
            }
        }
    }
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

/// Messages and terms ("-id") of a set of files.
fn collect(files: &[Arc<SourceFile>]) -> Messages {
    let mut out = Messages::new();
    for file in files {
        let text = file.text();
        let resource = match fluent_syntax::parser::parse(text) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
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
                _ => continue,
            };
            let mut info = Info {
                span: definition_span(text, id, Info::is_term(&key)),
                file: Arc::clone(file),
                vars: BTreeSet::new(),
                attrs: BTreeSet::new(),
                selects: Vec::new(),
                refs: Vec::new(),
            };
            if let Some(value) = value {
                walk_pattern(value, &mut info);
            }
            for attribute in attributes {
                info.attrs.insert(attribute.id.name.to_owned());
                walk_pattern(&attribute.value, &mut info);
            }
            out.insert(key, info);
        }
    }
    out
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

/// Checks the newsroom's (and `--locales`') bundles.
pub fn check(stack: &Stack, newsroom: &Newsroom) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let notice_ids: BTreeSet<&str> = newsroom.notices.iter().map(|n| n.id.as_str()).collect();
    // Text safety, line by line, in every message of the newsroom's files.
    let mut per_locale: Vec<(Origin, LanguageIdentifier, Messages)> = Vec::new();
    let mut builtin: BTreeMap<String, Messages> = BTreeMap::new();
    for (origin, locale, files) in stack.sources() {
        if origin == Origin::Builtin {
            builtin.insert(locale.to_string(), collect(files));
            continue;
        }
        let mut found = Vec::new();
        for file in files {
            let mut start = 0;
            for line in file.text().split_inclusive('\n') {
                let content = line.trim_end_matches(['\n', '\r']);
                text::scan_file_range(file, start..start + content.len(), &|_| None, &mut found);
                start += line.len();
            }
        }
        diags.extend(found.into_iter().map(|d| d.lang(locale.to_string())));
        per_locale.push((origin, locale.clone(), collect(files)));
    }
    let reference_tag = newsroom.source.as_str();
    let reference = per_locale
        .iter()
        .find(|(origin, locale, _)| {
            *origin == Origin::Newsroom && locale.to_string().eq_ignore_ascii_case(reference_tag)
        })
        .map(|(_, _, messages)| messages);
    let builtin_ids: BTreeSet<&str> = builtin
        .values()
        .flat_map(|m| m.keys().map(String::as_str))
        .collect();

    for (_, locale, messages) in &per_locale {
        let tag = locale.to_string();
        let own_builtin = builtin.get(&tag);
        let defined =
            |id: &str| messages.contains_key(id) || own_builtin.is_some_and(|b| b.contains_key(id));
        // Terms this locale's own entries use.
        let used: BTreeSet<&str> = messages
            .values()
            .flat_map(|info| info.refs.iter().map(|r| r.key.as_str()))
            .collect();
        let categories = Cldr::new(&tag)
            .ok()
            .and_then(|c| c.plural_categories().ok());
        for (id, info) in messages {
            for reference in &info.refs {
                let key = &reference.key;
                // Fluent resolves references inside one bundle: a message
                // the reference locale has does not help this one.
                if !defined(key) {
                    diags.push(at(
                        info,
                        Diagnostic::new(
                            Code::FluentUnknownReference,
                            format!(
                                "`{id}` refers to {} `{key}`, which no {tag} bundle defines",
                                if Info::is_term(key) {
                                    "the term"
                                } else {
                                    "the message"
                                }
                            ),
                        )
                        .lang(tag.clone()),
                    ));
                }
            }
            if let Some(categories) = &categories {
                for keys in &info.selects {
                    let missing: Vec<&str> = categories
                        .iter()
                        .copied()
                        .filter(|c| !keys.iter().any(|k| k == c))
                        .collect();
                    let extra: Vec<&str> = keys
                        .iter()
                        .map(String::as_str)
                        .filter(|k| !categories.contains(k))
                        .collect();
                    if !missing.is_empty() || !extra.is_empty() {
                        let mut parts = Vec::new();
                        if !missing.is_empty() {
                            parts.push(format!("lacks {}", missing.join(", ")));
                        }
                        if !extra.is_empty() {
                            parts.push(format!("has {} that {tag} does not use", extra.join(", ")));
                        }
                        diags.push(at(
                            info,
                            Diagnostic::new(
                                Code::FluentPluralCategories,
                                format!("the plural select in `{id}` {}", parts.join(" and ")),
                            )
                            .lang(tag.clone())
                            .help(format!(
                                "CLDR's categories for {tag}: {}",
                                categories.join(", ")
                            )),
                        ));
                    }
                }
            }
            let Some(reference) = reference else { continue };
            if tag.eq_ignore_ascii_case(reference_tag) {
                continue;
            }
            let is_term = Info::is_term(id);
            match reference.get(id) {
                None => {
                    // A term of the locale's own that its messages use is
                    // its vocabulary, not a leftover.
                    let own_term = is_term && used.contains(id.as_str());
                    if !own_term
                        && !builtin_ids.contains(id.as_str())
                        && !notice_ids.contains(id.as_str())
                    {
                        let what = if is_term { "term" } else { "message" };
                        diags.push(at(
                            info,
                            Diagnostic::new(
                                Code::FluentObsoleteMessage,
                                format!(
                                    "the {what} `{id}` is not in the {reference_tag} (reference) bundle"
                                ),
                            )
                            .lang(tag.clone())
                            .help(if is_term {
                                "remove it: no message of this locale uses it".to_owned()
                            } else {
                                "remove it, or add it to the reference bundle if it is new"
                                    .to_owned()
                            }),
                        ));
                    }
                }
                // A term's parameters and attributes are its locale's own.
                Some(_) if is_term => {}
                Some(reference_info) => {
                    compare_message(id, info, reference_info, &tag, &mut diags);
                }
            }
        }
        if let Some(reference) = reference {
            if tag.eq_ignore_ascii_case(reference_tag) {
                continue;
            }
            for (id, reference_info) in reference {
                if id.starts_with('-') || notice_ids.contains(id.as_str()) || defined(id) {
                    continue;
                }
                let mut diag = at(
                    reference_info,
                    Diagnostic::new(
                        Code::FluentMissingMessage,
                        format!("the {tag} bundle lacks `{id}`; {tag} editions show the {reference_tag} text"),
                    )
                    .lang(tag.clone())
                    .help(format!("add `{id} = …` to the {tag} bundle")),
                );
                diag.severity = Severity::Warning;
                diags.push(diag);
            }
        }
    }
    diags
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The findings of [`check`] over a newsroom folder of `files`
    /// (path under `locales/`, FTL text), reference `en`.
    pub(super) fn findings(files: &[(&str, &str)]) -> Vec<Diagnostic> {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let stack = Stack::load(Some(dir.path()), None).unwrap();
        let mut out = stack.diagnostics.clone();
        out.extend(check(&stack, &Newsroom::builtin()));
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
}
