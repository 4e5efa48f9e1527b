//! Edition checks: what `export` would refuse or have to improvise, found
//! ahead of time. Each edition is resolved as a draft, and what the
//! resolution noticed becomes diagnostics: a legal notice its language
//! lacks (`missing-notice`), a message no bundle of its chain has
//! (`fluent-missing-message`), CLDR data taken from another locale
//! (`cldr-fallback`).

use crate::article::Article;
use crate::commands::export::resolve_edition;
use crate::diag::{Code, Diagnostic};
use crate::edition::Refusal;
use crate::l10n::bundles::{CldrCache, Stack};
use crate::newsroom::Newsroom;
use crate::translations::Files;

/// Checks every edition of an article.
pub fn check(
    article: &Article,
    files: &mut Files,
    newsroom: &Newsroom,
    stack: &Stack,
    cldr: &CldrCache,
    diags: &mut Vec<Diagnostic>,
) -> anyhow::Result<()> {
    let newsroom_file = newsroom.file.as_ref().map_or_else(
        || "<built-in newsroom>".to_owned(),
        |p| p.display().to_string(),
    );
    for lang in newsroom.editions_of(article) {
        let text_lang = newsroom.derived_from(&lang).unwrap_or(&lang);
        if files.loaded(text_lang).is_err() {
            // Unreadable: the translation checks reported it already.
            continue;
        }
        let (result, notes) = resolve_edition(article, files, newsroom, stack, cldr, &lang, true)?;
        if let Err(Refusal::MissingNotices(ids)) = result {
            for id in ids {
                let from_article = article.notices.iter().find(|n| n.value == id);
                let mut diag = Diagnostic::new(
                    Code::MissingNotice,
                    format!("the {lang} edition must carry the notice `{id}`, but no {lang} bundle has it"),
                )
                .lang(lang.clone())
                .help(format!(
                    "add `{id} = …` to the newsroom's locales/{lang}/*.ftl; notices never fall back to another language"
                ));
                diag = match from_article {
                    Some(text) => diag.at(&article.file, text.span.clone()),
                    None => diag.file_name(newsroom_file.clone()),
                };
                diags.push(diag);
            }
        }
        for id in notes.missing_messages {
            diags.push(
                Diagnostic::new(
                    Code::FluentMissingMessage,
                    format!("no bundle of the {lang} edition's chain has the message `{id}`"),
                )
                .file_name(article.file.name())
                .lang(lang.clone())
                .help(format!(
                    "add `{id} = …` to the newsroom's bundle for {lang} (or its source language)"
                )),
            );
        }
        for (id, locale) in notes.unsafe_messages {
            diags.push(
                Diagnostic::new(
                    Code::RawHtml,
                    format!("the message `{id}` ({locale}) holds raw HTML or a link that is not http, https or mailto"),
                )
                .file_name(article.file.name())
                .lang(lang.clone())
                .help("message values are inline Markdown: use *emphasis* and [links](https://…); editions show such HTML as text"),
            );
        }
        let mut seen = Vec::new();
        for (service, from) in notes.cldr_fallbacks {
            if seen.contains(&service) {
                continue;
            }
            diags.push(
                Diagnostic::new(
                    Code::CldrFallback,
                    format!("CLDR has no {service} for {lang}; the {lang} edition's {service} are formatted as {from}"),
                )
                .file_name(article.file.name())
                .lang(lang.clone()),
            );
            seen.push(service);
        }
    }
    Ok(())
}
