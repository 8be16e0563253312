//! The layout of `src/` keeps the shape of the pipeline: every import points down it (or
//! into the foundation, `model` and `text`), no file imports itself round a circle, and
//! no file or function grows past what a reader takes in.
//!
//! The imports are read from the source as text: `crate::` and `super::` paths, and the
//! child modules a file declares and names (`facts::compare`). Unit tests (`#[cfg(test)]
//! mod tests`) are left out: a test may run the whole pipeline.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::util::root;

/// The stages from the foundation up: a file may import from its own stage and those
/// before it. `model` is the types between stages, `text` the words every stage reads.
const STAGES: &[&str] = &[
    "model", "text", "read", "clean", "segment", "extract", "align", "judge", "compare", "render",
    "learn", "lib",
];

/// Most lines of code a file may hold, its unit tests left out.
const MAX_FILE_LINES: usize = 800;
/// Most lines a function may span.
const MAX_FUNCTION_LINES: usize = 80;

/// A source file: its path under `src/` (without `.rs`, `mod` dropped) and its code
/// without the unit tests.
struct Source {
    module: String,
    code: String,
}

fn sources() -> Vec<Source> {
    let src = root().join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(&src).unwrap().with_extension("");
            let mut module = relative.to_string_lossy().replace('\\', "/");
            if let Some(parent) = module.strip_suffix("/mod") {
                module = parent.to_string();
            }
            let text = fs::read_to_string(&path).unwrap();
            Source {
                module,
                code: without_tests(&text),
            }
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The text before `#[cfg(test)]` opening a `mod tests`, which by the project's habit ends
/// the file.
fn without_tests(text: &str) -> String {
    let mut lines = Vec::new();
    let mut previous = "";
    for line in text.lines() {
        if previous.trim() == "#[cfg(test)]" && line.trim_start().starts_with("mod tests") {
            lines.pop();
            break;
        }
        lines.push(line);
        previous = line;
    }
    lines.join("\n")
}

/// The lines that hold code: neither blank nor only a comment.
fn code_lines(code: &str) -> impl Iterator<Item = &str> {
    code.lines().filter(|l| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with("//")
    })
}

/// Every module path `code` refers to (`crate::align::Idf` -> `align/Idf`), resolved
/// against the modules that exist, from the file `module`.
fn imports(module: &str, code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let children: BTreeSet<&str> = code_lines(code)
        .filter_map(|l| {
            let l = l.trim().strip_prefix("pub ").unwrap_or(l.trim());
            l.strip_prefix("mod ")?.strip_suffix(';')
        })
        .collect();
    let mut found = BTreeSet::new();
    for line in code_lines(code) {
        // A path is a run of identifier characters and `::`, starting at `crate::`,
        // `super::` or a child module's name.
        let paths = line
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .filter(|run| run.contains("::"));
        for path in paths {
            let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            if let Some(target) = resolve(module, &segments, &children, modules)
                && target != module
            {
                found.insert(target);
            }
        }
    }
    found
}

/// The module a path names, from the file `module`: the longest prefix of the path that is
/// a module.
fn resolve(
    module: &str,
    segments: &[&str],
    children: &BTreeSet<&str>,
    modules: &BTreeSet<String>,
) -> Option<String> {
    let (mut base, rest): (Vec<String>, &[&str]) = match segments.first()? {
        &"crate" => (Vec::new(), &segments[1..]),
        &"super" => {
            let mut base: Vec<String> = module.split('/').map(str::to_string).collect();
            let mut rest = segments;
            while rest.first() == Some(&"super") {
                // A file's own module is its path; `mod.rs` and `foo.rs` alike hold the
                // module of their path, so `super` is one step up from it.
                base.pop();
                rest = &rest[1..];
            }
            (base, rest)
        }
        first if children.contains(first) => {
            let base: Vec<String> = module.split('/').map(str::to_string).collect();
            (base, segments)
        }
        _ => return None,
    };
    // The longest prefix that is a module; a name after it is an item of that module.
    let mut best = (!base.is_empty() && modules.contains(&base.join("/"))).then(|| base.join("/"));
    for segment in rest {
        base.push(segment.to_string());
        let candidate = base.join("/");
        if !modules.contains(&candidate) {
            break;
        }
        best = Some(candidate);
    }
    // An item of the crate's root (`crate::inspect`) is the library's.
    best.or_else(|| (segments[0] == "crate").then(|| "lib".to_string()))
}

/// The stage of a module: its rank in [`STAGES`].
fn stage(module: &str) -> usize {
    let named = |name: &str| module == name || module.starts_with(&format!("{name}/"));
    STAGES
        .iter()
        .position(|s| named(s))
        .unwrap_or_else(|| panic!("src/{module}.rs belongs to no stage: add it to STAGES"))
}

