//! Reading a report from a file or standard input, refusing what is not text; a saved
//! web page is read for its article ([`page`]).
//!
//! This is the only stage that can fail, and the only one that does I/O.

pub mod page;

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use thiserror::Error;

use crate::model::{Recoded, Source};

/// Why an input cannot be compared.
#[derive(Debug, Error)]
pub enum ReadError {
    #[error("no such file")]
    NotFound,
    #[error("is a directory")]
    IsDirectory,
    #[error("is empty")]
    Empty,
    #[error("holds only white space")]
    Blank,
    #[error(
        "is UTF-16{order}, not UTF-8 (convert it: iconv -f UTF-16{order} -t UTF-8)",
        order = if *big_endian { "BE" } else { "LE" }
    )]
    Utf16 { big_endian: bool },
    #[error("looks like a binary file (NUL byte at offset {offset})")]
    Binary { offset: usize },
    #[error("is not valid UTF-8 (invalid byte at offset {offset}; --lossy replaces bad bytes)")]
    InvalidUtf8 { offset: usize },
    #[error(
        "is a web page in {charset}, which factdiff does not read (convert it: iconv -f {charset} -t UTF-8; --lossy replaces bad bytes)"
    )]
    PageCharset { charset: String },
    #[error("is a web page with no article text: nothing but scripts, menus and page furniture")]
    NoArticle,
    #[error("is a web archive (MHTML); save the page as \"Web page, HTML only\" and try again")]
    WebArchive,
    #[error("is larger than {limit} bytes (--max-size raises the limit)")]
    TooLarge { limit: u64 },
    /// The operating system's reason, lowercased; not a `source`, so that printing the
    /// chain of causes says it once.
    #[error("{}", os_reason(.0))]
    Io(io::Error),
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> ReadError {
        ReadError::Io(e)
    }
}

/// An I/O error as a message goes on: "permission denied (os error 13)".
pub fn os_reason(e: &io::Error) -> String {
    let text = e.to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

/// The largest input read unless the caller says otherwise: 16 MiB, some thousand articles.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// How to read a report.
#[derive(Clone, Copy, Debug)]
pub struct ReadOptions {
    /// Inputs larger than this are refused, before they are read whole.
    pub max_bytes: u64,
    /// Replace invalid UTF-8 with U+FFFD instead of refusing it.
    pub lossy: bool,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            lossy: false,
        }
    }
}

/// A report as read, how many invalid byte sequences `--lossy` replaced in it, and the
/// character set it was read in when it was a page in another than UTF-8.
#[derive(Debug)]
pub struct Input {
    pub source: Source,
    pub replaced: usize,
    pub recoded: Option<&'static str>,
}

/// Reads `path` as a report labelled `label`; `-` reads standard input.
pub fn read_source(path: &str, label: String, options: ReadOptions) -> Result<Input, ReadError> {
    let bytes = if path == "-" {
        read_limited(io::stdin().lock(), options.max_bytes)?
    } else {
        read_file(Path::new(path), options.max_bytes)?
    };
    let path = (path != "-").then(|| path.to_string());
    if let Some((text, charset)) = recode(&bytes)? {
        // A page in a single-byte character set: decoded, its positions counted back.
        let (text, mut page) = page::read(text).ok_or(ReadError::NoArticle)?;
        page.recoded = Some(Recoded::new(charset, &page.html));
        return Ok(Input {
            source: Source {
                label,
                path,
                text,
                page: Some(page),
            },
            replaced: 0,
            recoded: Some(charset),
        });
    }
    let (text, replaced) = if options.lossy {
        decode_lossy(bytes)?
    } else {
        let charset = declared_charset(&bytes);
        match decode(bytes) {
            Err(ReadError::InvalidUtf8 { .. }) if charset.is_some() => {
                let charset = charset.unwrap_or_default();
                return Err(ReadError::PageCharset { charset });
            }
            result => (result?, 0),
        }
    };
    // A file named as a page is one if it opens with a tag, whatever tag it is.
    let named_page = path.as_deref().is_some_and(|p| {
        let p = p.to_ascii_lowercase();
        [".html", ".htm", ".xhtml"]
            .iter()
            .any(|ext| p.ends_with(ext))
    }) && text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<');
    let (text, page) = if named_page || page::is_page(&text) {
        let (text, page) = page::read(text).ok_or(ReadError::NoArticle)?;
        (text, Some(page))
    } else if is_web_archive(&text) {
        return Err(ReadError::WebArchive);
    } else {
        (text, None)
    };
    Ok(Input {
        source: Source {
            label,
            path,
            text,
            page,
        },
        replaced,
        recoded: None,
    })
}

