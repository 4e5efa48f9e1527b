//! Source files: a file's text with the name users know it by, and the map
//! from byte offsets to the 1-based line and column that diagnostics print.

use std::ops::Range;
use std::path::{Path, PathBuf};

/// The UTF-8 byte-order mark, accepted (and dropped) at the start of a file.
const BOM: &str = "\u{feff}";

/// One file's text, decoded, with a line index.
#[derive(Debug)]
pub struct SourceFile {
    name: String,
    path: Option<PathBuf>,
    text: String,
    line_starts: Vec<usize>,
}

/// Where bytes that are not UTF-8 start, found while decoding a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidUtf8 {
    /// Byte offset (after a leading BOM was dropped) of the first bad byte.
    pub offset: usize,
    /// The file looks like UTF-16 (a UTF-16 byte order mark, or every
    /// other byte a NUL), which some editors save by default.
    pub utf16: bool,
}

impl InvalidUtf8 {
    /// What to tell a person who has to fix the file.
    pub fn help(&self) -> &'static str {
        if self.utf16 {
            "the file is saved as UTF-16: re-save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)"
        } else {
            "re-save the file as UTF-8"
        }
    }
}

/// Whether bytes look like UTF-16 text: a UTF-16 byte order mark, or NULs in
/// at least a third of the first bytes, all at even or all at odd offsets
/// (ASCII in UTF-16 is valid UTF-8, with a NUL after or before each letter).
pub fn looks_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return true;
    }
    let head = bytes.get(..bytes.len().min(256)).unwrap_or(bytes);
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    head.len() >= 4 && (even == 0 || odd == 0) && (even + odd) * 3 >= head.len()
}

impl SourceFile {
    /// A file whose text is already known to be valid UTF-8. A leading BOM is
    /// dropped; offsets count from after it.
    pub fn new(name: impl Into<String>, path: Option<PathBuf>, text: String) -> Self {
        let text = match text.strip_prefix(BOM) {
            Some(rest) => rest.to_owned(),
            None => text,
        };
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            name: name.into(),
            path,
            text,
            line_starts,
        }
    }

    /// Decodes raw bytes. Invalid UTF-8 still gives a file (decoded lossily,
    /// so diagnostics can show it) together with where the bad bytes start.
    pub fn from_bytes(
        name: impl Into<String>,
        path: Option<PathBuf>,
        bytes: Vec<u8>,
    ) -> (Self, Option<InvalidUtf8>) {
        let bytes = match bytes.strip_prefix(BOM.as_bytes()) {
            Some(rest) => rest.to_vec(),
            None => bytes,
        };
        let utf16 = looks_utf16(&bytes);
        match String::from_utf8(bytes) {
            // UTF-16 that is all ASCII is valid UTF-8, full of NULs.
            Ok(text) if utf16 => (
                SourceFile::new(name, path, text),
                Some(InvalidUtf8 { offset: 0, utf16 }),
            ),
            Ok(text) => (SourceFile::new(name, path, text), None),
            Err(err) => {
                let offset = err.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
                (
                    SourceFile::new(name, path, text),
                    Some(InvalidUtf8 { offset, utf16 }),
                )
            }
        }
    }

    /// Reads a file from disk. Fails only when the file cannot be read.
    pub fn read(path: &Path) -> std::io::Result<(Self, Option<InvalidUtf8>)> {
        let bytes = read_limited(path)?;
        Ok(SourceFile::from_bytes(
            display_path(path),
            Some(path.to_path_buf()),
            bytes,
        ))
    }

    /// The name shown in diagnostics: the path as given, or `<stdin>`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The path on disk, when the text came from one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The decoded text (without a leading BOM).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// 1-based line and column (in characters) of a byte offset. Offsets past
    /// the end, or inside a character, are clamped to the nearest boundary.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        (line.max(1), column + 1)
    }

    /// The byte range of a 1-based line, without its line ending.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next.saturating_sub(1));
        let end = end.max(start);
        let line_text = self.text.get(start..end).unwrap_or("");
        let trimmed = line_text.strip_suffix('\r').unwrap_or(line_text);
        start..start + trimmed.len()
    }

    /// Number of lines (a final line without a newline counts).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

/// The largest file `article` reads (an article, a translation file, a
/// bundle): 16 MiB, far above any real one (the longest news articles are
/// under 1 MiB), so memory stays bounded whatever lands in a folder.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a file of at most [`MAX_FILE_BYTES`]; a larger one is refused
/// with an error that says so, before it is read.
pub fn read_limited(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let file = std::fs::File::open(path)?;
    // Sized from the metadata, the read takes one system call for most
    // files instead of a series of growing ones (`take` hides the size).
    let size = file.metadata().map_or(0, |m| m.len()).min(MAX_FILE_BYTES);
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0) + 1);
    // Read one byte past the limit to know whether it was exceeded, even
    // for files whose size the metadata does not tell (pipes).
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "the file is larger than {} MiB, the most article reads",
                MAX_FILE_BYTES / 1024 / 1024
            ),
        ));
    }
    Ok(bytes)
}

