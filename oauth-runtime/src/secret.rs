//! Secret-bearing newtypes in the RFC 6749 / 7636 vocabulary.
//!
//! Each wraps a [`secrecy::SecretString`]: `Debug` prints the type name and `[REDACTED]`, there
//! is no `Display`, and the value is reached only through an explicit `secret()` call, so a
//! token cannot slip into a log line or an error message by formatting. Types that are not
//! secret (`ClientId`) still get a newtype so arguments cannot be swapped.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};

macro_rules! secret_type {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Clone)]
        pub struct $name(SecretString);

        impl $name {
            /// Wraps a secret value.
            pub fn new(value: impl Into<String>) -> Self {
                $name(SecretString::from(value.into()))
            }

            /// The secret itself. Call this only where the value goes onto the wire or into a
            /// store; never format it.
            pub fn secret(&self) -> &str {
                self.0.expose_secret()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "([REDACTED])"))
            }
        }

        impl PartialEq for $name {
            /// Constant-time comparison, so comparing secrets leaks no timing.
            fn eq(&self, other: &Self) -> bool {
                use subtle::ConstantTimeEq;
                self.secret().as_bytes().ct_eq(other.secret().as_bytes()).into()
            }
        }

        impl Eq for $name {}

        impl From<String> for $name {
            fn from(s: String) -> Self {
                $name::new(s)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name::new(s)
            }
        }
    };
}

secret_type! {
    /// The client secret issued at registration.
    ClientSecret
}
secret_type! {
    /// An access token (RFC 6749 §1.4).
    AccessToken
}
secret_type! {
    /// A refresh token (RFC 6749 §1.5).
    RefreshToken
}
secret_type! {
    /// An authorization code, or a PIN the user typed in.
    AuthorizationCode
}
secret_type! {
    /// The `state` value that binds a redirect to the request that started it (CSRF token).
    CsrfToken
}
secret_type! {
    /// A PKCE code verifier (RFC 7636).
    PkceVerifier
}
secret_type! {
    /// A password or other secret argument of a custom grant.
    Password
}

/// The client identifier issued at registration. Not a secret, but typed so it cannot be
/// confused with the secret.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct ClientId(String);

impl ClientId {
    /// Wraps a client id.
    pub fn new(value: impl Into<String>) -> Self {
        ClientId(value.into())
    }

    /// The id.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ClientId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A client's registration: id and (for confidential clients) secret.
#[derive(Clone, Debug)]
pub struct Credentials {
    /// The client id.
    pub client_id: ClientId,
    /// The client secret; `None` for public clients.
    pub client_secret: Option<ClientSecret>,
}

impl Credentials {
    /// A confidential client.
    pub fn new(client_id: impl Into<String>, client_secret: impl Into<String>) -> Self {
        Credentials {
            client_id: ClientId::new(client_id),
            client_secret: Some(ClientSecret::new(client_secret)),
        }
    }

    /// A public client (no secret).
    pub fn public(client_id: impl Into<String>) -> Self {
        Credentials {
            client_id: ClientId::new(client_id),
            client_secret: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret() {
        let creds = Credentials::new("id-1", "hunter2-secret");
        let shown = format!("{creds:?} {:?}", AccessToken::new("tok-123"));
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(!shown.contains("tok-123"), "{shown}");
        assert!(shown.contains("id-1"));
    }
}
