//! The words around names: titles and honorifics, roles, particles, offices, days and
//! months, and the pronouns that stand for a speaker.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// Titles and honorifics that stand before a name and are not part of it.
pub const TITLES: &[&str] = &[
    "democrat",
    "republican",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "president",
    "vice",
    "prime",
    "minister",
    "chancellor",
    "sen",
    "sens",
    "senator",
    "rep",
    "reps",
    "representative",
    "gov",
    "govs",
    "governor",
    "mayor",
    "councillor",
    "councilor",
    "councilman",
    "councilwoman",
    "chairman",
    "chairwoman",
    "chair",
    "secretary",
    "general",
    "gen",
    "sir",
    "dame",
    "lord",
    "lady",
    "judge",
    "justice",
    "rev",
    "father",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "leader",
    "chief",
    "ceo",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "officer",
    "sgt",
    "capt",
    "lt",
    "col",
    "maj",
    "adm",
    "ambassador",
    "attorney",
    "director",
    "chairman",
    "commissioner",
    "inspector",
    "detective",
    "superintendent",
    "coach",
    "captain",
    "lieutenant",
    "colonel",
    "major",
    "admiral",
    "sergeant",
    "premier",
    "speaker",
    "founder",
    "editor",
    "engineer",
    "manager",
    "executive",
    "deputy",
    "acting",
    "former",
    "first",
    "lady",
];

/// Words that name a role; a description of a person is built from them ("the US president").
pub const ROLE_WORDS: &[&str] = &[
    "leader",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "minister",
    "secretary",
    "chairman",
    "chairwoman",
    "chief",
    "director",
    "engineer",
    "mayor",
    "governor",
    "senator",
    "lawmaker",
    "congressman",
    "congresswoman",
    "candidate",
    "nominee",
    "police",
    "authorities",
    "officer",
    "prosecutor",
    "prosecutors",
    "judge",
    "lawyer",
    "attorney",
    "spokesperson",
    "ceo",
    "executive",
    "founder",
    "head",
    "commander",
    "general",
    "ambassador",
    "diplomat",
    "envoy",
    "campaign",
    "company",
    "union",
    "group",
    "agency",
    "ministry",
    "department",
    "government",
    "council",
    "committee",
    "board",
    "court",
    "statement",
    "report",
    "source",
    "sources",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "organisers",
    "organizers",
    "coach",
    "player",
    "manager",
    "actor",
    "actress",
    "singer",
    "star",
    "boss",
    "owner",
    "doctor",
    "doctors",
    "scientist",
    "scientists",
    "researcher",
    "researchers",
    "professor",
    "teacher",
    "student",
    "woman",
    "man",
    "mother",
    "father",
    "wife",
    "husband",
    "daughter",
    "son",
    "administration",
    "white",
    "house",
    "press",
    "team",
    "aide",
    "aides",
    "adviser",
    "advisor",
];

/// Whether a lower-case word is one of [`ROLE_WORDS`].
pub fn is_role_word(word: &str) -> bool {
    static SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| ROLE_WORDS.iter().copied().collect());
    SET.contains(word)
}

/// Pronouns that can stand for a speaker.
pub const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];

/// Lower-case words that may join the parts of a name ("Ana de Souza", "Omar bin Ali").
pub const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "bin", "al", "da", "del", "la", "le", "of",
];

/// Places that an office is "of" before the name of who holds it ("Secretary of State
/// Ann Lee"), rather than the name of a place.
pub const OFFICES: &[&str] = &[
    "agriculture",
    "commerce",
    "defence",
    "defense",
    "education",
    "energy",
    "health",
    "homeland",
    "housing",
    "interior",
    "justice",
    "labor",
    "labour",
    "state",
    "transportation",
    "treasury",
    "veterans",
];

/// Days and months are capitalised but name nobody.
pub const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "apr",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
];

/// Whether a capitalised word is a day, a month or a time zone ("GMT", "EST").
pub fn is_calendar(word: &str) -> bool {
    static SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| CALENDAR.iter().copied().collect());
    let word = word.trim_end_matches([',', '.']);
    // "Z" alone is a letter far more often than a zone ("Jay Z").
    (word.len() > 1 && super::dates::ZONES.contains(&word))
        || in_lower_case(word, |lower| SET.contains(lower))
}

pub fn is_title(word: &str) -> bool {
    static SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| TITLES.iter().copied().collect());
    in_lower_case(word.trim_end_matches('.'), |lower| SET.contains(lower))
}

/// `test` of `word` in lower case, without allocating for a short ASCII word (most are).
pub fn in_lower_case(word: &str, test: impl FnOnce(&str) -> bool) -> bool {
    let mut buffer = [0u8; 24];
    if word.len() <= buffer.len() && word.is_ascii() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // ASCII bytes stay valid UTF-8.
        test(std::str::from_utf8(lower).unwrap_or_default())
    } else {
        test(&word.to_lowercase())
    }
}

/// Roles that, capitalised at the end of a mention, still describe a person rather than
/// end a name ("Mayor's Aide" in a headline).
pub const PERSONAL_ROLES: &[&str] = &[
    "aide",
    "aides",
    "adviser",
    "advisor",
    "lawyer",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// Roles of a body, whose description may stand for a body's name ("the agency").
pub const BODY_ROLES: &[&str] = &[
    "administration",
    "agency",
    "authorities",
    "board",
    "campaign",
    "company",
    "council",
    "committee",
    "court",
    "department",
    "government",
    "group",
    "house",
    "ministry",
    "police",
    "press",
    "report",
    "source",
    "sources",
    "statement",
    "team",
    "union",
    "white",
];

/// Words that make an office another one: a vice president is not the president.
pub const QUALIFIERS: &[&str] = &["vice", "deputy", "assistant", "former", "acting", "ex"];
