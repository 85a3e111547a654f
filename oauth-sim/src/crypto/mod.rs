//! Cryptography, all of it through `ring` (never written here): the public keys clients
//! register ([`jwk`]), JWS signatures of client assertions and signed secrets ([`jwt`]), and
//! the HMAC that signs a redirect ([`hmac`]). These modules verify and sign; what a valid
//! assertion must say is decided by `routes::client_auth`.

pub(crate) mod hmac;
pub(crate) mod jwk;
pub(crate) mod jwt;
