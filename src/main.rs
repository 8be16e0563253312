//! The factdiff command: flags, files, the terminal, exit codes. Everything else is the
//! library's.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};

use factdiff::model::{Only, Source};
use factdiff::read::{DEFAULT_MAX_BYTES, ReadOptions, default_label, os_reason, read_source};
use factdiff::render::{self, Format, Layout, MIN_WIDTH, inert};

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

    /// Reports past the second, refused with a message clearer than clap's
    #[arg(hide = true)]
    more: Vec<String>,

    /// Name of the left outlet [default: the file name without extension]
    #[arg(long, value_name = "NAME")]
    left_label: Option<String>,

    /// Name of the right outlet [default: the file name without extension]
    #[arg(long, value_name = "NAME")]
    right_label: Option<String>,

    /// Show only these items, in any format (comma-separated; any of them)
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND")]
    only: Vec<OnlyArg>,

    /// Also show the sentences only related to each other: about the same event, each
    /// telling facts of its own (folded by default)
    #[arg(long)]
    related: bool,

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
        .ok_or_else(|| {
            format!(
                "'{}' is not a size such as 500K, 16M or 1048576",
                inert(arg)
            )
        })
}

#[derive(Args, Debug)]
struct OutputArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,

    /// Write the output to FILE instead of standard output (a file appears whole or not at
    /// all; a device or a FIFO is written to; - is standard output)
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

    /// Never page: by default output taller than the terminal goes through $FACTDIFF_PAGER,
    /// $PAGER or `less -FRX`
    #[arg(long)]
    no_pager: bool,

    #[command(flatten)]
    color: colorchoice_clap::Color,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    /// Side-by-side columns
    Text,
    /// Machine-readable comparison (every field described in docs/json.md)
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
    let cli = parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("factdiff: {err:#}");
            ExitCode::from(exit::TROUBLE)
        }
    }
}

/// The command line; on a usage error, clap's message, with what the user typed in it
/// made inert as the text view shows article text.
fn parse() -> Cli {
    let err = match Cli::try_parse() {
        Ok(cli) => return cli,
        Err(err) => err,
    };
    let typed = std::env::args_os().any(|arg| {
        let arg = arg.to_string_lossy();
        inert(&arg) != arg
    });
    if !err.use_stderr() || !typed {
        err.exit();
    }
    // Without colour, and each line inert.
    for line in err.render().to_string().lines() {
        eprintln!("{}", inert(line));
    }
    std::process::exit(err.exit_code());
}

fn run(cli: Cli) -> Result<u8> {
    if let Some(Command::Inspect {
        file,
        label,
        input,
        output,
    }) = cli.command
    {
        if let FormatArg::Html | FormatArg::Review | FormatArg::Summary = output.format {
            bail!(
                "inspect prints text or json; --format {} compares two reports",
                value_name(output.format)
            );
        }
        let sink = Sink::open(&output, &[&file])?;
        let label = label.unwrap_or_else(|| default_label(&file));
        let doc = factdiff::inspect(read(&file, label, input.options())?);
        emit(sink, &output, View::default(), |format, layout, out| {
            render::document(&doc, format, layout, out)
        })?;
        return Ok(exit::SAME);
    }
    if !cli.more.is_empty() {
        bail!(
            "{} reports given: factdiff compares two reports (inspect reads one)",
            number_word(2 + cli.more.len())
        );
    }
    let command = regenerate(&cli);
    let (left, right) = (
        cli.left.expect("clap requires LEFT"),
        cli.right.expect("clap requires RIGHT"),
    );
    if left == "-" && right == "-" {
        bail!("only one side can be read from standard input");
    }
    // Opened first, as a shell opens `>`: a bad output is said before the work is done.
    let sink = Sink::open(&cli.output, &[&left, &right])?;
    let left_label = cli.left_label.unwrap_or_else(|| default_label(&left));
    let right_label = cli.right_label.unwrap_or_else(|| default_label(&right));
    let options = cli.input.options();
    let (left, right) = (
        read(&left, left_label, options)?,
        read(&right, right_label, options)?,
    );
    let mut report = factdiff::compare(left, right);
    // The exit status speaks of the reports, not of the part shown, nor of whether the
    // reader of a pipe read it all.
    let code = if report.has_differences() {
        exit::DIFFERENT
    } else {
        exit::SAME
    };
    let only: Vec<Only> = cli.only.into_iter().map(Only::from).collect();
    report.narrow(&only);
    let view = View {
        command: &command,
        related: cli.related,
        only: &only,
    };
    emit(sink, &cli.output, view, |format, layout, out| {
        render::report(&report, format, layout, out)
    })?;
    // The process ends now; freeing a long report token by token would only take time.
    std::mem::forget(report);
    Ok(code)
}

