//! What `localize` does to a translation file, decided as data: every
//! segment of the article gets an entry; a changed source makes its entry
//! `stale` with the target kept and `previous_source` set; a segment that
//! left the article moves to `[[obsolete]]`; a new paragraph that closely
//! resembles one that left gets that one's target as a `stale` suggestion.
//!
//! No target is ever dropped: an entry leaves `[[segment]]` only to become
//! an obsolete entry or a suggestion, both of which keep its target. Entries
//! with an empty target that leave the article are dropped (nothing is lost).
//!
//! Similarity is the Sørensen–Dice coefficient over character bigrams of
//! the two texts (case-folded), with [`SIMILARITY_THRESHOLD`]. Bigrams are
//! indifferent to where in a paragraph an edit happens, cost time linear in
//! the text, and need no word segmentation (which Persian, Chinese or Thai
//! would need). On the example newsroom, a paragraph with one sentence
//! reworded scores above 0.8 against its old self, while different
//! paragraphs of the same article score below 0.5; 0.7 sits between.

use std::collections::HashSet;

use crate::segment::{Segment, SegmentKind};
use crate::translations::{Entry, State, TranslationFile};

/// How alike an old and a new paragraph must be for the old target to be
/// offered as a suggestion.
pub const SIMILARITY_THRESHOLD: f64 = 0.7;

/// Which existing table an entry continues, so its comments and layout travel with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A new table.
    New,
    /// The `[[segment]]` table with this key.
    Segment(String),
    /// The `[[obsolete]]` table with this key.
    Obsolete(String),
}

/// An entry as it will be written.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    /// The key (for obsolete entries, possibly with a `~N` suffix to stay unique).
    pub key: String,
    /// Source text.
    pub source: String,
    /// Target text.
    pub target: String,
    /// State.
    pub state: State,
    /// The source the target was made from, while stale.
    pub previous_source: Option<String>,
    /// The translator's note.
    pub note: Option<String>,
    /// Where the table comes from.
    pub origin: Origin,
}

/// The whole new content of a translation file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// `[[segment]]` tables in article order.
    pub segments: Vec<Planned>,
    /// `[[obsolete]]` tables.
    pub obsolete: Vec<Planned>,
    /// How many new segments got a suggestion from an old one.
    pub suggestions: usize,
}

/// Counts per state, as `localize` and `status` print them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Segments not yet translated.
    pub new: usize,
    /// Segments whose source changed.
    pub stale: usize,
    /// Machine-translated segments.
    pub machine: usize,
    /// Translated segments.
    pub translated: usize,
    /// Reviewed segments.
    pub reviewed: usize,
    /// Obsolete entries kept.
    pub obsolete: usize,
}

impl Plan {
    /// Counts of the planned entries.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            obsolete: self.obsolete.len(),
            ..Counts::default()
        };
        for entry in &self.segments {
            let slot = match entry.state {
                State::New => &mut counts.new,
                State::Stale => &mut counts.stale,
                State::Machine => &mut counts.machine,
                State::Translated => &mut counts.translated,
                State::Reviewed => &mut counts.reviewed,
            };
            *slot += 1;
        }
        counts
    }
}

impl Plan {
    /// Whether writing this plan into `existing` would leave the file as it
    /// is: the same entries in the same order, each continuing its own
    /// table with the same fields, and the file's own `article` and `lang`.
    /// `localize` then skips re-rendering it (most files of a large run).
    pub fn keeps(&self, existing: &TranslationFile, article: &str, lang: &str) -> bool {
        let same_field = |field: &Option<crate::article::front_matter::Text>, value: &str| {
            field.as_ref().is_some_and(|t| t.value == value)
        };
        let same = |planned: &[Planned], entries: &[Entry], obsolete: bool| {
            planned.len() == entries.len()
                && planned.iter().zip(entries).all(|(p, e)| {
                    let origin = match &p.origin {
                        Origin::Segment(key) => !obsolete && *key == e.key,
                        Origin::Obsolete(key) => obsolete && *key == e.key,
                        Origin::New => false,
                    };
                    origin
                        && p.key == e.key
                        && p.source == e.source
                        && p.target == e.target
                        && p.state == e.state
                        && p.previous_source == e.previous_source
                        && p.note == e.note
                        && (e.state_given || p.state == State::inferred(&p.target))
                })
        };
        // Rendering puts `[[segment]]` tables before `[[obsolete]]` ones and
        // ends the file with a newline; a file laid out otherwise is rewritten.
        let last_segment = existing
            .segments
            .iter()
            .filter_map(|e| e.key_span.as_ref().map(|s| s.start))
            .max();
        let first_obsolete = existing
            .obsolete
            .iter()
            .filter_map(|e| e.key_span.as_ref().map(|s| s.start))
            .min();
        let ordered = match (last_segment, first_obsolete) {
            (Some(last), Some(first)) => last < first,
            _ => true,
        };
        ordered
            && existing.file.text().ends_with('\n')
            && same_field(&existing.article, article)
            && same_field(&existing.lang, lang)
            && same(&self.segments, &existing.segments, false)
            && same(&self.obsolete, &existing.obsolete, true)
    }
}

