//! The command line: clap definitions, and printing each command's report.
//! The library does the work; this module turns arguments into options and
//! reports into output and an exit code.

use std::io::{self, Write};
use std::path::PathBuf;

use anstream::AutoStream;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use article::commands::check;
use article::diag::{self, Severity};

/// How the process ends: SPEC 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: success.
    Success = 0,
    /// 1: check found errors, or an export left an edition unwritten.
    Findings = 1,
    /// 2: the command could not run.
    Failure = 2,
}

const EXAMPLES: &str = "\
Examples:
  article check examples/newsroom            check every article under a folder
  article check story.md --lang ru --strict  one article, Russian edition, warnings fail
  cat story.md | article check -             an article from standard input
  article check . --format json | jq .code   JSON Lines for pipelines";

/// Turn one canonical news article into checked, localized editions.
#[derive(Debug, Parser)]
#[command(name = "article", version, about, after_help = EXAMPLES, max_term_width = 100)]
pub struct Cli {
    /// Use this newsroom file instead of looking for newsroom.toml above each article.
    #[arg(long, global = true, value_name = "FILE")]
    pub newsroom: Option<PathBuf>,

    /// Extra Fluent bundles (LANG/*.ftl), over the newsroom's and the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub locales: Option<PathBuf>,

    /// When to colour output; NO_COLOR in the environment also turns it off.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    /// Print only what matters: no summaries or progress.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when writing to a terminal.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate articles, their translation files and the bundles they use.
    #[command(after_help = "\
Examples:
  article check                          everything under the current folder
  article check news/2026 --lang fa      only the Persian editions' findings
  article check story.md --format json   one JSON object per finding, on standard output

Exit status: 0 clean (warnings allowed), 1 errors found (or warnings with --strict),
2 the check could not run (unreadable path, broken newsroom.toml, bad usage).")]
    Check(CheckArgs),

    /// Print a shell completion script.
    #[command(after_help = "Example:\n  article completions bash > /etc/bash_completion.d/article")]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// `check`'s arguments.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Articles (files or folders searched for *.md with front matter); `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Only report on these editions (repeatable).
    #[arg(long = "lang", value_name = "L")]
    pub langs: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Count warnings as errors.
    #[arg(long)]
    pub strict: bool,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Compiler-style messages on standard error.
    Human,
    /// JSON Lines on standard output: one object per finding.
    Json,
}

impl ColorWhen {
    fn choice(self) -> anstream::ColorChoice {
        match self {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        }
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    let mut stderr = AutoStream::new(io::stderr(), cli.color.choice());
    match cli.command {
        Command::Check(args) => {
            let options = check::Options {
                paths: args.paths,
                langs: args.langs,
                newsroom: cli.newsroom,
                locales: cli.locales,
            };
            let report = check::run(&options, &mut io::stdin().lock())?;
            print_check(&report, args.format, cli.quiet, &mut stderr)?;
            let errors = report.count(Severity::Error);
            let warnings = report.count(Severity::Warning);
            Ok(if !report.failures.is_empty() {
                Exit::Failure
            } else if errors > 0 || (args.strict && warnings > 0) {
                Exit::Findings
            } else {
                Exit::Success
            })
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "article", &mut io::stdout());
            Ok(Exit::Success)
        }
    }
}

fn print_check(
    report: &check::Report,
    format: Format,
    quiet: bool,
    stderr: &mut impl Write,
) -> anyhow::Result<()> {
    match format {
        Format::Json => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            for diagnostic in &report.diagnostics {
                serde_json::to_writer(&mut out, &diagnostic.to_json())?;
                out.write_all(b"\n")?;
            }
            out.flush()?;
        }
        Format::Human => {
            for diagnostic in &report.diagnostics {
                writeln!(stderr, "{}\n", diag::render_human(diagnostic))?;
            }
        }
    }
    for failure in &report.failures {
        print_failure(failure, stderr);
    }
    if !quiet && format == Format::Human {
        let errors = report.count(Severity::Error);
        let warnings = report.count(Severity::Warning);
        let articles = report.articles;
        writeln!(
            stderr,
            "check: {articles} article{}, {errors} error{}, {warnings} warning{}",
            plural(articles),
            plural(errors),
            plural(warnings)
        )?;
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Prints a failure once: as diagnostics when it points into files, else as
/// `error: …` with its causes.
pub fn print_failure(err: &anyhow::Error, stderr: &mut impl Write) {
    if let Some(diags) = err.downcast_ref::<article::error::DiagnosticsError>() {
        for diagnostic in &diags.0 {
            let _ = writeln!(stderr, "{}\n", diag::render_human(diagnostic));
        }
        return;
    }
    let style = anstyle::Style::new()
        .bold()
        .fg_color(Some(anstyle::AnsiColor::Red.into()));
    let _ = writeln!(stderr, "{style}error{style:#}: {err:#}");
}

/// The colour choice for failures printed before a command ran.
pub fn stderr_for(cli_color: Option<ColorWhen>) -> AutoStream<io::Stderr> {
    AutoStream::new(io::stderr(), cli_color.unwrap_or(ColorWhen::Auto).choice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
