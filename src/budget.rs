//! How much a reader may take: one [`Budget`] for every file framelens reads whole (articles,
//! standard input, lexicons, summaries, dictionaries to import, source maps) and for the bodies
//! of URLs after decompression.
//!
//! A budget caps the bytes read, whatever the input is: a regular file larger than the cap is
//! refused before it is read; a FIFO, a pipe, process substitution (`<(...)`), standard input or a
//! device is read up to the cap plus one byte and then refused. Opening a FIFO waits for a writer
//! at most [`Budget::open_wait`], where a plain `open` would wait for ever.
//!
//! What it does not do: bound the time a writer that has opened a FIFO takes to send its bytes
//! (like `cat`, framelens waits for the end of the stream), or bound streams read record by
//! record (corpus mode reads its files line by line, with a cap per record).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::time::Duration;

/// The largest lexicon file read: 64 MiB (the 200,000-entry lexicon of the hostile-input tests
/// is 20 MB).
pub const LEXICON_BYTES: u64 = 64 << 20;
/// The largest corpus summary, dictionary or source map read: 1 GiB.
pub const DATA_BYTES: u64 = 1 << 30;
/// How long opening a FIFO waits for a writer by default.
pub const OPEN_WAIT: Duration = Duration::from_secs(30);

/// What a reader may take.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Bytes, after decompression.
    pub max_bytes: u64,
    /// How long opening a FIFO waits for a writer.
    pub open_wait: Duration,
}

/// Why an input could not be read within its budget.
#[derive(Debug, thiserror::Error)]
pub enum ReadFailure {
    /// The file does not exist (an I/O error of kind `NotFound`).
    #[error("no such file")]
    NotFound,
    /// The file may not be opened or read (an I/O error of kind `PermissionDenied`).
    #[error("permission denied")]
    PermissionDenied,
    /// The path is a directory, seen before reading or as an I/O error of kind `IsADirectory`.
    #[error("it is a directory")]
    Directory,
    /// Over the cap: `size` when it was known before reading (a regular file).
    #[error(
        "{}over the limit of {limit} bytes",
        .size.map_or_else(String::new, |s| format!("{s} bytes, "))
    )]
    TooLarge {
        /// The input's size in bytes when known before reading; `None` for a stream.
        size: Option<u64>,
        /// The cap in bytes (`Budget::max_bytes`).
        limit: u64,
    },
    /// A FIFO that no writer opened within `Budget::open_wait`.
    #[error("a FIFO that nothing opened for writing within {} s", .waited.as_secs_f64())]
    NoWriter {
        /// How long opening the FIFO waited (`Budget::open_wait`).
        waited: Duration,
    },
    /// Any other I/O error, or text that is not UTF-8 (`Budget::read_text`).
    #[error("{0}")]
    Io(#[source] io::Error),
}

impl From<io::Error> for ReadFailure {
    fn from(e: io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::NotFound => ReadFailure::NotFound,
            io::ErrorKind::PermissionDenied => ReadFailure::PermissionDenied,
            io::ErrorKind::IsADirectory => ReadFailure::Directory,
            _ => ReadFailure::Io(e),
        }
    }
}

impl Budget {
    /// A budget of `max_bytes` bytes that waits `OPEN_WAIT` for a FIFO's writer.
    pub fn new(max_bytes: u64) -> Budget {
        Budget {
            max_bytes,
            open_wait: OPEN_WAIT,
        }
    }

    /// Reads all of `r`, refusing it past the cap (reading at most one byte more).
    pub fn read_from(&self, r: impl Read) -> Result<Vec<u8>, ReadFailure> {
        let mut v = Vec::new();
        r.take(self.max_bytes.saturating_add(1))
            .read_to_end(&mut v)?;
        if v.len() as u64 > self.max_bytes {
            return Err(ReadFailure::TooLarge {
                size: None,
                limit: self.max_bytes,
            });
        }
        Ok(v)
    }

