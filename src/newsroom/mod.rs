//! The newsroom: which editions articles get, where its Fluent
//! bundles are, its brand numbers, its legal-notice rules and its derived
//! (transliterated) editions.
//!
//! Found as `newsroom.toml` in the article's folder or the nearest folder
//! above it; `--newsroom FILE` names one; otherwise the built-in default.
//! A newsroom that cannot be loaded is a failure (exit 2), printed with the
//! file, line and column like any diagnostic.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;

use crate::article::front_matter::{TableReader, parse_toml};
use crate::article::{Text, parse_lang};
use crate::diag::{Code, Diagnostic};
use crate::error::DiagnosticsError;
use crate::source::SourceFile;

/// The file name looked for.
pub const FILE_NAME: &str = "newsroom.toml";

pub mod rules;

const BUILTIN: &str = include_str!("default.toml");
const FIELDS: &[&str] = &[
    "name",
    "source",
    "editions",
    "locales",
    "brand",
    "notice",
    "derive",
    "check",
    "base_url",
    "url",
    "fallback",
    "templates",
    "cldr",
    "limits",
    "glossary",
    "do_not_translate",
];

/// Where an edition is published under `base_url` unless `url` says.
pub const DEFAULT_URL_PATTERN: &str = "{lang}/{id}.html";
const NOTICE_FIELDS: &[&str] = &["id", "editions"];
const CHECK_FIELDS: &[&str] = &["allow", "exception"];
const EXCEPTION_FIELDS: &[&str] = &["code", "article", "lang", "key", "reason"];

/// Findings a newsroom has decided to accept (`[check]`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckConfig {
    /// Codes silenced everywhere.
    pub allow: Vec<Code>,
    /// Codes silenced for one article, edition or segment.
    pub exceptions: Vec<Exception>,
}

/// One `[[check.exception]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exception {
    /// The code.
    pub code: Code,
    /// Only for this article id.
    pub article: Option<String>,
    /// Only for this edition.
    pub lang: Option<String>,
    /// Only for this segment key.
    pub key: Option<String>,
}

impl CheckConfig {
    /// Whether a finding about `article` is accepted by this configuration.
    pub fn allows(&self, diag: &Diagnostic, article: Option<&str>) -> bool {
        if self.allow.contains(&diag.code) {
            return true;
        }
        self.exceptions.iter().any(|e| {
            e.code == diag.code
                && e.article.as_deref().is_none_or(|a| Some(a) == article)
                && e.lang.as_deref().is_none_or(|l| {
                    diag.lang
                        .as_deref()
                        .is_some_and(|d| d.eq_ignore_ascii_case(l))
                })
                && e.key
                    .as_deref()
                    .is_none_or(|k| diag.key.as_deref() == Some(k))
        })
    }
}

/// A legal notice attached by rule to editions of some languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeRule {
    /// The Fluent message holding the notice.
    pub id: String,
    /// Language tags whose editions carry it (`ru` matches `ru-RU`).
    pub editions: Vec<String>,
    /// Where its `id` is written in `newsroom.toml` (byte range), so a
    /// finding about the rule can point at it.
    pub span: Option<std::ops::Range<usize>>,
}

impl NoticeRule {
    /// Whether an edition in `lang` carries this notice.
    pub fn applies_to(&self, lang: &str) -> bool {
        self.editions.iter().any(|tag| tag_matches(tag, lang))
    }
}

/// Whether `lang` is `tag` or a more specific tag under it (`ru` ⊇ `ru-RU`).
pub fn tag_matches(tag: &str, lang: &str) -> bool {
    let tag = tag.to_ascii_lowercase();
    let lang = lang.to_ascii_lowercase();
    lang == tag
        || lang
            .strip_prefix(&tag)
            .is_some_and(|rest| rest.starts_with('-'))
}

