//! The stable driver's mutation engine: byte-level mutations (flips, inserts, deletions,
//! duplications, splices with another input), line-level ones for YAML and query strings
//! (delete, duplicate, swap, re-indent a line), and a dictionary of tokens taken from the
//! seeds plus values known to break parsers (huge numbers, NaN, YAML anchors and tags,
//! `..`, CR/LF, template braces, very long strings).
//!
//! Deterministic for a given seed ([`Rng::new`]), so a run can be repeated.

/// A small, fast, deterministic generator (SplitMix64): fuzzing needs speed and
/// repeatability, not cryptographic quality.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }
}

/// Values that have broken parsers before, whatever the format.
const INTERESTING: &[&str] = &[
    "-1",
    "0",
    "1e309",
    "-1e309",
    "NaN",
    ".inf",
    "18446744073709551616",
    "9223372036854775807",
    "4294967296",
    "0.0000001",
    "~",
    "null",
    "true",
    "''",
    "\"\"",
    "{",
    "}",
    "[",
    "]",
    "[]",
    "{}",
    ":",
    ": ",
    "- ",
    "&a ",
    "*a",
    "<<: *a",
    "!!binary ",
    "!!str ",
    "? ",
    "|\n",
    ">-\n",
    "\t",
    "\r\n",
    "\n",
    "%0d%0a",
    "%00",
    "%ZZ",
    "%",
    "&",
    "=",
    "+",
    "..",
    "../",
    "/etc/passwd",
    "\u{202e}",
    "\u{feff}",
    "é",
    "\u{10ffff}",
    "{tenant}",
    "{{",
    "}}",
    "{}",
    "${x}",
    "://",
    "https://",
    "http://127.0.0.1:1",
    "https://example.com/a b",
    "\\u0000",
    "\\ud800",
    "\"expires_in\": \"3600\"",
    "\"expires_in\": -5",
    "\"expires_in\": 1e30",
    "\"scope\": [1, {}]",
    "\"error\": {}",
    "\"ok\": false",
    "error=",
    "state=fuzz-state",
    "hmac=",
    "=\\\n",
];

/// Mutates inputs, drawing tokens from the seeds it was built with.
#[derive(Debug, Clone)]
pub struct Mutator {
    dictionary: Vec<Vec<u8>>,
    max_len: usize,
}

impl Mutator {
    /// A mutator whose dictionary is the values known to break parsers plus the words and `key:` / `key=`
    /// tokens of `seeds`; inputs never grow past `max_len` bytes.
    pub fn new<'a>(seeds: impl IntoIterator<Item = &'a [u8]>, max_len: usize) -> Mutator {
        let mut dictionary: Vec<Vec<u8>> =
            INTERESTING.iter().map(|s| s.as_bytes().to_vec()).collect();
        let mut seen = std::collections::BTreeSet::new();
        for seed in seeds {
            let text = String::from_utf8_lossy(seed);
            for word in text.split(|c: char| c.is_whitespace() || c == '"' || c == ',') {
                let word =
                    word.trim_matches(|c: char| c == '{' || c == '}' || c == '[' || c == ']');
                if (3..=40).contains(&word.len()) && seen.insert(word.to_string()) {
                    dictionary.push(word.as_bytes().to_vec());
                }
                if seen.len() > 4000 {
                    break;
                }
            }
        }
        Mutator {
            dictionary,
            max_len: max_len.max(64),
        }
    }

    /// One to four mutations of `input`; `other` is another corpus entry to splice from.
    pub fn mutate(&self, rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
        let mut out = input.to_vec();
        for _ in 0..=rng.below(4) {
            self.once(rng, &mut out, other);
        }
        out.truncate(self.max_len);
        out
    }

    fn once(&self, rng: &mut Rng, out: &mut Vec<u8>, other: &[u8]) {
        let len = out.len();
        match rng.below(14) {
            0 if len > 0 => {
                let i = rng.below(len);
                out[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                out[i] = rng.next_u64() as u8;
            }
            2 => {
                let i = rng.below(len + 1);
                out.insert(i, rng.next_u64() as u8);
            }
            3 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(16)).min(len);
                out.drain(start..end);
            }
            4 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(64)).min(len);
                let chunk = out[start..end].to_vec();
                let at = rng.below(out.len() + 1);
                splice_in(out, at, &chunk);
            }
            5 | 6 => {
                let word = &self.dictionary[rng.below(self.dictionary.len())];
                let at = rng.below(len + 1);
                splice_in(out, at, word);
            }
            7 if len > 0 => {
                // Replace a run with a dictionary token.
                let word = &self.dictionary[rng.below(self.dictionary.len())];
                let start = rng.below(len);
                let end = (start + 1 + rng.below(12)).min(len);
                out.splice(start..end, word.iter().copied());
            }
            8 if !other.is_empty() => {
                // Splice: our head, the other's tail.
                let cut = rng.below(len + 1);
                let from = rng.below(other.len());
                out.truncate(cut);
                out.extend_from_slice(&other[from..]);
            }
            9 => lines(rng, out, LineOp::Delete),
            10 => lines(rng, out, LineOp::Duplicate),
            11 => lines(rng, out, LineOp::Swap),
            12 => lines(rng, out, LineOp::Indent),
            13 if len > 0 => {
                // A very long run of one byte: length limits and quadratic paths.
                let at = rng.below(len + 1);
                let byte = out[rng.below(len)];
                let run = vec![byte; 1 + rng.below(4096)];
                splice_in(out, at, &run);
            }
            _ => {
                out.push(rng.next_u64() as u8);
            }
        }
    }
}