    /// Reads the file at `path` whole: a regular file over the cap is refused by its size, a
    /// FIFO is opened with a deadline, anything else is read up to the cap.
    pub fn read_path(&self, path: &Path) -> Result<Vec<u8>, ReadFailure> {
        let meta = std::fs::metadata(path)?;
        if meta.is_dir() {
            return Err(ReadFailure::Directory);
        }
        if meta.is_file() && meta.len() > self.max_bytes {
            return Err(ReadFailure::TooLarge {
                size: Some(meta.len()),
                limit: self.max_bytes,
            });
        }
        let file = if is_fifo(&meta) {
            open_with_deadline(path, self.open_wait)?
        } else {
            File::open(path)?
        };
        self.read_from(file)
    }

    /// [`Budget::read_path`], as UTF-8 text; invalid bytes are an `InvalidData` error that names
    /// the first of them.
    pub fn read_text(&self, path: &Path) -> Result<String, ReadFailure> {
        String::from_utf8(self.read_path(path)?).map_err(|e| {
            ReadFailure::Io(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("not valid UTF-8 (at byte {})", e.utf8_error().valid_up_to()),
            ))
        })
    }
}

#[cfg(unix)]
fn is_fifo(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_: &std::fs::Metadata) -> bool {
    false
}

/// Opens a FIFO for reading, giving up after `wait` when no writer comes. The open runs on a
/// helper thread (an `open` of a FIFO blocks until a writer opens it); a thread left waiting ends
/// with the process.
fn open_with_deadline(path: &Path, wait: Duration) -> Result<File, ReadFailure> {
    let (tx, rx) = std::sync::mpsc::channel();
    let p = path.to_owned();
    std::thread::Builder::new()
        .name("open-fifo".into())
        .stack_size(64 * 1024)
        .spawn(move || {
            let _ = tx.send(File::open(p));
        })?;
    match rx.recv_timeout(wait) {
        Ok(r) => Ok(r?),
        Err(_) => Err(ReadFailure::NoWriter { waited: wait }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_input_is_capped() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.txt");
        std::fs::write(&f, "12345").unwrap();
        let b = |n| Budget {
            max_bytes: n,
            open_wait: Duration::from_millis(100),
        };
        assert_eq!(b(5).read_path(&f).unwrap(), b"12345");
        assert_eq!(
            b(4).read_path(&f).unwrap_err().to_string(),
            "5 bytes, over the limit of 4 bytes"
        );
        assert_eq!(
            b(4).read_from(io::repeat(b'x')).unwrap_err().to_string(),
            "over the limit of 4 bytes"
        );
        assert_eq!(
            b(4).read_path(dir.path()).unwrap_err().to_string(),
            "it is a directory"
        );
        assert_eq!(
            b(4).read_path(&dir.path().join("none"))
                .unwrap_err()
                .to_string(),
            "no such file"
        );
    }

    fn mkfifo(path: &Path) {
        let made = std::process::Command::new("mkfifo").arg(path).status();
        assert!(made.unwrap().success());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_without_a_writer_is_refused_after_the_wait() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("lex.yaml");
        mkfifo(&fifo);
        let b = Budget {
            max_bytes: 100,
            open_wait: Duration::from_millis(200),
        };
        assert_eq!(
            b.read_path(&fifo).unwrap_err().to_string(),
            "a FIFO that nothing opened for writing within 0.2 s"
        );
        // With a writer, a FIFO is read, and capped like any stream (a fresh one: a thread of the
        // first read still waits on the first).
        let fifo = dir.path().join("fed.yaml");
        mkfifo(&fifo);
        let writer = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                use std::io::Write;
                let mut w = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
                let _ = w.write_all(&[b'y'; 1000]);
            })
        };
        assert_eq!(
            b.read_path(&fifo).unwrap_err().to_string(),
            "over the limit of 100 bytes"
        );
        writer.join().unwrap();
    }
}
