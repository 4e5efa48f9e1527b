//! Bundle checks (compare-locales class, and beyond), per locale of a
//! newsroom's own bundles against its reference locale (`source` in
//! `newsroom.toml`): messages missing or left over, attributes and
//! `$variables` that differ, plural selectors that do not match the
//! locale's CLDR categories, references to messages or terms that do not
//! exist, and text safety in every message.
//!
//! `fluent-missing-message` found here is a warning: the edition falls back
//! to the reference text. It is an error only when an edition needs the
//! message and no bundle of its chain has it (see [`crate::check::editions`]).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use unic_langid::LanguageIdentifier;

use crate::check::text;
use crate::diag::{Code, Diagnostic, Severity};
use crate::l10n::bundles::{Origin, Stack};
use crate::l10n::cldr::Cldr;
use crate::newsroom::Newsroom;
use crate::source::SourceFile;

/// What one message (or term) looks like, for comparison.
#[derive(Debug, Default)]
struct Info {
    file: Option<Arc<SourceFile>>,
    offset: usize,
    vars: BTreeSet<String>,
    attrs: BTreeSet<String>,
    /// Variant keys of each select on a variable.
    selects: Vec<Vec<String>>,
    /// (is_term, id) of each reference.
    refs: Vec<(bool, String)>,
}

fn walk_inline(expr: &InlineExpression<&str>, info: &mut Info) {
    match expr {
        InlineExpression::VariableReference { id } => {
            info.vars.insert(id.name.to_owned());
        }
        InlineExpression::MessageReference { id, .. } => {
            info.refs.push((false, id.name.to_owned()))
        }
        InlineExpression::TermReference { id, arguments, .. } => {
            info.refs.push((true, id.name.to_owned()));
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

/// Byte offset of the line defining `id` (`id =` or `-id =` at a line start).
fn find_definition(text: &str, id: &str) -> usize {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start_matches('-');
        if let Some(rest) = trimmed.strip_prefix(id)
            && rest.trim_start().starts_with('=')
        {
            return at;
        }
        at += line.len();
    }
    0
}

type Messages = BTreeMap<String, Info>;

/// Messages and terms ("-id") of a set of files.
fn collect(files: &[Arc<SourceFile>]) -> Messages {
    let mut out = Messages::new();
    for file in files {
        let resource = match fluent_syntax::parser::parse(file.text()) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        for entry in &resource.body {
            let (key, value, attributes) = match entry {
                Entry::Message(m) => (m.id.name.to_owned(), m.value.as_ref(), &m.attributes),
                Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
                _ => continue,
            };
            let mut info = Info {
                offset: find_definition(file.text(), key.trim_start_matches('-')),
                file: Some(Arc::clone(file)),
                ..Info::default()
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
    match &info.file {
        Some(file) => {
            let end = file.text()[info.offset..]
                .find('\n')
                .map_or(file.text().len(), |i| info.offset + i);
            diag.at(file, info.offset..end)
        }
        None => diag,
    }
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
        let categories = Cldr::new(&tag)
            .ok()
            .and_then(|c| c.plural_categories().ok());
        for (id, info) in messages {
            for (is_term, target) in &info.refs {
                let key = if *is_term {
                    format!("-{target}")
                } else {
                    target.clone()
                };
                // Fluent resolves references inside one bundle: a message
                // the reference locale has does not help this one.
                if !defined(&key) {
                    diags.push(at(
                        info,
                        Diagnostic::new(
                            Code::FluentUnknownReference,
                            format!(
                                "`{id}` refers to {} `{key}`, which no {tag} bundle defines",
                                if *is_term { "the term" } else { "the message" }
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
            match reference.get(id) {
                None => {
                    if !builtin_ids.contains(id.as_str()) && !notice_ids.contains(id.as_str()) {
                        diags.push(at(
                            info,
                            Diagnostic::new(
                                Code::FluentObsoleteMessage,
                                format!("`{id}` is not in the {reference_tag} (reference) bundle"),
                            )
                            .lang(tag.clone())
                            .help("remove it, or add it to the reference bundle if it is new"),
                        ));
                    }
                }
                Some(reference_info) => {
                    let extra: Vec<&String> = info.vars.difference(&reference_info.vars).collect();
                    let unused: Vec<&String> = reference_info.vars.difference(&info.vars).collect();
                    if !extra.is_empty() || !unused.is_empty() {
                        let list = |vars: &[&String]| {
                            vars.iter()
                                .map(|v| format!("${v}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        };
                        let mut parts = Vec::new();
                        if !extra.is_empty() {
                            parts
                                .push(format!("uses {} that the reference does not", list(&extra)));
                        }
                        if !unused.is_empty() {
                            parts.push(format!("never uses {}", list(&unused)));
                        }
                        diags.push(at(
                            info,
                            Diagnostic::new(
                                Code::FluentVariableMismatch,
                                format!("`{id}` {}", parts.join(" and ")),
                            )
                            .lang(tag.clone()),
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
                            .lang(tag.clone()),
                        ));
                    }
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
