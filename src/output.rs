//! Every file framelens writes: reports (`-o`), corpus summaries (`--summary`), hits tables
//! (`--hits`), starter lexicons (`lexicon init`) and edited lexicons (`lexicon add/remove`).
//!
//! What this module guarantees, for each of them:
//! - **Written whole or not at all.** The bytes go to a uniquely named temporary file created
//!   (exclusively, never through a symbolic link) in the target's folder, which is renamed over
//!   the target only when everything was written and synced ([`AtomicFile`]). A failed or
//!   interrupted run leaves the target as it was; the temporary file is removed on an error, on
//!   unwinding, and, through [`remove_pending`], on SIGINT, SIGTERM and SIGHUP. `lexicon init`,
//!   which must never replace a file, creates its file exclusively instead ([`create_new`]).
//! - **Only over a regular file.** A target that is a symbolic link, a FIFO, a device, a socket
//!   or a folder is refused ([`check_target`]): `-o /dev/null` does not replace the device, and a
//!   link planted at the target does not redirect the write.
//! - **Never over an input, never twice.** [`check_distinct`] compares device and inode (from
//!   `stat`, which opens nothing: an input that is a FIFO is not touched) of every output with
//!   every input and with every other output, and refuses an output inside a folder that is read
//!   as input.
//! - **One editor at a time.** [`lock_for_edit`] takes an advisory lock on a file for the whole
//!   read-edit-rename of an in-place edit, and waits for another framelens holding it.
//! - **No formulas in CSV.** [`neutralize_csv_cell`] prefixes a cell that a spreadsheet would
//!   read as a formula, as OWASP recommends.
//!
//! What it does not do: guard against another program writing the target or its folder while
//! framelens runs (the rename then wins over that program's write), nor lock files written whole
//! (a report written by two runs ends as one of them, never a mix).

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A file that cannot be written, or a target that is refused.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The target exists and is not a regular file.
    #[error(
        "{path}: is {what}; framelens writes only to regular files (choose another name, or `-` for standard output)"
    )]
    NotRegular {
        /// The target, as given.
        path: String,
        /// What it is instead ("a symbolic link", "a folder", "a FIFO (named pipe)", ...).
        what: &'static str,
    },
    /// The output is also read as an input.
    #[error("{path}: is also an input{}; framelens never writes over an input",
        if .input == .path { String::new() } else { format!(" (the same file as {})", .input) })]
    IsInput {
        /// The output, as given.
        path: String,
        /// The input it is the same file as, as given.
        input: String,
    },
    /// The output is inside a folder that is read as input.
    #[error("{path}: is inside the input folder {folder}; a later run would read it as an article")]
    InInputFolder {
        /// The output, as given.
        path: String,
        /// The input folder it lies in, as given.
        folder: String,
    },
    /// Two outputs are the same file.
    #[error("{path}: is given as two outputs ({first} and {second})")]
    Twice {
        /// The second output, as given.
        path: String,
        /// What names the first output ("-o", "--summary" ...).
        first: &'static str,
        /// What names the second output.
        second: &'static str,
    },
    /// The temporary file, or the target, could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The target, as given (also when writing its temporary file failed).
        path: String,
        /// The error the system gave.
        #[source]
        source: io::Error,
    },
    /// Another process holds the file's edit lock for too long.
    #[error(
        "{path}: another process has been editing it for {} s (it holds the file's lock); try again when it is done",
        .waited.as_secs()
    )]
    Locked {
        /// The file being edited.
        path: String,
        /// How long the lock was waited for.
        waited: Duration,
    },
}

impl OutputError {
    fn write(path: &Path, source: io::Error) -> OutputError {
        OutputError::Write {
            path: path.display().to_string(),
            source,
        }
    }
}

/// What kind of thing `meta` describes, for a refusal ("a symbolic link", "a FIFO" ...), or
/// `None` for a regular file.
fn special_kind(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_symlink() {
        return Some("a symbolic link");
    }
    if t.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// Refuses a target that exists and is not a regular file (a symbolic link is not followed). A
/// target that does not exist yet is accepted.
pub fn check_target(path: &Path) -> Result<(), OutputError> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) => match special_kind(&meta) {
            Some(what) => Err(OutputError::NotRegular {
                path: path.display().to_string(),
                what,
            }),
            None => Ok(()),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(OutputError::write(path, e)),
    }
}

