//! The Fluent bundle stack: the built-in bundles compiled into
//! the binary, a newsroom's `locales/` over them, `--locales DIR` over all;
//! and for each edition the ordered list of bundles its messages come from.
//!
//! Each `.ftl` file is parsed once per run, and bundles are
//! `fluent_bundle::concurrent` ones, so one [`Stack`] serves every thread.
//! Left-to-right editions format without Fluent's isolation marks;
//! right-to-left ones keep them around placeables. Numbers placed in
//! messages are formatted by CLDR for the bundle's locale (Persian digits in
//! Persian), not by Fluent's unlocalized default, and selects on numbers
//! pick their variant by ICU4X's CLDR plural rules for the bundle's locale,
//! the ones `check` uses, not by Fluent's own ([`crate::l10n::plural`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Arc, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

use crate::diag::{Code, Diagnostic};
use crate::l10n::cldr::Cldr;
use crate::l10n::plural::{self, Plurals};
use crate::l10n::supplied::{self, Supplied};
use crate::l10n::translit::Scheme;
use crate::locales;
use crate::source::SourceFile;

/// A bundle shared across threads.
pub type Bundle = FluentBundle<Arc<FluentResource>>;

/// Where a bundle comes from, highest priority first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Origin {
    /// `--locales DIR`.
    Extra,
    /// The newsroom's `locales` folder.
    Newsroom,
    /// Compiled into the binary.
    Builtin,
}

/// One locale's bundle from one origin.
pub struct LocaleBundle {
    /// Where it comes from.
    pub origin: Origin,
    /// Its locale.
    pub locale: LanguageIdentifier,
    /// The bundle (isolation off).
    pub ltr: Bundle,
    /// The same messages with Fluent's isolation marks, for RTL editions.
    pub rtl: Bundle,
    /// Its files, for diagnostics.
    pub files: Vec<Arc<SourceFile>>,
}

/// CLDR's likely subtags and script directions (ICU4X compiled data).
static DIRECTIONALITY: icu_locale::LocaleDirectionality =
    icu_locale::LocaleDirectionality::new_extended();

/// The language identifier of `tag`, canonical (CLDR's aliases: `prs` is
/// `fa-AF`, `sh` is `sr-Latn`), extensions (`-u-nu-latn`) aside.
pub(crate) fn icu_id(tag: &str) -> Option<icu_locale::LanguageIdentifier> {
    static CANONICALIZER: icu_locale::LocaleCanonicalizer =
        icu_locale::LocaleCanonicalizer::new_extended();
    let mut locale = icu_locale::Locale::try_from_str(tag).ok()?;
    CANONICALIZER.canonicalize(&mut locale);
    Some(locale.id)
}

/// Whether an edition in `tag` is written right to left: whether the
/// script of its likely-subtags expansion is (`prs` → `prs-Arab-AF`,
/// `yi` → `yi-Hebr`, `uz-Arab`, but not `ku` → `ku-Latn`).
pub fn is_rtl(tag: &str) -> bool {
    icu_id(tag).is_some_and(|id| DIRECTIONALITY.is_right_to_left(&id))
}

/// The script `tag` is written in: its own, or that of its
/// likely-subtags expansion (`kk` → `Cyrl`, `kk-Latn` → `Latn`).
pub fn likely_script(tag: &str) -> Option<String> {
    static EXPANDER: icu_locale::LocaleExpander = icu_locale::LocaleExpander::new_extended();
    let id = icu_id(tag)?;
    EXPANDER.get_likely_script(&id).map(|s| s.to_string())
}

/// The tag without its extensions (`ar-u-nu-arab` → `ar`), for Fluent's
/// language negotiation, which knows only language identifiers.
pub fn base_tag(tag: &str) -> String {
    match icu_locale::Locale::try_from_str(tag) {
        Ok(locale) => locale.id.to_string(),
        Err(_) => tag.to_owned(),
    }
}

/// The numbering system an edition's tag asks for (`-u-nu-arab`).
pub fn numbering(tag: &str) -> Option<String> {
    let locale = icu_locale::Locale::try_from_str(tag).ok()?;
    let key = icu_locale::extensions::unicode::key!("nu");
    locale
        .extensions
        .unicode
        .keywords
        .get(&key)
        .map(ToString::to_string)
}

thread_local! {
    /// While a message is formatted for an edition that asks for a
    /// numbering system: the tag its numbers are formatted as (the bundle's
    /// locale with `-u-nu-…`).
    static NUMBERS_AS: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// A cache's lock; a thread that panicked while holding it left whole
/// entries (each is inserted in one step), so its contents are used.
fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    match mutex.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    }
}

