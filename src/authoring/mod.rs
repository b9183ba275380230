//! The lexicon tools a user runs on their own files: adding and removing entries with edits that
//! re-read and check themselves ([`edit`]), quality warnings ([`lint`]), what each entry matches
//! in a text ([`inspect`]), and the actor entries to add for parties no lexicon lists
//! ([`suggest`]). They sit above the analysis, which lint and inspect run. Loading a lexicon and
//! reading foreign formats belong to [`crate::lexicon`], not here.

pub mod edit;
pub mod inspect;
pub mod lint;
pub mod suggest;
