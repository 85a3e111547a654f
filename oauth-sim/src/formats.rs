//! Values that match a spec's `format` (the anchored regular expression a connection value
//! must match): checked as the validator and the runtime check them (`regex-lite`), and drawn
//! from the expression itself (its `regex-syntax` parse tree), so a realm id of `[0-9]+` or a
//! tenant id of `[0-9a-f-]{36}` is one the client accepts.
//!
//! Drawing walks the tree: literals as written, a class by one of its characters (letters and
//! digits first, so values stay readable), a repetition between its minimum and a few more
//! (never more than its maximum), an alternation by a random branch. Look-arounds such as
//! `\b` produce nothing, so a drawn value is always checked and drawn again on a miss.

use rand::Rng;
use regex_syntax::hir::{Class, Hir, HirKind};

/// How many extra repetitions an open-ended repetition (`+`, `*`, `{2,}`) gets at most.
const EXTRA_REPETITIONS: u32 = 6;
/// How many draws before giving up on an expression (look-arounds that never hold).
const DRAWS: usize = 32;

/// A compiled format.
#[derive(Debug, Clone)]
pub(crate) struct Format {
    source: String,
    anchored: regex_lite::Regex,
    tree: Hir,
}

impl Format {
    /// Compiles `format`; `Err` says why it cannot be served.
    pub fn new(format: &str) -> Result<Format, String> {
        let anchored = regex_lite::Regex::new(&format!("^(?:{format})$"))
            .map_err(|e| format!("format `{format}` does not compile: {e}"))?;
        // ASCII classes, as `regex-lite` reads them (`\d` is `[0-9]`).
        let tree = regex_syntax::ParserBuilder::new()
            .unicode(false)
            .utf8(false)
            .build()
            .parse(format)
            .map_err(|e| format!("format `{format}` does not parse: {e}"))?;
        Ok(Format {
            source: format.to_string(),
            anchored,
            tree,
        })
    }

    /// Whether the whole of `value` matches.
    pub fn matches(&self, value: &str) -> bool {
        self.anchored.is_match(value)
    }

    /// A random value that matches.
    pub fn draw(&self) -> Result<String, String> {
        let mut rng = rand::rng();
        for _ in 0..DRAWS {
            let mut out = String::new();
            draw(&self.tree, &mut rng, &mut out);
            if self.matches(&out) {
                return Ok(out);
            }
        }
        Err(format!(
            "cannot draw a value that matches format `{}`",
            self.source
        ))
    }
}

fn draw(hir: &Hir, rng: &mut impl Rng, out: &mut String) {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(lit) => out.push_str(&String::from_utf8_lossy(&lit.0)),
        HirKind::Class(Class::Unicode(class)) => {
            let ranges: Vec<(char, char)> = class
                .ranges()
                .iter()
                .map(|r| (r.start(), r.end()))
                .collect();
            if let Some(c) = pick(&ranges, rng) {
                out.push(c);
            }
        }
        HirKind::Class(Class::Bytes(class)) => {
            let ranges: Vec<(char, char)> = class
                .ranges()
                .iter()
                .filter(|r| r.start().is_ascii())
                .map(|r| (char::from(r.start()), char::from(r.end().min(0x7f))))
                .collect();
            if let Some(c) = pick(&ranges, rng) {
                out.push(c);
            }
        }
        HirKind::Repetition(rep) => {
            let extra = match rep.max {
                Some(max) => max.saturating_sub(rep.min).min(EXTRA_REPETITIONS),
                None => EXTRA_REPETITIONS,
            };
            let n = rep.min.saturating_add(rng.random_range(0..=extra));
            for _ in 0..n {
                draw(&rep.sub, rng, out);
            }
        }
        HirKind::Capture(cap) => draw(&cap.sub, rng, out),
        HirKind::Concat(parts) => {
            for part in parts {
                draw(part, rng, out);
            }
        }
        HirKind::Alternation(branches) => {
            if !branches.is_empty() {
                let i = rng.random_range(0..branches.len());
                if let Some(b) = branches.get(i) {
                    draw(b, rng, out);
                }
            }
        }
    }
}

/// A character of the class: a letter or digit when it has any, else printable ASCII, else
/// its first character.
fn pick(ranges: &[(char, char)], rng: &mut impl Rng) -> Option<char> {
    let preferred: [fn(char) -> bool; 2] =
        [|c| c.is_ascii_alphanumeric(), |c| c.is_ascii_graphic()];
    for wanted in preferred {
        // The wanted characters of each range (ASCII only, so at most 128 to look at).
        let candidates: Vec<char> = ranges
            .iter()
            .flat_map(|&(lo, hi)| {
                let lo = u32::from(lo).min(0x80);
                let hi = u32::from(hi).min(0x7f);
                (lo..=hi).filter_map(char::from_u32)
            })
            .filter(|c| wanted(*c))
            .collect();
        if !candidates.is_empty() {
            return candidates
                .get(rng.random_range(0..candidates.len()))
                .copied();
        }
    }
    ranges.first().map(|&(lo, _)| lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawn_values_match_their_format() {
        for format in [
            "[0-9]+",
            "[0-9a-f-]{36}",
            "https://[a-z0-9-]+(\\.my)?\\.salesforce\\.com",
            "[0-9]{3}-[A-Z]{3}-[0-9]{3}",
            "https?://[^/?#]+(/[^?#]*[^/?#])?",
            "\\d{4}|[a-z]{2}",
            "[^\\s]{1,8}",
            "x*",
        ] {
            let f = Format::new(format).expect("compiles");
            for _ in 0..20 {
                let v = f.draw().expect("draws");
                assert!(f.matches(&v), "{v} does not match {format}");
            }
        }
    }

    #[test]
    fn matching_is_anchored() {
        let f = Format::new("[0-9]+").expect("compiles");
        assert!(f.matches("123"));
        assert!(!f.matches("123a"));
        assert!(!f.matches("a123"));
    }

    #[test]
    fn impossible_formats_are_an_error_not_a_loop() {
        let f = Format::new("a\\bb").expect("compiles");
        assert!(f.draw().is_err());
    }
}
