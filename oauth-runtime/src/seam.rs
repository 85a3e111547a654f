//! What generated code needs from the runtime besides the engine: the uncallable stand-ins
//! for grants a provider lacks, and the `const fn` lookup behind `scope!(Provider, "...")`.
//!
//! Nothing here is for users; it is reachable only through the hidden `__private` module and
//! may change with any release.

/// A trait no type implements, and none can: its supertrait is private to this crate.
///
/// Generated code puts it under the bound of each method of a grant the provider lacks, with
/// a message naming the grants the provider has. The method's body calls [`absurd`], so it
/// type-checks with the real method's return type, and can never run.
///
/// [`absurd`]: Uninhabited::absurd
pub trait Uninhabited: sealed::Sealed {
    /// Any type at all: callable only on a value that cannot exist.
    fn absurd<R>(&self) -> R;
}

mod sealed {
    /// Implemented by no type, and unreachable from other crates.
    pub trait Sealed {}
}

/// What the stand-in of a missing `authorize()` returns: a type with no values.
#[derive(Debug)]
pub enum NoGrant {}

/// Longest scope (in bytes) the did-you-mean compares; longer ones are skipped.
const MAX_COMPARED: usize = 256;
/// Size of the buffer the compile-time message is written into.
const MESSAGE_BYTES: usize = 1024;

/// The index of `wanted` among the newline-joined `catalogue`; a compile-time panic naming
/// `provider` and the closest scope otherwise.
///
/// Called in a const generic argument by `scope!(Provider, "...")`, so `cargo check`
/// evaluates it and an unknown scope is an error at the macro call.
pub const fn scope_index(catalogue: &str, wanted: &str, provider: &str) -> usize {
    let cat = catalogue.as_bytes();
    let want = wanted.as_bytes();
    let mut start = 0;
    let mut index = 0;
    let mut best_start = 0;
    let mut best_end = 0;
    let mut best = usize::MAX;
    while start < cat.len() {
        let mut end = start;
        while end < cat.len() && cat[end] != b'\n' {
            end += 1;
        }
        if bytes_eq(cat, start, end, want) {
            return index;
        }
        let len = end - start;
        let gap = if len > want.len() {
            len - want.len()
        } else {
            want.len() - len
        };
        if gap < best && len <= MAX_COMPARED && want.len() <= MAX_COMPARED {
            let d = distance(cat, start, end, want);
            if d < best {
                best = d;
                best_start = start;
                best_end = end;
            }
        }
        index += 1;
        start = end + 1;
    }
    let mut buf = [0u8; MESSAGE_BYTES];
    let mut n = 0;
    n = push(&mut buf, n, b"`");
    n = push(&mut buf, n, want);
    n = push(&mut buf, n, b"` is not a scope of ");
    n = push(&mut buf, n, provider.as_bytes());
    let threshold = if want.len() / 3 > 3 {
        want.len() / 3
    } else {
        3
    };
    if best <= threshold {
        n = push(&mut buf, n, b"; did you mean `");
        let (_, tail) = cat.split_at(best_start);
        let (suggestion, _) = tail.split_at(best_end - best_start);
        n = push(&mut buf, n, suggestion);
        n = push(&mut buf, n, b"`?");
    } else {
        n = push(
            &mut buf,
            n,
            b"; its scopes are the constants of the provider's `scopes` module",
        );
    }
    let (message, _) = buf.split_at(n);
    match core::str::from_utf8(message) {
        Ok(message) => panic!("{}", message),
        Err(_) => panic!("unknown scope"),
    }
}