/// A flag's value as written on the command line.
fn value_name(value: impl ValueEnum) -> String {
    value
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}

fn number_word(n: usize) -> String {
    const WORDS: [&str; 8] = [
        "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    n.checked_sub(3)
        .and_then(|i| WORDS.get(i))
        .map_or_else(|| n.to_string(), |w| w.to_string())
}

/// The arguments that give this comparison again as a review, for its "Regenerate with"
/// line: the two reports and every flag that shapes the review.
fn regenerate(cli: &Cli) -> Vec<String> {
    let mut flags: Vec<String> = vec!["--format".into(), "review".into()];
    let mut flag = |name: &str, value: Option<String>| {
        flags.push(name.to_string());
        flags.extend(value);
    };
    if let Some(label) = &cli.left_label {
        flag("--left-label", Some(label.clone()));
    }
    if let Some(label) = &cli.right_label {
        flag("--right-label", Some(label.clone()));
    }
    if !cli.only.is_empty() {
        let kinds: Vec<String> = cli.only.iter().map(|&o| value_name(o)).collect();
        flag("--only", Some(kinds.join(",")));
    }
    if let Some(bytes) = cli.input.max_size {
        flag("--max-size", Some(bytes.to_string()));
    }
    if cli.input.lossy {
        flag("--lossy", None);
    }
    if cli.related {
        flag("--related", None);
    }
    if let Some(path) = cli
        .output
        .output
        .as_deref()
        .filter(|p| *p != Path::new("-"))
    {
        flag("-o", Some(path.to_string_lossy().into_owned()));
    }
    let reports: Vec<String> = [&cli.left, &cli.right]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    if reports.iter().any(|r| r.starts_with('-') && r != "-") {
        // A report whose name starts with a dash follows `--`, as it had to be given.
        flags.push("--".into());
        flags.extend(reports);
        flags
    } else {
        reports.into_iter().chain(flags).collect()
    }
}

fn read(path: &str, label: String, options: ReadOptions) -> Result<Source> {
    let shown = if path == "-" {
        "standard input".to_string()
    } else {
        inert(path).into_owned()
    };
    let input =
        read_source(path, label, options).with_context(|| format!("cannot read '{shown}'"))?;
    if let Some(charset) = input.recoded {
        eprintln!(
            "factdiff: '{shown}': read as {charset}, the character set the page declares; positions count its bytes"
        );
    }
    if input.replaced > 0 {
        eprintln!(
            "factdiff: '{shown}': replaced {} invalid UTF-8 sequence{} with U+FFFD",
            input.replaced,
            if input.replaced == 1 { "" } else { "s" }
        );
    }
    Ok(input.source)
}

/// A path as an error message shows it: control characters visible, never acting.
fn shown(path: &Path) -> String {
    inert(&path.to_string_lossy()).into_owned()
}

/// Where the output goes.
enum Sink {
    /// Standard output: no `-o`, `-o -`, or a path that names what standard output is.
    Stdout,
    /// What is not a regular file (a device, a FIFO), written to as it is.
    Through { file: fs::File, path: PathBuf },
    /// A regular file, new or not: written beside it, then renamed over it.
    Replace {
        tmp: Temporary,
        target: PathBuf,
        path: PathBuf,
    },
}

impl Sink {
    /// Opens `--output`, refusing a file that is one of the inputs.
    fn open(args: &OutputArgs, inputs: &[&str]) -> Result<Sink> {
        let Some(path) = args.output.as_deref() else {
            return Ok(Sink::Stdout);
        };
        if path == Path::new("-") {
            return Ok(Sink::Stdout);
        }
        let cannot = |e: &io::Error| anyhow!("cannot write '{}': {}", shown(path), os_reason(e));
        let through = |truncate: bool| {
            fs::OpenOptions::new()
                .write(true)
                .truncate(truncate)
                .open(path)
                .map(|file| Sink::Through {
                    file,
                    path: path.to_owned(),
                })
                .map_err(|e| cannot(&e))
        };
        // Followed by the system, which knows links such as /dev/stdout best.
        let meta = match fs::metadata(path) {
            Ok(meta) => Some(meta),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(cannot(&e)),
        };
        if let Some(meta) = &meta {
            if meta.is_dir() {
                bail!("cannot write '{}': is a directory", shown(path));
            }
            if meta.is_file() {
                refuse_overwriting(path, meta, inputs)?;
            }
            if is_stdout(meta) {
                return Ok(Sink::Stdout);
            }
            if !meta.is_file() {
                return through(false);
            }
        }
        // A symbolic link stays: the file it names is replaced, or made.
        let target = resolve_links(path).map_err(|e| cannot(&e))?;
        if let Some(meta) = &meta
            && cfg!(unix)
            && !fs::metadata(&target).is_ok_and(|t| same_file(&t, meta))
        {
            // A link the system follows and we cannot (/proc/self/fd/N to a deleted file):
            // write through it.
            return through(true);
        }
        let tmp = Temporary::beside(&target, meta.as_ref()).map_err(|e| cannot(&e))?;
        Ok(Sink::Replace {
            tmp,
            target,
            path: path.to_owned(),
        })
    }
}

/// Refuses an output file that is one of the inputs: the report would be lost.
fn refuse_overwriting(output: &Path, meta: &fs::Metadata, inputs: &[&str]) -> Result<()> {
    for &input in inputs {
        let same = if input == "-" {
            stdin_metadata().is_some_and(|m| same_file(&m, meta))
        } else {
            fs::metadata(input).is_ok_and(|m| same_file(&m, meta))
                || fs::canonicalize(input)
                    .is_ok_and(|p| fs::canonicalize(output).is_ok_and(|o| o == p))
        };
        if same {
            let name = if input == "-" {
                "standard input".to_string()
            } else {
                inert(input).into_owned()
            };
            bail!("refusing to write the output over the input '{name}'");
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

/// What file descriptor 0 is.
#[cfg(unix)]
fn stdin_metadata() -> Option<fs::Metadata> {
    use std::os::fd::AsFd;
    descriptor_metadata(io::stdin().as_fd())
}

#[cfg(not(unix))]
fn stdin_metadata() -> Option<fs::Metadata> {
    None
}

#[cfg(unix)]
fn is_stdout(meta: &fs::Metadata) -> bool {
    use std::os::fd::AsFd;
    descriptor_metadata(io::stdout().as_fd()).is_some_and(|m| same_file(&m, meta))
}

#[cfg(not(unix))]
fn is_stdout(_: &fs::Metadata) -> bool {
    false
}

#[cfg(unix)]
fn descriptor_metadata(fd: std::os::fd::BorrowedFd<'_>) -> Option<fs::Metadata> {
    fs::File::from(fd.try_clone_to_owned().ok()?)
        .metadata()
        .ok()
}

/// The file `path` names once symbolic links are followed; the last path reached when it
/// names nothing yet (a link to a file to be made).
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    // As many links as Linux follows.
    for _ in 0..40 {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&path)?;
                path = match path.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            Ok(_) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(path),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// A temporary file beside the output, removed when the run ends before it is renamed into
/// place: by an error, or by SIGINT, SIGTERM or SIGHUP.
struct Temporary {
    /// `None` once renamed into place.
    file: Option<tempfile::NamedTempFile>,
}

impl Temporary {
    /// Made with the mode of the file it replaces, or for a new file the mode the umask
    /// allows, as `>` would make it.
    fn beside(target: &Path, replaced: Option<&fs::Metadata>) -> io::Result<Temporary> {
        let dir = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        // Said plainly ("no such file or directory"), not as the temporary file's error.
        fs::metadata(dir)?;
        let mut builder = tempfile::Builder::new();
        builder.prefix(".factdiff-");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        // The temporary file's own name is no business of the user's: its error's kind is.
        let file =
            cleanup::watch(|| builder.tempfile_in(dir)).map_err(|e| io::Error::from(e.kind()))?;
        if let Some(meta) = replaced {
            file.as_file().set_permissions(meta.permissions())?;
            #[cfg(unix)]
            {
                // Keep the owner too where allowed (as root, or the group for its member).
                use std::os::unix::fs::MetadataExt;
                let _ =
                    std::os::unix::fs::fchown(file.as_file(), Some(meta.uid()), Some(meta.gid()));
            }
        }
        Ok(Temporary { file: Some(file) })
    }

    fn as_file_mut(&mut self) -> &mut fs::File {
        self.file.as_mut().expect("not renamed yet").as_file_mut()
    }

    fn persist(mut self, target: &Path) -> io::Result<()> {
        let file = self.file.take().expect("renamed once");
        cleanup::done(|| file.persist(target).map(drop).map_err(|e| e.error))
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            // Removed with no signal handled meanwhile.
            cleanup::done(|| drop(file));
        }
    }
}

/// Removing the temporary file when SIGINT, SIGTERM or SIGHUP ends the process, which
/// otherwise runs no destructor. A thread of `signal-hook` waits for the signal, removes the
/// file, then lets the signal end the process as it would have.
#[cfg(unix)]
mod cleanup {
    use std::path::PathBuf;
    use std::sync::{Mutex, MutexGuard, Once};

    static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

    fn pending() -> MutexGuard<'static, Option<PathBuf>> {
        PENDING.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Makes a temporary file with `make` and removes it on a signal until [`done`].
    pub fn watch(
        make: impl FnOnce() -> std::io::Result<tempfile::NamedTempFile>,
    ) -> std::io::Result<tempfile::NamedTempFile> {
        static HANDLER: Once = Once::new();
        HANDLER.call_once(|| {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            else {
                return;
            };
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    if let Some(path) = pending().take() {
                        let _ = std::fs::remove_file(path);
                    }
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    std::process::exit(128 + signal);
                }
            });
        });
        // Held while the file is made, so that a signal meanwhile waits to remove it.
        let mut pending = pending();
        let file = make()?;
        *pending = Some(file.path().to_path_buf());
        Ok(file)
    }

    /// Runs `end`, which renames or removes the file, with no signal handled meanwhile.
    pub fn done<T>(end: impl FnOnce() -> T) -> T {
        let mut pending = pending();
        let result = end();
        *pending = None;
        result
    }
}

