//! [`ApiResponse`]: the answer to an authorized API call, read within the size cap and
//! already checked against the spec's error rules. Its body may hold secrets of the API's
//! own, so `Debug` shows its length only.

/// A response from an authorized API call, with provider errors already detected. Its
/// `Debug` shows the body's length, not the body (it may carry secrets of its own).
#[derive(Clone)]
pub struct ApiResponse {
    /// HTTP status.
    pub status: u16,
    /// Response headers.
    pub headers: reqwest::header::HeaderMap,
    /// The body (read with the size cap).
    pub body: bytes::Bytes,
}

impl std::fmt::Debug for ApiResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiResponse")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("body_bytes", &self.body.len())
            .finish()
    }
}
