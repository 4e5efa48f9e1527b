//! Writing a [`Plan`] into a translation file with toml_edit, so that the
//! translator's comments, field order, quoting and blank lines survive:
//! tables are reused (moved, not rebuilt), and a value is replaced only when
//! it changes, carrying over its decor (an inline `# needs review` comment).
//! Writing the same plan twice gives the same bytes.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use crate::translations::State;
use crate::translations::merge::{Origin, Plan, Planned};

/// The start of a new translation file.
fn skeleton(article: &str, lang: &str) -> String {
    let quote = |s: &str| Value::from(s).to_string();
    format!(
        "# Translation of the article {} into {}.\n\
         # Write each `target`, then set `state = \"translated\"` (\"reviewed\" after review).\n\
         # `article localize` keeps your comments and notes when it updates this file.\n\
         article = {}\nlang = {}\n",
        quote(article).trim(),
        quote(lang).trim(),
        quote(article).trim(),
        quote(lang).trim(),
    )
}

/// Sets a string field, leaving it untouched when the value is equal and
/// keeping its comments when it changes.
fn set_str(table: &mut Table, key: &str, value: &str) {
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            if old.as_str() == Some(value) {
                return;
            }
            let decor = old.decor().clone();
            let mut new = Value::from(value);
            *new.decor_mut() = decor;
            *old = new;
        }
        _ => {
            table.insert(key, Item::Value(Value::from(value)));
        }
    }
}

/// The existing tables of one array (`[[segment]]` or `[[obsolete]]`),
/// taken out of the document so that each moves into the new file instead
/// of being copied (copied only when two entries continue the same table).
struct OldTables {
    /// Each table with its key and how many planned entries continue it.
    tables: Vec<(String, Option<Table>, usize)>,
}

impl OldTables {
    fn take_from(doc: &mut DocumentMut, name: &str, continues: &[&str]) -> OldTables {
        let mut tables: Vec<(String, Option<Table>, usize)> = match doc.remove(name) {
            Some(Item::ArrayOfTables(aot)) => aot
                .into_iter()
                .map(|t| {
                    let key = t
                        .get("key")
                        .and_then(Item::as_str)
                        .unwrap_or_default()
                        .to_owned();
                    (key, Some(t), 0)
                })
                .collect(),
            _ => Vec::new(),
        };
        for key in continues {
            if let Some(entry) = tables.iter_mut().find(|(k, _, _)| k == key) {
                entry.2 += 1;
            }
        }
        OldTables { tables }
    }

    fn take(&mut self, key: &str) -> Option<Table> {
        let (_, slot, uses) = self.tables.iter_mut().find(|(k, _, _)| k == key)?;
        *uses = uses.saturating_sub(1);
        if *uses == 0 {
            slot.take()
        } else {
            slot.clone()
        }
    }
}

/// The table for one planned entry.
fn table_for(
    planned: &Planned,
    old_segments: &mut OldTables,
    old_obsolete: &mut OldTables,
) -> Table {
    let base = match &planned.origin {
        Origin::New => None,
        Origin::Segment(key) => old_segments.take(key),
        Origin::Obsolete(key) => old_obsolete.take(key),
    };
    let fresh = base.is_none();
    let mut table = base.unwrap_or_default();
    set_str(&mut table, "key", &planned.key);
    set_str(&mut table, "source", &planned.source);
    set_str(&mut table, "target", &planned.target);
    let has_state = table.contains_key("state");
    if has_state || fresh || planned.state != State::inferred(&planned.target) {
        set_str(&mut table, "state", planned.state.name());
    }
    match &planned.previous_source {
        Some(previous) => set_str(&mut table, "previous_source", previous),
        None => {
            table.remove("previous_source");
        }
    }
    match &planned.note {
        Some(note) => set_str(&mut table, "note", note),
        None => {
            table.remove("note");
        }
    }
    table
}

/// Renders the new file text. `existing` is the file's current text, if any.
pub fn render(
    existing: Option<&str>,
    article: &str,
    lang: &str,
    plan: &Plan,
) -> Result<String, toml_edit::TomlError> {
    let mut doc: DocumentMut = match existing {
        Some(text) => text.parse()?,
        None => skeleton(article, lang).parse()?,
    };
    set_str(doc.as_table_mut(), "article", article);
    set_str(doc.as_table_mut(), "lang", lang);
    let continuing = |obsolete: bool| -> Vec<&str> {
        plan.segments
            .iter()
            .chain(&plan.obsolete)
            .filter_map(|p| match &p.origin {
                Origin::Segment(key) if !obsolete => Some(key.as_str()),
                Origin::Obsolete(key) if obsolete => Some(key.as_str()),
                _ => None,
            })
            .collect()
    };
    let mut old_segments = OldTables::take_from(&mut doc, "segment", &continuing(false));
    let mut old_obsolete = OldTables::take_from(&mut doc, "obsolete", &continuing(true));
    let mut position: isize = 1;
    let mut build = |entries: &[Planned]| -> ArrayOfTables {
        let mut aot = ArrayOfTables::new();
        for planned in entries {
            let mut table = table_for(planned, &mut old_segments, &mut old_obsolete);
            table.set_position(Some(position));
            position += 1;
            aot.push(table);
        }
        aot
    };
    let segments = build(&plan.segments);
    let obsolete = build(&plan.obsolete);
    for (name, aot) in [("segment", segments), ("obsolete", obsolete)] {
        if aot.is_empty() {
            doc.remove(name);
        } else {
            doc.insert(name, Item::ArrayOfTables(aot));
        }
    }
    let mut text = doc.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}
