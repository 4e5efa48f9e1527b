//! Machine translation: an outside command (`localize --mt CMD`) fills
//! empty targets, which are marked `machine` until a person confirms them.
//!
//! The command (run by `sh -c`) gets JSON Lines
//! `{"key","source_lang","target_lang","text"}` on its standard input, one
//! per empty `new` segment, and answers `{"key","text"}` lines on its
//! standard output. Answers are checked exactly:
//!
//! - every non-blank line must be a JSON object with string `key` and
//!   `text` (other fields are ignored); a UTF-8 byte order mark and CRLF
//!   line ends are accepted;
//! - a key it was not asked, or a key answered twice, is an error;
//! - a key left unanswered (or answered with an empty text) stays `new`,
//!   and [`Filled::unanswered`] names it: a service may decline a segment.
//!
//! Any error (the command cannot start, fails, answers wrongly, writes more
//! than [`MAX_OUTPUT`] bytes, or does not finish within the timeout) fills
//! nothing.
//!
//! # Nothing hangs, nothing is left running
//!
//! The command runs in a process group of its own. Its output and errors
//! are read by threads, and every wait is bounded by the deadline: a
//! process it started that keeps a pipe open does not keep `localize`
//! waiting. Once the command has exited, or when the deadline passes, the
//! whole group is killed (`kill -TERM`, then `kill -KILL`, through the
//! shell's `kill`, since `sh` is needed for the command anyway and the crate
//! forbids `unsafe`). A process that leaves the group on purpose (`setsid`)
//! is beyond reach.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::os::unix::process::CommandExt as _;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use serde::Serialize;

use crate::article::Article;
use crate::translations::State;
use crate::translations::merge::Plan;

/// The most the command may write on its standard output.
pub const MAX_OUTPUT: usize = 64 << 20;
/// How much of its standard error is kept for a failure's message.
const STDERR_TAIL: usize = 64 << 10;
/// How long the group gets between `TERM` and `KILL`.
const TERM_GRACE: Duration = Duration::from_millis(200);
/// How long, after the command exited, its pipes may take to close once
/// its group is killed, if the deadline is nearer.
const CLOSE_GRACE: Duration = Duration::from_millis(500);
/// How often the command's exit is looked for.
const POLL: Duration = Duration::from_millis(10);

#[derive(Serialize)]
struct MtRequest<'a> {
    key: &'a str,
    source_lang: &'a str,
    target_lang: &'a str,
    text: &'a str,
}

/// One answer line: a JSON object with string `key` and `text`; other
/// fields are ignored.
fn answer(line: &str) -> Option<(String, String)> {
    let mut object: serde_json::Map<String, serde_json::Value> = serde_json::from_str(line).ok()?;
    match (object.remove("key")?, object.remove("text")?) {
        (serde_json::Value::String(key), serde_json::Value::String(text)) => Some((key, text)),
        _ => None,
    }
}

/// What one run of the command did to one translation file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filled {
    /// Targets filled.
    pub filled: usize,
    /// Keys asked but not answered (or answered with an empty text), in
    /// file order: they stay `new`.
    pub unanswered: Vec<String>,
}

/// Runs the machine-translation command once for one translation file and
/// fills the empty `new` targets it answers. Any failure is an error and
/// fills nothing.
pub fn fill(
    cmd: &str,
    timeout: Duration,
    article: &Article,
    lang: &str,
    plan: &mut Plan,
) -> anyhow::Result<Filled> {
    let asked: Vec<&str> = plan
        .segments
        .iter()
        .filter(|e| e.state == State::New && e.target.is_empty())
        .map(|e| e.key.as_str())
        .collect();
    let requests: Vec<String> = plan
        .segments
        .iter()
        .filter(|e| e.state == State::New && e.target.is_empty())
        .map(|e| {
            serde_json::to_string(&MtRequest {
                key: &e.key,
                source_lang: &article.lang.value,
                target_lang: lang,
                text: &e.source,
            })
        })
        .collect::<Result<_, _>>()?;
    if requests.is_empty() {
        return Ok(Filled::default());
    }
    let context = format!("--mt for {} ({})", article.id.value, lang);
    let input = requests.join("\n") + "\n";
    let output = run(cmd, input, timeout).with_context(|| context.clone())?;
    let mut answers =
        parse_answers(&output, &asked).with_context(|| format!("{context}: `{cmd}`"))?;
    let mut filled = Filled::default();
    for entry in &mut plan.segments {
        if entry.state == State::New && entry.target.is_empty() {
            match answers.remove(&entry.key).filter(|t| !t.is_empty()) {
                Some(text) => {
                    entry.target = text;
                    entry.state = State::Machine;
                    filled.filled += 1;
                }
                None => filled.unanswered.push(entry.key.clone()),
            }
        }
    }
    Ok(filled)
}

