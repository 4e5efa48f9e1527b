//! The command line: clap definitions, and printing each command's report.
//! The library does the work; this module turns arguments into options and
//! reports into output and an exit code.

use std::io::{self, Write};
use std::path::PathBuf;

use anstream::AutoStream;
use clap::builder::TypedValueParser as _;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use article::commands::{check, export, localize, serve, status};
use article::diag::{self, Severity};
use article::judge::Kind;

/// How the process ends (docs/exit-codes.md).
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
  article check . --format json | jq .code   JSON Lines for pipelines
  article localize story.md --all            create or update its translation files
  article status news/                       how far each edition is, and whether it may go out
  article export news/ -o www                write every publishable edition
  article serve examples/newsroom --open     live preview of every edition in a browser
  article explain stale-translation          what a diagnostic code means

check, status and export share one judgement: an error refuses the editions it is about.

Exit status: 0 done, 1 something was found, refused or unreadable (the rest was done),
2 the run could not start.";

/// Turn one canonical news article into checked, localized editions.
#[derive(Debug, Parser)]
#[command(name = "article", version, about, after_help = EXAMPLES, max_term_width = 100)]
pub struct Cli {
    /// Use this newsroom file instead of looking for newsroom.toml above each article.
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        help_heading = "Global options"
    )]
    pub newsroom: Option<PathBuf>,

    /// Extra Fluent bundles (LANG/**/*.ftl), over the newsroom's and the built-in ones.
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help_heading = "Global options"
    )]
    pub locales: Option<PathBuf>,

    /// When to colour output; NO_COLOR in the environment also turns it off.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN", help_heading = "Global options")]
    pub color: ColorWhen,

    /// Print only what matters: no summaries or progress.
    #[arg(short, long, global = true, help_heading = "Global options")]
    pub quiet: bool,

    /// Worker threads for batches of articles (default: one per core).
    #[arg(
        short = 'j',
        long,
        global = true,
        value_name = "N",
        help_heading = "Global options"
    )]
    pub jobs: Option<usize>,

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
  article check --bundles locales --reference en   Fluent bundles alone, against en
  article explain missing-notice         what a code means and how to fix it