/// The device and inode of a file, from its metadata (`None` where the platform has none).
#[cfg(unix)]
pub fn file_id(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
pub fn file_id(_: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// The device and inode of the file at `path`, links followed, without opening it.
fn id_of(path: &Path) -> Option<(u64, u64)> {
    file_id(&std::fs::metadata(path).ok()?)
}

/// One output of a run, named by the flag that gives it ("-o", "--summary" ...).
#[derive(Clone, Copy, Debug)]
pub struct Output<'a> {
    /// What names the output in messages: its flag ("-o", "--summary") or command
    /// ("lexicon init").
    pub flag: &'static str,
    /// The path given for the output.
    pub path: &'a Path,
}

/// Where a path that may not exist yet will be: its folder, made absolute and free of links, and
/// its name.
fn future_location(path: &Path) -> Option<(PathBuf, std::ffi::OsString)> {
    let name = path.file_name()?.to_owned();
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some((std::fs::canonicalize(parent).ok()?, name))
}

/// Refuses an output that is the same file as an input, lies inside an input folder, or is the
/// same file as another output. `inputs` are files and folders the run reads (paths that do not
/// exist are ignored: reading them fails on its own).
pub fn check_distinct(inputs: &[&Path], outputs: &[Output<'_>]) -> Result<(), OutputError> {
    for o in outputs {
        let Some(target) = id_of(o.path) else {
            continue;
        };
        for i in inputs {
            if id_of(i) == Some(target) {
                return Err(OutputError::IsInput {
                    path: o.path.display().to_string(),
                    input: i.display().to_string(),
                });
            }
        }
    }
    for o in outputs {
        let Some((folder, _)) = future_location(o.path) else {
            continue;
        };
        for i in inputs {
            let Ok(dir) = std::fs::canonicalize(i) else {
                continue;
            };
            if dir.is_dir() && folder.starts_with(&dir) {
                return Err(OutputError::InInputFolder {
                    path: o.path.display().to_string(),
                    folder: i.display().to_string(),
                });
            }
        }
    }
    for (n, a) in outputs.iter().enumerate() {
        for b in &outputs[n + 1..] {
            let same = match (id_of(a.path), id_of(b.path)) {
                (Some(x), Some(y)) => x == y,
                _ => future_location(a.path).is_some_and(|x| Some(x) == future_location(b.path)),
            };
            if same {
                return Err(OutputError::Twice {
                    path: b.path.display().to_string(),
                    first: a.flag,
                    second: b.flag,
                });
            }
        }
    }
    Ok(())
}

/// Temporary files not yet renamed into place, removed by [`remove_pending`] when a signal ends
/// the process (destructors do not run then).
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(|p| p.into_inner())
}

/// Removes every temporary file that an [`AtomicFile`] has not yet renamed into place. The
/// binary calls it from its SIGINT and SIGTERM handler, just before it exits.
pub fn remove_pending() {
    for p in pending().drain(..) {
        let _ = std::fs::remove_file(p);
    }
}

/// The number of temporary files waiting to be renamed into place (for tests).
pub fn pending_count() -> usize {
    pending().len()
}

/// A file written under a temporary name in the target's folder and renamed over the target by
/// [`AtomicFile::commit`]. Dropped without a commit, it removes its temporary file.
pub struct AtomicFile {
    target: PathBuf,
    tmp: Option<tempfile::NamedTempFile>,
}

impl AtomicFile {
    /// Refuses a target that is not a regular file, then creates the temporary file. A new file
    /// gets the usual permissions (0666 less the umask); a replaced file keeps its own.
    pub fn create(target: &Path) -> Result<AtomicFile, OutputError> {
        check_target(target)?;
        let name = target
            .file_name()
            .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let prefix = format!(".{name}.");
        let mut b = tempfile::Builder::new();
        b.prefix(&prefix).suffix(".framelens-tmp");
        // A new file gets 0666 less the umask; a replaced one its own mode, set again below
        // because the umask applies at creation.
        let kept = std::fs::metadata(target).ok().map(|m| m.permissions());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            b.permissions(std::fs::Permissions::from_mode(0o666));
        }
        // The list stays locked from the file's creation to its entry, so that a signal handled
        // in between still finds the file.
        let mut list = pending();
        let tmp = b
            .tempfile_in(dir)
            .map_err(|e| OutputError::write(target, e))?;
        list.push(tmp.path().to_owned());
        drop(list);
        if let Some(p) = kept {
            tmp.as_file()
                .set_permissions(p)
                .map_err(|e| OutputError::write(target, e))?;
        }
        Ok(AtomicFile {
            target: target.to_owned(),
            tmp: Some(tmp),
        })
    }

    /// The final name.
    pub fn target(&self) -> &Path {
        &self.target
    }

    fn file(&mut self) -> io::Result<&mut File> {
        self.tmp
            .as_mut()
            .map(|t| t.as_file_mut())
            .ok_or_else(|| io::Error::other("the file was already committed"))
    }

    /// Syncs the temporary file and renames it over the target (checked again: a link or a FIFO
    /// put there while the run wrote is refused, and the target is left alone).
    pub fn commit(mut self) -> Result<(), OutputError> {
        let target = self.target.clone();
        self.file()
            .and_then(|f| f.sync_all())
            .map_err(|e| OutputError::write(&target, e))?;
        check_target(&target)?;
        let Some(tmp) = self.tmp.take() else {
            return Ok(());
        };
        let path = tmp.path().to_owned();
        let result = tmp
            .persist(&target)
            .map(drop)
            .map_err(|e| OutputError::write(&target, e.error));
        forget_pending(&path);
        #[cfg(unix)]
        if result.is_ok()
            && let Some((dir, _)) = future_location(&target)
            && let Ok(d) = File::open(dir)
        {
            // Makes the rename durable; a failure does not undo it, so it is ignored.
            let _ = d.sync_all();
        }
        result
    }
}