/// A loaded newsroom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Newsroom {
    /// The file it came from; `None` for the built-in default.
    pub file: Option<PathBuf>,
    /// Display name.
    pub name: String,
    /// Reference locale for checks.
    pub source: String,
    /// Default editions of its articles.
    pub editions: Vec<String>,
    /// Its folder of Fluent bundles.
    pub locales: Option<PathBuf>,
    /// Numbers for the `about` message, by variable name.
    pub brand: Vec<(String, u64)>,
    /// Notice rules.
    pub notices: Vec<NoticeRule>,
    /// Derived editions: (edition, the edition it is transliterated from).
    pub derive: Vec<(String, String)>,
    /// Declared stand-ins (`[fallback]`): (edition, the languages whose
    /// messages it may show where its own bundles have none).
    pub fallback: Vec<(String, Vec<String>)>,
    /// CLDR data the newsroom supplies (`[cldr.TAG]`): over CLDR's and the
    /// built-in supplied data ([`crate::l10n::supplied`]).
    pub cldr: Vec<(String, Arc<crate::l10n::supplied::Supplied>)>,
    /// Accepted findings.
    pub check: CheckConfig,
    /// The file's text (empty for the built-in one), for incremental export.
    pub fingerprint: String,
    /// The absolute `http(s)` URL the editions are published under, ending
    /// in `/`; with it, pages link to each other (canonical, hreflang).
    pub base_url: Option<String>,
    /// Where an edition lies under `base_url`: `{lang}` and `{id}` are
    /// replaced (default [`DEFAULT_URL_PATTERN`]).
    pub url_pattern: String,
    /// The newsroom's own templates (`[templates]`), compiled.
    pub templates: Option<Arc<Templates>>,
    /// Length limits, glossary and do-not-translate list ([`rules`]).
    pub rules: rules::TranslationRules,
}

impl Newsroom {
    /// The built-in default newsroom.
    pub fn builtin() -> Newsroom {
        let file = Arc::new(SourceFile::new(
            "<built-in newsroom>",
            None,
            BUILTIN.to_owned(),
        ));
        // The built-in file is part of the binary and tested; an error here
        // is a bug, but still not a panic.
        Newsroom::parse(&file, Path::new(".")).unwrap_or_else(|_| Newsroom {
            file: None,
            name: "Newsroom".into(),
            source: "en".into(),
            editions: Vec::new(),
            locales: None,
            brand: Vec::new(),
            notices: Vec::new(),
            derive: Vec::new(),
            fallback: Vec::new(),
            cldr: Vec::new(),
            check: CheckConfig::default(),
            fingerprint: String::new(),
            base_url: None,
            url_pattern: DEFAULT_URL_PATTERN.to_owned(),
            templates: None,
            rules: rules::TranslationRules::default(),
        })
    }

    /// The absolute URL of the edition `lang` of article `id`, when the
    /// newsroom has a `base_url`.
    pub fn url_of(&self, lang: &str, id: &str) -> Option<String> {
        let base = self.base_url.as_deref()?;
        let path = self.url_pattern.replace("{lang}", lang).replace("{id}", id);
        Some(format!("{base}{}", path.trim_start_matches('/')))
    }

    /// Loads `path`.
    pub fn load(path: &Path) -> anyhow::Result<Newsroom> {
        let (file, bad_utf8) = SourceFile::read(path)
            .with_context(|| format!("cannot read newsroom file {}", path.display()))?;
        let file = Arc::new(file);
        if let Some(bad) = bad_utf8 {
            return Err(DiagnosticsError(vec![
                Diagnostic::new(Code::Syntax, "the newsroom file is not valid UTF-8")
                    .at(&file, bad.offset..bad.offset)
                    .help(bad.help()),
            ])
            .into());
        }
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut newsroom = Newsroom::parse(&file, dir).map_err(DiagnosticsError)?;
        newsroom.file = Some(path.to_path_buf());
        if let Some(locales) = &newsroom.locales
            && !locales.is_dir()
        {
            return Err(DiagnosticsError(vec![
                Diagnostic::new(
                    Code::InvalidField,
                    format!("the locales folder {} does not exist", locales.display()),
                )
                .file_name(path.display().to_string()),
            ])
            .into());
        }
        Ok(newsroom)
    }

    /// Finds the newsroom for something in `dir`: `newsroom.toml` there or in
    /// the nearest folder above; the built-in default when there is none.
    pub fn discover(dir: &Path) -> anyhow::Result<Newsroom> {
        match find_file(dir) {
            Some(path) => Newsroom::load(&path),
            None => Ok(Newsroom::builtin()),
        }
    }