Output: findings on standard error (compiler style), then a summary line
`check: N articles, N errors, N warnings; N editions publishable, N refused`.
--format json: JSON Lines on standard output, one object per finding
{severity, code, message, file, line, column, lang, key, help, suppressed},
and {\"type\": \"note\", \"message\"} for what the run assumed.

An error refuses the editions it is about, exactly as export will: what check passes,
export writes. Warnings never refuse (--strict makes them fail check).

Exit status: 0 clean (warnings allowed), 1 errors found (or warnings with --strict),
2 the check could not run (no readable path, broken newsroom.toml, --lang naming no
edition, bad usage).")]
    Check(CheckArgs),

    /// Create or update translation files, keeping every translator's work.
    #[command(after_help = "\
Examples:
  article localize story.md --lang ru --lang uk   create or update story.ru.toml and story.uk.toml
  article localize news/ --all                    every edition of every article under news/
  article localize story.md --lang fa --mt ./mt.sh   fill empty targets by machine translation
  article localize story.md --lang ru --memory archive/   reuse targets of identical or similar sources
  article localize story.md --lang uk --xliff story.uk.xlf   hand the segments to a CAT tool
  article localize story.md --import story.uk.xlf            merge the CAT tool's work back

A changed source makes its segment `stale` (the old target and `previous_source` are kept);
a segment that left the article moves to [[obsolete]]; running it twice changes nothing.

Output: one line per translation file (created, updated or unchanged, with counts per
state) on standard output, then a summary on standard error. --format json: JSON Lines,
one {\"type\": \"file\"}, \"skipped\", \"rejected\", \"exported\" or \"failed\" record each, then
{\"type\": \"summary\"}.

Exit status: 0 done, 1 some article could not be localized (the others were) or some
imported unit was not applied as it came (a conflict, a changed source, an unknown key, an
empty target, a lowered state: each is reported), 2 the run could not start (bad usage,
--lang naming no edition, an --import file for no edition of the run).")]
    Localize(LocalizeArgs),

    /// Render editions as HTML, Markdown, plain text or JSON.
    #[command(after_help = "\
Examples:
  article export examples/newsroom --lang all --to html,md,txt,json -o dist
  article export story.md --lang ru > story.ru.html     one edition to standard output
  article export story.md --lang uk --draft -o preview  incomplete edition, source text marked
  article export story.md --lang fa --fragment          the bare <article> for a CMS

  article export news/ -o www --prune                   also remove pages no article makes now

An edition is written when `article check` has no error about it; a refused edition is
not written, its earlier files in DIR are removed, and the exit code is 1 (the other
editions are still written). The manifest of what was written lives beside DIR as
.DIR.article-export.json.

Output: the edition (without -o), or a summary on standard error. --format json:
JSON Lines, one {\"type\": \"written\"}, \"refused\", \"unreadable\" or \"pruned\" record each,
then {\"type\": \"summary\"}.

Exit status: 0 all written, 1 something refused or unreadable, 2 the run could not
start (bad usage, --lang naming no edition, DIR locked by another export).")]
    Export(ExportArgs),

    /// Show how far each edition of each article is.
    #[command(after_help = "\
Examples:
  article status                        every article under the current folder
  article status news/ --format json    one JSON object per edition (JSON Lines)
  article status news/ --lang ru,uk     only these editions

Columns: segments publishable / total, stale, machine, new, and whether the edition may be
published, with the codes that refuse it: the judgement check and export use.
--format json: one object per edition {type: \"edition\", article, file, lang, kind, total,
publishable, stale, machine, new, invalid, complete, verdict, reasons, reason}, and one
{type: \"unreadable\", file, verdict: \"unreadable\", error} per article that cannot be read.

Exit status: 0 every article read, 1 some article unreadable (every other row printed),
2 the run could not start.")]
    Status(StatusArgs),

    /// Preview every edition in a browser, updated live as files change (read-only, local).
    #[command(after_help = "\
Examples:
  article serve                          the newsroom in the current folder, on a free port
  article serve examples/newsroom --port 8080 --open
  article serve news/ --bind 0.0.0.0     reachable from other machines (warns)

Shows an index of every article and edition with its state (publishable, draft, refused
and why) and translation progress, each edition as export renders it (a draft marks text
shown in the source language), the article's findings beside it, and the source and the
translation segment by segment. Saving an article, a translation file, a bundle or
newsroom.toml updates the open pages; the judgement is the one check, status and export
use.

Listens on 127.0.0.1 unless --bind says otherwise; answers only GET and HEAD, only to
Host localhost, 127.0.0.1 or [::1] with its port, and reads no file outside PATH.

Output: `serving N articles at http://127.0.0.1:PORT/ ...` on standard output once it
listens; a line per change on standard error (none with --quiet).

Exit status: runs until stopped; 2 when it cannot start (no such folder, port in use,
broken newsroom.toml).")]
    Serve(ServeArgs),

    /// Explain a diagnostic code: what it means, an example, how to fix it.
    #[command(after_help = "Examples:\n  article explain missing-notice\n  article explain --list")]
    Explain {
        /// The code, as printed in `error[CODE]`.
        #[arg(value_name = "CODE", required_unless_present = "list")]
        code: Option<String>,
        /// List every code with its severity.
        #[arg(long)]
        list: bool,
    },

    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  article completions bash > ~/.local/share/bash-completion/completions/article\n  article completions zsh > ~/.zfunc/_article\n  article completions fish > ~/.config/fish/completions/article.fish"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the manual page (roff), for `man article`.
    #[command(
        after_help = "Example:\n  article man > ~/.local/share/man/man1/article.1 && man article"
    )]
    Man,
}

/// `check`'s arguments.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Articles (files or folders searched for *.md and *.markdown with front matter); `-` reads standard input.
    /// Default: the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Only report on these editions (repeatable, or comma-separated).
    #[arg(long = "lang", value_name = "L", value_delimiter = ',')]
    pub langs: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// Count warnings as errors.
    #[arg(long)]
    pub strict: bool,

    /// After the totals, a line per edition with its errors and warnings.
    #[arg(long)]
    pub summary: bool,

    /// Check the Fluent bundles of DIR (LANG/**/*.ftl) alone, with no article: each locale
    /// against the reference locale.
    #[arg(long, value_name = "DIR", conflicts_with = "paths")]
    pub bundles: Option<PathBuf>,

    /// The reference locale for --bundles (default: `source` in newsroom.toml). With
    /// --locales DIR and no PATH, checks DIR's bundles alone.
    #[arg(long, value_name = "TAG", conflicts_with = "paths")]
    pub reference: Option<String>,
}

/// `check --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Compiler-style messages on standard error.
    Human,
    /// JSON Lines on standard output, one object per finding (suppressed ones included).
    Json,
    /// GitHub Actions annotations (::error file=…,line=…::…) on standard output.
    Github,
    /// One line per finding on standard output: `file:line:col: severity[code]: message`.
    Short,
    /// One SARIF 2.1.0 document on standard output, for code scanning.
    Sarif,
}

/// `localize`'s arguments.
#[derive(Debug, Args)]
pub struct LocalizeArgs {
    /// Articles (files or folders).
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Languages to localize into (repeatable, or comma-separated).
    #[arg(
        long = "lang",
        value_name = "L",
        value_delimiter = ',',
        required_unless_present_any = ["all", "import"]
    )]
    pub langs: Vec<String>,

    /// Every edition each article asks for (its `editions`, else the newsroom's).
    #[arg(long, conflicts_with = "langs")]
    pub all: bool,

    /// Remove the [[obsolete]] entries (the only way they ever go).
    #[arg(long)]
    pub purge_obsolete: bool,

    /// Reuse targets from a folder (translation, TMX, XLIFF and PO files) or a .tmx file whose
    /// source is identical or similar enough (state `machine`, with a note naming the match).
    #[arg(long, value_name = "DIR|FILE.tmx")]
    pub memory: Option<PathBuf>,

    /// How similar a remembered source must be to be reused, from 0 to 1 (1: identical only;
    /// default 0.85).
    #[arg(long, value_name = "SIMILARITY")]
    pub memory_threshold: Option<f64>,

    /// Also write the run's translated and reviewed segments as TMX 1.4b translation memory.
    #[arg(long, value_name = "FILE")]
    pub tmx: Option<PathBuf>,

    /// Fill empty targets with CMD: JSON Lines {key,source_lang,target_lang,text} in, {key,text} out.
    #[arg(long, value_name = "CMD")]
    pub mt: Option<String>,

    /// Seconds the --mt command may take for one file.
    #[arg(long, value_name = "SECS", default_value_t = 120)]
    pub mt_timeout: u64,

    /// Show what would change; write nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Also write the language's segments as XLIFF 2.1 for a CAT tool (one language; several
    /// articles: one <file> each).
    #[arg(long, value_name = "FILE")]
    pub xliff: Option<PathBuf>,

    /// The XLIFF version --xliff writes: 2.1, or 1.2 for tools that read no XLIFF 2.
    #[arg(long, value_name = "VERSION", requires = "xliff", default_value = "2.1", value_parser = ["2.1", "1.2"])]
    pub xliff_version: String,

    /// Also write the language's segments as gettext PO (one language; several articles: msgctxt
    /// "ARTICLE:KEY").
    #[arg(long, value_name = "FILE")]
    pub po: Option<PathBuf>,

    /// Merge a translated XLIFF (2.1 or 1.2) or PO file back; what was changed on both sides, lost its
    /// target or state, or whose source changed is reported, not applied.
    #[arg(long, value_name = "FILE")]
    pub import: Option<PathBuf>,

    /// human: one line per translation file on standard output, notes and a summary on
    /// standard error; json: JSON Lines on standard output (file, skipped, rejected,
    /// exported and failed records, then a summary).
    #[arg(long, value_enum, default_value_t = Format::Human, hide_possible_values = true)]
    pub format: Format,
}

