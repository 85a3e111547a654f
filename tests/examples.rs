//! Every example under `examples/`, run offline against the simulator, with the key lines of
//! its narration checked: an example that stops compiling, fails, or stops showing what it is
//! there to show fails the suite. Also checks how each example reads its environment (without
//! touching the process environment, which other threads may be reading).

// Each example includes `examples/support/mod.rs` for itself, so it is compiled once per
// example here, as it is in `cargo run --example`.
#![allow(clippy::duplicate_mod)]

use std::collections::BTreeMap;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

#[allow(dead_code)] // `main` is for `cargo run --example`.
#[path = "../examples/quickstart.rs"]
mod quickstart;

#[allow(dead_code)]
#[path = "../examples/zoho_projects.rs"]
mod zoho_projects;

#[allow(dead_code)]
#[path = "../examples/zoho_crm.rs"]
mod zoho_crm;

#[allow(dead_code)]
#[path = "../examples/marketo.rs"]
mod marketo;

#[allow(dead_code)]
#[path = "../examples/nest.rs"]
mod nest;

#[allow(dead_code)]
#[path = "../examples/sign_in.rs"]
mod sign_in;

#[allow(dead_code)]
#[path = "../examples/fleet.rs"]
mod fleet;

/// The narration of a run.
fn text(out: Vec<u8>) -> String {
    String::from_utf8(out).expect("the narration is UTF-8")
}

/// Position of the first line containing `needle`, failing with the whole narration.
fn line(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line contains {needle:?} in:\n{text}"))
}

/// Asserts that lines containing each needle appear, in this order.
fn lines_in_order(text: &str, needles: &[&str]) {
    let mut last = None;
    for needle in needles {
        let at = line(text, needle);
        if let Some((prev, prev_at)) = last {
            assert!(
                at > prev_at,
                "{needle:?} (line {at}) should come after {prev:?} (line {prev_at}) in:\n{text}"
            );
        }
        last = Some((needle, at));
    }
}

/// No sample client secret or password reaches the narration, and it reads as text for
/// people: no `Debug` dump of an `Option`, a struct, a redacted secret or a `Duration`.
fn no_secrets(text: &str) {
    for secret in ["-secret", "abcd1234efgh5678"] {
        assert!(!text.contains(secret), "{secret:?} printed in:\n{text}");
    }
    for dump in [
        "Some(",
        "None",
        "Stats {",
        "TokenSet {",
        "[REDACTED]",
        "Ok(",
        "Err(",
    ] {
        assert!(!text.contains(dump), "a Debug dump ({dump:?}) in:\n{text}");
    }
    for line in text.lines() {
        let debug_duration = line
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '.')
            .any(|w| w.len() > 1 && w.ends_with('s') && w[..w.len() - 1].parse::<f64>().is_ok());
        assert!(!debug_duration, "a Debug duration (`60s`) in: {line}");
    }
}

/// A fake environment.
fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Result<Option<String>, BoxError> {
    let map: BTreeMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    move |name| Ok(map.get(name).cloned())
}