fn forget_pending(path: &Path) {
    pending().retain(|p| p != path);
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file()?.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.file()?.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if let Some(t) = self.tmp.take() {
            // The file goes first (NamedTempFile removes it when dropped), then its entry: a
            // signal in between still finds it listed (removing it twice is harmless).
            let path = t.path().to_owned();
            drop(t);
            forget_pending(&path);
        }
    }
}

/// Writes `bytes` to `target` through an [`AtomicFile`].
pub fn write_file(target: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    let mut f = AtomicFile::create(target)?;
    f.write_all(bytes)
        .map_err(|e| OutputError::write(target, e))?;
    f.commit()
}

/// Creates `path` with `bytes`, refusing to replace anything already there (a file, or a link
/// even if it points nowhere).
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<(), io::Error> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    let r = f.write_all(bytes).and_then(|()| f.sync_all());
    if r.is_err() {
        drop(f);
        let _ = std::fs::remove_file(path);
    }
    r
}

/// An advisory lock on a file being edited in place, held until dropped.
#[derive(Debug)]
pub struct EditLock {
    file: File,
}

impl EditLock {
    /// The locked file, open for reading: it is the file now at the path.
    pub fn file(&mut self) -> &mut File {
        &mut self.file
    }
}

/// How long [`lock_for_edit`] waits for another process's edit.
pub const LOCK_WAIT: Duration = Duration::from_secs(20);

