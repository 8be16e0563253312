//! The factdiff command: flags, files, the terminal, exit codes. Everything else is the
//! library's.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};

use factdiff::model::{Only, Source};
use factdiff::read::{DEFAULT_MAX_BYTES, ReadOptions, default_label, read_source};
use factdiff::render::{self, Format, Layout, MIN_WIDTH};

/// Exit statuses, as `diff` has them.
mod exit {
    pub const SAME: u8 = 0;
    pub const DIFFERENT: u8 = 1;
    pub const TROUBLE: u8 = 2;
}

const EXAMPLES: &str = "\
Examples:
  factdiff sky.txt abc.txt                  side by side in the terminal
  factdiff sky.txt abc.txt --format json    the comparison as JSON
  factdiff sky.txt abc.txt --format review -o review.md
                                            a Markdown fact-check checklist
  factdiff sky.txt abc.txt --format html -o report.html
                                            a page to read and review in a browser
  curl -s URL | factdiff - abc.txt --left-label Sky
  factdiff inspect sky.txt                  how factdiff reads one report

Exit status: 0 the reports tell the same facts, 1 they differ, 2 trouble.";

/// Compare how two news outlets report the same event: which facts and quotes they share,
/// where they conflict, and what only one of them says.
#[derive(Parser, Debug)]
#[command(version, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// The left report (a text file, or - for standard input)
    #[arg(value_name = "LEFT", required = true)]
    left: Option<String>,

    /// The right report (a text file, or - for standard input)
    #[arg(value_name = "RIGHT", required = true)]
    right: Option<String>,

    /// Name of the left outlet [default: the file name without extension]
    #[arg(long, value_name = "NAME")]
    left_label: Option<String>,

    /// Name of the right outlet [default: the file name without extension]
    #[arg(long, value_name = "NAME")]
    right_label: Option<String>,

    /// Show only these items, in any format (comma-separated; any of them)
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND")]
    only: Vec<OnlyArg>,

    #[command(flatten)]
    input: InputArgs,

    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Show how factdiff reads one report: its sentences, quotations with their speakers, and
    /// what it dropped as boilerplate
    Inspect {
        /// The report (a text file, or - for standard input)
        file: String,

        /// Name of the outlet [default: the file name without extension]
        #[arg(long, value_name = "NAME")]
        label: Option<String>,

        #[command(flatten)]
        input: InputArgs,

        #[command(flatten)]
        output: OutputArgs,
    },
}

#[derive(Args, Debug)]
struct InputArgs {
    /// Refuse inputs larger than SIZE bytes (suffixes K, M, G) [default: 16M]
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_size: Option<u64>,

    /// Replace invalid UTF-8 with U+FFFD instead of refusing the input (says how many)
    #[arg(long)]
    lossy: bool,
}

impl InputArgs {
    fn options(&self) -> ReadOptions {
        ReadOptions {
            max_bytes: self.max_size.unwrap_or(DEFAULT_MAX_BYTES),
            lossy: self.lossy,
        }
    }
}

/// "500K", "16M", "1G" or plain bytes.
fn parse_size(arg: &str) -> Result<u64, String> {
    let arg = arg.trim();
    let (digits, factor) = match arg.char_indices().last() {
        Some((i, 'k' | 'K')) => (&arg[..i], 1 << 10),
        Some((i, 'm' | 'M')) => (&arg[..i], 1 << 20),
        Some((i, 'g' | 'G')) => (&arg[..i], 1 << 30),
        _ => (arg, 1),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("'{arg}' is not a size such as 500K, 16M or 1048576"))
}

#[derive(Args, Debug)]
struct OutputArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,

    /// Write the output to FILE instead of standard output (whole or not at all)
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Show why each pair of sentences was paired: the learned probability and the
    /// evidence behind it (text, html and json)
    #[arg(long)]
    explain: bool,

    /// Width of the text view, the summary and inspect, in columns [default: the terminal's,
    /// or 100]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(MIN_WIDTH as i64..))]
    width: Option<u16>,

    #[command(flatten)]
    color: colorchoice_clap::Color,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    /// Side-by-side columns
    Text,
    /// Machine-readable comparison (see CONTRACT.md)
    Json,
    /// Markdown fact-check checklist: conflicts, single-source claims, corroborated facts
    Review,
    /// A few lines: the counts and the top conflicts
    Summary,
    /// A self-contained HTML page to read, filter and review in a browser
    Html,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Text => Format::Text,
            FormatArg::Json => Format::Json,
            FormatArg::Review => Format::Review,
            FormatArg::Summary => Format::Summary,
            FormatArg::Html => Format::Html,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum OnlyArg {
    /// Facts and quotations the outlets disagree on
    Diverge,
    /// Sentences and quotations only the left report has
    OnlyLeft,
    /// Sentences and quotations only the right report has
    OnlyRight,
    /// Quotations: matched, only in one outlet, and the rows that hold them
    Quotes,
}

impl From<OnlyArg> for Only {
    fn from(o: OnlyArg) -> Only {
        match o {
            OnlyArg::Diverge => Only::Diverge,
            OnlyArg::OnlyLeft => Only::OnlyLeft,
            OnlyArg::OnlyRight => Only::OnlyRight,
            OnlyArg::Quotes => Only::Quotes,
        }
    }
}

/// Used when the output is not a terminal and no `--width` is given.
const DEFAULT_WIDTH: usize = 100;

