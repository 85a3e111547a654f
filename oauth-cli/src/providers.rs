//! `oauth providers`: the bundled providers, one line each (name, Rust type, display name,
//! grants, scope count), or a JSON array with `--format json`.
//!
//! The list is whatever `specs/` held when the binary was built (see [`crate::bundled`]). A
//! bundled spec that does not validate is a bug of this build: it is reported on stderr with
//! its diagnostics and the command fails, after listing the others.

use std::process::ExitCode;

use oauth_model::ProviderDef;
use serde::Serialize;

use crate::bundled;
use crate::cli::{Format, ProvidersArgs};
use crate::report;
use crate::term;

/// One provider as `--format json` writes it.
#[derive(Debug, Serialize)]
pub(crate) struct ProviderRow {
    /// What `oauth scopes` and the other commands take (`zoho_crm`).
    pub(crate) name: String,
    /// The generated client type (`ZohoCRM`).
    pub(crate) type_name: String,
    /// The provider's own name (`Zoho CRM`).
    pub(crate) display_name: String,
    /// The grants, standard ones by their RFC names, then the custom ones by method name.
    pub(crate) grants: Vec<String>,
    /// How many scopes the catalogue has.
    pub(crate) scopes: usize,
    /// Whether the provider is retired.
    pub(crate) deprecated: bool,
}

impl ProviderRow {
    fn new(name: &str, def: &ProviderDef) -> Self {
        ProviderRow {
            name: name.to_owned(),
            type_name: def.name.to_string(),
            display_name: def.display_name.to_string(),
            grants: grants(def),
            scopes: def.scopes.as_ref().map_or(0, |s| s.catalogue.len()),
            deprecated: def.deprecated.is_some(),
        }
    }
}

/// The grants a provider has, in the order the spec format lists them.
pub(crate) fn grants(def: &ProviderDef) -> Vec<String> {
    let g = &def.grants;
    let standard = [
        ("authorization_code", g.authorization_code.is_some()),
        ("pin", g.pin.is_some()),
        ("refresh_token", g.refresh_token.is_some()),
        ("client_credentials", g.client_credentials.is_some()),
        ("device_code", g.device_code.is_some()),
    ];
    standard
        .iter()
        .filter(|(_, has)| *has)
        .map(|(name, _)| (*name).to_owned())
        .chain(g.custom.iter().map(|c| format!("custom:{}", c.name)))
        .collect()
}

/// Runs `oauth providers`.
pub(crate) fn run(args: &ProvidersArgs) -> ExitCode {
    let mut rows = Vec::new();
    let mut broken = Vec::new();
    for b in bundled::providers() {
        match b.def() {
            Ok(def) => rows.push(ProviderRow::new(b.id(), &def)),
            Err(diags) => broken.push((b, diags)),
        }
    }

    match args.format {
        Format::Json => match serde_json::to_string_pretty(&rows) {
            Ok(text) => term::out(&format!("{text}\n")),
            Err(e) => {
                term::err(&report::render_error(
                    &format!("cannot write the providers as JSON: {e}"),
                    Some("this is a bug in oauth-cli; please report it"),
                ));
                return ExitCode::FAILURE;
            }
        },
        Format::Human => term::out(&table(&rows)),
    }

    if broken.is_empty() {
        return ExitCode::SUCCESS;
    }
    let texts = bundled::texts();
    for (b, diags) in &broken {
        term::err(&report::render_failure(
            diags,
            &texts,
            &format!("the bundled spec `{}` does not validate", b.file),
            "this build of oauth is broken; rebuild it from a commit whose specs validate",
        ));
    }
    ExitCode::FAILURE
}

/// The rows as aligned columns under a header.
fn table(rows: &[ProviderRow]) -> String {
    let header = ["NAME", "TYPE", "DISPLAY NAME", "GRANTS", "SCOPES"];
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|r| {
            let display = if r.deprecated {
                format!("{} (deprecated)", r.display_name)
            } else {
                r.display_name.clone()
            };
            [
                r.name.clone(),
                r.type_name.clone(),
                display,
                r.grants.join(", "),
                r.scopes.to_string(),
            ]
        })
        .collect();
    crate::table::render(&header, &cells, &[term::NAME])
}
