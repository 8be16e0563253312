//! Reading a report from a file or standard input, refusing what is not text.
//!
//! This is the only stage that can fail, and the only one that does I/O.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use thiserror::Error;

use crate::model::Source;

/// Why an input cannot be compared.
#[derive(Debug, Error)]
pub enum ReadError {
    #[error("no such file")]
    NotFound,
    #[error("is a directory")]
    IsDirectory,
    #[error("is empty")]
    Empty,
    #[error("looks like a binary file (NUL byte at offset {offset})")]
    Binary { offset: usize },
    #[error("is not valid UTF-8 (invalid byte at offset {offset})")]
    InvalidUtf8 { offset: usize },
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// Reads `path` as a report labelled `label`; `-` reads standard input.
pub fn read_source(path: &str, label: String) -> Result<Source, ReadError> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        io::stdin().lock().read_to_end(&mut buf)?;
        buf
    } else {
        read_file(Path::new(path))?
    };
    let text = decode(bytes)?;
    let path = (path != "-").then(|| path.to_string());
    Ok(Source { label, path, text })
}

fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    match fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(ReadError::NotFound),
        Err(e) => return Err(e.into()),
        Ok(meta) if meta.is_dir() => return Err(ReadError::IsDirectory),
        Ok(_) => {}
    }
    Ok(fs::read(path)?)
}

/// Checks that `bytes` are a non-empty UTF-8 text and returns them as a string, unchanged.
///
/// A NUL byte marks binary data; a byte-order mark is kept (positions count it).
pub fn decode(bytes: Vec<u8>) -> Result<String, ReadError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ReadError::Binary { offset });
    }
    let text = String::from_utf8(bytes).map_err(|e| ReadError::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(text)
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
        assert!(matches!(decode(b" \n\t".to_vec()), Err(ReadError::Empty)));
        assert!(matches!(
            decode(b"\xef\xbb\xbf\n".to_vec()),
            Err(ReadError::Empty)
        ));
    }

    #[test]
    fn default_label_is_file_stem() {
        assert_eq!(default_label("a/b/sky-news.txt"), "sky-news");
        assert_eq!(default_label("-"), "stdin");
    }
}
