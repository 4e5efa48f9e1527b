//! Failures: why a command could not run (exit code 2). Findings about the
//! user's files are [`Diagnostic`]s, not errors; a failure that is *about* a
//! place in a file (a broken `newsroom.toml`) carries diagnostics so it is
//! printed like one.

use crate::diag::Diagnostic;

/// A failure that points into files.
#[derive(Debug, thiserror::Error)]
#[error("{}", summary(.0))]
pub struct DiagnosticsError(pub Vec<Diagnostic>);

fn summary(diags: &[Diagnostic]) -> String {
    match diags.first() {
        Some(first) => match first.file() {
            Some(file) => format!("{file}: {}", first.message),
            None => first.message.clone(),
        },
        None => "failed".into(),
    }
}

/// A failure in words (one line, with the position when it points into a
/// file) and the diagnostics it carries, for reports that go on after it.
pub fn describe(err: &anyhow::Error) -> (String, Vec<Diagnostic>) {
    match err.downcast_ref::<DiagnosticsError>() {
        Some(DiagnosticsError(diags)) => (
            diags
                .first()
                .map_or_else(|| "failed".to_owned(), Diagnostic::headline),
            diags.clone(),
        ),
        None => (format!("{err:#}"), Vec::new()),
    }
}
