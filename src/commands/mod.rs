//! The commands, one module each. Each takes an options struct and returns
//! a report; printing and exit codes belong to the binary.

pub mod check;
pub mod export;
pub mod localize;
pub mod status;