/// The largest char boundary at or before `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    if offset >= text.len() {
        return text.len();
    }
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// How a path is shown to people: relative to the current folder (a
/// newsroom found by walking up gives absolute paths, and diagnostics,
/// annotations and reports should name `locales/ru/x.ftl`, or
/// `../locales/ru/x.ftl` from inside `articles/`, as the articles beside it
/// are named, not `/home/desk/news/locales/ru/x.ftl`), else as given: when
/// it shares nothing with the current folder but the root.
pub fn display_path(path: &Path) -> String {
    if path.is_absolute()
        && let Ok(cwd) = std::env::current_dir()
        && let Some(rel) = relative_to(path, &cwd)
    {
        return rel.display().to_string();
    }
    path.display().to_string()
}

/// `path` written from `base` (both absolute, without `.` or `..`), with
/// `..` steps up to their common folder; `None` when they share only the
/// root, or `path` is `base` itself.
fn relative_to(path: &Path, base: &Path) -> Option<PathBuf> {
    use std::path::Component;
    let plain = |p: &Path| {
        p.components()
            .all(|c| !matches!(c, Component::CurDir | Component::ParentDir))
    };
    if !plain(path) || !plain(base) {
        return None;
    }
    let ours: Vec<Component> = path.components().collect();
    let theirs: Vec<Component> = base.components().collect();
    let common = ours.iter().zip(&theirs).take_while(|(a, b)| a == b).count();
    // The root (and a Windows prefix) alone is nothing shared.
    let roots = ours
        .iter()
        .take_while(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
        .count();
    if common <= roots {
        return None;
    }
    let mut rel = PathBuf::new();
    for _ in common..theirs.len() {
        rel.push("..");
    }
    for part in &ours[common..] {
        rel.push(part.as_os_str());
    }
    (!rel.as_os_str().is_empty()).then_some(rel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_written_from_the_current_folder_with_dot_dot() {
        let rel = |p: &str, b: &str| relative_to(Path::new(p), Path::new(b));
        assert_eq!(rel("/n/locales/x.ftl", "/n"), Some("locales/x.ftl".into()));
        assert_eq!(
            rel("/n/locales/x.ftl", "/n/articles"),
            Some("../locales/x.ftl".into())
        );
        assert_eq!(rel("/n", "/n/a/b"), Some("../..".into()));
        assert_eq!(rel("/n", "/n"), None);
        assert_eq!(rel("/n/x", "/m/y"), None);
        assert_eq!(rel("/n/../x", "/n"), None);
    }

    #[test]
    fn lines_and_columns_are_one_based_and_count_characters() {
        let file = SourceFile::new("a.md", None, "ab\nдва x\r\nlast".into());
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(3), (2, 1));
        // "два " is 7 bytes; 'x' is the 5th character.
        assert_eq!(file.line_col(3 + 7), (2, 5));
        assert_eq!(file.line_col(file.text().len()), (3, 5));
        assert_eq!(&file.text()[file.line_range(2)], "два x");
        assert_eq!(file.line_count(), 3);
    }

    #[test]
    fn bom_is_dropped_and_invalid_utf8_is_located() {
        let (file, bad) = SourceFile::from_bytes("a", None, b"\xef\xbb\xbfok\n\xffno".to_vec());
        assert_eq!(
            bad,
            Some(InvalidUtf8 {
                offset: 3,
                utf16: false
            })
        );
        assert!(file.text().starts_with("ok\n"));
        assert_eq!(file.line_col(3), (2, 1));
    }

    #[test]
    fn utf16_is_recognised_with_or_without_a_byte_order_mark() {
        let utf16 = |text: &str, bom: &[u8], le: bool| {
            let mut bytes = bom.to_vec();
            for unit in text.encode_utf16() {
                let pair = if le {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                };
                bytes.extend_from_slice(&pair);
            }
            SourceFile::from_bytes("a.md", None, bytes).1
        };
        for (bom, le) in [
            (&[0xff, 0xfe][..], true),
            (&[0xfe, 0xff][..], false),
            (&[][..], true),
            (&[][..], false),
        ] {
            let bad = utf16("+++\nid = \"a\"\n+++\nBody\n", bom, le).expect("refused");
            assert!(bad.utf16, "{bom:?} {le}");
            assert!(bad.help().contains("UTF-16"));
        }
        assert_eq!(
            SourceFile::from_bytes("a.md", None, b"plain\n".to_vec()).1,
            None
        );
        let bad = SourceFile::from_bytes("a.md", None, b"ok\n\xff".to_vec())
            .1
            .unwrap();
        assert!(!bad.utf16);
    }
}