/// `export`'s arguments.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Articles (files or folders).
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Editions to render: a language tag (repeatable, or comma-separated) or `all` (the default).
    #[arg(long = "lang", value_name = "L", value_delimiter = ',')]
    pub langs: Vec<String>,

    /// Formats, comma-separated: html, md, txt, json.
    #[arg(long = "to", value_name = "FORMATS", value_delimiter = ',', default_value = "html", value_parser = clap::builder::PossibleValuesParser::new(["html", "md", "txt", "json"]).map(|name| parse_format(&name).unwrap_or(article::render::Format::Html)))]
    pub formats: Vec<article::render::Format>,

    /// Write DIR/LANG/ID.EXT. Without it, exactly one edition in one format goes to standard
    /// output.
    #[arg(short = 'o', long = "out", value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Write editions refused only for their segments too, with the source text (marked) in
    /// place of each segment that is missing, stale, machine-filled or in error. An edition
    /// missing a notice, or with a Fluent or article error, is still not written.
    #[arg(long)]
    pub draft: bool,

    /// HTML: only the <article> element, for a CMS to embed.
    #[arg(long)]
    pub fragment: bool,

    /// Rewrite every edition, even those whose inputs did not change since the last export to DIR.
    #[arg(long)]
    pub force: bool,

    /// Remove the files earlier exports to DIR wrote that this run did not produce (deleted or
    /// renamed articles, dropped editions and formats). Needs the whole run: no --lang subset.
    #[arg(long)]
    pub prune: bool,

    /// Also write the site files the editions in DIR make: LANG/index.html, LANG/feed.xml
    /// (Atom), sitemap.xml with hreflang alternates and news-sitemap.xml (the last two days;
    /// SOURCE_DATE_EPOCH sets "now"). Feeds and sitemaps need base_url in newsroom.toml.
    #[arg(long, requires = "out")]
    pub site: bool,

    /// human: refusals and a summary on standard error; json: JSON Lines on standard output
    /// (written, refused, unreadable and pruned records, then a summary), with -o.
    #[arg(long, value_enum, default_value_t = Format::Human, hide_possible_values = true)]
    pub format: Format,
}

