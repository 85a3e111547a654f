//! Writing to the terminal: colour only where it belongs, and no panic on a closed pipe.
//!
//! Output is written styled and goes through `anstream`, which drops the styles when the
//! stream is not a terminal, when `NO_COLOR` is set (or `CLICOLOR=0`), and keeps them under
//! `CLICOLOR_FORCE`; `--color always|never` overrides all of that. `println!` would panic
//! when the reader goes away (`oauth scopes x | head -1`); these functions stop writing
//! instead.

use std::io::Write as _;

use anstyle::{AnsiColor, Style};

use crate::cli::ColorWhen;

/// Column headers of tables.
pub(crate) const HEADER: Style = Style::new().bold().underline();
/// A value to notice in a line of text (a subject).
pub(crate) const HEADER_PLAIN: Style = Style::new().bold();
/// The names people type (provider ids).
pub(crate) const NAME: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));
/// Success lines.
pub(crate) const OK: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));
/// Failure summaries.
pub(crate) const BAD: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));

/// Applies `--color` to every stream written afterwards.
pub(crate) fn set_color(when: ColorWhen) {
    let choice = match when {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
}

/// `text` in `style` (the styles are dropped later where colour does not belong).
pub(crate) fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// Writes `text` to stdout as is (it should end with a newline).
pub(crate) fn out(text: &str) {
    let mut stdout = anstream::stdout().lock();
    // A reader that went away (a closed pipe) is not an error worth reporting.
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

/// Writes `text` to stderr as is (it should end with a newline).
pub(crate) fn err(text: &str) {
    let mut stderr = anstream::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}
