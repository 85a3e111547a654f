//! The `oauth` binary as a user runs it: each command's success and failure paths, their
//! exact output where people read it, their JSON where programs do, and exit statuses.
//!
//! Fixture specs are written under cargo's per-test temporary directory and the binary is
//! run from there, so paths in the output are the relative ones a user would type.

use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;
use predicates::str::contains;
use serde_json::Value;

/// A spec that validates: two scope parameters, so the scope table has both.
const GOOD: &str = "\
provider: { name: Example, display_name: Example Cloud }
endpoints:
  authorize: { url: https://example.com/authorize }
  token: { url: https://example.com/token }
grants:
  authorization_code: {}
scopes:
  params:
    user_scope: { description: Scopes for the user token. }
  families:
    - catalogue: [\"read\", \"write\", \"admin:org\"]
    - param: user_scope
      catalogue: [\"user:email\"]
";

/// One mistake while reading (a misspelt key).
const MISSPELT: &str = "\
provider:
  name: Example
  display_nam: Example
";

/// Two mistakes of its own, and one in the base file it extends.
const CHILD: &str = "\
extends: base.yaml
provider: { name: Example, display_name: Example }
endpoints:
  authorize: { url: \"http://example.com/authorize\" }
  token: { url: https://example.com/token }
grants:
  authorization_code: {}
";

const BASE: &str = "\
lifetimes:
  access_token: 1 fortnight
";

/// The binary, with no colour settings inherited from the environment.
fn oauth(dir: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("oauth");
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// A fresh directory with `files` written in it.
fn fixture(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, text) in files {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().unwrap().stdout).unwrap()
}

fn json_of(cmd: &mut Command) -> Value {
    serde_json::from_str(&stdout_of(cmd)).expect("stdout is JSON")
}

/// The provider files of the repository's `specs/` (what the binary embeds).
fn bundled_provider_files() -> Vec<String> {
    let specs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
    let mut files: Vec<String> = std::fs::read_dir(specs)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|f| f.ends_with(".yaml") && !f.ends_with(".base.yaml"))
        .collect();
    files.sort();
    files
}

// --- the command tree ---

#[test]
fn root_help_lists_every_command() {
    let dir = fixture("help", &[]);
    let help = stdout_of(oauth(&dir).arg("--help"));
    for command in [
        "validate",
        "expand",
        "providers",
        "scopes",
        "login",
        "token",
        "status",
        "revoke",
        "logout",
        "serve",
    ] {
        assert!(
            help.contains(&format!("\n  {command} ")),
            "{command}:\n{help}"
        );
    }
}

#[test]
fn no_command_is_a_usage_error() {
    let dir = fixture("usage", &[]);
    oauth(&dir)
        .assert()
        .code(2)
        .stderr(contains("Usage: oauth"));
    oauth(&dir)
        .arg("validate")
        .assert()
        .code(2)
        .stderr(contains("<SPEC>..."));
    oauth(&dir)
        .args(["login", "zoho_crm", "--var", "novalue"])
        .assert()
        .code(2)
        .stderr(contains("expected NAME=VALUE"));
}

#[test]
fn token_commands_without_a_login_say_to_log_in_first() {
    let dir = fixture("no-login", &[]);
    let store = dir.join("store");
    for args in [
        &["token", "zoho_crm", "--subject", "alice"][..],
        &["revoke", "zoho_crm", "--subject", "alice"],
        &["logout", "zoho_crm", "--subject", "alice"],
    ] {
        oauth(&dir)
            .args(args)
            .arg("--store")
            .arg(&store)
            .assert()
            .code(1)
            .stdout("")
            .stderr(contains(
                "no token set is stored for zoho_crm as subject `alice`",
            ))
            .stderr(contains("run `oauth login zoho_crm --subject alice` first"));
    }
    oauth(&dir)
        .args(["status", "--store"])
        .arg(&store)
        .assert()
        .success()
        .stdout("")
        .stderr(contains("No token sets are stored"));
}

#[test]
fn login_without_a_client_id_says_where_to_give_one() {
    let dir = fixture("no-client-id", &[]);
    oauth(&dir)
        .args(["login", "zoho_crm", "--var", "data_center=eu", "--store"])
        .arg(dir.join("store"))
        .env_remove("OAUTH_CLIENT_ID")
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("no client id for Zoho CRM"))
        .stderr(contains("--client-id ID or set OAUTH_CLIENT_ID"));
}

#[test]
fn login_names_an_unknown_provider_and_the_close_one() {
    let dir = fixture("unknown-provider", &[]);
    oauth(&dir)
        .args(["login", "zoho_crn", "--store"])
        .arg(dir.join("store"))
        .assert()
        .code(1)
        .stderr(contains("no bundled provider is called `zoho_crn`"))
        .stderr(contains("did you mean `zoho_crm`?"));
}

// --- validate ---

#[test]
fn validate_accepts_a_good_spec() {
    let dir = fixture("validate-good", &[("good.yaml", GOOD.as_bytes())]);
    oauth(&dir)
        .args(["validate", "good.yaml"])
        .assert()
        .success()
        .stdout("1 spec, no errors\n");
}

#[test]
fn validate_shows_the_line_and_a_caret_under_the_mistake() {
    let dir = fixture("validate-snippet", &[("specs/x.yaml", MISSPELT.as_bytes())]);
    oauth(&dir)
        .args(["validate", "specs/x.yaml"])
        .assert()
        .code(1)
        .stdout(
            "\
error: unknown field `display_nam`, expected one of name, display_name, docs_url, description, deprecated, source, note
 --> specs/x.yaml:3:3
  |
3 |   display_nam: Example
  |   ^^^^^^^^^^^
  |
  = help: did you mean `display_name`?

1 spec, 1 error
",
        );
}

#[test]
fn validate_shows_mistakes_in_a_base_file_in_that_file() {
    let dir = fixture(
        "validate-base",
        &[
            ("specs/child.yaml", CHILD.as_bytes()),
            ("specs/base.yaml", BASE.as_bytes()),
        ],
    );
    oauth(&dir)
        .args(["validate", "specs/child.yaml"])
        .assert()
        .code(1)
        .stdout(
            "\
error: endpoint URL `http://example.com/authorize` uses `http`, not https
 --> specs/child.yaml:4:21
  |
4 |   authorize: { url: \"http://example.com/authorize\" }
  |                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  |
  = help: plain http is allowed only for localhost, 127.0.0.1 and [::1]

error: invalid duration `1 fortnight`; expected a number followed by s, m, h or d (e.g. `2m`), or `never`
 --> specs/base.yaml:2:17
  |
2 |   access_token: 1 fortnight
  |                 ^^^^^^^^^^^

1 spec, 2 errors
",
        );
}

#[test]
fn validate_counts_specs_and_errors_and_shows_a_shared_base_once() {
    let dir = fixture(
        "validate-summary",
        &[
            ("a.yaml", CHILD.as_bytes()),
            ("b.yaml", CHILD.as_bytes()),
            ("base.yaml", BASE.as_bytes()),
            ("good.yaml", GOOD.as_bytes()),
        ],
    );
    let out = stdout_of(oauth(&dir).args(["validate", "a.yaml", "b.yaml", "good.yaml"]));
    assert!(out.ends_with("\n3 specs, 3 errors\n"), "{out}");
    assert_eq!(out.matches("--> base.yaml:2:17").count(), 1, "{out}");
    assert_eq!(out.matches("--> a.yaml:4:21").count(), 1, "{out}");
    assert_eq!(out.matches("--> b.yaml:4:21").count(), 1, "{out}");
}

#[test]
fn validate_json_is_one_object_per_diagnostic() {
    let dir = fixture(
        "validate-json",
        &[
            ("specs/child.yaml", CHILD.as_bytes()),
            ("specs/base.yaml", BASE.as_bytes()),
            ("good.yaml", GOOD.as_bytes()),
        ],
    );
    let mut cmd = oauth(&dir);
    cmd.args([
        "validate",
        "--format",
        "json",
        "specs/child.yaml",
        "missing.yaml",
    ]);
    cmd.assert().code(1).stderr("");
    let json = json_of(&mut cmd);
    let all = json.as_array().unwrap();
    assert_eq!(all.len(), 3, "{json:#}");
    assert_eq!(
        all[0],
        serde_json::json!({
            "file": "specs/child.yaml",
            "line": 4,
            "column": 21,
            "message": "endpoint URL `http://example.com/authorize` uses `http`, not https",
            "help": "plain http is allowed only for localhost, 127.0.0.1 and [::1]",
            "severity": "error",
        })
    );
    assert_eq!(all[1]["file"], "specs/base.yaml");
    assert_eq!(all[1]["help"], Value::Null);
    assert_eq!(all[2]["file"], "missing.yaml");
    assert_eq!(all[2]["line"], 0);
    assert_eq!(all[2]["message"], "spec file not found");

    let mut good = oauth(&dir);
    good.args(["validate", "--format", "json", "good.yaml"]);
    good.assert().success();
    assert_eq!(json_of(&mut good), serde_json::json!([]));
}

#[test]
fn validate_reports_unreadable_paths_as_one_clear_error_each() {
    let dir = fixture(
        "validate-unreadable",
        &[
            ("latin1.yaml", b"provider:\n  name: \"caf\xe9\"\n"),
            ("dir/a.yaml", GOOD.as_bytes()),
        ],
    );
    let assert = oauth(&dir)
        .args(["validate", "nope.yaml", "dir", "latin1.yaml"])
        .assert()
        .code(1)
        .stderr("");
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert_eq!(
        out,
        "\
error: spec file not found
--> nope.yaml
 = help: check the spelling; a relative path starts at the current directory

error: this is a directory, not a spec file
--> dir
 = help: name the spec files inside it, such as `dir/*.yaml`

error: spec file is not UTF-8 text
--> latin1.yaml:2:13
 = help: save the file as UTF-8 (YAML specs are UTF-8 text)

3 specs, 3 errors
"
    );
    assert!(!out.contains(env!("CARGO_TARGET_TMPDIR")), "{out}");
}

#[test]
fn a_missing_base_file_is_reported_at_the_extends_line() {
    let dir = fixture("validate-nobase", &[("a.yaml", b"extends: gone.yaml\n")]);
    oauth(&dir)
        .args(["validate", "a.yaml"])
        .assert()
        .code(1)
        .stdout(contains(
            "error: cannot read base spec `gone.yaml`: no such file",
        ))
        .stdout(contains("--> a.yaml:1:10"))
        .stdout(contains("1 | extends: gone.yaml\n  |          ^^^^^^^^^"));
}

// --- colour ---

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let dir = fixture("colour", &[("x.yaml", MISSPELT.as_bytes())]);
    // Piped (as here): plain.
    let plain = stdout_of(oauth(&dir).args(["validate", "x.yaml"]));
    assert!(!plain.contains('\x1b'), "{plain}");
    let forced = stdout_of(oauth(&dir).args(["--color", "always", "validate", "x.yaml"]));
    assert!(forced.contains("\x1b["), "{forced}");
    // NO_COLOR wins over CLICOLOR_FORCE under `auto`.
    let no_color = stdout_of(
        oauth(&dir)
            .env("NO_COLOR", "1")
            .env("CLICOLOR_FORCE", "1")
            .args(["validate", "x.yaml"]),
    );
    assert!(!no_color.contains('\x1b'), "{no_color}");
    let never = stdout_of(
        oauth(&dir)
            .env("CLICOLOR_FORCE", "1")
            .args(["--color", "never", "validate", "x.yaml"]),
    );
    assert!(!never.contains('\x1b'), "{never}");
}

// --- expand ---

#[test]
fn expand_prints_the_generated_code_pretty() {
    let dir = fixture("expand-good", &[("good.yaml", GOOD.as_bytes())]);
    let mut cmd = oauth(&dir);
    cmd.args(["expand", "good.yaml"]);
    cmd.assert().success().stderr("");
    let code = stdout_of(&mut cmd);
    assert!(code.contains("pub static PROVIDER: "), "{code}");
    assert!(code.contains("pub mod scopes {"), "{code}");
    // Pretty-printed: one item per line, indented, not a single token stream line.
    assert!(code.lines().count() > 50);
    assert!(code.lines().all(|l| l.len() < 200 || l.contains('"')));
}

#[test]
fn expand_shows_diagnostics_on_stderr_and_nothing_on_stdout() {
    let dir = fixture(
        "expand-bad",
        &[
            ("child.yaml", CHILD.as_bytes()),
            ("base.yaml", BASE.as_bytes()),
        ],
    );
    oauth(&dir)
        .args(["expand", "child.yaml"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(" --> child.yaml:4:21"))
        .stderr(contains(" --> base.yaml:2:17"))
        .stderr(contains("error: cannot expand `child.yaml`: 2 errors"));
    oauth(&dir)
        .args(["expand", "nope.yaml"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("error: spec file not found\n--> nope.yaml"));
}

// --- providers ---

#[test]
fn providers_lists_every_bundled_spec_but_no_base_file() {
    let dir = fixture("providers", &[]);
    let mut cmd = oauth(&dir);
    cmd.arg("providers");
    cmd.assert().success().stderr("");
    let out = stdout_of(&mut cmd);
    let mut lines = out.lines();
    let header = lines.next().unwrap();
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>(),
        ["NAME", "TYPE", "DISPLAY", "NAME", "GRANTS", "SCOPES"]
    );
    let names: Vec<&str> = lines.map(|l| l.split(' ').next().unwrap()).collect();
    let expected: Vec<String> = bundled_provider_files()
        .iter()
        .map(|f| f.trim_end_matches(".yaml").to_owned())
        .collect();
    assert_eq!(names, expected);
    assert!(!out.contains("base"), "{out}");
    let crm = out.lines().find(|l| l.starts_with("zoho_crm ")).unwrap();
    assert!(crm.contains("Zoho CRM"), "{crm}");
    assert!(crm.contains("authorization_code, refresh_token"), "{crm}");
}

#[test]
fn providers_json_describes_each_provider() {
    let dir = fixture("providers-json", &[]);
    let json = json_of(oauth(&dir).args(["providers", "--format", "json"]));
    let all = json.as_array().unwrap();
    assert_eq!(all.len(), bundled_provider_files().len());
    let crm = all.iter().find(|p| p["name"] == "zoho_crm").unwrap();
    assert_eq!(crm["type_name"], "ZohoCRM");
    assert_eq!(crm["display_name"], "Zoho CRM");
    assert!(crm["scopes"].as_u64().unwrap() > 0);
    let grants: Vec<&str> = crm["grants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g.as_str().unwrap())
        .collect();
    assert!(grants.contains(&"authorization_code"), "{grants:?}");
    let marketo = all.iter().find(|p| p["name"] == "marketo").unwrap();
    assert_eq!(marketo["grants"], serde_json::json!(["client_credentials"]));
    assert_eq!(marketo["scopes"], 0);
}

#[test]
fn providers_works_from_any_directory() {
    // The specs are embedded: an empty directory outside the repository is enough.
    let dir = std::env::temp_dir().join(format!("oauth-cli-elsewhere-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    oauth(&dir)
        .arg("providers")
        .assert()
        .success()
        .stdout(contains("zoho_projects"));
    let _ = std::fs::remove_dir_all(&dir);
}

// --- scopes ---

#[test]
fn scopes_of_a_spec_file_show_rust_paths_and_parameters() {
    let dir = fixture("scopes-file", &[("good.yaml", GOOD.as_bytes())]);
    oauth(&dir)
        .args(["scopes", "good.yaml"])
        .assert()
        .success()
        .stdout(
            "\
SCOPE       RUST PATH            PARAMETER
admin:org   scopes::admin::org   scope
read        scopes::read         scope
user:email  scopes::user::email  user_scope
write       scopes::write        scope
",
        );
}

#[test]
fn scopes_patterns_match_substrings_and_globs_in_any_case() {
    let dir = fixture("scopes-pattern", &[("good.yaml", GOOD.as_bytes())]);
    let first_column = |args: &[&str]| -> Vec<String> {
        stdout_of(oauth(&dir).args(args))
            .lines()
            .skip(1)
            .map(|l| l.split(' ').next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        first_column(&["scopes", "good.yaml", "R"]),
        ["admin:org", "read", "user:email", "write"]
    );
    assert_eq!(
        first_column(&["scopes", "good.yaml", "admin:*"]),
        ["admin:org"]
    );
    // A pattern also meets the Rust paths, whose `::` holds colons too.
    assert_eq!(
        first_column(&["scopes", "good.yaml", "*:*"]),
        ["admin:org", "read", "user:email", "write"]
    );
    assert_eq!(
        first_column(&["scopes", "good.yaml", "scopes::user::*"]),
        ["user:email"]
    );
    assert_eq!(first_column(&["scopes", "good.yaml", "wr*"]), ["write"]);
}

#[test]
fn scopes_of_a_bundled_provider_by_any_spelling_of_its_name() {
    let dir = fixture("scopes-bundled", &[]);
    for name in [
        "zoho_projects",
        "ZohoProjects",
        "ZOHO-PROJECTS",
        "Zoho Projects",
    ] {
        oauth(&dir)
            .args(["scopes", name, "portals.read"])
            .assert()
            .success()
            .stdout(contains(
                "ZohoProjects.portals.READ  scopes::portals::READ  scope",
            ));
    }
}

#[test]
fn scopes_json_is_an_array_of_scopes() {
    let dir = fixture("scopes-json", &[("good.yaml", GOOD.as_bytes())]);
    let json = json_of(oauth(&dir).args(["scopes", "good.yaml", "email", "--format", "json"]));
    assert_eq!(
        json,
        serde_json::json!([
            { "scope": "user:email", "rust_path": "scopes::user::email", "param": "user_scope" }
        ])
    );
}

#[test]
fn scopes_of_an_unknown_provider_suggest_the_closest() {
    let dir = fixture("scopes-unknown", &[]);
    oauth(&dir)
        .args(["scopes", "zoho_crn"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "\
error: no bundled provider is called `zoho_crn`
  = help: did you mean `zoho_crm`? `oauth providers` lists them; a spec file works too (`./my_spec.yaml`)
",
        );
}

#[test]
fn scopes_that_match_nothing_exit_1_and_say_how_to_search() {
    let dir = fixture("scopes-none", &[("good.yaml", GOOD.as_bytes())]);
    oauth(&dir)
        .args(["scopes", "good.yaml", "calendar"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(
            "error: no scope of Example Cloud matches `calendar`",
        ))
        .stderr(contains("`oauth scopes good.yaml` lists all 4"));
    oauth(&dir)
        .args(["scopes", "marketo", "x"])
        .assert()
        .code(1)
        .stderr(contains("Marketo has no scopes"));
    oauth(&dir)
        .args(["scopes", "marketo"])
        .assert()
        .success()
        .stdout("")
        .stderr(contains("Marketo has no scopes"));
}

#[test]
fn scopes_of_a_broken_or_missing_spec_file_show_its_diagnostics() {
    let dir = fixture("scopes-broken", &[("x.yaml", MISSPELT.as_bytes())]);
    oauth(&dir)
        .args(["scopes", "x.yaml"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(" --> x.yaml:3:3"))
        .stderr(contains(
            "error: cannot read the scopes of `x.yaml`: 1 error",
        ));
    oauth(&dir)
        .args(["scopes", "./nope.yaml"])
        .assert()
        .code(1)
        .stderr(contains("error: spec file not found\n--> ./nope.yaml"));
}