    /// Parses a newsroom file; paths in it are relative to `dir`.
    fn parse(file: &Arc<SourceFile>, dir: &Path) -> Result<Newsroom, Vec<Diagnostic>> {
        let (table, mut diags) = parse_toml(file, file.text(), 0, "newsroom file");
        let reader = TableReader::new(
            table.get_ref(),
            file,
            0,
            String::new(),
            0..file.text().len(),
            FIELDS,
        );
        let lang = |text: &Text, diags: &mut Vec<Diagnostic>| -> Option<String> {
            let tag = parse_lang(&text.value);
            if tag.is_none() {
                diags.push(
                    crate::article::lang::lang_diagnostic(&text.value).at(file, text.span.clone()),
                );
            }
            tag
        };
        let name = reader.string("name", &mut diags).map(|t| t.value);
        let base_url = match reader.string("base_url", &mut diags) {
            Some(text) if crate::article::is_absolute_http(&text.value) => {
                let mut url = text.value;
                if !url.ends_with('/') {
                    url.push('/');
                }
                Some(url)
            }
            Some(text) => {
                diags.push(
                    Diagnostic::new(
                        Code::InvalidUrl,
                        format!(
                            "`base_url` must be an absolute http(s) URL, not `{}`",
                            text.value.escape_debug()
                        ),
                    )
                    .at(file, text.span.clone())
                    .help("for example base_url = \"https://news.example/\""),
                );
                None
            }
            None => None,
        };
        let url_pattern = match reader.string("url", &mut diags) {
            Some(text) if text.value.contains("{id}") && text.value.contains("{lang}") => {
                text.value
            }
            Some(text) => {
                diags.push(
                    Diagnostic::new(
                        Code::InvalidField,
                        "`url` must contain both {lang} and {id}, or editions would share a URL",
                    )
                    .at(file, text.span.clone())
                    .help(format!("the default is \"{DEFAULT_URL_PATTERN}\"")),
                );
                DEFAULT_URL_PATTERN.to_owned()
            }
            None => DEFAULT_URL_PATTERN.to_owned(),
        };
        let source = match reader.string("source", &mut diags) {
            Some(text) => lang(&text, &mut diags),
            None => Some("en".to_owned()),
        };
        let editions: Vec<String> = reader
            .strings("editions", &mut diags)
            .unwrap_or_default()
            .iter()
            .filter_map(|t| lang(t, &mut diags))
            .collect();
        let locales = reader
            .string("locales", &mut diags)
            .map(|t| dir.join(t.value));
        let mut brand = Vec::new();
        if let Some((table, span)) = reader.table("brand", &mut diags) {
            let names: Vec<&str> = table.iter().map(|(k, _)| k.get_ref().as_ref()).collect();
            let brand_reader = TableReader::new(table, file, 0, "brand.".into(), span, &[]);
            for name in names {
                if let Some(n) = brand_reader.unsigned(name, &mut diags) {
                    brand.push((name.to_owned(), n.value));
                }
            }
        }
        let mut notices = Vec::new();
        for (table, span) in reader.tables("notice", &mut diags) {
            let notice = TableReader::new(table, file, 0, "notice.".into(), span, NOTICE_FIELDS);
            let id = notice.string("id", &mut diags);
            if id.is_none() && notice.raw("id").is_none() {
                notice.missing("id", &mut diags);
            }
            let tags: Vec<String> = notice
                .strings("editions", &mut diags)
                .unwrap_or_default()
                .iter()
                .filter_map(|t| lang(t, &mut diags))
                .collect();
            notice.report_unknown(&mut diags);
            if let Some(id) = id {
                notices.push(NoticeRule {
                    id: id.value,
                    editions: tags,
                    span: Some(id.span),
                });
            }
        }
        let mut derive = Vec::new();
        if let Some((table, span)) = reader.table("derive", &mut diags) {
            let names: Vec<&str> = table.iter().map(|(k, _)| k.get_ref().as_ref()).collect();
            let derive_reader = TableReader::new(table, file, 0, "derive.".into(), span, &[]);
            for name in names {
                if let Some(from) = derive_reader.string(name, &mut diags) {
                    let key_text = Text {
                        value: name.to_owned(),
                        span: from.span.clone(),
                        content_start: None,
                        escapes: None,
                    };
                    if let (Some(to), Some(from)) =
                        (lang(&key_text, &mut diags), lang(&from, &mut diags))
                    {
                        derive.push((to, from));
                    }
                }
            }
        }
        let mut fallback = Vec::new();
        if let Some((table, span)) = reader.table("fallback", &mut diags) {
            let names: Vec<&str> = table.iter().map(|(k, _)| k.get_ref().as_ref()).collect();
            let fallback_reader =
                TableReader::new(table, file, 0, "fallback.".into(), span.clone(), &[]);
            for name in names {
                if let Some(list) = fallback_reader.strings(name, &mut diags) {
                    let key_span = fallback_reader.raw(name).map_or(span.clone(), |v| v.span());
                    let key_text = Text {
                        value: name.to_owned(),
                        span: key_span,
                        content_start: None,
                        escapes: None,
                    };
                    let stand_ins: Vec<String> =
                        list.iter().filter_map(|t| lang(t, &mut diags)).collect();
                    if let Some(edition) = lang(&key_text, &mut diags) {
                        fallback.push((edition, stand_ins));
                    }
                }
            }
        }
        let cldr = match reader.table("cldr", &mut diags) {
            Some((table, span)) => {
                crate::l10n::supplied::read_section(table, span, file, &mut diags)
            }
            None => Vec::new(),
        };
        let mut check = CheckConfig::default();
        if let Some((table, span)) = reader.table("check", &mut diags) {
            let check_reader =
                TableReader::new(table, file, 0, "check.".into(), span, CHECK_FIELDS);
            let code = |text: &Text, diags: &mut Vec<Diagnostic>| -> Option<Code> {
                let code = Code::from_name(&text.value);
                if let Some(message) = code.and_then(crate::check::suppress::not_allowable) {
                    diags.push(
                        Diagnostic::new(Code::InvalidField, message)
                        .at(file, text.span.clone())
                        .label("an error code")
                        .help("fix what the error points at; only warnings can be accepted with [check] allow or [[check.exception]]"),
                    );
                    return None;
                }
                if code.is_none() {
                    let names: Vec<&str> = Code::ALL.iter().map(|c| c.name()).collect();
                    let mut diag = Diagnostic::new(
                        Code::InvalidField,
                        format!("`{}` is not a diagnostic code", text.value.escape_debug()),
                    )
                    .at(file, text.span.clone());
                    if let Some(best) =
                        crate::article::front_matter::did_you_mean(&text.value, &names)
                    {
                        diag = diag.help(format!("did you mean `{best}`?"));
                    }
                    diags.push(diag);
                }
                code
            };
            for text in check_reader
                .strings("allow", &mut diags)
                .unwrap_or_default()
            {
                if let Some(c) = code(&text, &mut diags) {
                    check.allow.push(c);
                }
            }
            for (table, span) in check_reader.tables("exception", &mut diags) {
                let r = TableReader::new(
                    table,
                    file,
                    0,
                    "check.exception.".into(),
                    span,
                    EXCEPTION_FIELDS,
                );
                let c = r.string("code", &mut diags);
                if c.is_none() && r.raw("code").is_none() {
                    r.missing("code", &mut diags);
                }
                let article = r.string("article", &mut diags).map(|t| t.value);
                let lang = r.string("lang", &mut diags).map(|t| t.value);
                let key = r.string("key", &mut diags).map(|t| t.value);
                let reason = r.string("reason", &mut diags);
                if reason.as_ref().is_none_or(|t| t.value.trim().is_empty())
                    && r.raw("reason").is_none_or(|_| reason.is_some())
                {
                    r.missing("reason", &mut diags);
                }
                r.report_unknown(&mut diags);
                if let Some(c) = c.and_then(|t| code(&t, &mut diags)) {
                    check.exceptions.push(Exception {
                        code: c,
                        article,
                        lang,
                        key,
                    });
                }
            }
            check_reader.report_unknown(&mut diags);
        }
        let templates = reader
            .table("templates", &mut diags)
            .and_then(|(table, span)| {
                let templates_reader =
                    TableReader::new(table, file, 0, "templates.".into(), span, TEMPLATE_FIELDS);
                load_templates(&templates_reader, file, dir, &mut diags)
            });
        let rules = rules::parse(&reader, file, &mut diags);
        reader.report_unknown(&mut diags);
        if !diags.is_empty() {
            return Err(diags);
        }
        let mut fingerprint = file.text().to_owned();
        if let Some(templates) = &templates {
            fingerprint.push_str(&templates.fingerprint());
        }
        Ok(Newsroom {
            file: None,
            name: name.unwrap_or_else(|| "Newsroom".into()),
            source: source.unwrap_or_else(|| "en".into()),
            editions,
            locales,
            brand,
            notices,
            derive,
            fallback,
            cldr,
            check,
            fingerprint,
            base_url,
            url_pattern,
            templates,
            rules,
        })
    }

