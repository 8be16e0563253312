//! Digits that are not a quantity of the report: pieces of a web address or an e-mail
//! address, of a clock time, of a version or of a model's name.
//!
//! The reading of a number stops where its digits stop; what stands around it says
//! whether it was a number at all. Each test here looks only at the characters next to
//! the reading and at the word it sits in, so it costs nothing on long sentences.

/// What marks a word as a web or e-mail address: "http://", "www.", "@", or a common
/// ending of a host or a page.
const ADDRESS_MARKS: &[&str] = &[
    "://", "www.", "@", ".com", ".org", ".net", ".gov", ".edu", ".co.", ".html", ".htm", ".php",
    ".asp", ".js",
];

/// Names of products whose number is a model or a version, not a count ("iPhone 5",
/// "Windows 8", "version 4"), written as the makers write them.
const MODEL_WORDS: &[&str] = &[
    "iPhone",
    "iPad",
    "iPod",
    "iOS",
    "Android",
    "Windows",
    "Galaxy",
    "Xbox",
    "PlayStation",
    "Explorer",
    "Firefox",
    "Kindle",
    "Nexus",
    "Lumia",
    "version",
    "Version",
];

/// Whether the number read from `start` to `end` of `text` is a misreading: digits of an
/// address ("story?id=2061565", "desk2@paper.example") or of a telephone number ("0845
/// 125 2222", "(555) 014-2210"), half of a clock time ("5:55p",
/// "07:35GMT"), glued to the letters after it ("76ers", "4x4", "720p", "10News"), part
/// of a dotted version ("4.2.1"), or the number of a model ("iPhone 5").
/// `amount` says the reading is a quantity: years and decades are left to the dates.
pub(super) fn misread(text: &str, start: usize, end: usize, amount: bool) -> bool {
    in_an_address(text, start)
        || in_a_phone_number(text, start, end)
        || amount
            && (half_a_clock(text, start, end)
                || glued_after(text, end)
                || dotted_on(text, end)
                || after_a_model(text, start))
}

/// The digits from `start` to `end` are one group of a telephone number: with the groups
/// of digits next to them (joined by a space, a hyphen, a dot or brackets), at least
/// three groups and nine digits, or a group that starts with 0 followed by another
/// ("0845 125").
///
/// ```text
/// \(?\d+\)?(?:[ .-]\(?\d+\)?){2,}  (nine digits or more), or  0\d+[ .-]\d+
/// ```
fn in_a_phone_number(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let joiner = |b: u8| matches!(b, b' ' | b'-' | b'.' | b'(' | b')');
    // Widen over digits and single joiners between digits.
    let (mut from, mut to) = (start, end);
    while from >= 2 && joiner(bytes[from - 1]) && bytes[from - 2].is_ascii_digit()
        || from >= 1 && bytes[from - 1].is_ascii_digit()
    {
        from -= 1;
    }
    while to + 1 < bytes.len() && joiner(bytes[to]) && bytes[to + 1].is_ascii_digit()
        || to < bytes.len() && bytes[to].is_ascii_digit()
    {
        to += 1;
    }
    let run = &text[from..to];
    let groups: Vec<&str> = run
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let digits: usize = groups.iter().map(|g| g.len()).sum();
    (groups.len() >= 3 && digits >= 9)
        || (groups.len() >= 2 && groups[0].len() >= 3 && groups[0].starts_with('0'))
}

/// The word (run of non-space characters) around `at` is an address.
fn in_an_address(text: &str, at: usize) -> bool {
    let from = text[..at].rfind(char::is_whitespace).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let to = text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| at + i);
    let word = text[from..to].to_ascii_lowercase();
    ADDRESS_MARKS.iter().any(|mark| word.contains(mark))
}