/// Checks the command's answers against the keys it was `asked` (see the
/// module documentation): the text for each key answered.
fn parse_answers(output: &[u8], asked: &[&str]) -> anyhow::Result<HashMap<String, String>> {
    let text = std::str::from_utf8(output)
        .map_err(|e| anyhow::anyhow!("its output is not UTF-8 ({e}); no file was changed"))?;
    let asked: HashSet<&str> = asked.iter().copied().collect();
    let mut answers: HashMap<String, String> = HashMap::new();
    for (n, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let line = line.strip_prefix('\u{feff}').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let Some((key, text)) = answer(line) else {
            bail!(
                "line {} of its output is not a {{\"key\",\"text\"}} JSON object with two strings; no file was changed",
                n + 1
            );
        };
        if !asked.contains(key.as_str()) {
            bail!(
                "line {} answers key `{}`, which it was not asked; no file was changed",
                n + 1,
                key.escape_debug()
            );
        }
        if answers.contains_key(&key) {
            bail!(
                "line {} answers key `{}` a second time; no file was changed",
                n + 1,
                key.escape_debug()
            );
        }
        answers.insert(key, text);
    }
    Ok(answers)
}

/// The command's process group, killed as a whole.
struct Group(u32);

impl Group {
    /// Sends `signal` to every process of the group (errors, such as an
    /// empty group, are ignored).
    fn signal(&self, signal: &str) {
        let _ = Command::new("sh")
            .arg("-c")
            .arg("kill -\"$1\" -\"$2\" 2>/dev/null")
            .arg("sh")
            .arg(signal)
            .arg(self.0.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }

    /// Ends the group: `TERM`, a moment to clean up, `KILL`. The leader
    /// is reaped only afterwards, so its process id (the group's) cannot
    /// be reused meanwhile.
    fn end(&self, leader: &mut Child) {
        self.signal("TERM");
        std::thread::sleep(TERM_GRACE);
        self.signal("KILL");
        let _ = leader.kill();
        let _ = leader.wait();
    }
}

/// Runs `sh -c cmd` with `input` on its standard input and returns its
/// standard output, bounded by `timeout` (see the module documentation).
fn run(cmd: &str, input: String, timeout: Duration) -> anyhow::Result<Vec<u8>> {
    let deadline = Instant::now() + timeout;
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .with_context(|| format!("cannot start `{cmd}`"))?;
    let group = Group(child.id());
    // Neither thread is ever joined: each ends when its pipe closes,
    // which killing the group makes sure of.
    if let Some(mut stdin) = child.stdin.take() {
        std::thread::spawn(move || {
            // A command that does not read its input closes the pipe.
            let _ = stdin.write_all(input.as_bytes());
        });
    }
    let stdout = read_all(child.stdout.take());
    let stderr = Tail::read(child.stderr.take());

    let mut output: Option<std::io::Result<Vec<u8>>> = None;
    let status: ExitStatus = loop {
        if output.is_none() {
            output = stdout.try_recv().ok();
        }
        if let Some(Ok(bytes)) = &output
            && bytes.len() > MAX_OUTPUT
        {
            group.end(&mut child);
            bail!("`{cmd}` wrote more than {MAX_OUTPUT} bytes; no file was changed");
        }
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => {}
            Err(err) => {
                group.end(&mut child);
                return Err(anyhow::Error::new(err).context(format!("cannot wait for `{cmd}`")));
            }
        }
        let now = Instant::now();
        if now >= deadline {
            group.end(&mut child);
            bail!(
                "`{cmd}` did not finish within {} s; it was stopped (with every process it started) and no file was changed",
                timeout.as_secs()
            );
        }
        std::thread::sleep(POLL.min(deadline - now));
    };
    // The command is done: whatever it left running goes too, and with it
    // the last holders of its pipes.
    group.signal("KILL");
    let close_by = deadline.max(Instant::now() + CLOSE_GRACE);
    if !status.success() {
        let said = stderr.text(close_by);
        let tail: Vec<&str> = said.lines().rev().take(5).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        bail!(
            "`{cmd}` failed ({status}); no file was changed\n{}",
            tail.join("\n")
        );
    }
    let output = match output {
        Some(output) => output,
        None => stdout
            .recv_timeout(close_by.saturating_duration_since(Instant::now()))
            .map_err(|_| {
                anyhow::anyhow!(
                    "`{cmd}` exited, but a process it started keeps its output open; no file was changed"
                )
            })?,
    };
    let bytes = output.with_context(|| format!("cannot read the output of `{cmd}`"))?;
    if bytes.len() > MAX_OUTPUT {
        bail!("`{cmd}` wrote more than {MAX_OUTPUT} bytes; no file was changed");
    }
    Ok(bytes)
}