#[cfg(not(unix))]
mod cleanup {
    pub fn watch(
        make: impl FnOnce() -> std::io::Result<tempfile::NamedTempFile>,
    ) -> std::io::Result<tempfile::NamedTempFile> {
        make()
    }

    pub fn done<T>(end: impl FnOnce() -> T) -> T {
        end()
    }
}

/// What the command line asks of a view besides the output flags.
#[derive(Clone, Copy, Default)]
struct View<'a> {
    /// The arguments for the review's "Regenerate with" line.
    command: &'a [String],
    /// `--related`.
    related: bool,
    /// `--only`.
    only: &'a [Only],
}

/// Renders to the sink: standard output, a device or FIFO, or a file that appears whole or
/// not at all. A reader that stops reading (`| head`) is no error.
fn emit(
    sink: Sink,
    args: &OutputArgs,
    view: View,
    print: impl Fn(Format, Layout, &mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    args.color.write_global();
    let format = Format::from(args.format);
    let layout = |width: usize, color: bool| Layout {
        width,
        color,
        date: today(),
        explain: args.explain,
        command: view.command,
        related: view.related,
        only: view.only,
    };
    let to_file = || {
        let color = anstream::ColorChoice::global() == anstream::ColorChoice::Always;
        layout(width(args, false), color)
    };
    let written = |result: io::Result<()>, path: &Path| match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(anyhow!("cannot write '{}': {}", shown(path), os_reason(&e))),
        Ok(()) => Ok(()),
    };
    match sink {
        Sink::Stdout => {
            let stdout = io::stdout();
            let color = anstream::AutoStream::choice(&stdout) != anstream::ColorChoice::Never;
            let terminal = stdout.is_terminal();
            let layout = layout(width(args, terminal), color);
            let pager = terminal
                .then(|| pager::command(env("FACTDIFF_PAGER"), env("PAGER")))
                .flatten()
                // Never with --no-pager, nor with -o, even `-o -`.
                .filter(|_| !args.no_pager && args.output.is_none());
            let result = match pager {
                Some(pager) => pager::print(&pager, |out| print(format, layout, out)),
                None => {
                    let mut out = io::BufWriter::new(stdout.lock());
                    print(format, layout, &mut out).and_then(|()| out.flush())
                }
            };
            match result {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
                Err(e) => bail!("cannot write standard output: {}", os_reason(&e)),
                Ok(()) => {}
            }
        }
        Sink::Through { file, path } => {
            let mut out = io::BufWriter::new(file);
            written(
                print(format, to_file(), &mut out).and_then(|()| out.flush()),
                &path,
            )?;
        }
        Sink::Replace {
            mut tmp,
            target,
            path,
        } => {
            let mut out = io::BufWriter::new(tmp.as_file_mut());
            written(
                print(format, to_file(), &mut out).and_then(|()| out.flush()),
                &path,
            )?;
            drop(out);
            written(tmp.persist(&target), &path)?;
        }
    }
    Ok(())
}

