//! `article` turns one canonical news article into checked, localized
//! editions.
//!
//! The pipeline follows the data: a [`source::SourceFile`] is parsed into an
//! [`article::Article`] (TOML front matter and CommonMark body), whose
//! translatable texts are [`segment::Segment`]s with stable keys. The
//! [`newsroom::Newsroom`] says which editions an article gets. [`check`]
//! collects [`diag::Diagnostic`]s about all of it, and [`commands`] puts the
//! pieces together for each subcommand; the binary only parses the command
//! line, prints, and maps the outcome to an exit code.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod article;
pub mod check;
pub mod commands;
pub mod diag;
pub mod edition;
pub mod error;
pub mod fsutil;
pub mod inputs;
pub mod interchange;
pub mod judge;
pub mod l10n;
pub mod locales;
pub mod newsroom;
pub mod output;
pub mod render;
pub mod segment;
pub mod serve;
pub mod source;
pub mod translations;
pub mod workspace;