/// CLDR number formatters for [`NUMBERS_AS`] tags, built once per run.
fn numbers_as(tag: &str) -> Option<Arc<Cldr>> {
    static CACHE: OnceLock<std::sync::Mutex<HashMap<String, Option<Arc<Cldr>>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut map = lock(cache);
    map.entry(tag.to_owned())
        .or_insert_with(|| Cldr::new(tag).ok().map(Arc::new))
        .clone()
}

/// A CLDR number formatter for Fluent's memoizer.
struct Numbers(Option<Cldr>);

impl Memoizable for Numbers {
    type Args = ();
    type Error = ();
    fn construct(lang: LanguageIdentifier, _args: Self::Args) -> Result<Self, Self::Error> {
        Ok(Numbers(number_cldr(&lang.to_string())))
    }
}

/// CLDR formatters whose numbers are real for a bundle's locale: its own,
/// else those of CLDR's name for it (`cnr-Latn` → `sr-Latn-ME`, `prs` →
/// `fa-AF`, so Dari numbers have the Persian digits of its dates), else
/// those of its bare language (`kk-Latn` → `kk`: the same digits and
/// grouping). `None` when CLDR has none (`ce`, `av`): Fluent's plain digits.
fn number_cldr(tag: &str) -> Option<Cldr> {
    let mut candidates = vec![tag.to_owned()];
    candidates.extend(alias(tag).map(str::to_owned));
    candidates.extend(icu_id(tag).map(|id| id.to_string()));
    if let Ok(id) = LanguageIdentifier::from_str(tag) {
        candidates.push(id.language.to_string());
    }
    candidates
        .iter()
        .filter_map(|candidate| Cldr::new(candidate).ok())
        .find(|cldr| cldr.number(0.0).is_ok())
}

fn format_number(
    value: &FluentValue<'_>,
    memo: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    // The number as its plural form was chosen: "1.0" stays "1.0".
    let decimal = plural::decimal(number);
    if let Some(tag) = NUMBERS_AS.with(|n| n.borrow().clone())
        && let Some(cldr) = numbers_as(&tag)
    {
        return match &decimal {
            Some(decimal) => cldr.number_decimal(decimal).ok(),
            None => cldr.number(number.value).ok(),
        };
    }
    memo.with_try_get::<Numbers, _, _>((), |numbers| {
        numbers.0.as_ref().and_then(|cldr| match &decimal {
            Some(decimal) => cldr.number_decimal(decimal).ok(),
            None => cldr.number(number.value).ok(),
        })
    })
    .ok()
    .flatten()
}

/// A bundle for `locale` whose selects on numbers use `plurals` (see
/// [`crate::l10n::plural`]); Fluent's `NUMBER` is available.
fn new_bundle(locale: &LanguageIdentifier, isolating: bool, plurals: &Arc<Plurals>) -> Bundle {
    let mut bundle = Bundle::new_concurrent(vec![locale.clone()]);
    bundle.set_use_isolating(isolating);
    bundle.set_formatter(Some(format_number));
    let plurals = Arc::clone(plurals);
    let registered = bundle.add_builtins().is_ok()
        && bundle
            .add_function(plural::SELECT_FUNCTION, move |positional, _named| {
                plurals.select(positional)
            })
            .is_ok();
    // Only a name registered twice fails, and the bundle is new.
    debug_assert!(registered, "functions registered twice");
    bundle
}

/// A locale's files from one origin, in the order they are read.
#[derive(Default)]
pub struct Files {
    /// The files.
    pub list: Vec<Arc<SourceFile>>,
    /// Each file's path inside the locale's folder (`firefox/new.ftl`).
    pub relative: Vec<String>,
    /// The locale's folder (`None` for the built-in bundles).
    pub folder: Option<PathBuf>,
}

impl Files {
    fn one(file: Arc<SourceFile>, relative: String) -> Files {
        let mut files = Files::default();
        files.push(file, relative);
        files
    }

    fn push(&mut self, file: Arc<SourceFile>, relative: String) {
        self.list.push(file);
        self.relative.push(relative);
    }
}

