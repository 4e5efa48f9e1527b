//! `article serve [PATH]`: the desk's live preview (see [`crate::serve`]).
//! This module holds what the command line decides: the address and its
//! warning, and opening a browser.

use std::net::IpAddr;
use std::path::PathBuf;

/// What to serve.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The newsroom folder; `None` means `.`.
    pub path: Option<PathBuf>,
    /// `--port` (0: a free port).
    pub port: u16,
    /// `--bind ADDR`.
    pub bind: Option<IpAddr>,
    /// `--open`: open the index in the default browser.
    pub open: bool,
    /// `--newsroom FILE`.
    pub newsroom: Option<PathBuf>,
    /// `--locales DIR`.
    pub locales: Option<PathBuf>,
}

/// The warning `--bind` gets for an address other machines can reach.
pub fn bind_warning(bind: Option<IpAddr>) -> Option<String> {
    let ip = bind?;
    (!ip.is_loopback()).then(|| {
        format!(
            "warning: --bind {ip}: the preview is reachable from other machines on that network; it shows every article, draft and refused edition of the newsroom, unpublished text included"
        )
    })
}

/// Runs the preview until the process is stopped. `say` gets the lines for
/// standard output (the address first), `log` those for standard error.
pub fn run(
    options: &Options,
    say: impl FnOnce(String),
    log: impl Fn(String) + Send + Clone + 'static,
) -> anyhow::Result<()> {
    if let Some(warning) = bind_warning(options.bind) {
        log(warning);
    }
    let serve = crate::serve::Options {
        root: options.path.clone().unwrap_or_else(|| PathBuf::from(".")),
        port: options.port,
        bind: options.bind,
        newsroom: options.newsroom.clone(),
        locales: options.locales.clone(),
    };
    let open = options.open;
    let opener_log = log.clone();
    crate::serve::run(
        &serve,
        |ready| {
            let url = match ready.addr.ip() {
                IpAddr::V4(ip) if ip.is_unspecified() => {
                    format!("http://127.0.0.1:{}/", ready.addr.port())
                }
                IpAddr::V6(ip) if ip.is_unspecified() => {
                    format!("http://[::1]:{}/", ready.addr.port())
                }
                _ => format!("http://{}/", ready.addr),
            };
            say(format!(
                "serving {} article{} at {url} (read-only; Ctrl-C stops)",
                ready.articles,
                if ready.articles == 1 { "" } else { "s" }
            ));
            if open {
                open_browser(&url, &opener_log);
            }
        },
        log,
    )
}

/// Opens `url` with the desktop's opener; a failure is only a warning.
fn open_browser(url: &str, log: &impl Fn(String)) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let spawned = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(err) = spawned {
        log(format!(
            "warning: --open: cannot run {opener}: {err}; open {url} by hand"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_non_loopback_addresses_warn() {
        assert!(bind_warning(None).is_none());
        assert!(bind_warning(Some("127.0.0.1".parse().unwrap())).is_none());
        assert!(bind_warning(Some("::1".parse().unwrap())).is_none());
        assert!(bind_warning(Some("0.0.0.0".parse().unwrap())).is_some());
        assert!(bind_warning(Some("192.168.1.5".parse().unwrap())).is_some());
    }
}