fn splice_in(out: &mut Vec<u8>, at: usize, bytes: &[u8]) {
    let at = at.min(out.len());
    out.splice(at..at, bytes.iter().copied());
}

#[derive(Clone, Copy)]
enum LineOp {
    Delete,
    Duplicate,
    Swap,
    Indent,
}

/// Line-level mutations, on `\n` for YAML and properties and `&` for query strings.
fn lines(rng: &mut Rng, out: &mut Vec<u8>, op: LineOp) {
    let sep = if out.contains(&b'\n') { b'\n' } else { b'&' };
    let mut parts: Vec<Vec<u8>> = out.split(|b| *b == sep).map(<[u8]>::to_vec).collect();
    if parts.is_empty() {
        return;
    }
    let i = rng.below(parts.len());
    match op {
        LineOp::Delete => {
            parts.remove(i);
        }
        LineOp::Duplicate => {
            let line = parts[i].clone();
            parts.insert(rng.below(parts.len() + 1), line);
        }
        LineOp::Swap => {
            let j = rng.below(parts.len());
            parts.swap(i, j);
        }
        LineOp::Indent => {
            if rng.below(2) == 0 {
                let n = 1 + rng.below(4);
                parts[i].splice(0..0, std::iter::repeat_n(b' ', n));
            } else {
                let n = parts[i].iter().take_while(|b| **b == b' ').count().min(2);
                parts[i].drain(..n);
            }
        }
    }
    *out = parts.join(&sep);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutations_are_deterministic_and_bounded() {
        let seeds: [&[u8]; 2] = [b"a: 1\nb: [x, y]\n", b"code=x&state=y"];
        let m = Mutator::new(seeds, 256);
        let (mut r1, mut r2) = (Rng::new(7), Rng::new(7));
        let mut input = seeds[0].to_vec();
        for _ in 0..2000 {
            let a = m.mutate(&mut r1, &input, seeds[1]);
            let b = m.mutate(&mut r2, &input, seeds[1]);
            assert_eq!(a, b);
            assert!(a.len() <= 256);
            input = a;
        }
    }

    #[test]
    fn mutations_change_inputs() {
        let m = Mutator::new([&b"abc"[..]], 64);
        let mut rng = Rng::new(1);
        let changed = (0..100)
            .filter(|_| m.mutate(&mut rng, b"key: value\n", b"other") != b"key: value\n")
            .count();
        assert!(changed > 90, "{changed} of 100 mutations changed the input");
    }
}