/// One locale's files from one origin, as [`Stack::sources`] gives them.
pub struct Source<'a> {
    /// Where they come from.
    pub origin: Origin,
    /// Their locale.
    pub locale: &'a LanguageIdentifier,
    /// The files, in the order they are read.
    pub files: &'a [Arc<SourceFile>],
    /// Each file's path inside the locale's folder, `/`-separated.
    pub relative: &'a [String],
    /// The locale's folder (`None` for the built-in bundles).
    pub folder: Option<&'a Path>,
}

/// A locale's files from one origin; the bundle is built when first used,
/// so a run pays only for the locales it needs.
struct Slot {
    origin: Origin,
    locale: LanguageIdentifier,
    files: Files,
    bundle: OnceLock<Arc<LocaleBundle>>,
}

impl Slot {
    fn bundle(&self) -> &Arc<LocaleBundle> {
        self.bundle.get_or_init(|| {
            Arc::new(build(
                self.origin,
                &self.locale,
                &self.files.list,
                &mut Vec::new(),
            ))
        })
    }
}

/// Builds one locale's bundles, adding syntax problems to `diagnostics`.
fn build(
    origin: Origin,
    locale: &LanguageIdentifier,
    files: &[Arc<SourceFile>],
    diagnostics: &mut Vec<Diagnostic>,
) -> LocaleBundle {
    let plurals = Arc::new(Plurals::new(locale));
    let mut ltr = new_bundle(locale, false, &plurals);
    let mut rtl = new_bundle(locale, true, &plurals);
    for file in files {
        // Selects on numbers are routed through ICU4X's plural rules; the
        // syntax errors are those of the file as written.
        let (resource, errors) = plural::resource(file.text());
        syntax_errors(file, locale, errors, diagnostics);
        let resource = Arc::new(resource);
        ltr.add_resource_overriding(Arc::clone(&resource));
        rtl.add_resource_overriding(resource);
    }
    LocaleBundle {
        origin,
        locale: locale.clone(),
        ltr,
        rtl,
        files: files.to_vec(),
    }
}