fn parse_format(name: &str) -> Result<article::render::Format, String> {
    article::render::Format::from_name(name)
        .ok_or_else(|| format!("unknown format `{name}` (expected html, md, txt or json)"))
}

/// `status`'s arguments.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Articles (files or folders); default: the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Only these editions (repeatable, or comma-separated).
    #[arg(long = "lang", value_name = "L", value_delimiter = ',')]
    pub langs: Vec<String>,

    /// human: a table on standard output, unreadable articles on standard error; json: JSON
    /// Lines on standard output, one object per edition and per unreadable article.
    #[arg(long, value_enum, default_value_t = Format::Human, hide_possible_values = true)]
    pub format: Format,
}

/// `serve`'s arguments.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The newsroom folder to preview; default: the current folder.
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,

    /// The port to listen on (0: any free port, the default).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub port: u16,

    /// Listen on this address instead of 127.0.0.1 (a warning says who can then read the
    /// preview).
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<std::net::IpAddr>,

    /// Open the index in the default browser once it listens.
    #[arg(long)]
    pub open: bool,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people (what it prints is in each command's --help).
    Human,
    /// JSON Lines on standard output (what each line holds is in each command's --help).
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

/// Threads and, when standard error is a terminal, a progress bar.
fn batch(jobs: Option<usize>, quiet: bool, what: &'static str) -> article::commands::Batch {
    use std::io::IsTerminal as _;
    let progress = (!quiet && io::stderr().is_terminal()).then(|| {
        let style = indicatif::ProgressStyle::with_template(
            "{prefix:>9} [{bar:30}] {pos}/{len} articles  {per_sec}  ETA {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> ");
        let bar = indicatif::ProgressBar::new(0)
            .with_style(style)
            .with_prefix(what);
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        bar
    });
    article::commands::Batch { jobs, progress }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    let mut stderr = AutoStream::new(io::stderr(), cli.color.choice());
    match cli.command {
        Command::Check(args) => {
            // `--reference` with `--locales DIR` and no article: DIR alone.
            let (bundles, locales) = match (&args.bundles, &args.reference) {
                (None, Some(_)) if args.paths.is_empty() => (cli.locales.clone(), None),
                _ => (args.bundles.clone(), cli.locales.clone()),
            };
            let options = check::Options {
                paths: args.paths.clone(),
                langs: args.langs.clone(),
                newsroom: cli.newsroom,
                locales,
                bundles,
                reference: args.reference.clone(),
                batch: batch(cli.jobs, cli.quiet, "check"),
            };
            let report = check::run(&options, &mut io::stdin().lock())?;
            print_check(&report, &args, cli.quiet, &mut stderr)?;
            let errors = report.count(Severity::Error);
            let warnings = report.count(Severity::Warning);
            Ok(if errors > 0 || (args.strict && warnings > 0) {
                Exit::Findings
            } else {
                Exit::Success
            })
        }
        Command::Localize(args) => {
            let options = localize::Options {
                paths: args.paths,
                langs: args.langs,
                all: args.all,
                newsroom: cli.newsroom,
                purge_obsolete: args.purge_obsolete,
                memory: args.memory,
                memory_threshold: args.memory_threshold,
                tmx: args.tmx,
                mt: args.mt,
                mt_timeout: std::time::Duration::from_secs(args.mt_timeout),
                dry_run: args.dry_run,
                xliff: args.xliff,
                xliff12: args.xliff_version == "1.2",
                po: args.po,
                import: args.import,
                batch: batch(cli.jobs, cli.quiet, "localize"),
            };
            let report = localize::run(&options)?;
            print_localize(&report, args.format, cli.quiet, &mut stderr)?;
            Ok(if report.failed.is_empty() && report.rejected.is_empty() {
                Exit::Success
            } else {
                Exit::Findings
            })
        }
        Command::Export(args) => {
            let options = export::Options {
                paths: args.paths,
                langs: args.langs,
                formats: args.formats,
                out: args.out,
                draft: args.draft,
                fragment: args.fragment,
                newsroom: cli.newsroom,
                locales: cli.locales,
                force: args.force,
                prune: args.prune,
                site: args.site,
                batch: batch(cli.jobs, cli.quiet, "export"),
            };
            let report = export::run(&options)?;
            print_export(&report, args.format, cli.quiet, &mut stderr)?;
            Ok(
                if report.refused.is_empty() && report.unreadable.is_empty() {
                    Exit::Success
                } else {
                    Exit::Findings
                },
            )
        }
        Command::Status(args) => {
            let report = status::run(&status::Options {
                paths: args.paths,
                langs: args.langs,
                newsroom: cli.newsroom,
                locales: cli.locales,
                batch: batch(cli.jobs, cli.quiet, "status"),
            })?;
            print_status(&report, args.format, cli.quiet, &mut stderr)?;
            Ok(if report.unreadable.is_empty() {
                Exit::Success
            } else {
                Exit::Findings
            })
        }
        Command::Serve(args) => {
            let options = serve::Options {
                path: args.path,
                port: args.port,
                bind: args.bind,
                open: args.open,
                newsroom: cli.newsroom,
                locales: cli.locales,
            };
            let quiet = cli.quiet;
            if let Some(jobs) = cli.jobs {
                // Judging (at start and after a change) runs on rayon's pool.
                rayon::ThreadPoolBuilder::new()
                    .num_threads(jobs.max(1))
                    .build_global()
                    .map_err(|err| anyhow::anyhow!("cannot start {jobs} worker threads: {err}"))?;
            }
            serve::run(
                &options,
                |line| {
                    println!("{line}");
                    // The address is what scripts wait for.
                    let _ = io::stdout().flush();
                },
                move |line| {
                    if !quiet || line.starts_with("warning") {
                        eprintln!("{line}");
                    }
                },
            )?;
            Ok(Exit::Success)
        }
        Command::Explain { code, list } => explain(code.as_deref(), list),
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            io::stdout().write_all(&page)?;
            Ok(Exit::Success)
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "article", &mut io::stdout());
            Ok(Exit::Success)
        }
    }
}

