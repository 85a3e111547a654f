//! The leaf enums of the model: each names a choice a spec makes, with the word spec files
//! use for it (`as_str`) and, with the `serde` feature, its (de)serialisation and schema.

macro_rules! leaf_enum {
    ($(#[$m:meta])* pub enum $name:ident { $($(#[$vm:meta])* $v:ident => $wire:literal,)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Deserialize, serde::Serialize, schemars::JsonSchema))]
        pub enum $name {
            $($(#[$vm])* #[cfg_attr(feature = "serde", serde(rename = $wire))] $v,)*
        }
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$v),*];
            /// The name used in spec files.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$v => $wire),* }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

leaf_enum! {
    /// HTTP methods a spec may name.
    pub enum Method {
        /// GET
        Get => "GET",
        /// POST
        Post => "POST",
        /// PUT
        Put => "PUT",
        /// DELETE
        Delete => "DELETE",
    }
}

leaf_enum! {
    /// How the client authenticates itself at the token endpoint.
    pub enum ClientAuth {
        /// `Authorization: Basic base64(id:secret)` (RFC 6749 §2.3.1, `client_secret_basic`).
        Basic => "basic",
        /// `client_id` and `client_secret` form fields in the body (`client_secret_post`).
        RequestBody => "request_body",
        /// `client_id` and `client_secret` in the query string (Zoho's documented form, Marketo).
        Query => "query",
        /// A public client: `client_id` in the body, no secret.
        None => "none",
        /// An RFC 7523 client assertion signed with the client's private key.
        PrivateKeyJwt => "private_key_jwt",
        /// An RFC 7523 client assertion signed with the client secret (HMAC).
        ClientSecretJwt => "client_secret_jwt",
        /// `client_secret` is a JWT the client signs (Sign in with Apple).
        SignedClientSecret => "signed_client_secret",
    }
}

leaf_enum! {
    /// How `Authorization: Basic` encodes the id and secret.
    pub enum BasicEncoding {
        /// Each form-encoded, then joined and base64-encoded (RFC 6749 §2.3.1).
        Form => "form",
        /// Joined as they are and base64-encoded (what many servers expect).
        Raw => "raw",
    }
}

leaf_enum! {
    /// JWS algorithms for client assertions and signed secrets.
    pub enum JwtAlgorithm {
        /// RSASSA-PKCS1-v1_5 with SHA-256.
        Rs256 => "RS256",
        /// RSASSA-PSS with SHA-256.
        Ps256 => "PS256",
        /// ECDSA P-256 with SHA-256.
        Es256 => "ES256",
        /// Ed25519.
        EdDsa => "EdDSA",
        /// HMAC SHA-256 (with the client secret).
        Hs256 => "HS256",
    }
}

leaf_enum! {
    /// How a request body is encoded.
    pub enum BodyFormat {
        /// `application/x-www-form-urlencoded`.
        Form => "form",
        /// `application/json` (an object of strings).
        Json => "json",
    }
}

leaf_enum! {
    /// How the authorization response reaches the redirect URI.
    pub enum ResponseMode {
        /// In the query string of a GET.
        Query => "query",
        /// In the form body of a POST (OAuth 2.0 Form Post Response Mode; Sign in with Apple).
        FormPost => "form_post",
    }
}

leaf_enum! {
    /// What `expires_in: 0` means.
    pub enum ExpiresInZero {
        /// The token has expired (RFC 6749).
        Expired => "expired",
        /// The token never expires (Mailchimp).
        Never => "never",
    }
}

leaf_enum! {
    /// How an absolute expiry is written.
    pub enum TimeFormat {
        /// Seconds since the Unix epoch.
        UnixSeconds => "unix_seconds",
        /// Milliseconds since the Unix epoch.
        UnixMilliseconds => "unix_milliseconds",
    }
}

leaf_enum! {
    /// How the granted scopes are written in token responses.
    pub enum ScopeFormat {
        /// One string, scopes joined by the response separator.
        String => "string",
        /// A JSON array of strings (Twitch).
        Array => "array",
    }
}

leaf_enum! {
    /// What a renewal sends.
    pub enum RenewWith {
        /// The refresh token (RFC 6749 §6).
        RefreshToken => "refresh_token",
        /// The current access token (Facebook's `fb_exchange_token`).
        AccessToken => "access_token",
    }
}

leaf_enum! {
    /// The grants, as error rules and limits name them.
    pub enum GrantKind {
        /// Authorization code (and PIN) exchange.
        AuthorizationCode => "authorization_code",
        /// Refresh.
        RefreshToken => "refresh_token",
        /// Client credentials.
        ClientCredentials => "client_credentials",
        /// Device code polling and device authorization.
        DeviceCode => "device_code",
        /// A custom grant.
        Custom => "custom",
    }
}

leaf_enum! {
    /// How an HMAC is written.
    pub enum HmacEncoding {
        /// Lowercase hexadecimal.
        Hex => "hex",
        /// Standard base64.
        Base64 => "base64",
    }
}

leaf_enum! {
    /// Body formats the runtime parses.
    pub enum ResponseFormat {
        /// `application/json`; numbers may arrive as strings.
        Json => "json",
        /// `application/x-www-form-urlencoded`.
        Form => "form",
        /// Java properties text: `#` comments, then `KEY=value` lines (Zoho's v1 authtoken).
        Properties => "properties",
    }
}

leaf_enum! {
    /// Meaning of `expires_in`.
    pub enum ExpiresIn {
        /// A freshly minted token's whole lifetime (RFC 6749).
        Full => "full",
        /// What is left of a token that may have been handed out before (Marketo).
        Remaining => "remaining",
    }
}

leaf_enum! {
    /// Time units of `expires_in`.
    pub enum TimeUnit {
        /// Seconds.
        Seconds => "seconds",
        /// Milliseconds (old Zoho responses).
        Milliseconds => "milliseconds",
    }
}

leaf_enum! {
    /// Whether a parameter must, may or cannot be sent.
    pub enum Requirement {
        /// Always sent; the provider rejects requests without it.
        Required => "required",
        /// Sent by the runtime; the provider also accepts requests without it.
        Optional => "optional",
        /// Never sent; the provider does not know it.
        Unsupported => "unsupported",
    }
}

leaf_enum! {
    /// Where request parameters go.
    pub enum ParamsIn {
        /// URL query string.
        Query => "query",
        /// `application/x-www-form-urlencoded` body.
        Body => "body",
    }
}

leaf_enum! {
    /// Events a rate limit counts.
    pub enum Counted {
        /// Authorization codes issued and exchanged.
        AuthorizationCodes => "authorization_codes",
        /// Any token-endpoint request.
        TokenRequests => "token_requests",
        /// Refresh requests.
        Refreshes => "refreshes",
        /// API calls.
        ApiCalls => "api_calls",
    }
}

leaf_enum! {
    /// Objects a cap counts.
    pub enum Capped {
        /// Live access tokens.
        AccessTokens => "access_tokens",
        /// Live refresh tokens.
        RefreshTokens => "refresh_tokens",
        /// API calls in flight at once.
        ConcurrentApiCalls => "concurrent_api_calls",
    }
}

leaf_enum! {
    /// What a limit is kept per.
    pub enum LimitKey {
        /// Per client id.
        Client => "client",
        /// Per user.
        User => "user",
        /// Per refresh token.
        RefreshToken => "refresh_token",
        /// Per instance or subscription.
        Instance => "instance",
    }
}

leaf_enum! {
    /// What the provider does when one more object is minted past a cap.
    pub enum OnExceed {
        /// The request is refused.
        Reject => "reject",
        /// The oldest object is deleted, whether or not it was still in use.
        EvictOldest => "evict_oldest",
    }
}

leaf_enum! {
    /// Where an error rule applies.
    pub enum ErrorSite {
        /// Token-endpoint responses (including custom grants).
        TokenEndpoint => "token_endpoint",
        /// Authorization redirects and pages.
        Authorize => "authorize",
        /// API responses.
        Api => "api",
        /// Revocation responses.
        Revoke => "revoke",
        /// Anywhere.
        Any => "any",
    }
}

leaf_enum! {
    /// The fixed vocabulary of error meanings the runtime acts on.
    pub enum ErrorMeaning {
        /// The access token expired: refresh and retry.
        AccessTokenExpired => "access_token_expired",
        /// The access token is not valid (revoked, evicted, malformed): refresh and retry once.
        AccessTokenInvalid => "access_token_invalid",
        /// The refresh token is not valid: the user must authorize again.
        RefreshTokenInvalid => "refresh_token_invalid",
        /// The authorization code expired: start the authorization again.
        CodeExpired => "code_expired",
        /// The authorization code is unknown or already used.
        CodeInvalid => "code_invalid",
        /// The client id or secret is wrong.
        ClientInvalid => "client_invalid",
        /// The client is disabled or not active.
        ClientDisabled => "client_disabled",
        /// The user (or the provider on the user's behalf) denied access.
        AccessDenied => "access_denied",
        /// The token lacks a needed scope or permission.
        InsufficientScope => "insufficient_scope",
        /// Too many requests: wait (`Retry-After` when given).
        RateLimited => "rate_limited",
        /// A quota or cap is used up (daily quota, refresh-token cap).
        QuotaExhausted => "quota_exhausted",
        /// Device flow: the user has not finished yet; poll again.
        AuthorizationPending => "authorization_pending",
        /// Device flow: poll more slowly.
        SlowDown => "slow_down",
        /// The request was malformed (missing or bad parameter, unregistered redirect URI).
        BadRequest => "bad_request",
        /// The provider failed; retrying later may work.
        ServerError => "server_error",
    }
}

impl ErrorMeaning {
    /// Whether a fresh access token may cure this error (refresh, then retry once).
    pub const fn is_token_error(self) -> bool {
        matches!(
            self,
            ErrorMeaning::AccessTokenExpired | ErrorMeaning::AccessTokenInvalid
        )
    }

    /// Whether retrying the same request later may succeed.
    pub const fn is_transient(self) -> bool {
        matches!(
            self,
            ErrorMeaning::RateLimited | ErrorMeaning::ServerError | ErrorMeaning::SlowDown
        )
    }
}