/// Reads one locale folder's `.ftl` files (`tag`, as
/// [`locales::list_folder`] lists them under `dir`). A path that cannot be
/// read (a folder or a dangling link named `x.ftl`), a file that is not
/// UTF-8 and one nested deeper than any real message are each a
/// `fluent-syntax` finding, and left out; the other files are used.
pub fn read_locale(
    dir: &Path,
    tag: &str,
    listed: Vec<locales::FolderFile>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Files {
    let mut files = Files {
        folder: Some(dir.join(tag)),
        ..Files::default()
    };
    for locales::FolderFile { relative, path, .. } in listed {
        let (file, bad) = match SourceFile::read(&path) {
            Ok(read) => read,
            Err(err) => {
                diagnostics.push(
                    Diagnostic::new(
                        Code::FluentSyntax,
                        format!("cannot read {}: {err}", path.display()),
                    )
                    .file_name(crate::source::display_path(&path))
                    .lang(tag.to_owned())
                    .help("a bundle is a .ftl file; rename or remove what is not one"),
                );
                continue;
            }
        };
        let file = Arc::new(file);
        if let Some(bad) = bad {
            diagnostics.push(
                Diagnostic::new(Code::FluentSyntax, "the file is not valid UTF-8")
                    .at(&file, bad.offset..bad.offset + 1)
                    .lang(tag.to_owned()),
            );
            continue;
        }
        // The Fluent parser recurses once per nested placeable: a file
        // nested deeper than any real message is refused before it can
        // exhaust the stack.
        if let Some(at) = too_deep(file.text()) {
            diagnostics.push(
                Diagnostic::new(
                    Code::FluentSyntax,
                    format!(
                        "placeables nest deeper than {MAX_PLACEABLE_DEPTH} levels; the file is not used"
                    ),
                )
                .at(&file, at..at + 1)
                .lang(tag.to_owned())
                .help("a real message nests a few levels at most: look for unbalanced `{`"),
            );
            continue;
        }
        files.push(file, relative);
    }
    files
}

/// The locale of a locale folder's name, or `invalid-lang` about its
/// first file when the name is no language tag CLDR knows (its bundle is
/// not used), with the tag probably meant (`english` → `en`, `ru_RU` →
/// `ru-RU`): the same reading as every other language tag.
pub fn folder_locale(
    tag: &str,
    files: &Files,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<LanguageIdentifier> {
    let locale =
        crate::article::parse_lang(tag).and_then(|t| LanguageIdentifier::from_str(&t).ok());
    if locale.is_none()
        && let Some(first) = files.list.first()
    {
        let (message, meant) = crate::article::lang::lang_problem(tag);
        let diagnostic = Diagnostic::new(
            Code::InvalidLang,
            format!(
                "locale folder `{}`: {message}; its bundle is not used",
                tag.escape_debug()
            ),
        )
        .file_name(first.name());
        diagnostics.push(match meant {
            Some(meant) => diagnostic.help(format!("did you mean `{meant}`? rename the folder")),
            None => diagnostic
                .help("name the folder for its language tag, like `en`, `sr-Latn` or `pt-BR`"),
        });
    }
    locale
}

/// `fluent-syntax` for each of the parser's `errors` in `file`.
pub(crate) fn syntax_errors(
    file: &Arc<SourceFile>,
    locale: &LanguageIdentifier,
    errors: Vec<fluent_syntax::parser::ParserError>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for error in errors {
        // Point at the broken entry: the parser's own position
        // is often the end of the file.
        let span = match &error.slice {
            Some(slice) if slice.start <= error.pos.start => {
                slice.start..slice.end.min(error.pos.end)
            }
            _ => error.pos.clone(),
        };
        diagnostics.push(
            Diagnostic::new(
                Code::FluentSyntax,
                format!("Fluent syntax error: {}", error.kind),
            )
            .at(file, span)
            .lang(locale.to_string())
            .help("the entry is left out of the bundle until it is fixed"),
        );
    }
}

/// How deep `{ … }` may nest in a bundle file.
pub const MAX_PLACEABLE_DEPTH: usize = 64;

/// The offset of the first `{` nested deeper than [`MAX_PLACEABLE_DEPTH`]
/// (counted over the raw text, which can only overcount).
pub fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (at, byte) in text.bytes().enumerate() {
        match byte {
            b'{' => {
                depth += 1;
                if depth > MAX_PLACEABLE_DEPTH {
                    return Some(at);
                }
            }
            b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Every bundle a run may use.
#[derive(Default)]
pub struct Stack {
    slots: Vec<Slot>,
    /// A hash of the newsroom's and `--locales` files (the built-in ones
    /// change only with the tool's version), for incremental export.
    pub fingerprint: String,
    /// Problems found while loading (`fluent-syntax`, bad folder names).
    pub diagnostics: Vec<Diagnostic>,
    /// Each edition's localization, found once per run: it depends only on
    /// the stack and [`EditionKey`], not on the article, and every article
    /// has the same editions.
    editions: std::sync::Mutex<HashMap<EditionKey, EditionL10n>>,
}

/// What an edition's localization is found from besides the stack: its
/// language, the article's, the language it is derived from and the
/// languages that stand in for it.
type EditionKey = (String, String, Option<String>, Vec<String>);

impl Stack {
    /// The built-in bundles, the newsroom's folder and an extra folder.
    pub fn load(newsroom: Option<&Path>, extra: Option<&Path>) -> anyhow::Result<Stack> {
        let mut stack = Stack::default();
        for (origin, dir) in [(Origin::Extra, extra), (Origin::Newsroom, newsroom)] {
            let Some(dir) = dir else { continue };
            let files = locales::list_folder(dir).map_err(|err| {
                anyhow::anyhow!("cannot load the locale folder {}: {err}", dir.display())
            })?;
            let mut read = Vec::new();
            for (tag, listed) in locales::by_locale(files) {
                let files = read_locale(dir, &tag, listed, &mut stack.diagnostics);
                read.push((tag, files));
            }
            for (tag, files) in read {
                if !files.list.is_empty() {
                    stack.add(origin, &tag, files);
                }
            }
        }
        let mut builtin: Vec<(&str, Files)> = Vec::new();
        for (tag, name, source) in locales::BUILTIN_FTL {
            let file = Arc::new(SourceFile::new(
                format!("<built-in>/locales/{tag}/{name}"),
                None,
                (*source).to_owned(),
            ));
            match builtin.iter_mut().find(|(t, _)| t == tag) {
                Some((_, list)) => list.push(file, (*name).to_owned()),
                None => builtin.push((tag, Files::one(file, (*name).to_owned()))),
            }
        }
        for (tag, files) in builtin {
            stack.add(Origin::Builtin, tag, files);
        }
        stack.fingerprint = {
            use sha2::{Digest, Sha256};
            let mut hasher = Sha256::new();
            for slot in stack.slots.iter().filter(|s| s.origin != Origin::Builtin) {
                for file in &slot.files.list {
                    hasher.update(file.name().as_bytes());
                    hasher.update([0]);
                    hasher.update(file.text().as_bytes());
                    hasher.update([0]);
                }
            }
            hasher
                .finalize()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect()
        };
        Ok(stack)
    }

    fn add(&mut self, origin: Origin, tag: &str, files: Files) {
        let Some(locale) = folder_locale(tag, &files, &mut self.diagnostics) else {
            return;
        };
        let slot = Slot {
            origin,
            locale,
            files,
            bundle: OnceLock::new(),
        };
        if origin != Origin::Builtin {
            // The newsroom's own files are parsed now, so their syntax
            // errors are reported even for locales no edition uses; their
            // bundles are built, like the built-in ones, when an edition
            // first needs them (a run that checks bundles alone never
            // does).
            for file in &slot.files.list {
                if let Err((_, errors)) = fluent_syntax::parser::parse(file.text()) {
                    syntax_errors(file, &slot.locale, errors, &mut self.diagnostics);
                }
            }
        }
        self.slots.push(slot);
    }

    fn of(&self, origin: Origin, tag: &LanguageIdentifier) -> Option<&Arc<LocaleBundle>> {
        self.slots
            .iter()
            .find(|s| s.origin == origin && s.locale == *tag)
            .map(Slot::bundle)
    }

    /// The locales with a bundle, deduplicated.
    fn locales(&self) -> Vec<LanguageIdentifier> {
        let mut out: Vec<LanguageIdentifier> = Vec::new();
        for slot in &self.slots {
            if !out.contains(&slot.locale) {
                out.push(slot.locale.clone());
            }
        }
        out
    }

    /// Every locale's files by origin, for bundle checks.
    pub fn sources(&self) -> impl Iterator<Item = Source<'_>> {
        self.slots.iter().map(|s| Source {
            origin: s.origin,
            locale: &s.locale,
            files: &s.files.list,
            relative: &s.files.relative,
            folder: s.files.folder.as_deref(),
        })
    }

    /// The locales an edition in `tag` falls back through: the negotiated
    /// matches of the same language and script, most specific first.
    pub fn chain(&self, tag: &str) -> Vec<LanguageIdentifier> {
        let Ok(requested) = LanguageIdentifier::from_str(&base_tag(tag)) else {
            return Vec::new();
        };
        let available = self.locales();
        let mut wanted = requested.clone();
        wanted.maximize();
        negotiate_languages(
            &[&requested],
            &available,
            None,
            NegotiationStrategy::Filtering,
        )
        .into_iter()
        .filter(|candidate| {
            let mut max = (*candidate).clone();
            max.maximize();
            max.language == wanted.language && max.script == wanted.script
        })
        .cloned()
        .collect()
    }

    /// The localization of one edition.
    pub fn edition(&self, lang: &str, source: &str, derived_from: Option<&str>) -> EditionL10n {
        self.edition_with(lang, source, derived_from, &[])
    }

    /// The localization of one edition whose newsroom lets `stand_ins`
    /// (`[fallback]`) stand in for its language: their bundles come after
    /// the edition's own and before the article's language. Found once per
    /// run for each edition and article language, then copied (a copy
    /// shares the bundles).
    pub fn edition_with(
        &self,
        lang: &str,
        source: &str,
        derived_from: Option<&str>,
        stand_ins: &[String],
    ) -> EditionL10n {
        let key: EditionKey = (
            lang.to_owned(),
            source.to_owned(),
            derived_from.map(str::to_owned),
            stand_ins.to_vec(),
        );
        if let Some(found) = self.found_editions().get(&key) {
            return found.clone();
        }
        // Found outside the lock: two threads may both find it, alike.
        let found = self.find_edition(lang, source, derived_from, stand_ins);
        self.found_editions().insert(key, found.clone());
        found
    }

    fn found_editions(&self) -> std::sync::MutexGuard<'_, HashMap<EditionKey, EditionL10n>> {
        lock(&self.editions)
    }

    /// [`Stack::edition_with`], found.
    fn find_edition(
        &self,
        lang: &str,
        source: &str,
        derived_from: Option<&str>,
        stand_ins: &[String],
    ) -> EditionL10n {
        let rtl = is_rtl(lang);
        let own = self.chain(lang);
        let mut layers: Vec<Layer> = Vec::new();
        let mut push =
            |bundle: &Arc<LocaleBundle>, translit: Option<Scheme>, same_language: bool| {
                if !layers
                    .iter()
                    .any(|l| Arc::ptr_eq(&l.bundle, bundle) && l.translit == translit)
                {
                    layers.push(Layer {
                        bundle: Arc::clone(bundle),
                        translit,
                        same_language,
                        rtl,
                    });
                }
            };
        match derived_from.and_then(|from| Scheme::for_pair(from, lang).map(|s| (from, s))) {
            Some((from, scheme)) => {
                let theirs = self.chain(from);
                for origin in [Origin::Extra, Origin::Newsroom, Origin::Builtin] {
                    for tag in &own {
                        if let Some(b) = self.of(origin, tag) {
                            push(b, None, true);
                        }
                    }
                    for tag in &theirs {
                        if let Some(b) = self.of(origin, tag) {
                            push(b, Some(scheme), true);
                        }
                    }
                }
            }
            None => {
                for tag in &own {
                    for origin in [Origin::Extra, Origin::Newsroom, Origin::Builtin] {
                        if let Some(b) = self.of(origin, tag) {
                            push(b, None, true);
                        }
                    }
                }
            }
        }
        // Then the declared stand-ins, last the source language: for
        // boilerplate, never for notices.
        for tag in stand_ins
            .iter()
            .flat_map(|s| self.chain(s))
            .chain(self.chain(source))
        {
            for origin in [Origin::Extra, Origin::Newsroom, Origin::Builtin] {
                if let Some(b) = self.of(origin, &tag) {
                    push(b, None, false);
                }
            }
        }
        let mut cldr_chain: Vec<String> = vec![lang.to_owned()];
        cldr_chain.extend(own.iter().map(ToString::to_string));
        if let Some(from) = derived_from {
            cldr_chain.push(from.to_owned());
        }
        if let Some(alias) = alias(lang) {
            cldr_chain.push(alias.to_owned());
        }
        // CLDR's own alias (`prs` is `fa-AF`).
        if let Some(canonical) = icu_id(lang) {
            cldr_chain.push(canonical.to_string());
        }
        if let Ok(id) = LanguageIdentifier::from_str(&base_tag(lang)) {
            cldr_chain.push(id.language.to_string());
        }
        // Only locales in the edition's script stand in for it (`kk-Latn`
        // dates are never Cyrillic `kk` ones); the article's language comes
        // last whatever its script, and `check` says so (`cldr-fallback`).
        let script = likely_script(lang);
        cldr_chain.retain(|tag| tag == lang || likely_script(tag) == script);
        cldr_chain.push(source.to_owned());
        cldr_chain.dedup();
        EditionL10n {
            lang: lang.to_owned(),
            numbering: numbering(lang),
            rtl,
            layers,
            cldr_chain,
            supplied: Vec::new(),
            plain: Arc::default(),
        }
    }
}

/// Deprecated or macro-language tags CLDR knows under another name.
pub(crate) fn alias(tag: &str) -> Option<&'static str> {
    let language = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    let cyrillic = tag
        .split('-')
        .any(|subtag| subtag.eq_ignore_ascii_case("cyrl"));
    Some(match language.as_str() {
        // Montenegrin in Cyrillic is CLDR's Serbian of Montenegro in Cyrillic.
        "cnr" if cyrillic => "sr-Cyrl-ME",
        "cnr" => "sr-Latn-ME",
        "sh" => "sr-Latn",
        "mo" => "ro",
        "iw" => "he",
        "in" => "id",
        _ => return None,
    })
}

/// One bundle in an edition's order of lookup.
#[derive(Clone)]
pub struct Layer {
    /// The bundle.
    pub bundle: Arc<LocaleBundle>,
    /// Transliteration applied to its output (derived editions).
    pub translit: Option<Scheme>,
    /// Whether it is in the edition's own language (notices come only from these).
    pub same_language: bool,
    rtl: bool,
}

impl Layer {
    fn fluent(&self) -> &Bundle {
        if self.rtl {
            &self.bundle.rtl
        } else {
            &self.bundle.ltr
        }
    }
}

/// A formatted message and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Formatted {
    /// The text (inline Markdown).
    pub text: String,
    /// The locale of the bundle it came from.
    pub locale: String,
    /// The origin of that bundle.
    pub origin: Origin,
    /// Errors Fluent reported while formatting (unknown variables …).
    pub errors: Vec<String>,
}

