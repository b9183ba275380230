//! The command line, which lives in the binary: the library never prints, never exits and never
//! builds a thread pool. [`run`] runs a validated configuration and says what to tell the user on
//! standard error; [`exit`] names every exit status.

pub mod args;
pub mod config;
pub mod exit;
pub mod manual;
pub mod process;
pub mod run;