/// The import graph of `src/`, module by module.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let sources = sources();
    let modules: BTreeSet<String> = sources.iter().map(|s| s.module.clone()).collect();
    sources
        .iter()
        .map(|s| (s.module.clone(), imports(&s.module, &s.code, &modules)))
        .collect()
}

#[test]
fn imports_point_down_the_pipeline() {
    let mut up = Vec::new();
    for (from, targets) in graph() {
        for to in targets {
            if stage(&to) > stage(&from) {
                up.push(format!("src/{from} imports src/{to}"));
            }
        }
    }
    assert!(
        up.is_empty(),
        "imports that run back up the pipeline ({}):\n{}",
        STAGES.join(" < "),
        up.join("\n")
    );
}

#[test]
fn no_file_imports_itself_round_a_circle() {
    let graph = graph();
    // Depth-first search; a grey node met again closes a circle.
    #[derive(Clone, Copy, PartialEq)]
    enum Colour {
        White,
        Grey,
        Black,
    }
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        colour: &mut BTreeMap<String, Colour>,
        path: &mut Vec<String>,
        circles: &mut Vec<String>,
    ) {
        colour.insert(node.to_string(), Colour::Grey);
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            match colour.get(next).copied().unwrap_or(Colour::White) {
                Colour::White => visit(next, graph, colour, path, circles),
                Colour::Grey => {
                    let from = path.iter().position(|p| p == next).unwrap();
                    circles.push(format!("{} -> {next}", path[from..].join(" -> ")));
                }
                Colour::Black => {}
            }
        }
        path.pop();
        colour.insert(node.to_string(), Colour::Black);
    }
    let mut colour = BTreeMap::new();
    let mut circles = Vec::new();
    for node in graph.keys() {
        if colour.get(node).copied().unwrap_or(Colour::White) == Colour::White {
            visit(node, &graph, &mut colour, &mut Vec::new(), &mut circles);
        }
    }
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
}

#[test]
fn files_and_functions_stay_small() {
    let mut too_big = Vec::new();
    for source in sources() {
        let lines = code_lines(&source.code).count();
        if lines > MAX_FILE_LINES {
            too_big.push(format!("src/{}: {lines} lines of code", source.module));
        }
        for (name, length) in functions(&source.code) {
            if length > MAX_FUNCTION_LINES {
                too_big.push(format!(
                    "src/{}: fn {name} spans {length} lines",
                    source.module
                ));
            }
        }
    }
    assert!(
        too_big.is_empty(),
        "at most {MAX_FILE_LINES} lines of code a file and {MAX_FUNCTION_LINES} a function:\n{}",
        too_big.join("\n")
    );
}

/// Each function of `code` with the lines it spans, from `fn` to its closing brace at the
/// same indent (rustfmt's layout).
fn functions(code: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let signature = trimmed
            .trim_start_matches("pub ")
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("const ");
        let Some(after) = signature.strip_prefix("fn ") else {
            i += 1;
            continue;
        };
        let name: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        // The body opens where the signature ends; a signature ending in `;` has none.
        let mut open = i;
        while open < lines.len()
            && !lines[open].trim_end().ends_with('{')
            && !lines[open].trim_end().ends_with(';')
        {
            open += 1;
        }
        if open >= lines.len() || lines[open].trim_end().ends_with(';') {
            i = open + 1;
            continue;
        }
        let close = (open + 1..lines.len())
            .find(|&k| {
                let l = lines[k];
                l.len() - l.trim_start().len() == indent && l.trim_start().starts_with('}')
            })
            .unwrap_or(lines.len() - 1);
        found.push((name, close - i + 1));
        i = close + 1;
    }
    found
}

#[test]
fn the_checks_read_paths_as_rust_does() {
    let modules: BTreeSet<String> = ["compare", "compare/facts", "align", "model", "model/key"]
        .map(String::from)
        .into();
    let code = "mod facts;\nuse crate::align::{Idf, Link};\nuse crate::model::Pair;\n\
                fn f() { facts::compare(); crate::model::key::Key::new(\"a\"); }";
    let found = imports("compare", code, &modules);
    assert_eq!(
        found,
        ["align", "compare/facts", "model", "model/key"]
            .map(String::from)
            .into()
    );
    let up = imports("compare/facts", "use super::EQUIVALENT;", &modules);
    assert_eq!(up, ["compare"].map(String::from).into());
    assert_eq!(
        functions("fn a() {\n    x();\n}\n\npub fn b(\n    y: u8,\n) -> u8 {\n    y\n}\n"),
        [("a".to_string(), 3), ("b".to_string(), 5)]
    );
    assert_eq!(
        without_tests("fn a() {}\n#[cfg(test)]\nmod tests {\n}\n"),
        "fn a() {}"
    );
}