/// Locks the file at `path` for an edit: an exclusive advisory lock (`flock`), waiting up to
/// `wait` for another holder. An edit replaces the file by a rename, so a lock taken on the file
/// that was replaced meanwhile is dropped and taken again on the new one.
pub fn lock_for_edit(path: &Path, wait: Duration) -> Result<EditLock, io::Error> {
    let start = Instant::now();
    loop {
        // Open for writing too: over NFS, an exclusive lock needs a file open for writing.
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)?;
        match file.try_lock() {
            Ok(()) => {
                let held = file_id(&file.metadata()?);
                // Where files have no identity, a replaced file cannot be told apart.
                if held.is_none() || held == id_of(path) {
                    return Ok(EditLock { file });
                }
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                if start.elapsed() >= wait {
                    return Err(io::Error::new(
                        io::ErrorKind::WouldBlock,
                        LockHeld {
                            waited: start.elapsed(),
                        },
                    ));
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(e),
        }
    }
}

/// The error inside the `io::Error` of a lock that stayed held.
#[derive(Debug, thiserror::Error)]
#[error("locked by another process for {} s", .waited.as_secs())]
pub struct LockHeld {
    /// How long the lock was waited for.
    pub waited: Duration,
}

/// Turns the `io::Error` of [`lock_for_edit`] into an [`OutputError`] for `path`.
pub fn lock_error(path: &Path, e: io::Error) -> OutputError {
    match e.get_ref().and_then(|r| r.downcast_ref::<LockHeld>()) {
        Some(h) => OutputError::Locked {
            path: path.display().to_string(),
            waited: h.waited,
        },
        None => OutputError::write(path, e),
    }
}

/// A CSV cell that a spreadsheet would not run as a formula: a cell that starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a `'` in front (the OWASP rule), unless it is a
/// number ("-2", "+3.5"), which a spreadsheet reads as a number anyway.
pub fn neutralize_csv_cell(cell: &str) -> Cow<'_, str> {
    let risky = matches!(
        cell.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    if risky && cell.parse::<f64>().map_or(true, |n| !n.is_finite()) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_are_prefixed() {
        let cases = [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("-2", "-2"),
            ("+3.5", "+3.5"),
            ("-inf", "'-inf"),
            ("rebels", "rebels"),
            ("", ""),
            ("a=b", "a=b"),
        ];
        for (cell, want) in cases {
            assert_eq!(neutralize_csv_cell(cell), want, "{cell:?}");
        }
    }

    #[test]
    fn an_atomic_file_appears_only_when_committed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("r.txt");
        std::fs::write(&target, "old").unwrap();
        let mut f = AtomicFile::create(&target).unwrap();
        f.write_all(b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        drop(f);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        write_file(&target, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// A replaced file keeps its mode, group-writable included (the umask applies only to a
    /// new file).
    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("shared.yaml");
        std::fs::write(&target, "old").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o664)).unwrap();
        write_file(&target, b"new").unwrap();
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o664);
    }

    #[cfg(unix)]
    #[test]
    fn special_targets_are_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "keep").unwrap();
        let link = dir.path().join("r.txt");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let e = write_file(&link, b"x").unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "{}: is a symbolic link; framelens writes only to regular files (choose another name, or `-` for standard output)",
                link.display()
            )
        );
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        let e = write_file(dir.path(), b"x").unwrap_err();
        assert!(e.to_string().contains("is a folder"), "{e}");
    }

    #[test]
    fn outputs_must_differ_from_inputs_and_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.txt");
        std::fs::write(&input, "x").unwrap();
        let out = |flag, path| Output { flag, path };
        let e = check_distinct(&[&input], &[out("-o", &input)]).unwrap_err();
        assert!(matches!(e, OutputError::IsInput { .. }), "{e}");
        let fresh = dir.path().join("new.txt");
        let e = check_distinct(&[], &[out("-o", &fresh), out("--summary", &fresh)]).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "{}: is given as two outputs (-o and --summary)",
                fresh.display()
            )
        );
        let e = check_distinct(&[dir.path()], &[out("--hits", &fresh)]).unwrap_err();
        assert!(matches!(e, OutputError::InInputFolder { .. }), "{e}");
        let other = tempfile::tempdir().unwrap();
        let elsewhere = other.path().join("r.txt");
        check_distinct(
            &[&input, dir.path()],
            &[
                out("-o", &elsewhere),
                out("--summary", &other.path().join("s.json")),
            ],
        )
        .unwrap();
    }

    #[test]
    fn an_edit_lock_waits_for_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("lex.yaml");
        std::fs::write(&f, "labels: []\n").unwrap();
        let held = lock_for_edit(&f, LOCK_WAIT).unwrap();
        let e = lock_for_edit(&f, Duration::from_millis(50)).unwrap_err();
        assert_eq!(
            lock_error(&f, e).to_string(),
            format!(
                "{}: another process has been editing it for 0 s (it holds the file's lock); try again when it is done",
                f.display()
            )
        );
        drop(held);
        lock_for_edit(&f, Duration::from_millis(50)).unwrap();
    }
}
