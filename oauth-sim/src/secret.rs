//! Strings that must never be shown: client secrets. `Debug` prints a placeholder, there is no
//! `Display`, and comparison is in constant time (`subtle`), so neither a log line nor a
//! timing difference tells a client how much of a secret it got right.

/// A client secret.
#[derive(Clone, Default)]
pub(crate) struct Secret(String);

impl Secret {
    pub fn new(s: &str) -> Secret {
        Secret(s.to_string())
    }

    /// The secret, for signing and verifying with it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `given` is the secret, compared in constant time.
    pub fn matches(&self, given: &str) -> bool {
        // Lengths are not secret; contents are.
        use subtle::ConstantTimeEq;
        self.0.len() == given.len() && bool::from(self.0.as_bytes().ct_eq(given.as_bytes()))
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_empty() {
            "Secret(none)"
        } else {
            "Secret(<redacted>)"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s:?}"), "Secret(<redacted>)");
        assert!(s.matches("hunter2"));
        assert!(!s.matches("hunter3"));
        assert!(!s.matches("hunter"));
    }
}