    /// The editions of an article in `lang` that lists `requested` (or not):
    /// the source language first, then the others in the order given.
    pub fn editions_for(&self, lang: &str, requested: Option<&[String]>) -> Vec<String> {
        let mut out = vec![lang.to_owned()];
        for tag in requested.unwrap_or(&self.editions) {
            if !out.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                out.push(tag.clone());
            }
        }
        out
    }

    /// The editions of `article`: its own language first, then those its
    /// front matter lists (valid tags only), else the newsroom's.
    pub fn editions_of(&self, article: &crate::article::Article) -> Vec<String> {
        let requested: Option<Vec<String>> = article
            .editions
            .as_ref()
            .map(|e| e.iter().filter_map(|t| parse_lang(&t.value)).collect());
        self.editions_for(&article.lang.value, requested.as_deref())
    }

    /// The languages `[fallback]` lets stand in for the edition `lang`.
    pub fn stand_ins(&self, lang: &str) -> &[String] {
        self.fallback
            .iter()
            .find(|(edition, _)| tag_matches(edition, lang))
            .map_or(&[], |(_, stand_ins)| stand_ins.as_slice())
    }

    /// Whether the newsroom lets the edition `lang` show a message from a
    /// bundle of `locale` (`[fallback]`; a declaration for `crh` covers
    /// `crh-UA`, a stand-in `tr` covers a `tr-TR` bundle).
    pub fn may_stand_in(&self, lang: &str, locale: &str) -> bool {
        self.stand_ins(lang)
            .iter()
            .any(|s| crate::edition::same_language(s, locale))
    }

    /// The edition `lang` is transliterated from, if it is derived.
    pub fn derived_from(&self, lang: &str) -> Option<&str> {
        self.derive
            .iter()
            .find(|(to, _)| to.eq_ignore_ascii_case(lang))
            .map(|(_, from)| from.as_str())
    }
}