/// A web page that is not UTF-8 and declares a single-byte character set
/// (windows-1252, ISO-8859-2, KOI8-R …), decoded, with the set's name; `None` for any
/// other input. Every byte of such a page is one character, so positions count back.
fn recode(bytes: &[u8]) -> Result<Option<(String, &'static str)>, ReadError> {
    let Some(label) = declared_charset(bytes) else {
        return Ok(None);
    };
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(None);
    }
    let Some(encoding) = encoding_rs::Encoding::for_label(label.as_bytes()) else {
        return Ok(None);
    };
    if !encoding.is_single_byte() {
        return Ok(None);
    }
    if let Some(big_endian) = utf16(bytes) {
        return Err(ReadError::Utf16 { big_endian });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ReadError::Binary { offset });
    }
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Ok(Some((text.into_owned(), encoding.name())))
}

/// How much of a page is looked at for the character set it declares.
const CHARSET_REACH: usize = 4096;

/// The character set a web page declares (`<meta charset="iso-8859-1">`, or the
/// `http-equiv` form), if it opens as a page and it is not UTF-8.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(CHARSET_REACH)]);
    if !page::is_page(&head) {
        return None;
    }
    let lower = head.to_ascii_lowercase();
    let at = lower.find("charset=")? + "charset=".len();
    let name: String = lower[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!name.is_empty() && name != "utf-8" && name != "utf8").then_some(name)
}

/// A page saved as a single-file web archive: a MIME message of the page and its parts.
fn is_web_archive(text: &str) -> bool {
    let head: String = text
        .lines()
        .take(20)
        .collect::<Vec<_>>()
        .join("\n")
        .to_ascii_lowercase();
    head.contains("mime-version:") && head.contains("multipart/related")
}

fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, ReadError> {
    match fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(ReadError::NotFound),
        Err(e) => return Err(e.into()),
        Ok(meta) if meta.is_dir() => return Err(ReadError::IsDirectory),
        Ok(meta) if meta.len() > max_bytes => {
            return Err(ReadError::TooLarge { limit: max_bytes });
        }
        Ok(_) => {}
    }
    read_limited(fs::File::open(path)?, max_bytes)
}

/// Reads at most `max_bytes`, refusing more: a pipe or a growing file has no size to check.
fn read_limited(input: impl Read, max_bytes: u64) -> Result<Vec<u8>, ReadError> {
    let mut buf = Vec::new();
    input
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut buf)?;
    if buf.len() as u64 > max_bytes {
        return Err(ReadError::TooLarge { limit: max_bytes });
    }
    Ok(buf)
}

/// Checks that `bytes` are a UTF-8 text with something in it besides white space and
/// returns them as a string, unchanged.
///
/// UTF-16 is named as such (see [`utf16`]); any other NUL byte marks binary data; a
/// byte-order mark is kept (positions count it).
pub fn decode(bytes: Vec<u8>) -> Result<String, ReadError> {
    if let Some(big_endian) = utf16(&bytes) {
        return Err(ReadError::Utf16 { big_endian });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ReadError::Binary { offset });
    }
    let text = String::from_utf8(bytes).map_err(|e| ReadError::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    let content = text.trim_start_matches('\u{feff}');
    if content.is_empty() {
        return Err(ReadError::Empty);
    }
    if content.trim().is_empty() {
        return Err(ReadError::Blank);
    }
    Ok(text)
}