/// An environment variable, if set.
fn env(name: &str) -> Option<std::ffi::OsString> {
    std::env::var_os(name)
}

/// Paging output taller than the terminal, as git does.
mod pager {
    use std::ffi::OsString;
    use std::io::{self, Write};
    use std::process::{Child, Command, Stdio};

    /// The pager when none is named.
    const DEFAULT: &str = "less -FRX";

    /// The characters that make a pager's command the shell's to read.
    const SHELL: &str = "|&;<>()$`\\\"'*?[#~=%";

    /// The pager to run, from `FACTDIFF_PAGER`, else `PAGER`, else [`DEFAULT`]; none when
    /// the one named is empty or `cat`.
    pub fn command(factdiff_pager: Option<OsString>, pager: Option<OsString>) -> Option<String> {
        let named = factdiff_pager
            .or(pager)
            .map_or_else(|| DEFAULT.to_string(), |p| p.to_string_lossy().into_owned());
        let named = named.trim();
        (!named.is_empty() && named != "cat").then(|| named.to_string())
    }

    /// Prints through `pager` when the output is taller than the terminal, else directly;
    /// directly too when the pager cannot be run. A pager quit before the end is no error.
    pub fn print(
        pager: &str,
        print: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut text = Vec::new();
        print(&mut text)?;
        let rows = terminal_size::terminal_size().map(|(w, h)| (w.0, h.0));
        if rows.is_some_and(|(width, height)| fits(&text, width, height)) {
            return direct(&text);
        }
        let Ok(child) = spawn(pager) else {
            return direct(&text);
        };
        match through(child, &text) {
            Some(_) => Ok(()),
            // The shell found no such command: it has said so.
            None => direct(&text),
        }
    }

