//! Broken specs and what the generator says about them: where (`file:line:column`), what
//! rule was broken, and what would be right.
//!
//! Each spec is written out in full so the expected position can be read off the text.

mod common;

use std::path::Path;

use common::assert_diag;
use oauth_codegen::load::load_str;
use oauth_codegen::validate::validate;
use oauth_codegen::{Diagnostic, Diagnostics};
use oauth_model::{
    ClientAuth, ExpiresIn, Lifetime, Method, Presentation, ProviderDef, Requirement,
    ResponseFormat, TemplatePart, TimeUnit, VarValue, VariableKind,
};

/// Removes the indentation common to every line, and the first line if it is empty, so specs
/// can be written indented in the test source.
fn dedent(text: &str) -> String {
    let text = text.strip_prefix('\n').unwrap_or(text);
    let indent = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    text.lines()
        .map(|l| l.get(indent..).unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Loads and validates `yaml`, dedented, as `specs/bad.yaml`.
fn check(yaml: &str) -> Result<ProviderDef, Diagnostics> {
    common::check(&dedent(yaml))
}

/// The one problem of `yaml`, dedented; fails if there are more or none.
#[track_caller]
fn only_error(yaml: &str) -> Diagnostic {
    common::only_error(&dedent(yaml))
}

#[track_caller]
fn errors(yaml: &str) -> Vec<Diagnostic> {
    common::errors(&dedent(yaml))
}

// --- Load stage: YAML and shape ---------------------------------------------------------

#[test]
fn yaml_syntax_error_points_at_the_bad_token() {
    let d = only_error(
        "
        provider:
          name: Example: Cloud
          display_name: Example
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:2:16",
        "mapping values are not allowed in this context",
        Some("a plain value cannot contain `: `; put it in quotes: `\"...\"`"),
    );
}

#[test]
fn unknown_key_suggests_the_closest_one() {
    let d = only_error(
        "
        endpoints:
          token:
            url: https://example.com/token
            methd: POST
        ",
    );
    assert_eq!(d.location(), "specs/bad.yaml:4:5");
    assert!(d.message.starts_with("unknown field `methd`"), "{d}");
    assert_eq!(d.help.as_deref(), Some("did you mean `method`?"));
}

#[test]
fn unknown_enum_value_suggests_the_closest_one() {
    let d = only_error(
        "
        client_auth: requestbody
        ",
    );
    assert_eq!(d.location(), "specs/bad.yaml:1:14");
    assert!(
        d.message.starts_with("unknown variant `requestbody`"),
        "{d}"
    );
    assert_eq!(d.help.as_deref(), Some("did you mean `request_body`?"));
}

#[test]
fn wrong_type_is_reported_with_the_expected_one() {
    let d = only_error(
        "
        grants:
          authorization_code:
            code_length: six
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:3:18",
        "expected a whole number (such as `6`), found `six`",
        None,
    );
}

// --- Provider -------------------------------------------------------------------------------

#[test]
fn missing_provider_section_concerns_the_whole_file() {
    let d = only_error(
        "
        endpoints:
          token:
            url: https://example.com/token
        grants:
          refresh_token: {}
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml",
        "missing `provider` section",
        Some(
            "add `provider:` with `name` (the Rust type name) and `display_name`, here or in \
             the spec this one `extends`",
        ),
    );
}

#[test]
fn provider_name_must_be_upper_camel_case() {
    let d = only_error(
        "
        provider:
          name: zoho projects
          display_name: Zoho Projects
        endpoints:
          token:
            url: https://example.com/token
        grants:
          refresh_token: {}
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:2:9",
        "provider name `zoho projects` is not an UpperCamelCase Rust identifier",
        Some("did you mean `ZohoProjects`?"),
    );
}

#[test]
fn provider_name_cannot_be_a_keyword() {
    let d = only_error(
        "
        provider:
          name: Self
          display_name: Myself
        endpoints:
          token:
            url: https://example.com/token
        grants:
          refresh_token: {}
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:2:9",
        "provider name `Self` is a Rust keyword",
        Some("the name becomes the client's type name; choose another"),
    );
}

// --- Variables ------------------------------------------------------------------------------

#[test]
fn choice_default_must_be_one_of_the_values() {
    let d = only_error(
        "
        provider: { name: Example, display_name: Example }
        variables:
          region:
            description: Where the account lives.
            default: euu
            values:
              eu: {}
              us: {}
        endpoints:
          token:
            url: https://{region}.example.com/token
        grants:
          refresh_token: {}
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:5:14",
        "default `euu` is not a value of variable `region`",
        Some("did you mean `eu`?"),
    );
}

#[test]
fn choice_values_must_define_the_same_properties() {
    let d = only_error(
        "
        provider: { name: Example, display_name: Example }
        variables:
          region:
            description: Where the account lives.
            values:
              eu:
                properties: { accounts: https://accounts.example.eu, api: https://api.example.eu }
              us:
                properties: { accounts: https://accounts.example.com, apis: https://api.example.com }
        endpoints:
          token:
            url: '{region.accounts}/token'
        grants:
          refresh_token: {}
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:8:7",
        "value `us` of variable `region` lacks property `api` and has extra property `apis`",
        Some("every value must define the same properties as the first value `eu`: accounts, api"),
    );
}

#[test]
fn free_variable_example_must_match_its_format() {
    let d = only_error(
        "
        provider: { name: Example, display_name: Example }
        variables:
          instance:
            description: The instance id, from the admin page.
            format: '[0-9]{3}-[A-Z]{3}-[0-9]{3}'
            example: 123-abc-456
        endpoints:
          token:
            url: https://{instance}.example.com/token
        grants:
          client_credentials: {}
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:6:14",
        "example `123-abc-456` does not match the format of variable `instance`",
        Some("the whole value must match `[0-9]{3}-[A-Z]{3}-[0-9]{3}`"),
    );
}

#[test]
fn free_variable_format_must_be_a_valid_regex() {
    let d = only_error(
        "
        provider: { name: Example, display_name: Example }
        variables:
          instance:
            description: The instance id.
            format: '[0-9'
            example: '123'
        endpoints:
          token:
            url: https://{instance}.example.com/token
        grants:
          client_credentials: {}
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:5:13",
        "invalid regular expression `[0-9` in variable `instance`: found unclosed character \
         class",
        Some(
            "`format` is a regular expression (Rust `regex` syntax, without Unicode classes) \
             that the whole value must match",
        ),
    );
}

#[test]
fn variable_cannot_be_both_choice_and_free() {
    let d = only_error(
        "
        provider: { name: Example, display_name: Example }
        variables:
          region:
            description: Where the account lives.
            format: '[a-z]+'
            values:
              eu: {}
        endpoints:
          token:
            url: https://{region}.example.com/token
        grants:
          refresh_token: {}
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:5:13",
        "variable `region` has both `values` and `format`",
        Some("a choice variable lists `values`; a free variable gives a `format` instead"),
    );
}

#[test]
fn variable_names_are_snake_case() {
    let d = only_error(
        "
        provider: { name: Example, display_name: Example }
        variables:
          dataCenter:
            description: Where the account lives.
            values:
              eu: {}
        endpoints:
          token:
            url: https://{dataCenter}.example.com/token
        grants:
          refresh_token: {}
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:3:3",
        "variable name `dataCenter` is not a snake_case identifier",
        Some("did you mean `data_center`?"),
    );
}

// --- Endpoint templates ---------------------------------------------------------------------

const REGION: &str = "
        provider: { name: Example, display_name: Example }
        variables:
          region:
            description: Where the account lives.
            values:
              eu:
                properties: { accounts: https://accounts.example.eu }
              us:
                properties: { accounts: https://accounts.example.com }
          instance:
            description: The instance id.
            format: '[a-z0-9]+'
            example: acme
        grants:
          refresh_token: {}
        endpoints:
          token:
";

#[test]
fn unknown_variable_in_a_template_suggests_the_closest() {
    let d = only_error(&format!(
        "{REGION}            url: '{{regoin.accounts}}/token'\n"
    ));
    assert_diag(
        &d,
        "specs/bad.yaml:18:10",
        "unknown variable `regoin` in URL template",
        Some("did you mean `region`?"),
    );
}

#[test]
fn unknown_property_in_a_template_lists_the_valid_ones() {
    let d = only_error(&format!(
        "{REGION}            url: '{{region.acounts}}/token'\n"
    ));
    assert_diag(
        &d,
        "specs/bad.yaml:18:10",
        "variable `region` has no property `acounts`",
        Some("the properties of `region` are: accounts"),
    );
}

#[test]
fn a_free_variable_has_no_properties() {
    let d = only_error(&format!(
        "{REGION}            url: 'https://{{instance.host}}/token'\n"
    ));
    assert_diag(
        &d,
        "specs/bad.yaml:18:10",
        "variable `instance` is a free value and has no property `host`",
        Some("write `{instance}` for its value"),
    );
}

#[test]
fn unbalanced_braces_in_a_template() {
    let d = only_error(&format!(
        "{REGION}            url: '{{region.accounts/token'\n"
    ));
    assert_diag(
        &d,
        "specs/bad.yaml:18:10",
        "unbalanced `{` in URL template `{region.accounts/token`",
        Some("placeholders are written `{variable}`, `{variable.property}`, `{connection.name}` or `{client_id}`"),
    );
}

#[test]
fn template_must_render_to_a_valid_url() {
    let d = only_error(&format!(
        "{REGION}            url: '{{instance}}.example.com/token'\n"
    ));
    assert_diag(
        &d,
        "specs/bad.yaml:18:10",
        "invalid URL `acme.example.com/token`: relative URL without a base",
        Some("an endpoint URL is absolute, such as `https://example.com/oauth/token`"),
    );
}

#[test]
fn every_choice_is_rendered_when_checking_a_url() {
    // `{region}` renders the key; `eu` makes a fine host, `u s` does not.
    let d = only_error(
        "
        provider: { name: Example, display_name: Example }
        variables:
          region:
            description: Where the account lives.
            values:
              eu: {}
              u s: {}
        endpoints:
          token:
            url: https://{region}.example.com/token
        grants:
          refresh_token: {}
        ",
    );
    assert_eq!(d.location(), "specs/bad.yaml:10:10");
    assert!(
        d.message
            .starts_with("invalid URL `https://u s.example.com/token`: "),
        "{d}"
    );
}

#[test]
fn a_bad_url_names_the_choice_it_was_rendered_for() {
    let d = only_error(
        &format!("{REGION}            url: '{{region.accounts}}/token'\n").replace(
            "https://accounts.example.com",
            "http://accounts.example.com",
        ),
    );
    assert_diag(
        &d,
        "specs/bad.yaml:18:10",
        "endpoint URL `http://accounts.example.com/token` uses `http`, not https",
        Some(
            "plain http is allowed only for localhost, 127.0.0.1 and [::1] \
             (this URL is for `region` = `us`)",
        ),
    );
}

#[test]
fn a_wrong_type_names_what_was_expected_and_found() {
    let d = only_error(
        "
        grants:
          refresh_token: yes please
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:2:18",
        "expected a mapping (indented `key: value` lines, or `{}` for none), found `yes please`",
        None,
    );
}

#[test]
fn plain_http_is_only_for_loopback() {
    let d = only_error(&format!(
        "{REGION}            url: http://example.com/token\n"
    ));
    assert_diag(
        &d,
        "specs/bad.yaml:18:10",
        "endpoint URL `http://example.com/token` uses `http`, not https",
        Some("plain http is allowed only for localhost, 127.0.0.1 and [::1]"),
    );
    assert!(check(&format!(
        "{REGION}            url: http://127.0.0.1:8080/token\n"
    ))
    .is_ok());
    assert!(check(&format!(
        "{REGION}            url: http://localhost/token\n"
    ))
    .is_ok());
}

// --- Grants ---------------------------------------------------------------------------------

#[test]
fn grant_naming_an_undeclared_endpoint_suggests_the_closest() {
    let d = only_error(
        "
        provider: { name: Example, display_name: Example }
        endpoints:
          token:
            url: https://example.com/token
        grants:
          refresh_token:
            token_endpoint: tokn
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:7:21",
        "unknown endpoint `tokn` in grant `refresh_token`",
        Some("did you mean `token`?"),
    );
}

#[test]
fn authorization_code_needs_an_authorize_endpoint() {
    let d = only_error(
        "
        provider: { name: Example, display_name: Example }
        endpoints:
          token:
            url: https://example.com/token
        grants:
          authorization_code: {}
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml",
        "grant `authorization_code` needs an endpoint named `authorize`",
        Some(
            "declare `endpoints.authorize`, or set `authorize_endpoint` to one of the declared \
             endpoints: token",
        ),
    );
}

#[test]
fn a_spec_without_grants_is_an_error() {
    let d = only_error(
        "
        provider: { name: Example, display_name: Example }
        endpoints:
          token:
            url: https://example.com/token
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml",
        "the spec declares no grants",
        Some(
            "add at least one under `grants:`: authorization_code, pin, refresh_token, \
             client_credentials, device_code or custom",
        ),
    );
}

#[test]
fn extra_param_default_must_be_an_allowed_value() {
    let d = only_error(
        "
        provider: { name: Example, display_name: Example }
        endpoints:
          authorize: { url: https://example.com/authorize }
          token: { url: https://example.com/token }
        grants:
          authorization_code:
            extra_params:
              access_type:
                description: Whether a refresh token comes back.
                values: [online, offline]
                default: offlin
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:11:18",
        "default `offlin` is not a value of extra parameter `access_type`",
        Some("did you mean `offline`?"),
    );
}

#[test]
fn callback_param_must_select_a_declared_variable() {
    let d = only_error(
        "
        provider: { name: Example, display_name: Example }
        variables:
          data_center:
            description: Where the account lives.
            values:
              us: { properties: { accounts: https://accounts.example.com } }
        endpoints:
          authorize: { url: '{data_center.accounts}/authorize' }
          token: { url: '{data_center.accounts}/token' }
        grants:
          authorization_code:
            callback_params:
              location:
                selects: data_centre
        ",
    );
    let all = errors(
        "
        provider: { name: Example, display_name: Example }
        variables:
          data_center:
            description: Where the account lives.
            values:
              us: { properties: { accounts: https://accounts.example.com } }
        endpoints:
          authorize: { url: '{data_center.accounts}/authorize' }
          token: { url: '{data_center.accounts}/token' }
        grants:
          authorization_code:
            callback_params:
              accounts-server:
                selects: data_center
                by_property: account
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:14:18",
        "callback parameter `location` selects unknown variable `data_centre`",
        Some("did you mean `data_center`?"),
    );
    assert_eq!(all.len(), 1);
    assert_diag(
        &all[0],
        "specs/bad.yaml:15:22",
        "variable `data_center` has no property `account`",
        Some("did you mean `accounts`?"),
    );
}

#[test]
fn custom_grant_inputs_need_distinct_names() {
    let d = only_error(
        "
        provider: { name: Example, display_name: Example }
        endpoints:
          authtoken: { url: https://example.com/apiauthtoken/create }
        grants:
          custom:
            legacy_authtoken:
              description: Trades a password for a long-lived authtoken.
              endpoint: authtoken
              params_in: query
              params:
                EMAIL_ID: { input: { name: login } }
                PASSWORD: { input: { name: password, secret: true } }
                LOGIN_ID: { input: { name: login } }
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:13:36",
        "duplicate input `login` in custom grant `legacy_authtoken`; first declared on line 11",
        Some("each input becomes a method argument and needs its own name"),
    );
}

#[test]
fn custom_grant_names_are_snake_case() {
    let d = only_error(
        "
        provider: { name: Example, display_name: Example }
        endpoints:
          authtoken: { url: https://example.com/apiauthtoken/create }
        grants:
          custom:
            LegacyAuthtoken:
              description: Trades a password for a long-lived authtoken.
              endpoint: authtoken
              params_in: body
              params:
                SCOPE: { value: crmapi }
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:6:5",
        "custom grant name `LegacyAuthtoken` is not a snake_case identifier",
        Some("did you mean `legacy_authtoken`?"),
    );
}

// --- Durations and limits -------------------------------------------------------------------

#[test]
fn duration_in_words_is_rejected_with_a_suggestion() {
    let d = only_error(
        "
        provider: { name: Example, display_name: Example }
        endpoints:
          token: { url: https://example.com/token }
        grants:
          refresh_token: {}
        lifetimes:
          access_token: 5 minutes
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:7:17",
        "invalid duration `5 minutes`; expected a number followed by s, m, h or d (e.g. `2m`), \
         or `never`",
        Some("did you mean `5m`?"),
    );
}

#[test]
fn durations_longer_than_100_years_are_refused_with_the_range() {
    let all = errors(
        "
        provider: { name: Example, display_name: Example }
        endpoints:
          token: { url: https://example.com/token }
        grants:
          refresh_token: {}
        lifetimes:
          access_token: 18446744073709551615s
          refresh_token: 36501d
          refresh_skew: 36500d
        limits:
          - rate:
              counts: token_requests
              max: 1
              per: 200000000000h
              description: One per eternity.
        ",
    );
    assert_eq!(all.len(), 3, "{}", Diagnostics(all.clone()));
    let help = Some("a lifetime that does not end is written `never`");
    assert_diag(
        &all[0],
        "specs/bad.yaml:7:17",
        "duration `18446744073709551615s` is out of range 0s..=36500d (100 years)",
        help,
    );
    assert_diag(
        &all[1],
        "specs/bad.yaml:8:18",
        "duration `36501d` is out of range 0s..=36500d (100 years)",
        help,
    );
    assert_diag(
        &all[2],
        "specs/bad.yaml:14:12",
        "duration `200000000000h` is out of range 0s..=36500d (100 years)",
        help,
    );
}

#[test]
fn rate_window_cannot_be_never_and_max_cannot_be_zero() {
    let all = errors(
        "
        provider: { name: Example, display_name: Example }
        endpoints:
          token: { url: https://example.com/token }
        grants:
          refresh_token: {}
        limits:
          - rate:
              counts: token_requests
              max: 0
              per: never
              description: No limit, really.
        ",
    );
    assert_eq!(all.len(), 2, "{}", Diagnostics(all.clone()));
    assert_diag(
        &all[0],
        "specs/bad.yaml:9:12",
        "`max` 0 is out of range 1..=4294967295",
        None,
    );
    assert_diag(
        &all[1],
        "specs/bad.yaml:10:12",
        "`per` cannot be `never`",
        Some(
            "expected a number followed by s, m, h or d (e.g. `2m`); `never` is only for lifetimes",
        ),
    );
}

// --- Scopes ---------------------------------------------------------------------------------

const SCOPED: &str = "
        provider: { name: Example, display_name: Example }
        endpoints:
          authorize: { url: https://example.com/authorize }
          token: { url: https://example.com/token }
        grants:
          authorization_code: {}
        scopes:
          separator: ','
          syntax: 'Ex.{module}.{operation}'
          catalogue:
";

#[test]
fn duplicate_scope_names_the_first_occurrence() {
    let d = only_error(&format!(
        "{SCOPED}            - 'Ex.{{users,files}}.{{READ,ALL}}'\n            - Ex.files.ALL\n"
    ));
    assert_diag(
        &d,
        "specs/bad.yaml:12:7",
        "duplicate scope `Ex.files.ALL`; first listed on line 11",
        Some("list each scope once"),
    );
}

#[test]
fn duplicate_scope_within_one_pattern_says_so() {
    let d = only_error(&format!(
        "{SCOPED}            - 'Ex.{{users,users}}.READ'\n"
    ));
    assert_eq!(
        d.message,
        "duplicate scope `Ex.users.READ`; `Ex.{users,users}.READ` produces it twice"
    );
}

#[test]
fn malformed_scope_segment() {
    let d = only_error(&format!("{SCOPED}            - Ex.user-profile.READ\n"));
    assert_diag(
        &d,
        "specs/bad.yaml:11:7",
        "malformed scope `Ex.user-profile.READ`: `user-profile` is not an identifier",
        Some(
            "after the prefix `Ex.`, a scope is segments separated by `.`, each made of \
             letters, digits and `_` and not starting with a digit",
        ),
    );
}

#[test]
fn scope_must_start_with_the_syntax_prefix() {
    let d = only_error(&format!(
        "{SCOPED}            - Ex.users.READ\n            - Other.users.READ\n"
    ));
    assert_diag(
        &d,
        "specs/bad.yaml:12:7",
        "scope `Other.users.READ` does not start with `Ex.`, the prefix of the scope syntax",
        Some("every scope has the shape `Ex.{module}.{operation}`"),
    );
}

#[test]
fn default_scope_must_be_in_the_catalogue() {
    let d = only_error(&format!(
        "{SCOPED}            - 'Ex.users.{{READ,ALL}}'\n          default: [Ex.users.RAED]\n"
    ));
    assert_diag(
        &d,
        "specs/bad.yaml:12:13",
        "default scope `Ex.users.RAED` is not in the catalogue",
        Some("did you mean `Ex.users.READ`?"),
    );
}

#[test]
fn scope_syntax_cannot_contain_whitespace() {
    let d = only_error(
        "
        provider: { name: Example, display_name: Example }
        endpoints:
          token: { url: https://example.com/token }
        grants:
          client_credentials: {}
        scopes:
          separator: ','
          syntax: 'Ex {module}'
          catalogue: ['Ex users']
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:8:11",
        "scope syntax `Ex {module}` contains ' ': a scope cannot contain whitespace or control \
         characters",
        Some(
            "write the shape of one scope with a `{placeholder}` per part, such as \
             `Zoho.{module}.{operation}`",
        ),
    );
}

#[test]
fn scope_syntax_needs_a_placeholder_and_separator_a_character() {
    let all = errors(
        "
        provider: { name: Example, display_name: Example }
        endpoints:
          token: { url: https://example.com/token }
        grants:
          client_credentials: {}
        scopes:
          separator: ''
          syntax: Ex.module.operation
          catalogue: [Ex.module.operation]
        ",
    );
    assert_eq!(all.len(), 2, "{}", Diagnostics(all.clone()));
    assert_diag(
        &all[0],
        "specs/bad.yaml:7:14",
        "scope separator is empty",
        Some("RFC 6749 joins scopes with a space: `separator: \" \"`"),
    );
    assert_diag(
        &all[1],
        "specs/bad.yaml:8:11",
        "scope syntax `Ex.module.operation` has no `{placeholder}`",
        Some(
            "write the shape of one scope with a `{placeholder}` per part, such as \
             `Zoho.{module}.{operation}`",
        ),
    );
}

// --- Error rules ----------------------------------------------------------------------------

const RULES: &str = "
        provider: { name: Example, display_name: Example }
        endpoints:
          token: { url: https://example.com/token }
        grants:
          refresh_token: {}
        errors:
";

#[test]
fn error_rule_without_meaning_lists_the_meanings() {
    let d = only_error(&format!(
        "{RULES}          - code: invalid_grant\n            status: 400\n"
    ));
    assert_diag(
        &d,
        "specs/bad.yaml:7:11",
        "error rule `invalid_grant` has no meaning; expected one of access_token_expired, \
         access_token_invalid, refresh_token_invalid, code_expired, code_invalid, \
         client_invalid, client_disabled, access_denied, insufficient_scope, rate_limited, \
         quota_exhausted, authorization_pending, slow_down, bad_request, server_error",
        Some("add `meaning:` with the one the runtime should act on"),
    );
}

#[test]
fn field_test_needs_equals_or_one_of() {
    let d = only_error(&format!(
        "{RULES}          - code: invalid_grant
            meaning: refresh_token_invalid
            when:
              - field: error
"
    ));
    assert_diag(
        &d,
        "specs/bad.yaml:10:16",
        "field test on `error` checks nothing",
        Some("give exactly one of `equals`, `one_of`, `starts_with`, `contains`, `between` and `absent: true`"),
    );
}

#[test]
fn error_rule_needs_a_status_or_a_test() {
    let d = only_error(&format!(
        "{RULES}          - code: anything\n            meaning: server_error\n"
    ));
    assert_diag(
        &d,
        "specs/bad.yaml:7:11",
        "error rule `anything` has neither `status` nor `when`",
        Some(
            "a rule without either would match every response; give it a `status`, a `when` \
             test, or both",
        ),
    );
}

#[test]
fn error_codes_are_unique_per_site_but_may_repeat_across_sites() {
    let d = only_error(&format!(
        "{RULES}          - {{ code: expired, at: api, status: 401, meaning: access_token_expired }}
          - {{ code: expired, at: token_endpoint, status: 400, meaning: code_expired }}
          - {{ code: expired, at: api, status: 403, meaning: access_token_invalid }}
"
    ));
    assert_diag(
        &d,
        "specs/bad.yaml:9:13",
        "duplicate error rule `expired` at `api`; first declared on line 7",
        Some("a code names one rule per site; merge the two rules or rename one"),
    );
}

#[test]
fn error_status_must_be_an_http_status() {
    let d = only_error(&format!(
        "{RULES}          - {{ code: weird, status: 999, meaning: server_error }}\n"
    ));
    assert_diag(
        &d,
        "specs/bad.yaml:7:28",
        "HTTP status 999 is out of range 100..=599",
        None,
    );
}

// --- Presentation ---------------------------------------------------------------------------

#[test]
fn header_scheme_is_one_word() {
    let d = only_error(
        "
        provider: { name: Example, display_name: Example }
        endpoints:
          token: { url: https://example.com/token }
        grants:
          refresh_token: {}
        token_presentation:
          header: { scheme: Zoho oauthtoken }
        ",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:7:21",
        "token header scheme `Zoho oauthtoken` contains a space",
        Some("the scheme is one word, such as `Bearer` or `Zoho-oauthtoken`"),
    );
}

// --- Whole-spec behaviour -------------------------------------------------------------------

#[test]
fn every_problem_is_reported_at_once_in_file_order() {
    // The sections are written in the reverse of the order they are checked in, so the
    // result is in file order only because the diagnostics are sorted.
    let all = errors(
        "
        errors:
          - code: invalid_grant
            status: 400
        lifetimes:
          access_token: 1 hour
        grants:
          refresh_token:
            token_endpoint: tokn
        endpoints:
          token:
            url: https://{regoin}.example.com/token
        variables:
          region:
            description: Where the account lives.
            default: mars
            values:
              eu: {}
        provider:
          name: example
          display_name: Example
        ",
    );
    let got: Vec<(String, &str)> = all
        .iter()
        .map(|d| (d.location(), d.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "specs/bad.yaml:2:11".to_string(),
                "error rule `invalid_grant` has no meaning; expected one of \
                 access_token_expired, access_token_invalid, refresh_token_invalid, \
                 code_expired, code_invalid, client_invalid, client_disabled, access_denied, \
                 insufficient_scope, rate_limited, quota_exhausted, authorization_pending, \
                 slow_down, bad_request, server_error"
            ),
            (
                "specs/bad.yaml:5:17".to_string(),
                "invalid duration `1 hour`; expected a number followed by s, m, h or d \
                 (e.g. `2m`), or `never`"
            ),
            (
                "specs/bad.yaml:8:21".to_string(),
                "unknown endpoint `tokn` in grant `refresh_token`"
            ),
            (
                "specs/bad.yaml:11:10".to_string(),
                "unknown variable `regoin` in URL template"
            ),
            (
                "specs/bad.yaml:15:14".to_string(),
                "default `mars` is not a value of variable `region`"
            ),
            (
                "specs/bad.yaml:19:9".to_string(),
                "provider name `example` is not an UpperCamelCase Rust identifier"
            ),
        ]
    );
    // `Display` gives one block per problem, each with its help.
    let text = Diagnostics(all).to_string();
    assert!(text.contains("  = help: did you mean `Example`?"), "{text}");
}

#[test]
fn problems_in_a_base_file_point_into_that_file() {
    let base = "grants:\n  refresh_token:\n    token_endpoint: tokn\n";
    let child = "extends: base.yaml\nprovider: { name: Example, display_name: Example }\nendpoints:\n  token: { url: https://example.com/token }\n";
    let loaded = load_str(Path::new("specs/child.yaml"), child, |_| {
        Ok(base.to_string())
    })
    .expect("loads");
    let err = validate(&loaded).expect_err("the base names an undeclared endpoint");
    assert_eq!(err.0.len(), 1, "{err}");
    assert_eq!(err.0[0].location(), "specs/base.yaml:3:21");
}

#[test]
fn minimal_valid_spec_resolves_with_defaults() {
    let def = check(
        "
        provider:
          name: Example
          display_name: Example Cloud
        variables:
          region:
            description: Where the account lives.
            default: us
            values:
              us:
                label: United States
                properties: { accounts: https://accounts.example.com, tld: com }
              eu:
                properties: { accounts: https://accounts.example.eu, tld: eu }
        endpoints:
          authorize:
            url: '{region.accounts}/oauth/authorize'
          token:
            url: '{region.accounts}/oauth/token'
          api:
            url: https://api.example.{region.tld}/{region}
          device_authorization:
            url: '{region.accounts}/oauth/device'
        grants:
          authorization_code:
            pkce: required
          refresh_token: {}
          device_code: {}
        lifetimes:
          access_token: 1h
          refresh_token: never
        scopes:
          separator: ','
          syntax: 'Ex.{module}.{operation}'
          catalogue: ['Ex.{users,files}.{READ,ALL}']
          default: [Ex.users.READ]
        errors:
          - code: invalid_grant
            at: token_endpoint
            when: [{ field: error, one_of: [invalid_grant, expired] }]
            meaning: refresh_token_invalid
        ",
    )
    .unwrap_or_else(|e| panic!("{e}"));

    assert_eq!(def.name, "Example");
    assert_eq!(def.display_name, "Example Cloud");

    // Variables and choices keep the order they were written in.
    let (index, region) = def.variable("region").expect("region");
    assert_eq!(index, 0);
    let VariableKind::Choice {
        properties,
        choices,
        default,
    } = &region.kind
    else {
        panic!("region is a choice")
    };
    assert_eq!(properties.as_ref(), ["accounts", "tld"]);
    let keys: Vec<&str> = choices.iter().map(|c| c.key.as_ref()).collect();
    assert_eq!(keys, ["us", "eu"]);
    assert_eq!(*default, Some(0));
    assert_eq!(choices[0].label.as_deref(), Some("United States"));

    // Templates are parsed into variable and property references.
    let token = def.endpoint("token").expect("token");
    assert!(matches!(
        token.url.parts.as_ref(),
        [TemplatePart::Var { var: 0, property: Some(0) }, TemplatePart::Lit(l)] if l == "/oauth/token"
    ));
    let api = def.endpoint("api").expect("api");
    assert_eq!(
        api.url
            .render(&def, &[VarValue::Choice(1)])
            .expect("renders"),
        "https://api.example.eu/eu"
    );

    // Methods: GET for authorize and api, POST for the rest.
    assert_eq!(
        def.endpoint("authorize").map(|e| e.method),
        Some(Method::Get)
    );
    assert_eq!(token.method, Method::Post);
    assert_eq!(api.method, Method::Get);

    // Top-level defaults.
    assert_eq!(def.client_auth.method, ClientAuth::Basic);
    assert!(
        matches!(&def.token_presentation, Presentation::Header { name, scheme } if name == "Authorization" && scheme == "Bearer")
    );
    let r = &def.token_response;
    assert_eq!(r.format, ResponseFormat::Json);
    assert_eq!(r.expires_in, ExpiresIn::Full);
    assert_eq!(r.expires_in_unit, TimeUnit::Seconds);
    assert_eq!(
        [
            r.fields.access_token.as_ref(),
            r.fields.refresh_token.as_ref(),
            r.fields.expires_in.as_ref(),
            r.fields.scope.as_ref(),
            r.fields.token_type.as_ref(),
        ],
        [
            "access_token",
            "refresh_token",
            "expires_in",
            "scope",
            "token_type"
        ]
    );
    assert_eq!(
        r.scope_separator, ",",
        "defaults to the scope request separator"
    );

    // Grant defaults.
    let ac = def
        .grants
        .authorization_code
        .as_ref()
        .expect("authorization_code");
    assert_eq!(
        (ac.authorize_endpoint.as_ref(), ac.token_endpoint.as_ref()),
        ("authorize", "token")
    );
    assert_eq!(
        (ac.state, ac.pkce, ac.redirect_uri),
        (
            Requirement::Required,
            Requirement::Required,
            Requirement::Required
        )
    );
    assert_eq!(
        def.grants
            .refresh_token
            .as_ref()
            .map(|r| r.token_endpoint.as_ref()),
        Some("token")
    );
    let device = def.grants.device_code.as_ref().expect("device_code");
    assert_eq!(device.device_endpoint, "device_authorization");
    assert_eq!(
        device.grant_type,
        "urn:ietf:params:oauth:grant-type:device_code"
    );
    assert_eq!(device.poll_interval_secs, 5);

    // Lifetimes.
    assert_eq!(def.lifetimes.access_token, Some(Lifetime::Secs(3600)));
    assert_eq!(def.lifetimes.refresh_token, Some(Lifetime::Never));
    assert_eq!(def.lifetimes.authorization_code, None);
    assert_eq!(def.lifetimes.refresh_skew_secs, 60);

    // Scopes: expanded and sorted.
    let scopes = def.scopes.as_ref().expect("scopes");
    assert_eq!(
        scopes.names.iter().collect::<Vec<_>>(),
        ["files::ALL", "files::READ", "users::ALL", "users::READ"]
    );
    assert_eq!(
        scopes.catalogue.iter().collect::<Vec<_>>(),
        [
            "Ex.files.ALL",
            "Ex.files.READ",
            "Ex.users.ALL",
            "Ex.users.READ"
        ]
    );
    assert_eq!(scopes.default.as_ref(), ["Ex.users.READ"]);

    // Error rules.
    assert_eq!(def.errors.len(), 1);
    assert_eq!(def.errors[0].when[0].path, "error");
    assert!(matches!(&def.errors[0].when[0].op, oauth_model::FieldOp::OneOf(v) if v.len() == 2));
}