/// Reads `pipe` to its end (at most [`MAX_OUTPUT`] + 1 bytes) in a thread.
fn read_all(pipe: Option<impl Read + Send + 'static>) -> Receiver<std::io::Result<Vec<u8>>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let result = match pipe {
            Some(pipe) => pipe
                .take(MAX_OUTPUT as u64 + 1)
                .read_to_end(&mut bytes)
                .map(|_| bytes),
            None => Ok(bytes),
        };
        let _ = tx.send(result);
    });
    rx
}

/// The last [`STDERR_TAIL`] bytes of the command's standard error, read in
/// a thread.
struct Tail {
    bytes: Arc<Mutex<Vec<u8>>>,
    done: Receiver<()>,
}

impl Tail {
    fn read(pipe: Option<impl Read + Send + 'static>) -> Tail {
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let (tx, done) = mpsc::channel();
        let shared = Arc::clone(&bytes);
        std::thread::spawn(move || {
            if let Some(mut pipe) = pipe {
                let mut buf = [0u8; 8192];
                while let Ok(n) = pipe.read(&mut buf) {
                    let Some(chunk) = buf.get(..n).filter(|c| !c.is_empty()) else {
                        break;
                    };
                    if let Ok(mut kept) = shared.lock() {
                        kept.extend_from_slice(chunk);
                        let excess = kept.len().saturating_sub(STDERR_TAIL);
                        kept.drain(..excess);
                    }
                }
            }
            let _ = tx.send(());
        });
        Tail { bytes, done }
    }

    /// What was read, once the pipe closed or `by` passed.
    fn text(&self, by: Instant) -> String {
        let _ = self
            .done
            .recv_timeout(by.saturating_duration_since(Instant::now()));
        self.bytes
            .lock()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_checked_exactly() {
        let asked = ["headline", "body.1"];
        let ok = |text: &str| parse_answers(text.as_bytes(), &asked).unwrap();
        let err = |text: &str| format!("{:#}", parse_answers(text.as_bytes(), &asked).unwrap_err());
        let answers = ok(
            "\u{feff}{\"key\":\"headline\",\"text\":\"H\",\"score\":0.9}\r\n\r\n  \n{\"text\":\"B\",\"key\":\"body.1\"}",
        );
        assert_eq!(answers.get("headline").map(String::as_str), Some("H"));
        assert_eq!(answers.get("body.1").map(String::as_str), Some("B"));
        // Missing answers are no error here: `fill` lists them.
        assert!(ok("").is_empty());
        assert!(err("{\"key\":\"summary\",\"text\":\"S\"}").contains("not asked"));
        assert!(
            err("{\"key\":\"headline\",\"text\":\"H\"}\n{\"key\":\"headline\",\"text\":\"H\"}")
                .contains("line 2 answers key `headline` a second time")
        );
        assert!(err("{\"key\":\"headline\"}").contains("line 1"));
        assert!(err("{\"key\":\"headline\",\"text\":null}").contains("line 1"));
        assert!(err("[\"headline\",\"H\"]").contains("line 1"));
        assert!(format!("{:#}", parse_answers(b"\xff", &asked).unwrap_err()).contains("UTF-8"));
    }
}