fn main() -> ExitCode {
    // The main thread works in the pool rather than waiting for it: one thread fewer to
    // start, and no thread idle beside the work on a small input. A pool that cannot be
    // set up this way is left as it is. It is set up first, while no other work competes
    // for the cores: a thread started beside busy ones can wait a time slice to run.
    let _ = rayon::ThreadPoolBuilder::new()
        .use_current_thread()
        .build_global();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) if is_broken_pipe(&err) => ExitCode::from(exit::SAME),
        Err(err) => {
            eprintln!("factdiff: {err:#}");
            ExitCode::from(exit::TROUBLE)
        }
    }
}

fn run(cli: Cli) -> Result<u8> {
    if let Some(Command::Inspect {
        file,
        label,
        input,
        output,
    }) = cli.command
    {
        if matches!(output.format, FormatArg::Html) {
            bail!("inspect prints text or json; --format html compares two reports");
        }
        refuse_overwriting(&output, &[&file])?;
        let label = label.unwrap_or_else(|| default_label(&file));
        let doc = factdiff::inspect(read(&file, label, input.options())?);
        emit(&output, |format, layout, out| {
            render::document(&doc, format, layout, out)
        })?;
        return Ok(exit::SAME);
    }
    let (left, right) = (
        cli.left.expect("clap requires LEFT"),
        cli.right.expect("clap requires RIGHT"),
    );
    if left == "-" && right == "-" {
        bail!("only one side can be read from standard input");
    }
    refuse_overwriting(&cli.output, &[&left, &right])?;
    let left_label = cli.left_label.unwrap_or_else(|| default_label(&left));
    let right_label = cli.right_label.unwrap_or_else(|| default_label(&right));
    let options = cli.input.options();
    let (left, right) = (
        read(&left, left_label, options)?,
        read(&right, right_label, options)?,
    );
    let mut report = factdiff::compare(left, right);
    // The exit status speaks of the reports, not of the part shown.
    let code = if report.has_differences() {
        exit::DIFFERENT
    } else {
        exit::SAME
    };
    let only: Vec<Only> = cli.only.into_iter().map(Only::from).collect();
    report.narrow(&only);
    emit(&cli.output, |format, layout, out| {
        render::report(&report, format, layout, out)
    })?;
    // The process ends now; freeing a long report token by token would only take time.
    std::mem::forget(report);
    Ok(code)
}

fn read(path: &str, label: String, options: ReadOptions) -> Result<Source> {
    let shown = if path == "-" { "standard input" } else { path };
    let input =
        read_source(path, label, options).with_context(|| format!("cannot read '{shown}'"))?;
    if input.replaced > 0 {
        eprintln!(
            "factdiff: '{shown}': replaced {} invalid UTF-8 sequence{} with U+FFFD",
            input.replaced,
            if input.replaced == 1 { "" } else { "s" }
        );
    }
    Ok(input.source)
}

/// Refuses an output file that is one of the inputs: the report would be lost.
fn refuse_overwriting(output: &OutputArgs, inputs: &[&str]) -> Result<()> {
    let Some(out) = output.output.as_deref() else {
        return Ok(());
    };
    let Ok(out) = std::fs::canonicalize(out) else {
        return Ok(()); // it does not exist yet, so it is no input
    };
    for input in inputs.iter().filter(|p| **p != "-") {
        if std::fs::canonicalize(input).is_ok_and(|p| p == out) {
            bail!("refusing to write the output over the input '{input}'");
        }
    }
    Ok(())
}

/// Renders to standard output or, with `--output`, to a file that appears whole or not at all.
fn emit(
    args: &OutputArgs,
    print: impl Fn(Format, Layout, &mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    args.color.write_global();
    let format = Format::from(args.format);
    match &args.output {
        None => {
            let stdout = io::stdout();
            let color = anstream::AutoStream::choice(&stdout) != anstream::ColorChoice::Never;
            let layout = Layout {
                width: width(args, stdout.is_terminal()),
                color,
                date: today(),
                explain: args.explain,
            };
            let mut out = io::BufWriter::new(stdout.lock());
            print(format, layout, &mut out)?;
            out.flush()?;
        }
        Some(path) => {
            let color = colorchoice::ColorChoice::global() == colorchoice::ColorChoice::Always;
            let layout = Layout {
                width: width(args, false),
                color,
                date: today(),
                explain: args.explain,
            };
            write_whole(path, |out| print(format, layout, out))
                .with_context(|| format!("cannot write '{}'", path.display()))?;
        }
    }
    Ok(())
}

/// Today's date (UTC), or the date of `SOURCE_DATE_EPOCH` when set, for reproducible output.
fn today() -> Option<jiff::civil::Date> {
    let now = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(seconds) => jiff::Timestamp::from_second(seconds.trim().parse().ok()?).ok()?,
        Err(_) => jiff::Timestamp::now(),
    };
    Some(now.to_zoned(jiff::tz::TimeZone::UTC).date())
}

fn width(args: &OutputArgs, terminal: bool) -> usize {
    let measured = terminal.then(terminal_width).flatten();
    args.width
        .map(usize::from)
        .or(measured)
        .unwrap_or(DEFAULT_WIDTH)
        .max(MIN_WIDTH)
}

fn terminal_width() -> Option<usize> {
    terminal_size::terminal_size().map(|(w, _)| usize::from(w.0))
}

/// Writes to a temporary file beside `path`, then renames it into place.
fn write_whole(path: &Path, print: impl Fn(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut out = io::BufWriter::new(tmp.as_file_mut());
        print(&mut out)?;
        out.flush()?;
    }
    tmp.persist(path)?;
    Ok(())
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