/// The scope at `index` of the newline-joined `catalogue` (empty past the end).
pub const fn scope_at(catalogue: &'static str, index: usize) -> &'static str {
    let cat = catalogue.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while start < cat.len() {
        let mut end = start;
        while end < cat.len() && cat[end] != b'\n' {
            end += 1;
        }
        if i == index {
            let (_, tail) = cat.split_at(start);
            let (line, _) = tail.split_at(end - start);
            return match core::str::from_utf8(line) {
                Ok(s) => s,
                Err(_) => "",
            };
        }
        i += 1;
        start = end + 1;
    }
    ""
}

/// The parameter index of scope `index`: its base-36 digit in `param_of`.
pub const fn scope_param(param_of: &str, index: usize) -> u8 {
    let b = param_of.as_bytes();
    if index >= b.len() {
        return 0;
    }
    match b[index] {
        c @ b'0'..=b'9' => c - b'0',
        c @ b'a'..=b'z' => c - b'a' + 10,
        _ => 0,
    }
}

const fn bytes_eq(cat: &[u8], start: usize, end: usize, want: &[u8]) -> bool {
    if end - start != want.len() {
        return false;
    }
    let mut i = 0;
    while i < want.len() {
        if cat[start + i] != want[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Levenshtein distance between `cat[start..end]` and `want` (both at most
/// [`MAX_COMPARED`] bytes).
const fn distance(cat: &[u8], start: usize, end: usize, want: &[u8]) -> usize {
    let n = end - start;
    let mut prev = [0usize; MAX_COMPARED + 1];
    let mut cur = [0usize; MAX_COMPARED + 1];
    let mut j = 0;
    while j <= want.len() {
        prev[j] = j;
        j += 1;
    }
    let mut i = 1;
    while i <= n {
        cur[0] = i;
        let mut j = 1;
        while j <= want.len() {
            let cost = if cat[start + i - 1] == want[j - 1] {
                0
            } else {
                1
            };
            let mut best = prev[j] + 1;
            if cur[j - 1] + 1 < best {
                best = cur[j - 1] + 1;
            }
            if prev[j - 1] + cost < best {
                best = prev[j - 1] + cost;
            }
            cur[j] = best;
            j += 1;
        }
        let mut k = 0;
        while k <= want.len() {
            prev[k] = cur[k];
            k += 1;
        }
        i += 1;
    }
    prev[want.len()]
}

/// Appends `bytes` to `buf` at `n` (truncating at the buffer's end); the new length.
const fn push(buf: &mut [u8; MESSAGE_BYTES], n: usize, bytes: &[u8]) -> usize {
    let mut n = n;
    let mut i = 0;
    while i < bytes.len() && n < MESSAGE_BYTES {
        buf[n] = bytes[i];
        n += 1;
        i += 1;
    }
    // Never cut a UTF-8 sequence in half: back up to a character boundary.
    while n > 0 && n == MESSAGE_BYTES && (buf[n - 1] & 0b1100_0000) == 0b1000_0000 {
        n -= 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAT: &str = "email\nhttps://www.googleapis.com/auth/drive\nhttps://www.googleapis.com/auth/drive.readonly\nopenid";

    #[test]
    fn finds_exact_scopes() {
        assert_eq!(scope_index(CAT, "email", "G"), 0);
        assert_eq!(scope_index(CAT, "openid", "G"), 3);
        assert_eq!(
            scope_at(
                CAT,
                scope_index(CAT, "https://www.googleapis.com/auth/drive.readonly", "G")
            ),
            "https://www.googleapis.com/auth/drive.readonly"
        );
        assert_eq!(scope_at(CAT, 9), "");
    }

    #[test]
    fn an_unknown_scope_panics_with_the_closest() {
        let caught = std::panic::catch_unwind(|| {
            scope_index(
                CAT,
                "https://www.googleapis.com/auth/drive.readonyl",
                "Google",
            )
        });
        let message = caught
            .err()
            .and_then(|e| e.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        assert_eq!(
            message,
            "`https://www.googleapis.com/auth/drive.readonyl` is not a scope of Google; did you \
             mean `https://www.googleapis.com/auth/drive.readonly`?"
        );
        let far = std::panic::catch_unwind(|| scope_index(CAT, "calendar", "Google"))
            .err()
            .and_then(|e| e.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        assert!(far.ends_with("its scopes are the constants of the provider's `scopes` module"));
    }

    #[test]
    fn params_are_base_36_digits() {
        assert_eq!(scope_param("01a", 0), 0);
        assert_eq!(scope_param("01a", 1), 1);
        assert_eq!(scope_param("01a", 2), 10);
        assert_eq!(scope_param("01a", 3), 0);
    }
}