/// Similarity of two texts in [0, 1] (see the module docs).
pub fn similarity(a: &str, b: &str) -> f64 {
    strsim::sorensen_dice(&a.to_lowercase(), &b.to_lowercase())
}

fn kept(entry: &Entry, origin: Origin) -> Planned {
    Planned {
        key: entry.key.clone(),
        source: entry.source.clone(),
        target: entry.target.clone(),
        state: entry.state,
        previous_source: entry.previous_source.clone(),
        note: entry.note.clone(),
        origin,
    }
}

/// Plans the translation file for `segments`, continuing `existing`.
pub fn plan(
    segments: &[Segment],
    existing: Option<&TranslationFile>,
    purge_obsolete: bool,
) -> Plan {
    plan_with(
        segments,
        existing,
        purge_obsolete,
        &mut Similarities::default(),
    )
}

/// Similarities already computed, by pair of texts. An article's files in
/// every language hold the same old sources, so `localize` computes each
/// pair once per article instead of once per language.
#[derive(Debug, Default)]
pub struct Similarities {
    scores: std::collections::HashMap<String, std::collections::HashMap<String, f64>>,
}

impl Similarities {
    fn of(&mut self, a: &str, b: &str) -> f64 {
        if let Some(score) = self.scores.get(a).and_then(|by_b| by_b.get(b)) {
            return *score;
        }
        let score = similarity(a, b);
        self.scores
            .entry(a.to_owned())
            .or_default()
            .insert(b.to_owned(), score);
        score
    }
}