/// The messages and CLDR formatting of one edition.
#[derive(Clone)]
pub struct EditionL10n {
    /// The edition's language.
    pub lang: String,
    /// The numbering system its tag asks for (`-u-nu-arab`).
    pub numbering: Option<String>,
    /// Whether it is right to left.
    pub rtl: bool,
    /// Bundles in lookup order.
    pub layers: Vec<Layer>,
    /// Locales to try for CLDR data, in order.
    pub cldr_chain: Vec<String>,
    /// The newsroom's supplied CLDR data (`[cldr.TAG]`), over CLDR's and
    /// the built-in supplied data.
    pub supplied: Vec<(String, Arc<Supplied>)>,
    /// Messages and notices formatted without arguments, shared by the
    /// copies of one edition's localization (every article's edition in
    /// that language shows the same promo labels and notices).
    plain: Arc<std::sync::Mutex<Plain>>,
}

/// Messages formatted without arguments, for the supplied data they were
/// formatted with (by identity: supplied data is never changed in place,
/// and is kept here so that no other data takes its address).
#[derive(Default)]
struct Plain {
    /// The supplied data.
    supplied: Vec<(String, Arc<Supplied>)>,
    /// By message id: as a message, as a notice.
    formatted: HashMap<String, [Option<Option<Formatted>>; 2]>,
}