fn print_check(
    report: &check::Report,
    args: &CheckArgs,
    quiet: bool,
    stderr: &mut impl Write,
) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for diagnostic in &report.diagnostics {
        match args.format {
            CheckFormat::Json => {
                serde_json::to_writer(&mut out, &diagnostic.to_json())?;
                out.write_all(b"\n")?;
            }
            CheckFormat::Github if !diagnostic.suppressed => {
                writeln!(out, "{}", diag::to_github(diagnostic))?;
            }
            CheckFormat::Human if !diagnostic.suppressed => {
                writeln!(stderr, "{}\n", diag::render_human(diagnostic))?;
            }
            CheckFormat::Short if !diagnostic.suppressed => {
                writeln!(out, "{}", diagnostic.headline())?;
            }
            _ => {}
        }
    }
    if args.format == CheckFormat::Sarif {
        serde_json::to_writer_pretty(&mut out, &diag::to_sarif(&report.diagnostics))?;
        out.write_all(b"\n")?;
    }
    if args.format == CheckFormat::Json {
        for note in &report.notes {
            serde_json::to_writer(
                &mut out,
                &serde_json::json!({ "type": "note", "message": note }),
            )?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    if !quiet && args.format != CheckFormat::Json {
        for note in &report.notes {
            writeln!(stderr, "note: {note}")?;
        }
    }
    if !quiet && args.format == CheckFormat::Human {
        let errors = report.count(Severity::Error);
        let warnings = report.count(Severity::Warning);
        let articles = report.articles;
        let (publishable, refused) = report.edition_counts();
        let mut line = match &report.bundles {
            Some(bundles) => format!(
                "check: {} locale{} ({} file{}, reference {}), {errors} error{}, {warnings} warning{}",
                bundles.locales,
                plural(bundles.locales),
                bundles.files,
                plural(bundles.files),
                bundles.reference,
                plural(errors),
                plural(warnings)
            ),
            None => format!(
                "check: {articles} article{}, {errors} error{}, {warnings} warning{}",
                plural(articles),
                plural(errors),
                plural(warnings)
            ),
        };
        let suppressed = report.suppressed();
        if suppressed > 0 {
            line.push_str(&format!(", {suppressed} suppressed"));
        }
        if report.bundles.is_none() {
            line.push_str(&format!(
                "; {publishable} edition{} publishable, {refused} refused",
                plural(publishable)
            ));
        }
        writeln!(stderr, "{line}")?;
        if args.summary {
            let mut by_lang: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
            for d in report.diagnostics.iter().filter(|d| !d.suppressed) {
                let slot = by_lang
                    .entry(d.lang.as_deref().unwrap_or("(article)"))
                    .or_default();
                match d.severity {
                    Severity::Error => slot.0 += 1,
                    Severity::Warning => slot.1 += 1,
                }
            }
            for (lang, (errors, warnings)) in by_lang {
                writeln!(
                    stderr,
                    "  {lang:<10} {errors} error{}, {warnings} warning{}",
                    plural(errors),
                    plural(warnings)
                )?;
            }
        }
    }
    Ok(())
}

/// Writes one JSON Lines record: `{"type": TYPE, ...fields}`.
fn json_line(
    out: &mut impl Write,
    kind: &str,
    value: &impl serde::Serialize,
) -> anyhow::Result<()> {
    let mut record = serde_json::to_value(value)?;
    match &mut record {
        serde_json::Value::Object(map) => {
            map.insert("type".into(), serde_json::Value::from(kind));
        }
        other => {
            *other = serde_json::json!({ "type": kind, "value": other.clone() });
        }
    }
    serde_json::to_writer(&mut *out, &record)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Prints notes (`note: …` on standard error, or `note` records).
fn print_notes(
    notes: &[String],
    format: Format,
    quiet: bool,
    out: &mut impl Write,
    stderr: &mut impl Write,
) -> anyhow::Result<()> {
    for note in notes {
        match format {
            Format::Json => json_line(out, "note", &serde_json::json!({ "message": note }))?,
            Format::Human if !quiet => writeln!(stderr, "note: {note}")?,
            Format::Human => {}
        }
    }
    Ok(())
}

fn error_style() -> anstyle::Style {
    anstyle::Style::new()
        .bold()
        .fg_color(Some(anstyle::AnsiColor::Red.into()))
}

fn print_localize(
    report: &localize::Report,
    format: Format,
    quiet: bool,
    stderr: &mut impl Write,
) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    print_notes(&report.notes, format, quiet, &mut out, stderr)?;
    match format {
        Format::Json => {
            for file in &report.files {
                json_line(&mut out, "file", file)?;
            }
            for skipped in &report.skipped {
                json_line(&mut out, "skipped", skipped)?;
            }
            for rejected in &report.rejected {
                json_line(&mut out, "rejected", rejected)?;
            }
            for path in &report.exported {
                json_line(&mut out, "exported", &serde_json::json!({ "path": path }))?;
            }
            for failed in &report.failed {
                json_line(&mut out, "failed", failed)?;
            }
            json_line(
                &mut out,
                "summary",
                &serde_json::json!({
                    "files": report.files.len(),
                    "skipped": report.skipped.len(),
                    "rejected": report.rejected.len(),
                    "exported": report.exported.len(),
                    "failed": report.failed.len(),
                }),
            )?;
        }
        Format::Human => {
            for file in &report.files {
                let c = &file.counts;
                let mut extra = String::new();
                for (n, what) in [
                    (file.suggestions, "suggested from edited paragraphs"),
                    (file.from_memory, "from memory"),
                    (file.from_mt, "machine-translated"),
                    (file.imported, "imported"),
                ] {
                    if n > 0 {
                        extra.push_str(&format!(", {n} {what}"));
                    }
                }
                writeln!(
                    out,
                    "{:<9} {}  new {}, stale {}, machine {}, translated {}, reviewed {}, obsolete {}{extra}",
                    format!("{:?}", file.outcome).to_lowercase(),
                    file.path.display(),
                    c.new,
                    c.stale,
                    c.machine,
                    c.translated,
                    c.reviewed,
                    c.obsolete,
                )?;
            }
        }
    }
    out.flush()?;
    if format == Format::Json {
        return Ok(());
    }
    for rejected in &report.rejected {
        writeln!(
            stderr,
            "warning[{}]: imported unit `{}` {}",
            rejected.kind.name(),
            rejected.key,
            rejected.reason
        )?;
        if let Some(current) = &rejected.current {
            writeln!(
                stderr,
                "  {}: \"{}\" ({})",
                rejected.file.display(),
                current.target.escape_debug(),
                current.state
            )?;
        }
        writeln!(
            stderr,
            "  imported: \"{}\" ({})",
            rejected.imported.target.escape_debug(),
            rejected.imported.state
        )?;
    }
    for failed in &report.failed {
        print_stopped(
            &failed.file,
            "not localized",
            &failed.error,
            &failed.diagnostics,
            stderr,
        )?;
    }
    if !quiet {
        for path in &report.exported {
            writeln!(stderr, "wrote {}", path.display())?;
        }
        for skipped in &report.skipped {
            writeln!(
                stderr,
                "note: {} [{}] skipped: {}",
                skipped.article, skipped.lang, skipped.reason
            )?;
        }
        let changed = report
            .files
            .iter()
            .filter(|f| f.outcome != localize::Outcome::Unchanged)
            .count();
        writeln!(
            stderr,
            "localize: {} file{} ({changed} changed), {} article{} failed",
            report.files.len(),
            plural(report.files.len()),
            report.failed.len(),
            plural(report.failed.len()),
        )?;
    }
    Ok(())
}

fn print_status(
    report: &status::Report,
    format: Format,
    quiet: bool,
    stderr: &mut impl Write,
) -> anyhow::Result<()> {
    use std::io::IsTerminal as _;
    let stdout = io::stdout();
    let terminal = stdout.is_terminal();
    let mut out = io::BufWriter::new(stdout.lock());
    print_notes(&report.notes, format, quiet, &mut out, stderr)?;
    if format == Format::Json {
        for row in &report.rows {
            json_line(&mut out, "edition", row)?;
        }
        for unreadable in &report.unreadable {
            json_line(&mut out, "unreadable", unreadable)?;
        }
        out.flush()?;
        return Ok(());
    }
    let rows = &report.rows;
    let width = rows
        .iter()
        .map(|r| r.article.chars().count())
        .max()
        .unwrap_or(7)
        .max(7);
    writeln!(
        out,
        "{:<width$}  {:<8}  {:>7}  {:>5}  {:>7}  {:>3}  COMPLETE",
        "ARTICLE", "EDITION", "DONE", "STALE", "MACHINE", "NEW"
    )?;
    for row in rows {
        let c = &row.counts;
        let done = format!("{}/{}", c.publishable, c.total);
        let bar = if terminal {
            let filled = (c.publishable * 10).checked_div(c.total).unwrap_or(10);
            format!("{}{} ", "█".repeat(filled), "░".repeat(10 - filled.min(10)))
        } else {
            String::new()
        };
        let mut complete = match (&row.kind, row.complete) {
            (Kind::Source, true) => "yes (source)".to_owned(),
            (Kind::Derived, yes) => format!(
                "{} (from {})",
                if yes { "yes" } else { "no" },
                row.derived_from.as_deref().unwrap_or("?")
            ),
            (_, true) => "yes".to_owned(),
            (_, false) => "no".to_owned(),
        };
        if !row.complete && !row.reasons.is_empty() {
            complete.push_str(&format!(": {}", row.reasons.join(", ")));
        }
        writeln!(
            out,
            "{:<width$}  {:<8}  {bar}{:>7}  {:>5}  {:>7}  {:>3}  {complete}",
            row.article, row.lang, done, c.stale, c.machine, c.new
        )?;
    }
    out.flush()?;
    let style = error_style();
    for unreadable in &report.unreadable {
        if unreadable.diagnostics.is_empty() {
            writeln!(
                stderr,
                "{style}error{style:#}: {}: {}",
                unreadable.file.display(),
                unreadable.error
            )?;
        }
        for diagnostic in &unreadable.diagnostics {
            writeln!(stderr, "{}\n", diag::render_human(diagnostic))?;
        }
    }
    Ok(())
}

fn print_export(
    report: &export::Report,
    format: Format,
    quiet: bool,
    stderr: &mut impl Write,
) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let files: usize = report.written.iter().map(|w| w.files.len()).sum();
    if let Some(text) = &report.stdout {
        out.write_all(text.as_bytes())?;
    } else if format == Format::Json {
        print_notes(&report.notes, format, quiet, &mut out, stderr)?;
        for written in &report.written {
            json_line(&mut out, "written", written)?;
        }
        for refused in &report.refused {
            json_line(&mut out, "refused", refused)?;
        }
        for unreadable in &report.unreadable {
            json_line(&mut out, "unreadable", unreadable)?;
        }
        for path in &report.pruned {
            json_line(&mut out, "pruned", &serde_json::json!({ "path": path }))?;
        }
        for path in &report.site_files {
            json_line(&mut out, "site-file", &serde_json::json!({ "path": path }))?;
        }
        json_line(
            &mut out,
            "summary",
            &serde_json::json!({
                "written": report.written.len(),
                "files": files,
                "unchanged": report.unchanged,
                "refused": report.refused.len(),
                "unreadable": report.unreadable.len(),
                "pruned": report.pruned.len(),
                "site_files": report.site_files.len(),
                "resources": report.resources,
            }),
        )?;
    }
    out.flush()?;
    if format == Format::Json && report.stdout.is_none() {
        return Ok(());
    }
    if !quiet {
        for note in &report.notes {
            writeln!(stderr, "note: {note}")?;
        }
    }
    let style = error_style();
    for refused in &report.refused {
        writeln!(
            stderr,
            "{style}error{style:#}: {} [{}] not written: {}",
            refused.article, refused.lang, refused.reason
        )?;
        for path in &refused.removed {
            writeln!(
                stderr,
                "  removed {} (written by an earlier export)",
                path.display()
            )?;
        }
    }
    for unreadable in &report.unreadable {
        print_stopped(
            &unreadable.file,
            "not exported",
            &unreadable.error,
            &unreadable.diagnostics,
            stderr,
        )?;
    }
    if !quiet {
        for path in &report.pruned {
            writeln!(stderr, "pruned {}", path.display())?;
        }
        if report.stdout.is_none() {
            let mut line = format!(
                "export: {} edition{} written ({files} file{}), {} unchanged, {} not written",
                report.written.len(),
                plural(report.written.len()),
                plural(files),
                report.unchanged,
                report.refused.len()
            );
            if !report.unreadable.is_empty() {
                line.push_str(&format!(
                    ", {} article{} unreadable",
                    report.unreadable.len(),
                    plural(report.unreadable.len())
                ));
            }
            if !report.pruned.is_empty() {
                line.push_str(&format!(", {} pruned", report.pruned.len()));
            }
            if report.resources > 0 {
                line.push_str(&format!(
                    ", {} image{} copied",
                    report.resources,
                    plural(report.resources)
                ));
            }
            if !report.site_files.is_empty() {
                line.push_str(&format!(", {} site files written", report.site_files.len()));
            }
            writeln!(stderr, "{line}")?;
        }
    }
    Ok(())
}

