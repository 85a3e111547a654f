//! Diagnostics for people (a source snippet with a caret under the place) and for machines
//! (JSON), and the CLI's own errors in the same style.
//!
//! Rendering uses `annotate-snippets`, the crate rustc renders its own diagnostics with
//! (maintained by the Rust project, in rustc's exact layout, small: `anstyle` and
//! `unicode-width`). `miette` was the alternative; it would bring its own error trait and
//! report handler, a second error model beside [`oauth_codegen::Diagnostics`], for output
//! that `annotate-snippets` gives from the diagnostics as they are. Text from a spec is
//! untrusted: `annotate-snippets` normalises it, so control characters in a spec cannot
//! drive the terminal.
//!
//! Everything is rendered styled; [`crate::term`]'s streams drop the styles when the output
//! is not a terminal, when `NO_COLOR` is set, or on `--color never`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};
use oauth_codegen::Diagnostic;
use serde::Serialize;

/// The text of every file read, by the path diagnostics name it with.
pub(crate) type Texts = BTreeMap<PathBuf, String>;

/// One diagnostic as `--format json` writes it.
#[derive(Debug, Serialize)]
pub(crate) struct JsonDiagnostic {
    /// The file, as given (relative paths stay relative).
    pub(crate) file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub(crate) line: u32,
    /// 1-based column; 0 when the problem concerns the whole file.
    pub(crate) column: u32,
    /// What is wrong.
    pub(crate) message: String,
    /// What would be right, when the checker can tell.
    pub(crate) help: Option<String>,
    /// Always `error` for now: specs have no warnings yet.
    pub(crate) severity: &'static str,
}

impl From<&Diagnostic> for JsonDiagnostic {
    fn from(d: &Diagnostic) -> Self {
        JsonDiagnostic {
            file: d.file.display().to_string(),
            line: d.line,
            column: d.column,
            message: d.message.clone(),
            help: d.help.clone(),
            severity: "error",
        }
    }
}

/// A diagnostic with the line it points at, a caret under the column and its help.
///
/// `texts` holds the files read; a diagnostic whose file is missing from it, or that
/// concerns a whole file (line 0), is shown with its location only.
pub(crate) fn render_diagnostic(d: &Diagnostic, texts: &Texts) -> String {
    let path = d.file.display().to_string();
    let title = Level::ERROR.primary_title(d.message.as_str());
    let mut group = match texts
        .get(&d.file)
        .and_then(|t| span_of(t, d.line, d.column).map(|s| (t, s)))
    {
        Some((text, span)) => title.element(
            Snippet::source(text.as_str())
                .path(path)
                .annotation(AnnotationKind::Primary.span(span)),
        ),
        None => {
            let mut origin = Origin::path(path);
            if d.line > 0 {
                origin = origin.line(to_usize(d.line));
                if d.column > 0 {
                    origin = origin.char_column(to_usize(d.column));
                }
            }
            title.element(origin)
        }
    };
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    Renderer::styled().render(&[group])
}

/// Every diagnostic of `diags` in order, then a closing error saying what could not be done.
pub(crate) fn render_failure(
    diags: &oauth_codegen::Diagnostics,
    texts: &Texts,
    message: &str,
    help: &str,
) -> String {
    let mut out = String::new();
    for d in &diags.0 {
        out.push_str(&render_diagnostic(d, texts));
        out.push_str("\n\n");
    }
    out.push_str(&render_error(message, Some(help)));
    out.push('\n');
    out
}

/// An error of the CLI itself (not of a spec): what went wrong and what to do, laid out and
/// coloured like the diagnostics without a snippet.
pub(crate) fn render_error(message: &str, help: Option<&str>) -> String {
    use annotate_snippets::renderer::{
        DEFAULT_EMPHASIS_STYLE as EMPHASIS, DEFAULT_ERROR_STYLE as ERROR,
        DEFAULT_LINE_NUM_STYLE as GUTTER,
    };
    let mut out = format!("{ERROR}error{ERROR:#}{EMPHASIS}: {message}{EMPHASIS:#}");
    if let Some(help) = help {
        out.push_str(&format!(
            "\n  {GUTTER}={GUTTER:#} {EMPHASIS}help{EMPHASIS:#}: {help}"
        ));
    }
    out
}