impl Plain {
    fn same_supplied(&self, supplied: &[(String, Arc<Supplied>)]) -> bool {
        self.supplied.len() == supplied.len()
            && self
                .supplied
                .iter()
                .zip(supplied)
                .all(|((tag, data), (other, theirs))| tag == other && Arc::ptr_eq(data, theirs))
    }
}

impl EditionL10n {
    fn format_in(
        &self,
        layers: &mut dyn Iterator<Item = &Layer>,
        id: &str,
        args: Option<&FluentArgs<'_>>,
    ) -> Option<Formatted> {
        for layer in layers {
            let bundle = layer.fluent();
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let numbers_as = self
                .numbering
                .as_ref()
                .map(|nu| format!("{}-u-nu-{nu}", layer.bundle.locale));
            let previous = NUMBERS_AS.with(|n| n.replace(numbers_as));
            let rules = plural::supplied_cardinal(&layer.bundle.locale.to_string(), &self.supplied);
            let text = plural::with_supplied(rules, || {
                bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned()
            });
            NUMBERS_AS.with(|n| n.replace(previous));
            let text = match layer.translit {
                Some(scheme) => scheme.markdown(&text),
                None => text,
            };
            return Some(Formatted {
                text,
                locale: layer.bundle.locale.to_string(),
                origin: layer.bundle.origin,
                errors: errors.iter().map(ToString::to_string).collect(),
            });
        }
        None
    }