    fn direct(text: &[u8]) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(text).and_then(|()| out.flush())
    }

    /// Whether `text` takes fewer lines than a terminal of `height` rows holds (a line
    /// wider than `width` columns taking several; colour codes counted as if they were
    /// shown, which only pages a little sooner). An unknown size never fits.
    pub fn fits(text: &[u8], width: u16, height: u16) -> bool {
        if width == 0 || height == 0 {
            return false;
        }
        let width = usize::from(width);
        let rows: usize = String::from_utf8_lossy(text)
            .lines()
            .map(|line| line.chars().count().div_ceil(width).max(1))
            .sum();
        rows < usize::from(height)
    }

    /// The pager running with its standard input piped: a command with arguments is run
    /// directly, anything the shell must read (quotes, `$`, `|`) through `sh -c`.
    fn spawn(pager: &str) -> io::Result<Child> {
        let shell = pager.contains(|c: char| SHELL.contains(c));
        let mut command = if shell && cfg!(unix) {
            let mut command = Command::new("sh");
            command.arg("-c").arg(pager);
            command
        } else {
            let mut words = pager.split_whitespace();
            let mut command = Command::new(words.next().unwrap_or(DEFAULT));
            command.args(words);
            command
        };
        if std::env::var_os("LESS").is_none() {
            // As git sets it: quit when it fits, colour passed through, no clearing.
            command.env("LESS", "FRX");
        }
        command.stdin(Stdio::piped()).spawn()
    }

    /// Writes `text` to the pager and waits for the reader to quit it; `None` when the shell
    /// could not run the pager (status 126 or 127) and nothing was shown.
    fn through(mut child: Child, text: &[u8]) -> Option<()> {
        // Ctrl-C is the pager's to handle: it must not end this process under it.
        #[cfg(unix)]
        let _ = signal_hook::flag::register(
            signal_hook::consts::SIGINT,
            std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
        );
        if let Some(mut stdin) = child.stdin.take() {
            // A pager quit before the end closes the pipe: nothing more to show.
            let _ = stdin.write_all(text);
        }
        let status = child.wait().ok()?;
        (!matches!(status.code(), Some(126 | 127))).then_some(())
    }
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