/// An article a batch could not do: its diagnostics, or one line.
fn print_stopped(
    file: &std::path::Path,
    what: &str,
    error: &str,
    diagnostics: &[diag::Diagnostic],
    stderr: &mut impl Write,
) -> anyhow::Result<()> {
    if diagnostics.is_empty() {
        let style = error_style();
        writeln!(
            stderr,
            "{style}error{style:#}: {}: {what}: {error}",
            file.display()
        )?;
    } else {
        for diagnostic in diagnostics {
            writeln!(stderr, "{}\n", diag::render_human(diagnostic))?;
        }
    }
    Ok(())
}

/// `article explain CODE`: the code's page.
fn explain(code: Option<&str>, list: bool) -> anyhow::Result<Exit> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if list {
        for code in diag::Code::ALL {
            writeln!(out, "{:<28} {}", code.name(), code.severity())?;
        }
        return Ok(Exit::Success);
    }
    // As people type it from a report or an annotation title: any case,
    // `_` for `-`.
    let typed = code
        .unwrap_or_default()
        .trim()
        .to_lowercase()
        .replace('_', "-");
    let name = typed.as_str();
    let name = name
        .strip_prefix("error[")
        .or_else(|| name.strip_prefix("warning["))
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(name);
    let Some(found) = diag::Code::from_name(name) else {
        let names: Vec<&str> = diag::Code::ALL.iter().map(|c| c.name()).collect();
        let hint = article::article::front_matter::did_you_mean(name, &names)
            .map(|best| format!(" (did you mean `{best}`?)"))
            .unwrap_or_default();
        anyhow::bail!(
            "`{name}` is not a diagnostic code{hint}; `article explain --list` lists them"
        );
    };
    match found.page() {
        Some(page) => out.write_all(page.as_bytes())?,
        None => writeln!(
            out,
            "# {}\n\nSeverity: {}\n\n{}",
            found.name(),
            found.severity(),
            found.docs()
        )?,
    }
    Ok(Exit::Success)
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
