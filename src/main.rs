//! `article`: parse the command line, run, map the outcome to an exit code.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let color = cli.color;
    match cli::run(cli) {
        Ok(exit) => ExitCode::from(exit as u8),
        Err(err) => {
            // A closed pipe (`article check --format json | head`) is success.
            let broken_pipe = err.chain().any(|cause| {
                cause
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            cli::print_failure(&err, &mut cli::stderr_for(Some(color)));
            ExitCode::from(cli::Exit::Failure as u8)
        }
    }
}
