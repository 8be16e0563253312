//! The words around names: titles and honorifics, roles, particles, offices, days and
//! months, the pronouns that stand for a speaker, and the descriptions of a name made of
//! them ("North Korean leader", "the mayor of Kelso, Dana Whitcombe").

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

/// Whether a name comes just after an office and "of" ("the mayor of Kelso"): a place.
pub fn office_of(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    words.next() == Some("of")
        && words
            .next()
            .is_some_and(|w| is_title(w) || is_role_word(&w.to_lowercase()))
}

/// "The mayor of Kelso, Dana Whitcombe": the words of the office before its place and a
/// comma, when they name a role.
pub fn apposition_before(before: &str) -> Vec<String> {
    let Some(rest) = before.trim_end().strip_suffix(',') else {
        return Vec::new();
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    let place = words
        .iter()
        .rev()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .count();
    let of = words.len() - place;
    let described = if place == 0 {
        return role_before_comma(&words);
    } else if place > 4 || of == 0 || words[of - 1] != "of" {
        return Vec::new();
    } else {
        description_before(&words[..of - 1].join(" "))
    };
    if described.iter().any(|w| is_role_word(w)) {
        described
    } else {
        Vec::new()
    }
}

/// "Lee's lawyer, Tom Reyes": the roles just before the comma, when what opens them is
/// an owner or an article ("his opponent for president, Ann Lee" names no president).
pub fn role_before_comma(words: &[&str]) -> Vec<String> {
    let lower = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let roles = words
        .iter()
        .rev()
        .take_while(|w| is_role_word(&lower(w)))
        .count();
    let opener = words[..words.len() - roles].last();
    let opens = opener.is_none_or(|w| {
        crate::text::fold::possessive(w).is_some()
            || matches!(
                lower(w).as_str(),
                "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our"
            )
    });
    if roles == 0 || !opens {
        return Vec::new();
    }
    words[words.len() - roles..]
        .iter()
        .map(|w| lower(w))
        .collect()
}

/// "Dana Whitcombe, the mayor of Kelso, said": the role given just after a name, up to
/// "of" or the like, when it names one.
pub fn apposition_after(after: &str) -> Vec<String> {
    let Some(rest) = after.strip_prefix(',') else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // It ends in the role, at a mark or a preposition, not in a verb ("Rep. Lee, attorney
    // says").
    let mut ended = false;
    for w in rest.split_whitespace().take(5) {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let article = matches!(bare.as_str(), "the" | "a" | "an");
        let ends = matches!(
            bare.as_str(),
            "of" | "for" | "at" | "in" | "with" | "from" | "who"
        );
        if ends || (w.starts_with(char::is_uppercase) && !article) {
            ended = true;
            break;
        }
        if !article && !bare.is_empty() {
            out.push(bare);
        }
        if w.ends_with([',', '.', ';', ':']) {
            ended = true;
            break;
        }
    }
    if ended && out.last().is_some_and(|w| is_role_word(w)) {
        out
    } else {
        Vec::new()
    }
}

/// "Ann Lee has become the first serving US president": the role a name is said to hold, by
/// a verb of being just after it, up to the role word (within six words, none a verb).
pub fn predicate_after(after: &str) -> Vec<String> {
    let rest = after.trim_start();
    let Some(rest) = [
        "is ",
        "was ",
        "has become ",
        "became ",
        "has been ",
        "remains ",
        "is now ",
    ]
    .iter()
    .find_map(|v| rest.strip_prefix(v)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut words = rest.split_whitespace();
    let Some(first) = words.next() else {
        return Vec::new();
    };
    if !matches!(first, "the" | "a" | "an") {
        return Vec::new();
    }
    for w in words.take(6) {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if bare.is_empty() || matches!(bare.as_str(), "of" | "to" | "in" | "and" | "who") {
            break;
        }
        out.push(bare.clone());
        if is_role_word(&bare) {
            return out;
        }
        if w.ends_with([',', '.', ';', ':']) {
            break;
        }
    }
    Vec::new()
}

/// Up to four lower-case words of description just before a name ("North Korean leader").
///
/// Capitalised words belong to it before a role ("North Korean leader"), not after another
/// word: in "President Ann Lee met Tom Reyes", Tom Reyes is not described as president.
pub fn description_before(before: &str) -> Vec<String> {
    let mut plain = false;
    before
        .split_whitespace()
        .rev()
        .take(4)
        .take_while(|w| !w.ends_with([',', '.', ';', ':', '"', '”']))
        .take_while(move |w| {
            let capital = w.starts_with(char::is_uppercase);
            let ends = capital && plain;
            plain |= !capital && !is_role_word(&w.to_lowercase());
            !ends
        })
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && !matches!(w.as_str(), "the" | "a" | "an" | "with" | "by"))
        .collect()
}
