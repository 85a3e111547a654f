//! Broken specs for the v2 features, and what the generator says: where, what, and the fix.
//! (The v1 cases are in `bad_specs.rs`; the helpers shared by both are in `common/`.)
//!
//! Each case is one mistake a spec writer makes, and each must give exactly one error at the
//! YAML position of the mistake: a spec that validates must always compile, so names that
//! would collide in generated code are caught here, not inside `provider!`.

mod common;

use common::{assert_diag, check};
use oauth_codegen::Diagnostic;
use oauth_model::ProviderDef;

/// The head every case starts from: a provider with an API.
const HEAD: &str = "provider: { name: Example, display_name: Example }
endpoints:
  authorize: { url: https://example.com/auth }
  token: { url: https://example.com/token }
  api: { url: https://api.example.com }
";

/// The one problem of `HEAD` + `rest`; fails if there are more or none.
#[track_caller]
fn only_error(rest: &str) -> Diagnostic {
    common::only_error(&format!("{HEAD}{rest}"))
}

#[track_caller]
fn valid(rest: &str) -> ProviderDef {
    let yaml = format!("{HEAD}{rest}");
    check(&yaml).unwrap_or_else(|e| panic!("expected a valid spec:\n{e}"))
}

// --- Scopes as providers write them --------------------------------------------------------

#[test]
fn two_scopes_with_one_rust_name_are_named_both() {
    let d = only_error(
        "grants:\n  authorization_code: {}\nscopes:\n  catalogue: [user-read, user_read]\n",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:9:26",
        "scopes `user-read` (on line 9) and `user_read` both map to the Rust name `scopes::user_read`",
        Some("give one of them another name: `{ scope: \"...\", name: some_name }`"),
    );
}

#[test]
fn url_hyphen_and_colon_scopes_get_documented_names() {
    let def = valid(
        "grants:\n  authorization_code: {}\nscopes:\n  families:\n    - catalogue: [openid, offline_access]\n    - prefix: \"https://www.googleapis.com/auth/\"\n      catalogue: [\"https://www.googleapis.com/auth/drive{,.readonly}\"]\n    - catalogue: [read:jira-work, chat:write.public, user-read-email]\n",
    );
    let scopes = def.scopes.expect("scopes");
    let pairs: Vec<(&str, &str)> = scopes.catalogue.iter().zip(scopes.names.iter()).collect();
    assert_eq!(
        pairs,
        [
            ("chat:write.public", "chat::write::public"),
            ("https://www.googleapis.com/auth/drive", "drive"),
            (
                "https://www.googleapis.com/auth/drive.readonly",
                "drive::readonly"
            ),
            ("offline_access", "offline_access"),
            ("openid", "openid"),
            ("read:jira-work", "read::jira_work"),
            ("user-read-email", "user_read_email"),
        ]
    );
}

#[test]
fn a_second_scope_parameter_routes_its_family() {
    let def = valid(
        "grants:\n  authorization_code: {}\nscopes:\n  params:\n    user_scope: { description: Scopes of the user token. }\n  families:\n    - catalogue: [\"chat:write\"]\n    - module: user\n      param: user_scope\n      catalogue: [\"chat:write\"]\n",
    );
    let scopes = def.scopes.expect("scopes");
    assert_eq!(scopes.params.as_ref(), ["scope", "user_scope"]);
    assert_eq!(
        scopes.names.iter().collect::<Vec<_>>(),
        ["chat::write", "user::chat::write"]
    );
    assert_eq!(scopes.param_of, "01");
}

#[test]
fn an_unknown_scope_parameter_lists_the_declared_ones() {
    let d = only_error(
        "grants:\n  authorization_code: {}\nscopes:\n  families:\n    - param: user_scop\n      catalogue: [a]\n",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:10:14",
        "unknown scope parameter `user_scop`",
        Some("declare it under `scopes.params`; the scope parameters are: scope"),
    );
}

// --- Values learned after authorization -----------------------------------------------------

#[test]
fn an_unknown_connection_value_in_a_template_suggests_the_closest() {
    let yaml = "provider: { name: Example, display_name: Example }
endpoints:
  authorize: { url: https://example.com/auth }
  token: { url: https://example.com/token }
  api: { url: \"{connection.instanc_url}/services\" }
connection:
  instance_url: { description: x, from: token_response, field: instance_url, format: \"https://[a-z]+\\\\.my\\\\.salesforce\\\\.com\" }
grants:
  authorization_code: {}
";
    let d = match check(yaml) {
        Err(d) if d.0.len() == 1 => d.0[0].clone(),
        other => panic!("expected one error, got {other:?}"),
    };
    assert_diag(
        &d,
        "specs/bad.yaml:5:15",
        "unknown connection value `instanc_url` in URL template",
        Some("did you mean `instance_url`?"),
    );
}

#[test]
fn a_connection_format_must_be_a_regular_expression() {
    let d = only_error(
        "connection:\n  realm_id: { description: x, from: callback, field: realmId, format: \"[0-9+\" }\ngrants:\n  authorization_code: {}\n",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:7:71",
        "invalid regular expression `[0-9+` in connection value `realm_id`: non-empty character class has no closing bracket",
        Some("`format` is a regular expression (Rust `regex` syntax, without Unicode classes) that the whole value must match"),
    );
}

#[test]
fn a_follow_up_request_names_a_declared_endpoint() {
    let d = only_error(
        "connection:\n  tenant_id: { description: x, from: request, request: { endpoint: connectons, select: \"*.tenantId\" }, format: \"[0-9a-f-]{36}\" }\ngrants:\n  authorization_code: {}\n",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:7:68",
        "connection value `tenant_id` is requested from unknown endpoint `connectons`",
        Some("declared endpoints: authorize, token, api"),
    );
}

// --- Request control --------------------------------------------------------------------------

#[test]
fn a_reserved_name_cannot_be_an_extra_parameter() {
    let d = only_error(
        "grants:\n  authorization_code:\n    extra_params:\n      state: { description: x, values: [a, b] }\n",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:9:7",
        "extra parameter `state` is one the runtime sends itself; declaring it would send it twice",
        Some("leave it out (the runtime sends it), or rename the standard parameter with `param_names`"),
    );
}

#[test]
fn an_unknown_standard_parameter_cannot_be_renamed() {
    let d =
        only_error("param_names:\n  client_ky: client_key\ngrants:\n  authorization_code: {}\n");
    assert_diag(
        &d,
        "specs/bad.yaml:7:3",
        "`client_ky` is not a standard parameter",
        Some("did you mean `client_id`?"),
    );
}

// --- Presentation and headers -----------------------------------------------------------------

#[test]
fn a_token_header_name_must_be_a_header_name() {
    let d = only_error(
        "token_presentation:\n  header: { name: \"X Shopify\", scheme: \"\" }\ngrants:\n  authorization_code: {}\n",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:7:19",
        "`X Shopify` is not a valid header name",
        Some("a header name is letters, digits and `-`"),
    );
}

#[test]
fn an_api_header_template_names_declared_variables() {
    let d = only_error(
        "api:\n  headers:\n    Notion-Version: \"{versio}\"\ngrants:\n  authorization_code: {}\n",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:8:21",
        "unknown variable `versio` in header `Notion-Version`",
        Some("declared variables: none"),
    );
}

#[test]
fn a_token_origin_wildcard_cannot_cover_a_whole_domain_suffix() {
    for (origin, column) in [
        ("https://*.com", 13),
        ("https://*", 13),
        ("http://*.example.com", 13),
    ] {
        let d = only_error(&format!(
            "api:\n  origins: [\"{origin}\"]\ngrants:\n  authorization_code: {{}}\n"
        ));
        assert_diag(
            &d,
            &format!("specs/bad.yaml:7:{column}"),
            &format!("`{origin}` is not an origin pattern"),
            Some("write `https://host` or `https://*.domain` (scheme and host, no path)"),
        );
    }
    valid("api:\n  origins: [\"https://*.googleapis.com\"]\ngrants:\n  authorization_code: {}\n");
}

#[test]
fn a_token_in_a_template_belongs_to_the_revoke_endpoint() {
    let yaml = "provider: { name: Example, display_name: Example }
endpoints:
  authorize: { url: https://example.com/auth }
  token: { url: \"https://example.com/token/{token}\" }
grants:
  authorization_code: {}
";
    let d = match check(yaml) {
        Err(d) if d.0.len() == 1 => d.0[0].clone(),
        other => panic!("expected one error, got {other:?}"),
    };
    assert_diag(
        &d,
        "specs/bad.yaml:4:17",
        "`{token}` in endpoint `token`",
        Some("`{token}` belongs in the `revoke` endpoint's URL"),
    );
}

// --- Lifetimes, renewals, numbers -------------------------------------------------------------

#[test]
fn durations_are_capped_at_100_years() {
    let d = only_error("grants:\n  authorization_code: {}\nlifetimes:\n  access_token: 40000d\n");
    assert_diag(
        &d,
        "specs/bad.yaml:9:17",
        "duration `40000d` is out of range 0s..=36500d (100 years)",
        Some("a lifetime that does not end is written `never`"),
    );
}

#[test]
fn a_status_out_of_range_says_the_range() {
    let d = only_error(
        "grants:\n  authorization_code: {}\nerrors:\n  - { code: x, at: api, status: 70000, meaning: server_error }\n",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:9:33",
        "HTTP status 70000 is out of range 100..=599",
        None,
    );
}

#[test]
fn a_renewal_with_the_access_token_names_its_grant_type() {
    let d =
        only_error("grants:\n  authorization_code: {}\n  refresh_token: { using: access_token }\n");
    assert_diag(
        &d,
        "specs/bad.yaml:8:27",
        "a renewal that exchanges the access token needs its `grant_type`",
        Some("name it, e.g. `grant_type: fb_exchange_token` and `token_param: fb_exchange_token`"),
    );
}

// --- A spec that validates always compiles ----------------------------------------------------

#[test]
fn a_custom_grant_cannot_take_a_method_name_of_the_client() {
    let d = only_error(
        "grants:\n  custom:\n    refresh:\n      description: x\n      endpoint: token\n      params_in: body\n      params: { a: { value: b } }\n",
    );
    assert_eq!(d.location(), "specs/bad.yaml:8:5", "{d}");
    assert!(d.message.contains("`refresh`"), "{d}");
}

#[test]
fn a_variable_cannot_take_a_builder_name() {
    let yaml = format!(
        "{HEAD}variables:\n  credentials: {{ description: x, format: \"[a-z]+\" }}\n  timeout: {{ description: y, format: \"[a-z]+\" }}\n  clock: {{ description: z, format: \"[a-z]+\" }}\ngrants:\n  authorization_code: {{}}\n"
    );
    let all = check(&yaml).err().map(|d| d.0).unwrap_or_default();
    let got: Vec<(String, String)> = all
        .iter()
        .map(|d| (d.location(), d.message.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "specs/bad.yaml:7:3".to_string(),
                "variable `credentials` would take the name `credentials`, which the generated builder uses".to_string()
            ),
            (
                "specs/bad.yaml:8:3".to_string(),
                "variable `timeout` would take the name `timeout`, which the generated builder uses".to_string()
            ),
            (
                "specs/bad.yaml:9:3".to_string(),
                "variable `clock` would take the name `clock`, which the generated builder uses".to_string()
            ),
        ]
    );
}

#[test]
fn a_choice_variable_cannot_generate_error_code() {
    let d = only_error(
        "variables:\n  error_code:\n    description: x\n    values: { a: {}, b: {} }\ngrants:\n  authorization_code: {}\n",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:7:3",
        "variable `error_code` generates the type `ErrorCode`, which generated code already takes",
        Some("rename one of them"),
    );
}

#[test]
fn the_provider_cannot_be_named_error_code() {
    let yaml = "provider: { name: ErrorCode, display_name: Example }
endpoints:
  authorize: { url: https://example.com/auth }
  token: { url: https://example.com/token }
grants:
  authorization_code: {}
";
    let d = match check(yaml) {
        Err(d) if d.0.len() == 1 => d.0[0].clone(),
        other => panic!("expected one error, got {other:?}"),
    };
    assert_diag(
        &d,
        "specs/bad.yaml:1:19",
        "provider name `ErrorCode` is a name the generated code takes",
        Some("the generated module already has an item `ErrorCode`; choose another name"),
    );
}

#[test]
fn a_variable_and_an_extra_parameter_cannot_share_a_type() {
    let d = only_error(
        "variables:\n  prompt: { description: x, format: \"[a-z]+\", default: a }\ngrants:\n  authorization_code:\n    extra_params:\n      prompt: { description: y, values: [login, consent] }\n",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:11:7",
        "extra parameter `prompt` generates the type `Prompt`, which variable `prompt` already takes",
        Some("rename one of them"),
    );
}
