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

/// An article a batch could not do (the rest of the batch goes on).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Stopped {
    /// The article file.
    pub file: std::path::PathBuf,
    /// Why, in one line.
    pub error: String,
    /// The findings that stopped it, when it points into files.
    #[serde(skip)]
    pub diagnostics: Vec<Diagnostic>,
}

impl Stopped {
    /// `file` stopped by `err`.
    pub fn new(file: std::path::PathBuf, err: &anyhow::Error) -> Stopped {
        let (error, diagnostics) = describe(err);
        Stopped {
            file,
            error,
            diagnostics,
        }
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