/// "5" or "55" of "5:55": a colon joins the digits to more digits.
fn half_a_clock(text: &str, start: usize, end: usize) -> bool {
    let before = text.as_bytes()[..start].iter().rev();
    let mut before = before.copied();
    let colon_before =
        before.next() == Some(b':') && before.next().is_some_and(|b| b.is_ascii_digit());
    let after = &text.as_bytes()[end..];
    let colon_after = after.first() == Some(&b':') && after.get(1).is_some_and(u8::is_ascii_digit);
    colon_before || colon_after
}

/// Letters right after the digits that the reading did not take as a unit: a name.
fn glued_after(text: &str, end: usize) -> bool {
    text.as_bytes()
        .get(end)
        .is_some_and(u8::is_ascii_alphabetic)
}

/// A point and more digits after the reading: "4.2" of "4.2.1".
fn dotted_on(text: &str, end: usize) -> bool {
    let after = &text.as_bytes()[end..];
    after.first() == Some(&b'.') && after.get(1).is_some_and(u8::is_ascii_digit)
}

/// The word before the number names a product: "iPhone 5", "Windows 8", "version 4.2".
fn after_a_model(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    if before.len() == start {
        return false;
    }
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    MODEL_WORDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::misread;

    /// Whether the number `number` (the first place it is written) in `text` is refused.
    fn refused(text: &str, number: &str) -> bool {
        let start = text.find(number).unwrap();
        misread(text, start, start + number.len(), true)
    }

    #[test]
    fn digits_of_an_address_are_no_number() {
        assert!(refused(
            "See www.gazette.example/2031/04/story?id=4417 for more.",
            "4417"
        ));
        assert!(refused("Write to desk7@gazette.example today.", "7"));
        assert!(refused("The page gazette.com/1.js was hit.", "1"));
        assert!(!refused("See the gazette for 4417 names.", "4417"));
    }

    #[test]
    fn digits_of_a_telephone_number_are_no_number() {
        let text = "Call the harbour line on 0845 125 2222 with news.";
        for group in ["0845", "125", "2222"] {
            assert!(refused(text, group), "{group}");
        }
        assert!(refused("Ring (555) 014-2210 tonight.", "014"));
        assert!(refused("Ring 555-014-2210 tonight.", "2210"));
        // Counts side by side, a score, a range and a year stay numbers.
        assert!(!refused("Of the 300 passengers, 12 were hurt.", "12"));
        assert!(!refused("The Colts won 20-13 at home.", "20"));
        assert!(!refused("Between 12 and 14 were hurt.", "12"));
        assert!(!refused(
            "It cost 1,250 pounds in 2031 and 15 more.",
            "1,250"
        ));
        assert!(!refused("Aged 15 - 17, they were sent home.", "15"));
    }

    #[test]
    fn a_clock_time_is_no_count() {
        assert!(refused("The vote ended at 6:15p on Friday.", "6"));
        assert!(refused("The vote ended at 6:15p on Friday.", "15"));
        assert!(refused("Lines were back by 08:40GMT.", "40"));
        assert!(!refused("The vote ended 6 to 15 on Friday.", "6"));
        assert!(!refused("The ratio was 6: 15 said no.", "15"));
    }

    #[test]
    fn digits_glued_to_letters_or_versions_are_names() {
        assert!(refused("The 54ers lost again.", "54"));
        assert!(refused("They drove a 4x4 into the shop.", "4"));
        assert!(refused("It streams in 720p.", "720"));
        assert!(refused("Install version 3.1.4 today.", "3.1"));
        assert!(!refused("They drove 4 trucks into the shop.", "4"));
        assert!(!refused("The quake measured 6.1 at dawn.", "6.1"));
    }

    #[test]
    fn the_number_of_a_model_is_no_count() {
        assert!(refused("The iPhone 7 sold out.", "7"));
        assert!(refused("Users of Windows 10 were hit.", "10"));
        assert!(refused("The fix is in version 4.2 now.", "4.2"));
        assert!(!refused("The phone sold 7 million units.", "7"));
        assert!(!refused("Windows broke in 10 homes.", "10"));
    }
}
