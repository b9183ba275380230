//! What the process sets up around a run: the pool of worker threads, clean-up on signals, and
//! a standard output that was closed before the run started.

/// The corpus's worker threads: `--threads`, or one per core, at most four per core (more only
/// cost memory and, under an address-space limit, fail to start).
pub(crate) fn worker_threads(asked: Option<usize>) -> Option<usize> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let most = 4 * cores;
    match asked {
        Some(n) if n > most => {
            eprintln!(
                "framelens: --threads {n} is more than four per core; using {most} ({cores} cores)"
            );
            Some(most)
        }
        Some(n) => Some(n.max(1)),
        None => None,
    }
}

/// Starts the worker threads of a corpus run, or says why they could not start.
pub(crate) fn start_workers(threads: Option<usize>) -> Result<(), String> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        b = b.num_threads(n);
    }
    b.build_global().map_err(|e| {
        let n = threads.map_or_else(|| "the".to_owned(), |n| n.to_string());
        format!("cannot start {n} worker threads: {e} (try a smaller --threads)")
    })
}

/// Whether `signal` is ignored (as a shell starts the background jobs of a script, for SIGINT).
pub(crate) fn ignored(signal: libc::c_int) -> bool {
    // SAFETY: sigaction with a null new action only reads the current disposition into `old`,
    // a zeroed struct of the right type.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(signal, std::ptr::null(), &mut old) == 0
            && old.sa_sigaction == libc::SIG_IGN
    }
}

/// On SIGINT, SIGTERM or SIGHUP, removes the temporary files of outputs not yet written, then
/// lets the signal end the process as it would have (so a shell sees a process the signal
/// ended, and a script's loop stops on Ctrl-C). A signal ignored when framelens starts stays
/// ignored.
pub(crate) fn clean_up_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let wanted: Vec<libc::c_int> = [SIGINT, SIGTERM, SIGHUP]
        .into_iter()
        .filter(|&s| !ignored(s))
        .collect();
    if wanted.is_empty() {
        return;
    }
    let Ok(mut signals) = signal_hook::iterator::Signals::new(wanted) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("signals".into())
        .stack_size(64 * 1024)
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                framelens::output::remove_pending();
                let _ = signal_hook::low_level::emulate_default_handler(sig);
                std::process::exit(128 + sig);
            }
        });
}

/// Whether standard output was closed when framelens started (`framelens ... >&-`). Rust's
/// runtime opens /dev/null on a closed descriptor 0, 1 or 2 before `main`, where a closed output
/// could no longer be told from `> /dev/null`; so this is read by a constructor, which the
/// loader runs first.
pub(crate) static STDOUT_CLOSED: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

#[ctor::ctor(unsafe)]
fn see_whether_stdout_is_closed() {
    // SAFETY: F_GETFD reads the descriptor's flags and changes nothing; it fails only for a
    // descriptor that is not open.
    let closed = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) } == -1;
    STDOUT_CLOSED.store(closed, std::sync::atomic::Ordering::Relaxed);
}

/// Standard output when it was closed at the start: every write fails, so that a report that
/// had nowhere to go is an error (exit 7) and not a silent success. A run that writes its report
/// with `-o` writes nothing to standard output; `corpus --summary` without `-o` still writes its
/// report there. The confirmations of the lexicon edits (`init`, `add`, `add-actor`, `remove`)
/// are dropped instead: the edit is made, and failing after it would make a retry fail on the
/// entry it added.
pub(crate) struct ClosedStdout;

impl std::io::Write for ClosedStdout {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other(
            "standard output is closed (give -o FILE to write to a file)",
        ))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