/// The nearest `newsroom.toml` at or above `dir`.
pub fn find_file(dir: &Path) -> Option<PathBuf> {
    // `Path::new("story.md").parent()` is the empty path, which
    // `std::path::absolute` refuses: it means the current folder.
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    // Canonical, so `../other/story.md` walks up from `other`'s real
    // parent, not through the `..` of the path as written.
    let start = std::fs::canonicalize(dir)
        .or_else(|_| std::path::absolute(dir))
        .unwrap_or_else(|_| dir.to_path_buf());
    start
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Newsrooms by folder, so a batch loads each `newsroom.toml` once.
#[derive(Debug, Default)]
pub struct Cache {
    explicit: Option<Arc<Newsroom>>,
    by_file: HashMap<Option<PathBuf>, Arc<Newsroom>>,
}

impl Cache {
    /// The cache for a run: `--newsroom FILE` when given (loaded now, so a
    /// broken one fails before any work), else discovery per folder.
    pub fn new(explicit: Option<&Path>) -> anyhow::Result<Cache> {
        Ok(match explicit {
            Some(path) => Cache::fixed(Newsroom::load(path)?),
            None => Cache::default(),
        })
    }

    /// A cache that answers `newsroom` for everything (`--newsroom FILE`).
    pub fn fixed(newsroom: Newsroom) -> Cache {
        Cache {
            explicit: Some(Arc::new(newsroom)),
            by_file: HashMap::new(),
        }
    }

    /// The newsroom for an article in `dir`.
    pub fn for_dir(&mut self, dir: &Path) -> anyhow::Result<Arc<Newsroom>> {
        if let Some(newsroom) = &self.explicit {
            return Ok(Arc::clone(newsroom));
        }
        let file = find_file(dir);
        if let Some(found) = self.by_file.get(&file) {
            return Ok(Arc::clone(found));
        }
        let newsroom = Arc::new(match &file {
            Some(path) => Newsroom::load(path)?,
            None => Newsroom::builtin(),
        });
        self.by_file.insert(file, Arc::clone(&newsroom));
        Ok(newsroom)
    }
}

// ---- [templates] ----

/// The keys of `[templates]`.
const TEMPLATE_FIELDS: &[&str] = &["page", "fragment", "index"];

/// The newsroom's compiled templates.
pub use crate::render::template::Templates;

/// Reads and compiles the templates `[templates]` names (paths relative to
/// the newsroom file's folder). A file that cannot be read is an
/// `invalid-field` at its path; a template that does not parse is a
/// `template-error` in the template.
fn load_templates(
    reader: &TableReader<'_, '_>,
    file: &Arc<SourceFile>,
    dir: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<Arc<Templates>> {
    use crate::render::template::Kind;
    let mut files = Vec::new();
    let before = diags.len();
    for kind in [Kind::Page, Kind::Fragment, Kind::Index] {
        let Some(text) = reader.string(kind.name(), diags) else {
            continue;
        };
        let path = dir.join(&text.value);
        match SourceFile::read(&path) {
            Ok((template, None)) => files.push((kind, Arc::new(template))),
            Ok((template, Some(bad))) => {
                let template = Arc::new(template);
                diags.push(
                    Diagnostic::new(Code::Syntax, "the template is not valid UTF-8")
                        .at(&template, bad.offset..bad.offset)
                        .help(bad.help()),
                );
            }
            Err(err) => diags.push(
                Diagnostic::new(
                    Code::InvalidField,
                    format!(
                        "cannot read the {} template {}: {err}",
                        kind.name(),
                        path.display()
                    ),
                )
                .at(file, text.span.clone())
                .help("the path is relative to the folder of newsroom.toml"),
            ),
        }
    }
    reader.report_unknown(diags);
    if diags.len() > before || files.is_empty() {
        return None;
    }
    match Templates::compile(files) {
        Ok(templates) => Some(Arc::new(templates)),
        Err(found) => {
            diags.extend(found);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_declares_stand_ins_per_edition() {
        let text = "[fallback]\n\"crh\" = [\"tr\"]\n\"tk\" = []\n\"sh\" = [\"sr\"]\n";
        let file = Arc::new(SourceFile::new("n", None, text.to_owned()));
        let newsroom = Newsroom::parse(&file, Path::new(".")).unwrap();
        assert_eq!(newsroom.stand_ins("crh-UA"), ["tr"]);
        assert!(newsroom.may_stand_in("crh", "tr"));
        assert!(!newsroom.may_stand_in("crh", "en"));
        assert!(newsroom.stand_ins("tk").is_empty());
        assert!(!newsroom.may_stand_in("tk", "en"));
        assert!(newsroom.may_stand_in("sh", "sr-Cyrl"));
        assert!(!newsroom.may_stand_in("de", "en"));
        let bad = Arc::new(SourceFile::new(
            "n",
            None,
            "[fallback]\n\"crh\" = [\"not a tag\"]\n".to_owned(),
        ));
        let diags = Newsroom::parse(&bad, Path::new(".")).unwrap_err();
        assert!(
            diags.iter().any(|d| d.code == Code::InvalidLang),
            "{diags:?}"
        );
    }

    #[test]
    fn builtin_newsroom_parses() {
        let file = Arc::new(SourceFile::new("b", None, BUILTIN.to_owned()));
        let newsroom = Newsroom::parse(&file, Path::new(".")).unwrap();
        assert_eq!(newsroom.source, "en");
        assert_eq!(newsroom.editions_for("de", None), ["de"]);
    }

    #[test]
    fn notice_rules_match_subtags() {
        let rule = NoticeRule {
            id: "n".into(),
            editions: vec!["ru".into()],
            span: None,
        };
        assert!(rule.applies_to("ru"));
        assert!(rule.applies_to("ru-RU"));
        assert!(!rule.applies_to("rue"));
    }

    #[test]
    fn unknown_fields_and_bad_tags_are_reported() {
        let file = Arc::new(SourceFile::new(
            "n.toml",
            None,
            "name = \"X\"\neditons = [\"ru\"]\nsource = \"en_US\"\n".to_owned(),
        ));
        let diags = Newsroom::parse(&file, Path::new(".")).unwrap_err();
        let codes: Vec<_> = diags.iter().map(|d| d.code).collect();
        assert!(codes.contains(&Code::UnknownField));
        assert!(codes.contains(&Code::InvalidLang));
    }
}
