//! Corpus CSV reading: arbitrary bytes as a CSV file, read record by record the way `corpus`
//! reads one, with resynchronisation after each badly quoted record. Reading must end, every
//! record and every bad record must name a line that exists in the file, lines must never go
//! backwards, and progress must never pass the end of the file. The record limit is small (8 to
//! 263 bytes, set by the first byte), so that records passed over are read too.
#![no_main]

use framelens::corpus::csv_records::{CsvRecords, Next};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lines = 1 + memchr_count(data);
    let input: Box<dyn std::io::Read + Send> = Box::new(std::io::Cursor::new(data.to_vec()));
    let limit = 8 + usize::from(data.first().copied().unwrap_or(0));
    let Ok((mut records, _header)) = CsvRecords::new(input, limit) else {
        return;
    };
    let mut record = csv::ByteRecord::new();
    let mut last = 1u64;
    // Each step consumes at least one byte or ends, so more steps than bytes is a loop.
    for _ in 0..=data.len() + 1 {
        let line = match records.next(&mut record) {
            Next::End => return,
            Next::Record { line }
            | Next::Bad { line, .. }
            | Next::TooLong { line, .. }
            | Next::Failed { line, .. } => line,
        };
        assert!(line >= last, "line {line} after line {last}");
        assert!(line <= lines, "line {line} in a file of {lines} lines");
        assert!(records.byte() <= data.len() as u64, "read past the end");
        last = line;
    }
    panic!("reading did not end after {} steps", data.len() + 2);
});

fn memchr_count(data: &[u8]) -> u64 {
    data.iter().filter(|&&b| b == b'\n').count() as u64
}