    /// Whether `tag` is CLDR's own name for the edition's locale (its alias,
    /// `cnr-Latn` → `sr-Latn-ME`, or canonical form, `prs` → `fa-AF`): data
    /// found under it is the locale's own, not a fallback to another.
    pub fn is_cldr_name(&self, tag: &str) -> bool {
        alias(&self.lang) == Some(tag)
            || icu_id(&self.lang).is_some_and(|id| id.to_string() == tag && tag != self.lang)
    }

    /// A message, from the first bundle in the chain that has it.
    pub fn message(&self, id: &str, args: Option<&FluentArgs<'_>>) -> Option<Formatted> {
        match args {
            Some(_) => self.format_in(&mut self.layers.iter(), id, args),
            None => self.plain(id, false, || {
                self.format_in(&mut self.layers.iter(), id, None)
            }),
        }
    }

    /// A legal notice: only from bundles of the edition's own language.
    pub fn notice(&self, id: &str) -> Option<Formatted> {
        self.plain(id, true, || {
            self.format_in(
                &mut self.layers.iter().filter(|l| l.same_language),
                id,
                None,
            )
        })
    }

    /// A message without arguments (`notice`: as a notice), formatted
    /// once for every copy of this localization: the same text, locale and
    /// Fluent errors each time.
    fn plain(
        &self,
        id: &str,
        notice: bool,
        format: impl FnOnce() -> Option<Formatted>,
    ) -> Option<Formatted> {
        let slot = usize::from(notice);
        {
            let mut plain = lock(&self.plain);
            if plain.formatted.is_empty() {
                plain.supplied.clone_from(&self.supplied);
            } else if !plain.same_supplied(&self.supplied) {
                drop(plain);
                return format();
            }
            if let Some(Some(found)) = plain.formatted.get(id).map(|f| &f[slot]) {
                return found.clone();
            }
        }
        // Formatted outside the lock: two threads may both format it, alike.
        let found = format();
        let mut plain = lock(&self.plain);
        if plain.same_supplied(&self.supplied) {
            let entry = plain.formatted.entry(id.to_owned()).or_default();
            entry[slot] = Some(found.clone());
        }
        found
    }

