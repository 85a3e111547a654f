//! The targets, and the harness that holds what they need (the bundled specs, validated once).

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use oauth_codegen::codegen::{generate, Options};
use oauth_codegen::load::load_str_in;
use oauth_codegen::validate::validate;
use oauth_model::{ProviderDef, ResponseFormat};

/// What a fuzz input is fed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// A spec's text: load, validate, generate.
    Spec,
    /// A JSON token or API response.
    TokenJson,
    /// A form-encoded token response (GitHub without `Accept: application/json`).
    TokenForm,
    /// A Java-properties token response (Zoho's v1 authtoken).
    TokenProperties,
    /// An authorization redirect's query.
    Callback,
}

impl Target {
    /// Every target, in the order `all` runs them.
    pub const ALL: [Target; 5] = [
        Target::Spec,
        Target::TokenJson,
        Target::TokenForm,
        Target::TokenProperties,
        Target::Callback,
    ];

    /// The target's name on the command line and as a directory name.
    pub fn name(self) -> &'static str {
        match self {
            Target::Spec => "spec",
            Target::TokenJson => "token_json",
            Target::TokenForm => "token_form",
            Target::TokenProperties => "token_properties",
            Target::Callback => "callback",
        }
    }

    /// The target named `name`.
    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The body format of a token target.
    fn format(self) -> Option<ResponseFormat> {
        match self {
            Target::TokenJson => Some(ResponseFormat::Json),
            Target::TokenForm => Some(ResponseFormat::Form),
            Target::TokenProperties => Some(ResponseFormat::Properties),
            Target::Spec | Target::Callback => None,
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// HTTP statuses a token input's second byte picks from.
pub const STATUSES: [u16; 8] = [200, 201, 400, 401, 403, 429, 500, 302];
/// `Content-Type` values a token input's third byte picks from.
pub const CONTENT_TYPES: [&str; 6] = [
    "application/json",
    "application/x-www-form-urlencoded",
    "text/plain;charset=UTF-8",
    "text/html",
    "application/json; charset=utf-8",
    "",
];

/// The bundled specs, loaded and validated once, and the files `extends:` may name.
pub struct Harness {
    files: BTreeMap<PathBuf, String>,
    defs: Vec<(String, ProviderDef)>,
}

impl fmt::Debug for Harness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Harness")
            .field(
                "specs",
                &self.defs.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            )
            .finish()
    }
}

/// Where the spec target's input pretends to live: beside the bundled specs, so that
/// `extends: zoho_accounts.base.yaml` finds its base.
const FUZZED_SPEC: &str = "specs/fuzzed.yaml";

impl Harness {
    /// Reads and validates every spec in `specs_dir` (the repository's `specs/`). A spec that
    /// does not validate on its own (a base file) is kept for `extends:` only.
    pub fn new(specs_dir: &Path) -> Result<Harness, String> {
        let mut files = BTreeMap::new();
        let entries = std::fs::read_dir(specs_dir)
            .map_err(|e| format!("cannot read {}: {e}", specs_dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.extension().is_some_and(|e| e == "yaml") {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                let name = path.file_name().map(PathBuf::from).unwrap_or_default();
                files.insert(Path::new("specs").join(name), text);
            }
        }
        let mut harness = Harness {
            files,
            defs: Vec::new(),
        };
        let mut defs = Vec::new();
        for (path, text) in &harness.files {
            if let Ok(def) = harness.validated(path, text) {
                let name = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                defs.push((name, def));
            }
        }
        if defs.is_empty() {
            return Err(format!("no spec in {} validates", specs_dir.display()));
        }
        harness.defs = defs;
        Ok(harness)
    }

    /// The bundled specs' texts, by path (`specs/<name>.yaml`).
    pub fn spec_texts(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.files.iter().map(|(p, t)| (p.as_path(), t.as_str()))
    }

    /// The names of the specs that validated, in the order a token or callback input's first
    /// byte indexes them.
    pub fn provider_names(&self) -> impl Iterator<Item = &str> {
        self.defs.iter().map(|(n, _)| n.as_str())
    }

    /// The validated spec `name`.
    pub fn def(&self, name: &str) -> Option<&ProviderDef> {
        self.defs.iter().find(|(n, _)| n == name).map(|(_, d)| d)
    }

    fn validated(&self, path: &Path, text: &str) -> Result<ProviderDef, String> {
        let read = |p: &Path| {
            self.files.get(p).cloned().ok_or_else(|| {
                std::io::Error::new(std::io::ErrorKind::NotFound, "not a bundled spec")
            })
        };
        let loaded = load_str_in(path, text, Some(Path::new("specs")), read)
            .map_err(|d| format!("load: {}", first_line(&d.to_string())))?;
        validate(&loaded).map_err(|d| format!("validate: {}", first_line(&d.to_string())))
    }

    /// Runs one input through `target`. Returns the outcome's shape; panics when an
    /// invariant breaks (that is the finding).
    pub fn run(&self, target: Target, data: &[u8]) -> String {
        match target {
            Target::Spec => self.spec(data),
            Target::Callback => {
                let (def, rest) = self.pick(data);
                oauth_runtime::fuzz::callback(def, &String::from_utf8_lossy(rest))
            }
            Target::TokenJson | Target::TokenForm | Target::TokenProperties => {
                let format = target.format().unwrap_or(ResponseFormat::Json);
                let (def, rest) = self.pick(data);
                let (status, rest) = split_first(rest);
                let (content_type, body) = split_first(rest);
                oauth_runtime::fuzz::token_response(
                    def,
                    format,
                    STATUSES[usize::from(status) % STATUSES.len()],
                    CONTENT_TYPES[usize::from(content_type) % CONTENT_TYPES.len()],
                    body,
                )
            }
        }
    }

    /// The spec target: load and validate the text; generate from a valid spec and parse
    /// the output as a Rust file.
    fn spec(&self, data: &[u8]) -> String {
        let Ok(text) = std::str::from_utf8(data) else {
            return "not utf-8".into();
        };
        match self.validated(Path::new(FUZZED_SPEC), text) {
            Err(e) => e,
            Ok(def) => {
                let tokens = generate(&def, &Options::default());
                if let Err(e) = syn::parse2::<syn::File>(tokens) {
                    panic!("a valid spec generated code that does not parse: {e}");
                }
                format!(
                    "valid: {} variables, {} endpoints, scopes {}, {} error rules",
                    def.variables.len(),
                    def.endpoints.len(),
                    def.scopes.is_some(),
                    def.errors.len()
                )
            }
        }
    }

    /// The spec a token or callback input's first byte picks, and the rest of the input.
    fn pick<'a>(&self, data: &'a [u8]) -> (&ProviderDef, &'a [u8]) {
        let (index, rest) = split_first(data);
        let (_, def) = &self.defs[usize::from(index) % self.defs.len()];
        (def, rest)
    }
}

/// The first byte (0 when empty) and the rest.
fn split_first(data: &[u8]) -> (u8, &[u8]) {
    match data.split_first() {
        Some((first, rest)) => (*first, rest),
        None => (0, data),
    }
}

fn first_line(s: &str) -> String {
    // Positions differ between otherwise equal outcomes; the message before them does not.
    let line = s.lines().next().unwrap_or("");
    let message = line.rsplit(": ").next().unwrap_or(line);
    message.chars().take(120).collect()
}