#[cfg(test)]
mod tests {
    use super::pager;

    #[test]
    fn the_pager_is_factdiff_pager_then_pager_then_less() {
        let some = |s: &str| Some(s.into());
        assert_eq!(pager::command(None, None).as_deref(), Some("less -FRX"));
        assert_eq!(pager::command(None, some("more")).as_deref(), Some("more"));
        assert_eq!(
            pager::command(some("less -S"), some("more")).as_deref(),
            Some("less -S")
        );
        // Empty or `cat` means no pager, as in git; FACTDIFF_PAGER turns off a PAGER.
        assert_eq!(pager::command(some(""), some("more")), None);
        assert_eq!(pager::command(None, some("  ")), None);
        assert_eq!(pager::command(some("cat"), None), None);
    }

    #[test]
    fn output_is_paged_only_when_taller_than_the_terminal() {
        let lines = |n: usize| "word\n".repeat(n).into_bytes();
        assert!(pager::fits(&lines(23), 80, 24));
        assert!(!pager::fits(&lines(24), 80, 24));
        // A line wider than the terminal takes several rows.
        let wide = format!("{}\n", "x".repeat(200)).repeat(10);
        assert!(pager::fits(wide.as_bytes(), 200, 24));
        assert!(!pager::fits(wide.as_bytes(), 80, 24));
        // A terminal that gives no size is never known to fit: the pager decides.
        assert!(!pager::fits(&lines(1), 0, 0));
    }
}