/// [`plan`], reusing the similarities computed for other languages.
pub fn plan_with(
    segments: &[Segment],
    existing: Option<&TranslationFile>,
    purge_obsolete: bool,
    similarities: &mut Similarities,
) -> Plan {
    let empty: Vec<Entry> = Vec::new();
    let old_segments = existing.map_or(&empty, |f| &f.segments);
    let old_obsolete = existing.map_or(&empty, |f| &f.obsolete);
    let mut used_segments: HashSet<&str> = HashSet::new();
    let mut used_obsolete: HashSet<&str> = HashSet::new();
    let mut planned: Vec<Option<Planned>> = Vec::with_capacity(segments.len());
    let mut pending: Vec<usize> = Vec::new();

    for (index, segment) in segments.iter().enumerate() {
        if let Some(entry) = old_segments.iter().find(|e| e.key == segment.key) {
            used_segments.insert(&entry.key);
            planned.push(Some(continue_entry(entry, segment)));
            continue;
        }
        if let Some(entry) = old_obsolete
            .iter()
            .find(|e| e.key == segment.key && e.source == segment.text)
        {
            // A paragraph that came back: its old translation comes back too.
            used_obsolete.insert(&entry.key);
            planned.push(Some(kept(entry, Origin::Obsolete(entry.key.clone()))));
            continue;
        }
        planned.push(None);
        pending.push(index);
    }

    // Suggestions: new body segments against body entries that left.
    let candidates: Vec<(&Entry, Origin)> = old_segments
        .iter()
        .filter(|e| !used_segments.contains(e.key.as_str()))
        .map(|e| (e, Origin::Segment(e.key.clone())))
        .chain(
            old_obsolete
                .iter()
                .filter(|e| !used_obsolete.contains(e.key.as_str()))
                .map(|e| (e, Origin::Obsolete(e.key.clone()))),
        )
        .filter(|(e, _)| e.key.starts_with("body.") && !e.target.is_empty())
        .collect();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for &index in &pending {
        let Some(segment) = segments.get(index) else {
            continue;
        };
        if segment.kind != SegmentKind::Body {
            continue;
        }
        for (c, (entry, _)) in candidates.iter().enumerate() {
            let score = similarities.of(&segment.text, &entry.source);
            if score >= SIMILARITY_THRESHOLD {
                pairs.push((score, index, c));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut consumed: HashSet<usize> = HashSet::new();
    let mut suggestions = 0;
    for (_, index, c) in pairs {
        if consumed.contains(&c) || planned.get(index).is_some_and(Option::is_some) {
            continue;
        }
        let (Some(segment), Some((entry, origin))) = (segments.get(index), candidates.get(c))
        else {
            continue;
        };
        consumed.insert(c);
        suggestions += 1;
        if let Some(slot) = planned.get_mut(index) {
            *slot = Some(Planned {
                key: segment.key.clone(),
                source: segment.text.clone(),
                target: entry.target.clone(),
                state: State::Stale,
                previous_source: Some(
                    entry
                        .previous_source
                        .clone()
                        .filter(|_| entry.state == State::Stale)
                        .unwrap_or_else(|| entry.source.clone()),
                ),
                note: entry.note.clone(),
                origin: origin.clone(),
            });
        }
    }

    let segments_out: Vec<Planned> = planned
        .into_iter()
        .zip(segments)
        .map(|(slot, segment)| {
            slot.unwrap_or_else(|| Planned {
                key: segment.key.clone(),
                source: segment.text.clone(),
                target: String::new(),
                state: State::New,
                previous_source: None,
                note: None,
                origin: Origin::New,
            })
        })
        .collect();

    // Obsolete: what was obsolete and stays so, then what just left.
    let consumed_keys: HashSet<(bool, &str)> = consumed
        .iter()
        .filter_map(|c| candidates.get(*c))
        .map(|(e, origin)| (matches!(origin, Origin::Obsolete(_)), e.key.as_str()))
        .collect();
    let mut obsolete: Vec<Planned> = Vec::new();
    if !purge_obsolete {
        for entry in old_obsolete {
            if used_obsolete.contains(entry.key.as_str())
                || consumed_keys.contains(&(true, entry.key.as_str()))
            {
                continue;
            }
            obsolete.push(kept(entry, Origin::Obsolete(entry.key.clone())));
        }
        for entry in old_segments {
            if used_segments.contains(entry.key.as_str())
                || consumed_keys.contains(&(false, entry.key.as_str()))
                || entry.target.is_empty()
            {
                continue;
            }
            let mut moved = kept(entry, Origin::Segment(entry.key.clone()));
            if obsolete.iter().any(|o| o.key == moved.key) {
                if obsolete
                    .iter()
                    .any(|o| o.key == moved.key && o.target == moved.target)
                {
                    continue; // the same translation is already kept
                }
                let mut n = 2;
                while obsolete
                    .iter()
                    .any(|o| o.key == format!("{}~{n}", entry.key))
                {
                    n += 1;
                }
                moved.key = format!("{}~{n}", entry.key);
            }
            obsolete.push(moved);
        }
    }
    Plan {
        segments: segments_out,
        obsolete,
        suggestions,
    }
}

/// The entry for a segment whose key the file already has.
fn continue_entry(entry: &Entry, segment: &Segment) -> Planned {
    let origin = Origin::Segment(entry.key.clone());
    if entry.source == segment.text {
        return kept(entry, origin);
    }
    if entry.target.is_empty() {
        return Planned {
            source: segment.text.clone(),
            state: State::New,
            previous_source: None,
            ..kept(entry, origin)
        };
    }
    // The target was made from `previous_source` if it was stale already.
    let previous = match (&entry.previous_source, entry.state) {
        (Some(previous), State::Stale) => previous.clone(),
        _ => entry.source.clone(),
    };
    if previous == segment.text {
        // Changed and changed back: the target fits again.
        return Planned {
            source: segment.text.clone(),
            state: State::Translated,
            previous_source: None,
            ..kept(entry, origin)
        };
    }
    Planned {
        source: segment.text.clone(),
        state: State::Stale,
        previous_source: Some(previous),
        ..kept(entry, origin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(key: &str, text: &str) -> Segment {
        Segment {
            key: key.into(),
            kind: if key.starts_with("body.") {
                SegmentKind::Body
            } else {
                SegmentKind::Headline
            },
            text: text.into(),
            span: 0..0,
        }
    }

    fn entry(key: &str, source: &str, target: &str, state: State) -> Entry {
        Entry {
            key: key.into(),
            source: source.into(),
            target: target.into(),
            state,
            state_given: true,
            previous_source: None,
            note: None,
            target_text: None,
            key_span: None,
        }
    }

    fn file(segments: Vec<Entry>, obsolete: Vec<Entry>) -> TranslationFile {
        TranslationFile {
            file: std::sync::Arc::new(crate::source::SourceFile::new("t", None, String::new())),
            article: None,
            lang: None,
            segments,
            obsolete,
        }
    }

    #[test]
    fn changed_source_becomes_stale_and_keeps_target() {
        let old = file(
            vec![entry("headline", "Old", "Старый", State::Reviewed)],
            vec![],
        );
        let plan = plan(&[seg("headline", "New")], Some(&old), false);
        let p = &plan.segments[0];
        assert_eq!((p.state, p.target.as_str()), (State::Stale, "Старый"));
        assert_eq!(p.previous_source.as_deref(), Some("Old"));
        // Stale again: previous_source stays the one the target was made from.
        let mut again = entry("headline", "New", "Старый", State::Stale);
        again.previous_source = Some("Old".into());
        let plan = super::plan(
            &[seg("headline", "Newer")],
            Some(&file(vec![again], vec![])),
            false,
        );
        assert_eq!(plan.segments[0].previous_source.as_deref(), Some("Old"));
        // Changed back: translated again.
        let mut back = entry("headline", "New", "Старый", State::Stale);
        back.previous_source = Some("Old".into());
        let plan = super::plan(
            &[seg("headline", "Old")],
            Some(&file(vec![back], vec![])),
            false,
        );
        assert_eq!(plan.segments[0].state, State::Translated);
    }

    #[test]
    fn edited_paragraph_gets_a_suggestion_deleted_one_goes_obsolete() {
        let a = "The ferry crossed the river at dawn with forty passengers aboard.";
        let a2 = "The ferry crossed the river at dawn with forty-six passengers aboard.";
        let b = "Officials in both regions declined to comment on the fees.";
        let old = file(
            vec![
                entry("body.aaaa0001", a, "A-ru", State::Translated),
                entry("body.bbbb0002", b, "B-ru", State::Translated),
            ],
            vec![],
        );
        let plan = plan(&[seg("body.cccc0003", a2)], Some(&old), false);
        assert_eq!(plan.suggestions, 1);
        assert_eq!(plan.segments[0].state, State::Stale);
        assert_eq!(plan.segments[0].target, "A-ru");
        assert_eq!(plan.segments[0].previous_source.as_deref(), Some(a));
        assert_eq!(plan.obsolete.len(), 1);
        assert_eq!(plan.obsolete[0].target, "B-ru");
        assert!(similarity(a, b) < SIMILARITY_THRESHOLD);
    }

    #[test]
    fn purge_drops_only_obsolete() {
        let old = file(
            vec![entry("body.bbbb0002", "gone", "B-ru", State::Translated)],
            vec![entry("body.x", "older", "X", State::Translated)],
        );
        let plan = plan(&[], Some(&old), true);
        assert!(plan.obsolete.is_empty());
    }
}

#[cfg(test)]
mod properties {
    use std::sync::Arc;

    use proptest::prelude::*;

    use crate::segment::body_segments;
    use crate::source::SourceFile;
    use crate::translations::{State, parse, store};

    /// One editorial change to the list of paragraphs.
    #[derive(Debug, Clone)]
    enum Edit {
        Change(usize, String),
        Delete(usize),
        Insert(usize, String),
        Move(usize, usize),
    }

    fn word() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "ferry", "river", "council", "ticket", "bridge", "market", "winter", "ramp", "crowd",
            "signs", "talks", "fees", "Orlen", "Mirovo", "said", "on", "the", "and",
        ])
        .prop_map(str::to_owned)
    }

    fn paragraph() -> impl Strategy<Value = String> {
        prop::collection::vec(word(), 3..12).prop_map(|w| w.join(" "))
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            (any::<usize>(), paragraph()).prop_map(|(i, p)| Edit::Change(i, p)),
            any::<usize>().prop_map(Edit::Delete),
            (any::<usize>(), paragraph()).prop_map(|(i, p)| Edit::Insert(i, p)),
            (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Move(a, b)),
        ]
    }

    fn apply(paragraphs: &mut Vec<String>, edit: &Edit) {
        let n = paragraphs.len();
        match edit {
            Edit::Change(i, p) if n > 0 => {
                // Change part of a paragraph, as editors do.
                let at = i % n;
                let old = paragraphs[at].clone();
                let half = old.split(' ').take(3).collect::<Vec<_>>().join(" ");
                paragraphs[at] = format!("{half} {p}");
            }
            Edit::Delete(i) if n > 1 => {
                paragraphs.remove(i % n);
            }
            Edit::Insert(i, p) => paragraphs.insert(i % (n + 1), p.clone()),
            Edit::Move(a, b) if n > 1 => {
                let p = paragraphs.remove(a % n);
                paragraphs.insert(b % n, p);
            }
            _ => {}
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever the editor does, every target a translator ever wrote
        /// stays in the file: as a current, stale or obsolete entry.
        #[test]
        fn no_target_is_ever_lost(
            start in prop::collection::vec(paragraph(), 1..6),
            edits in prop::collection::vec(prop::collection::vec(edit(), 1..4), 1..6),
        ) {
            let mut paragraphs = start;
            let mut text: Option<String> = None;
            let mut written: Vec<String> = Vec::new();
            let mut counter = 0;
            let mut remembered = super::Similarities::default();
            for round in edits.iter().map(Some).chain(std::iter::once(None)) {
                let segments = body_segments(paragraphs.iter().map(|p| (p.as_str(), 0..0)));
                let existing = text.as_ref().map(|t| {
                    let file = Arc::new(SourceFile::new("t.toml", None, t.clone()));
                    let (tf, diags) = parse(&file);
                    assert!(diags.is_empty(), "{diags:?}\n{t}");
                    tf
                });
                let mut plan = super::plan(&segments, existing.as_ref(), false);
                // Similarities remembered from earlier rounds change nothing.
                prop_assert_eq!(
                    &super::plan_with(&segments, existing.as_ref(), false, &mut remembered),
                    &plan
                );
                // A plan that says it keeps the file renders to the same bytes.
                if let (Some(existing), Some(text)) = (&existing, &text)
                    && plan.keeps(existing, "a", "ru")
                {
                    prop_assert_eq!(&store::render(Some(text), "a", "ru", &plan).unwrap(), text);
                }
                // The translator translates whatever is new.
                for entry in &mut plan.segments {
                    if entry.target.is_empty() {
                        counter += 1;
                        entry.target = format!("T{counter}");
                        entry.state = State::Translated;
                        written.push(entry.target.clone());
                    }
                }
                let rendered = store::render(text.as_deref(), "a", "ru", &plan).unwrap();
                // Idempotent: planning again without edits changes nothing.
                let file = Arc::new(SourceFile::new("t.toml", None, rendered.clone()));
                let (tf, _) = parse(&file);
                let again = super::plan(&segments, Some(&tf), false);
                // ...and says so, so that localize skips rendering it.
                prop_assert!(again.keeps(&tf, "a", "ru"), "{}", rendered);
                prop_assert!(!again.keeps(&tf, "b", "ru") && !again.keeps(&tf, "a", "uk"));
                prop_assert_eq!(store::render(Some(&rendered), "a", "ru", &again).unwrap(), rendered.clone());
                for target in &written {
                    let kept = tf.segments.iter().chain(&tf.obsolete).any(|e| &e.target == target);
                    prop_assert!(kept, "lost {} in\n{}", target, rendered);
                }
                text = Some(rendered);
                if let Some(round) = round {
                    for edit in round {
                        apply(&mut paragraphs, edit);
                    }
                }
            }
        }
    }
}
