//! [`DeviceAuthorization`]: a device authorization in progress (RFC 8628 §3.2), between
//! showing the user their code and polling for the token. The device code is a secret and
//! stays redacted in `Debug`.

use std::time::{Duration, SystemTime};

use crate::secret::AuthorizationCode;

/// A device authorization in progress (RFC 8628 §3.2).
#[derive(Debug, Clone)]
pub struct DeviceAuthorization {
    /// The code the client polls with (secret).
    pub device_code: AuthorizationCode,
    /// The code the user types in.
    pub user_code: String,
    /// Where the user goes.
    pub verification_uri: String,
    /// The URI with the code filled in, when sent.
    pub verification_uri_complete: Option<String>,
    /// When the device code expires.
    pub expires_at: SystemTime,
    /// Polling interval.
    pub interval: Duration,
}