    /// CLDR formatters along the chain, first the best.
    pub fn cldr(&self, cache: &CldrCache) -> Vec<(String, Arc<Cldr>)> {
        self.cldr_chain
            .iter()
            .filter_map(|tag| {
                let supplied = supplied::lookup(&self.supplied, tag);
                cache.get_with(tag, supplied).map(|c| (tag.clone(), c))
            })
            .collect()
    }
}

/// CLDR formatters built once per locale per run.
#[derive(Default)]
pub struct CldrCache {
    map: std::sync::Mutex<HashMap<String, Option<Arc<Cldr>>>>,
}

impl CldrCache {
    /// The formatter for `tag`, if the tag is valid.
    pub fn get(&self, tag: &str) -> Option<Arc<Cldr>> {
        self.get_with(tag, None)
    }

    /// The formatter for `tag` with a newsroom's supplied data over CLDR's.
    pub fn get_with(&self, tag: &str, supplied: Option<&Arc<Supplied>>) -> Option<Arc<Cldr>> {
        let mut map = lock(&self.map);
        let key = match supplied {
            Some(data) => format!("{tag}\u{0}{}", supplied::fingerprint(data)),
            None => tag.to_owned(),
        };
        map.entry(key)
            .or_insert_with(|| {
                Cldr::with_supplied(tag, supplied.map(|s| &**s))
                    .ok()
                    .map(Arc::new)
            })
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::{Stack, is_rtl, likely_script};

    #[test]
    fn direction_comes_from_the_likely_script() {
        for tag in [
            "ar",
            "fa",
            "he",
            "ur",
            "ps",
            "prs",
            "ckb",
            "ug",
            "dv",
            "yi",
            "uz-Arab",
            "sd",
            "fa-u-nu-latn",
        ] {
            assert!(is_rtl(tag), "{tag}");
        }
        for tag in [
            "en",
            "ku",
            "kk-Latn",
            "sr-Latn",
            "tr",
            "az",
            "tk",
            "not a tag",
        ] {
            assert!(!is_rtl(tag), "{tag}");
        }
    }

    #[test]
    fn an_edition_found_again_formats_as_the_first() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("en")).unwrap();
        std::fs::write(dir.path().join("en/x.ftl"), "only-en = English only\n").unwrap();
        let stack = Stack::load(None, Some(dir.path())).unwrap();
        let text = |f: Option<super::Formatted>| f.map(|f| (f.text, f.locale));
        let shown = Some(("English only".to_owned(), "en".to_owned()));
        // A message falls back to the article's language; a notice never
        // does, though the message of the same id was formatted first.
        let de = stack.edition("de", "en", None);
        assert_eq!(text(de.message("only-en", None)), shown);
        assert_eq!(text(de.notice("only-en")), None);
        let again = stack.edition("de", "en", None);
        assert_eq!(text(again.notice("only-en")), None);
        assert_eq!(text(again.message("only-en", None)), shown);
        // The article's language is part of what an edition is found from.
        assert_eq!(
            text(stack.edition("de", "de", None).message("only-en", None)),
            None
        );
        assert_eq!(
            text(stack.edition("fr", "en", None).message("only-en", None)),
            shown
        );
    }

    #[test]
    fn cldr_fallback_keeps_the_script() {
        assert_eq!(likely_script("kk").as_deref(), Some("Cyrl"));
        assert_eq!(likely_script("kk-Latn").as_deref(), Some("Latn"));
        let stack = Stack::load(None, None).expect("built-in bundles");
        // Latin Tatar gets no Cyrillic dates, Cyrillic Azerbaijani no Latin ones.
        for (tag, other_script) in [("kk-Latn", "kk"), ("tt-Latn", "tt"), ("az-Cyrl", "az")] {
            let chain = stack.edition(tag, "en", None).cldr_chain;
            assert!(!chain.iter().any(|t| t == other_script), "{tag}: {chain:?}");
            assert_eq!(chain.last().map(String::as_str), Some("en"), "{tag}");
        }
        // The same script stays in the chain.
        let chain = stack.edition("kk-KZ", "en", None).cldr_chain;
        assert!(chain.iter().any(|t| t == "kk"), "{chain:?}");
        // CLDR's alias: Dari is Persian of Afghanistan.
        let chain = stack.edition("prs", "en", None).cldr_chain;
        assert!(chain.iter().any(|t| t == "fa-AF"), "{chain:?}");
    }
}
