//! Machine translation: an outside command (`localize --mt CMD`) fills
//! empty targets, which are marked `machine` until a person confirms them.
//! The command gets JSON Lines `{"key","source_lang","target_lang","text"}`
//! on its standard input and answers `{"key","text"}` lines; any failure
//! fills nothing.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{Context as _, bail};
use serde::Serialize;

use crate::article::Article;
use crate::translations::State;
use crate::translations::merge::Plan;

#[derive(Serialize)]
struct MtRequest<'a> {
    key: &'a str,
    source_lang: &'a str,
    target_lang: &'a str,
    text: &'a str,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MtResponse {
    key: String,
    text: String,
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
) -> anyhow::Result<usize> {
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
        return Ok(0);
    }
    let context = || format!("--mt for {} ({})", article.id.value, lang);
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("{}: cannot start `{cmd}`", context()))?;
    let mut stdin = child.stdin.take().context("no stdin")?;
    let input = requests.join("\n") + "\n";
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let stdout = child.stdout.take().context("no stdout")?;
    let stderr = child.stderr.take().context("no stderr")?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let lines: Result<Vec<String>, std::io::Error> = BufReader::new(stdout).lines().collect();
        let _ = tx.send(lines);
    });
    let err_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut BufReader::new(stderr), &mut text);
        text
    });
    let lines = match rx.recv_timeout(timeout) {
        Ok(lines) => lines.with_context(|| format!("{}: cannot read its output", context()))?,
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            bail!(
                "{}: `{cmd}` did not finish within {} s; no file was changed",
                context(),
                timeout.as_secs()
            );
        }
    };
    let status = child.wait().with_context(context)?;
    let _ = writer.join();
    let stderr_text = err_reader.join().unwrap_or_default();
    if !status.success() {
        let tail: String = stderr_text
            .lines()
            .rev()
            .take(5)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join("\n");
        bail!(
            "{}: `{cmd}` failed ({status}); no file was changed\n{tail}",
            context()
        );
    }
    let mut answers: HashMap<String, String> = HashMap::new();
    for (n, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let response: MtResponse = serde_json::from_str(line).with_context(|| {
            format!(
                "{}: line {} of its output is not {{\"key\",\"text\"}} JSON; no file was changed",
                context(),
                n + 1
            )
        })?;
        if !plan.segments.iter().any(|e| e.key == response.key) {
            bail!(
                "{}: line {} answers unknown key `{}`; no file was changed",
                context(),
                n + 1,
                response.key
            );
        }
        answers.insert(response.key, response.text);
    }
    let mut filled = 0;
    for entry in &mut plan.segments {
        if entry.state == State::New
            && entry.target.is_empty()
            && let Some(text) = answers.remove(&entry.key).filter(|t| !t.is_empty())
        {
            entry.target = text;
            entry.state = State::Machine;
            filled += 1;
        }
    }
    Ok(filled)
}