/// "2 specs, 3 errors".
pub(crate) fn summary(specs: usize, errors: usize) -> String {
    format!("{}, {}", count(specs, "spec"), count(errors, "error"))
}

/// "no errors", "1 error", "3 errors".
pub(crate) fn count(n: usize, noun: &str) -> String {
    match n {
        0 => format!("no {noun}s"),
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

fn to_usize(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// The byte range to underline for a 1-based `line` and (character) `column` of `text`: the
/// YAML token that starts there, at least one character (see [`token_len`]). `None` when
/// the position is not in the text.
fn span_of(text: &str, line: u32, column: u32) -> Option<std::ops::Range<usize>> {
    let line_index = to_usize(line).checked_sub(1)?;
    let column_index = to_usize(column).checked_sub(1)?;
    let mut offset = 0;
    let mut content = None;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i == line_index {
            content = Some(l.trim_end_matches(['\n', '\r']));
            break;
        }
        offset += l.len();
    }
    let content = content?;
    let start = match content.char_indices().nth(column_index) {
        Some((i, _)) => i,
        // Just past the end of the line (an unexpected end of a value): the caret goes there.
        None if content.chars().count() == column_index => content.len(),
        None => return None,
    };
    let in_flow = content[..start].contains(['[', '{']);
    let len = token_len(&content[start..], in_flow);
    Some(offset + start..offset + start + len)
}

/// The length in bytes of the YAML token `rest` starts with: a quoted string to its closing
/// quote; a plain value to `: ` (the end of a key), ` #` (a comment) or the end of the line,
/// and inside `[...]` or `{...}` also to the next `,`, `]` or `}`; trailing spaces left out.
fn token_len(rest: &str, in_flow: bool) -> usize {
    let mut chars = rest.char_indices().peekable();
    let Some((_, first)) = chars.next() else {
        return 0;
    };
    if first == '"' || first == '\'' {
        let mut escaped = false;
        for (i, c) in chars {
            if first == '"' && c == '\\' && !escaped {
                escaped = true;
                continue;
            }
            if c == first && !escaped {
                return i + c.len_utf8();
            }
            escaped = false;
        }
        return rest.len();
    }
    let mut end = first.len_utf8();
    let mut after_space = false;
    while let Some((i, c)) = chars.next() {
        let next_is_space = chars.peek().is_none_or(|(_, next)| next.is_whitespace());
        let ends = (c == ':' && next_is_space)
            || (c == '#' && after_space)
            || (in_flow && matches!(c, ',' | ']' | '}'));
        if ends {
            break;
        }
        after_space = c.is_whitespace();
        if !after_space {
            end = i + c.len_utf8();
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_span_covers_the_token_at_the_column() {
        let text = "provider:\n  display_nam: X\nurl: \"https://a/b\" # c\nlist: [ab, cd]\nd: 1 fortnight  # c\n";
        assert_eq!(&text[span_of(text, 2, 3).unwrap()], "display_nam");
        assert_eq!(&text[span_of(text, 3, 6).unwrap()], "\"https://a/b\"");
        assert_eq!(&text[span_of(text, 4, 8).unwrap()], "ab");
        assert_eq!(&text[span_of(text, 4, 12).unwrap()], "cd");
        assert_eq!(&text[span_of(text, 5, 4).unwrap()], "1 fortnight");
        assert_eq!(span_of(text, 9, 1), None);
        assert_eq!(span_of(text, 0, 0), None);
    }

    #[test]
    fn a_url_keeps_its_colons() {
        let text = "url: https://a.example/x:y\n";
        assert_eq!(&text[span_of(text, 1, 6).unwrap()], "https://a.example/x:y");
    }

    #[test]
    fn past_the_end_of_a_line_is_an_empty_span_there() {
        let text = "key:\n";
        assert_eq!(span_of(text, 1, 5), Some(4..4));
    }

    #[test]
    fn summaries_count_in_words() {
        assert_eq!(summary(2, 3), "2 specs, 3 errors");
        assert_eq!(summary(1, 1), "1 spec, 1 error");
        assert_eq!(summary(1, 0), "1 spec, no errors");
    }
}
