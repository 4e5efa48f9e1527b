//! Localized boilerplate: CLDR formatting (dates, lists, plurals, numbers)
//! and, later, the Fluent bundle stack.

pub mod bundles;
pub mod cldr;
pub mod plural;
pub mod supplied;
pub mod translit;
