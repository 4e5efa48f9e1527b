//! Writing files so that a failure never leaves half a file: the bytes go
//! to a temporary file in the same folder, which is then renamed over the
//! target (atomic on POSIX file systems). Files are not fsync'd: a crash of
//! the machine (not of the process) may lose the latest writes, never leave
//! a half-written file in place of a whole one on journaling file systems.

use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, bail};

/// Writes `bytes` to `path` atomically, creating the parent folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create folder {}", dir.display()))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".article-").suffix(".tmp");
    // A new file gets the mode any program's new file gets (0666 less the
    // umask), not the temporary file's private 0600: a web server must be
    // able to read the pages.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    // No fsync per file: the rename makes the write atomic for every reader
    // and against the process dying at any moment, which is what a batch of
    // thousands of pages needs; syncing each file cost 2 ms a page here
    // (docs/performance.md), and the editions can always be exported again.
    temp.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    // Keep the permissions of the file being replaced.
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(temp.path(), meta.permissions());
    }
    temp.persist(path)
        .map_err(|err| err.error)
        .with_context(|| format!("cannot replace {}", path.display()))?;
    Ok(())
}

/// Locks the translation file at `path`, if it exists, for this run. The
/// lock is the operating system's (flock), so it goes away with the process,
/// even one that was killed; a second `localize` on the same file refuses
/// instead of waiting or overwriting. (A file that does not exist yet cannot
/// be locked: two runs creating it at once are caught by the check before
/// writing, which refuses to replace a file that changed since it was read.)
pub fn lock_existing(path: &Path) -> anyhow::Result<Option<std::fs::File>> {
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => {
            return Err(anyhow::Error::new(err).context(format!("cannot open {}", path.display())));
        }
    };
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => bail!(
            "another `article localize` is updating {}; run again when it has finished",
            path.display()
        ),
        Err(std::fs::TryLockError::Error(err)) => {
            Err(anyhow::Error::new(err).context(format!("cannot lock {}", path.display())))
        }
    }
}