/// How many bytes from the start [`utf16`] looks at without a byte-order mark.
const UTF16_SAMPLE: usize = 1024;
/// Fewer two-byte units than this say too little to tell UTF-16 from binary data.
const UTF16_LEAST_PAIRS: usize = 4;

/// Whether `bytes` look like UTF-16, and if so whether big-endian: by its byte-order mark,
/// or, without one, by the NUL bytes of mostly-ASCII text, every other byte and always on
/// the same side of a pair (`T\0h\0e\0` little-endian). At least three pairs in five of
/// the first kilobyte must have their NUL on one side and almost none on the other, so
/// binary data with NUL runs (`\0\0\0\0`) stays binary; a text of fewer than four
/// characters needs its byte-order mark.
fn utf16(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xff, 0xfe, ..] => return Some(false),
        [0xfe, 0xff, ..] => return Some(true),
        _ => {}
    }
    let sample = &bytes[..bytes.len().min(UTF16_SAMPLE)];
    if !sample.contains(&0) {
        return None;
    }
    let pairs = sample.len() / 2;
    if pairs < UTF16_LEAST_PAIRS {
        return None;
    }
    let (mut first, mut second) = (0, 0);
    for pair in sample.chunks_exact(2) {
        first += usize::from(pair[0] == 0);
        second += usize::from(pair[1] == 0);
    }
    let mostly = |n: usize| n * 5 >= pairs * 3;
    let hardly = |n: usize| n * 10 <= pairs;
    if mostly(second) && hardly(first) {
        Some(false)
    } else if mostly(first) && hardly(second) {
        Some(true)
    } else {
        None
    }
}