fn error_of<T: std::fmt::Debug>(result: Result<T, BoxError>) -> String {
    match result {
        Err(e) => e.to_string(),
        Ok(v) => panic!("expected an error, got {v:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quickstart_narrates_the_whole_lifecycle() {
    let mut out = Vec::new();
    quickstart::run(&mut out).await.expect("quickstart runs");
    let text = text(out);
    lines_in_order(
        &text,
        &[
            "1. Started the Zoho Projects simulator",
            "2. Send the user to:",
            "3. Alice approved; Zoho redirected to:",
            "a refresh token: yes",
            "5. API call with `Authorization: Zoho-oauthtoken ...`: HTTP 200",
            "the API said: API reported `invalid_oauth_token` (access_token_expired)",
            "so we refreshed",
            "ErrorCode::InvalidCode",
            "8. The simulator saw:",
        ],
    );
    no_secrets(&text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zoho_projects_shares_one_refresh_and_respects_the_limits() {
    let mut out = Vec::new();
    zoho_projects::run(&mut out, zoho_projects::Mode::Simulator)
        .await
        .expect("the example runs");
    let text = text(out);
    lines_in_order(
        &text,
        &[
            "2. Authorization code 1 of the 4",
            "`url()` returns Error::LimitReached, retry after 60 s",
            "Sent anyway (a client built with `RateLimiter::unlimited()`), Zoho refuses it",
            "reported `access_denied`",
            "through an AuthorizedClient: 8 x HTTP 200; token sets minted by the source: 0",
            "ErrorCode::InvalidOauthToken, meaning `access_token_expired`",
            "each retried: 8 x HTTP 200",
            "Token sets minted by the source: 1; refreshes the simulator served: 1",
            "ErrorCode::InvalidOauthtoken",
            "renewed once and retried: HTTP 200. The source has minted 2 sets in all, the lone \
             worker 30. The source knows only its own: 3 of the 30 live tokens",
            "ErrorCode::InvalidCode, meaning `code_invalid`",
            "9. The simulator saw:",
        ],
    );
    no_secrets(&text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zoho_crm_pins_the_data_centre_and_types_the_legacy_authtoken() {
    let mut out = Vec::new();
    zoho_crm::run(&mut out, zoho_crm::Mode::Simulator)
        .await
        .expect("the example runs");
    let text = text(out);
    lines_in_order(
        &text,
        &[
            "eu  https://accounts.zoho.eu/oauth/v2/token",
            "The client guessed data centre `eu`",
            "scope=ZohoCRM.modules.leads.ALL%2CZohoCRM.users.READ",
            "location=us",
            "the client is now pinned to `us`",
            "api_domain https://www.zohoapis.com",
            "HTTP 200",
            "ErrorCode::InvalidOauthToken",
            "Refreshed (the refresh token is kept: yes) and retried: HTTP 200",
            "expires never, issued by `legacy_authtoken`",
            "`?authtoken=...&scope=crmapi`, not a header: HTTP 200",
            "| CAUSE=INVALID_PASSWORD",
            "| RESULT=FALSE",
            "ErrorCode::InvalidPassword",
            "ErrorCode::AccountRegistrationNotConfirmed, meaning `access_denied`",
        ],
    );
    no_secrets(&text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn marketo_reuses_one_token_and_renews_once_after_602() {
    let mut out = Vec::new();
    marketo::run(&mut out, marketo::Mode::Simulator)
        .await
        .expect("the example runs");
    let text = text(out);
    lines_in_order(
        &text,
        &[
            "identity endpoint https://284-rpr-133.mktorest.com/identity/oauth/token",
            "configuration error",
            "keyed by its instance and client id: `Marketo:",
            "3 API calls with `Authorization: Bearer ...`: 3 x HTTP 200",
            "Token requests made by the source so far: 1",
            "Marketo hands back the same token: yes",
            "6. At 60 minutes the token has expired",
            "API reported `602` (access_token_expired) with HTTP 200",
            "ErrorCode::E602",
            "renewed the token once and retried: HTTP 200; new token: yes",
            "Token requests made by the source so far: 2",
            "ErrorCode::InvalidClient",
            "ErrorCode::E601",
        ],
    );
    no_secrets(&text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nest_token_survives_a_year_and_errors_are_typed() {
    let mut out = Vec::new();
    nest::run(&mut out, nest::Mode::Simulator)
        .await
        .expect("the example runs");
    let text = text(out);
    lines_in_order(
        &text,
        &[
            "Nest requires `state`",
            "Error::StateMismatch",
            "refresh token: none",
            "5. API call with `Authorization: Bearer ...`: HTTP 200",
            "A year later (the simulator's clock jumped 365 days) the same token: HTTP 200",
            "(8 characters",
            "API call: HTTP 200",
            "ErrorCode::AuthorizationCodeNotFound",
            "ErrorCode::AuthorizationCodeExpired",
            "ErrorCode::ClientNotActive, meaning `client_disabled`",
            "with HTTP 401",
        ],
    );
    no_secrets(&text);
}

#[test]
fn zoho_examples_use_the_simulator_unless_told_otherwise() {
    assert!(matches!(
        zoho_projects::Mode::from_vars(vars(&[])),
        Ok(zoho_projects::Mode::Simulator)
    ));
    assert!(matches!(
        zoho_crm::Mode::from_vars(vars(&[])),
        Ok(zoho_crm::Mode::Simulator)
    ));
    let full = [
        ("ZOHO_CLIENT_ID", "1000.REAL"),
        ("ZOHO_CLIENT_SECRET", "real-zoho-secret"),
        ("ZOHO_REDIRECT_URI", "https://app.example.com/callback"),
        ("ZOHO_DATA_CENTER", "EU"),
    ];
    match zoho_projects::Mode::from_vars(vars(&full)) {
        Ok(zoho_projects::Mode::Zoho(config)) => {
            assert_eq!(config.data_center.key(), "eu");
            let shown = format!("{config:?}");
            assert!(!shown.contains("real-zoho-secret"), "{shown}");
        }
        other => panic!("expected the real mode, got {other:?}"),
    }
    assert!(matches!(
        zoho_crm::Mode::from_vars(vars(&full)),
        Ok(zoho_crm::Mode::Zoho(_))
    ));
}

#[test]
fn partial_zoho_settings_name_the_missing_variables() {
    let e = error_of(zoho_projects::Mode::from_vars(vars(&[(
        "ZOHO_CLIENT_ID",
        "1000.REAL",
    )])));
    assert!(
        e.starts_with("missing environment variables ZOHO_CLIENT_SECRET, ZOHO_REDIRECT_URI:"),
        "{e}"
    );
    // An optional variable alone selects the real mode too, so a typo is not silently ignored.
    let e = error_of(zoho_crm::Mode::from_vars(vars(&[(
        "ZOHO_DATA_CENTER",
        "eu",
    )])));
    assert!(
        e.starts_with(
            "missing environment variables ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET, ZOHO_REDIRECT_URI:"
        ),
        "{e}"
    );
    let e = error_of(zoho_crm::Mode::from_vars(vars(&[
        ("ZOHO_CLIENT_ID", "1000.REAL"),
        ("ZOHO_CLIENT_SECRET", "s"),
        ("ZOHO_REDIRECT_URI", "https://app.example.com/callback"),
        ("ZOHO_DATA_CENTER", "mars"),
    ])));
    assert!(
        e.contains("ZOHO_DATA_CENTER `mars`") && e.contains("us, eu, in"),
        "{e}"
    );
    let e = error_of(zoho_projects::Mode::from_vars(vars(&[
        ("ZOHO_CLIENT_ID", "1000.REAL"),
        ("ZOHO_CLIENT_SECRET", "s"),
        ("ZOHO_REDIRECT_URI", "not a url"),
    ])));
    assert!(e.contains("ZOHO_REDIRECT_URI"), "{e}");
}

#[test]
fn partial_marketo_and_nest_settings_name_the_missing_variables() {
    assert!(matches!(
        marketo::Mode::from_vars(vars(&[])),
        Ok(marketo::Mode::Simulator)
    ));
    let e = error_of(marketo::Mode::from_vars(vars(&[(
        "MARKETO_CLIENT_ID",
        "id",
    )])));
    assert!(
        e.contains("missing environment variables MARKETO_MUNCHKIN_ID, MARKETO_CLIENT_SECRET:"),
        "{e}"
    );
    match marketo::Mode::from_vars(vars(&[
        ("MARKETO_MUNCHKIN_ID", "123-ABC-456"),
        ("MARKETO_CLIENT_ID", "id"),
        ("MARKETO_CLIENT_SECRET", "real-marketo-secret"),
    ])) {
        Ok(marketo::Mode::Marketo(config)) => {
            assert_eq!(config.munchkin_id, "123-ABC-456");
            assert!(!format!("{config:?}").contains("real-marketo-secret"));
        }
        other => panic!("expected the real mode, got {other:?}"),
    }

    assert!(matches!(
        nest::Mode::from_vars(vars(&[])),
        Ok(nest::Mode::Simulator)
    ));
    let e = error_of(nest::Mode::from_vars(vars(&[("NEST_PIN", "ABCD2345")])));
    assert!(
        e.contains("missing environment variables NEST_CLIENT_ID, NEST_CLIENT_SECRET:"),
        "{e}"
    );
    let e = error_of(nest::Mode::from_vars(vars(&[("NEST_CLIENT_ID", "id")])));
    assert!(
        e.contains("missing environment variable NEST_CLIENT_SECRET:"),
        "{e}"
    );
    assert!(matches!(
        nest::Mode::from_vars(vars(&[
            ("NEST_CLIENT_ID", "id"),
            ("NEST_CLIENT_SECRET", "s")
        ])),
        Ok(nest::Mode::Nest(nest::NestConfig { pin: None, .. }))
    ));
}

#[tokio::test]
async fn sign_in_yields_verified_claims() {
    let mut out = Vec::new();
    sign_in::run(&mut out).await.expect("sign_in runs");
    let text = text(out);
    lines_in_order(
        &text,
        &[
            "Signed in: sub=alice iss=https://id.example.com",
            "Audience: [\"my-app\"]",
        ],
    );
    assert!(!text.contains("eyJ"), "no token in the narration:\n{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fleet_keeps_every_customer_fresh_and_reports_the_revoked_one() {
    let mut out = Vec::new();
    fleet::run(&mut out).await.expect("the example runs");
    let text = text(out);
    lines_in_order(
        &text,
        &[
            "1. Started the Zoho Projects simulator",
            &format!("2. Connected {} customers", fleet::CUSTOMERS),
            "3. customer-0 revoked the app",
            "4. A Renewer watches all",
            "1 failed renewal;",
            "RenewalEvent::Dead for customer-0 (once, never retried)",
            "0 handed an expired token, 0 without one",
            "7. Zoho saw",
        ],
    );
    for shown in [
        "with Error::LimitReached and the wait",
        "Zoho never blocked the client id",
    ] {
        assert!(text.contains(shown), "{shown:?} not in:\n{text}");
    }
    // Renewals: each customer but the revoked one, at least once in two hours of 1-hour
    // tokens (the counts are checked by the example itself, which fails otherwise).
    assert!(!text.contains("renewed 0 times"), "{text}");
    no_secrets(&text);
}