/// As [`decode`], but every invalid UTF-8 sequence becomes U+FFFD; returns how many were.
///
/// Positions then count in the repaired text, where each replacement is three bytes.
pub fn decode_lossy(bytes: Vec<u8>) -> Result<(String, usize), ReadError> {
    // UTF-16 would come out as replacement characters and NUL bytes: say what it is.
    if let Some(big_endian) = utf16(&bytes) {
        return Err(ReadError::Utf16 { big_endian });
    }
    let replaced = bytes
        .utf8_chunks()
        .filter(|chunk| !chunk.invalid().is_empty())
        .count();
    if replaced == 0 {
        return Ok((decode(bytes)?, 0));
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Ok((decode(text.into_bytes())?, replaced))
}

/// The default label for a path: its file stem (`"reports/sky.txt"` -> `"sky"`).
pub fn default_label(path: &str) -> String {
    if path == "-" {
        return "stdin".to_string();
    }
    Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_keeps_text_as_is() {
        let text = decode(b"\xef\xbb\xbfOne.\r\nTwo.".to_vec()).unwrap();
        assert_eq!(text, "\u{feff}One.\r\nTwo.");
    }

    #[test]
    fn decode_names_offset_of_invalid_byte() {
        let err = decode(b"abc\xffdef".to_vec()).unwrap_err();
        assert!(matches!(err, ReadError::InvalidUtf8 { offset: 3 }));
    }

    #[test]
    fn decode_refuses_nul_bytes_and_blank_input() {
        assert!(matches!(
            decode(b"ab\0c".to_vec()),
            Err(ReadError::Binary { offset: 2 })
        ));
        assert!(matches!(decode(b" \n\t".to_vec()), Err(ReadError::Blank)));
        assert!(matches!(
            decode(b"\xef\xbb\xbf\n".to_vec()),
            Err(ReadError::Blank)
        ));
    }

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let units = bom.then_some(0xfeff).into_iter().chain(text.encode_utf16());
        if big_endian {
            units.flat_map(u16::to_be_bytes).collect()
        } else {
            units.flat_map(u16::to_le_bytes).collect()
        }
    }

    #[test]
    fn utf16_is_named_with_its_byte_order() {
        for text in ["The dam held.\n", "Aye.", "Café “quoted” — 14 €\n"] {
            for bom in [true, false] {
                for big_endian in [false, true] {
                    let bytes = utf16(text, big_endian, bom);
                    for result in [decode(bytes.clone()).err(), decode_lossy(bytes).err()] {
                        assert!(
                            matches!(result, Some(ReadError::Utf16 { big_endian: b }) if b == big_endian),
                            "{text:?} bom {bom} be {big_endian}: {result:?}"
                        );
                    }
                }
            }
        }
        // Binary data with NUL bytes here and there is still binary.
        assert!(matches!(
            decode(b"GIF89a\0\0\x01".to_vec()),
            Err(ReadError::Binary { offset: 6 })
        ));
        assert!(matches!(
            decode(b"\0\0\0\0".to_vec()),
            Err(ReadError::Binary { offset: 0 })
        ));
    }

    #[test]
    fn white_space_alone_is_not_called_empty() {
        assert!(matches!(decode(Vec::new()), Err(ReadError::Empty)));
        assert!(matches!(
            decode(b"\xef\xbb\xbf".to_vec()),
            Err(ReadError::Empty)
        ));
        assert!(matches!(decode(b" \r\n\t".to_vec()), Err(ReadError::Blank)));
        assert!(matches!(
            decode("\u{feff}\u{a0}\n".as_bytes().to_vec()),
            Err(ReadError::Blank)
        ));
    }

    #[test]
    fn lossy_decoding_replaces_and_counts_bad_bytes() {
        let (text, replaced) = decode_lossy(b"caf\xe9 and \xff\xfe ok".to_vec()).unwrap();
        assert_eq!(text, "caf\u{fffd} and \u{fffd}\u{fffd} ok");
        assert_eq!(replaced, 3);
        assert_eq!(decode_lossy(b"fine".to_vec()).unwrap().1, 0);
        assert!(matches!(
            decode_lossy(b"a\0\xff".to_vec()),
            Err(ReadError::Binary { .. })
        ));
    }

    #[test]
    fn reading_stops_past_the_limit() {
        assert!(read_limited(&b"12345"[..], 5).is_ok());
        assert!(matches!(
            read_limited(&b"123456"[..], 5),
            Err(ReadError::TooLarge { limit: 5 })
        ));
    }

    #[test]
    fn an_io_error_is_said_once_and_in_lower_case() {
        let err = ReadError::from(io::Error::from_raw_os_error(21));
        assert_eq!(
            err.to_string(),
            io::Error::from_raw_os_error(21).to_string().to_lowercase()
        );
        assert!(std::error::Error::source(&err).is_none());
    }

    #[test]
    fn a_page_in_a_single_byte_character_set_is_decoded() {
        let page = b"<!DOCTYPE html><meta charset=\"iso-8859-1\"><p>Caf\xe9 on the quay.</p>";
        let (text, charset) = recode(page).unwrap().unwrap();
        assert_eq!(charset, "windows-1252");
        assert!(text.contains("Caf\u{e9} on the quay."));
        // UTF-8, or no declared set: not recoded.
        assert!(
            recode(b"<!DOCTYPE html><meta charset=iso-8859-1><p>Cafe</p>")
                .unwrap()
                .is_none()
        );
        assert!(recode(b"Caf\xe9").unwrap().is_none());
        // A set of more than one byte a character: not recoded here.
        assert!(
            recode(b"<!DOCTYPE html><meta charset=shift_jis><p>\x82\xa0</p>")
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn a_page_in_another_character_set_is_named_by_it() {
        let page = b"<!DOCTYPE html><html><head><meta http-equiv=Content-Type content=\"text/html; charset=iso-8859-1\"></head><body><p>Caf\xe9</p>";
        assert_eq!(declared_charset(page).as_deref(), Some("iso-8859-1"));
        assert_eq!(declared_charset(b"<html><meta charset=\"UTF-8\">"), None);
        assert_eq!(declared_charset(b"charset=latin1 in a text"), None);
    }

    #[test]
    fn default_label_is_file_stem() {
        assert_eq!(default_label("a/b/sky-news.txt"), "sky-news");
        assert_eq!(default_label("-"), "stdin");
    }
}
