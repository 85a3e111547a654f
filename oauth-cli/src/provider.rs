//! The provider a command names (a bundled one, or a spec file), loaded for the runtime and
//! the simulator, and the values of its variables.
//!
//! The runtime's engine wants a `&'static ProviderDef`, as generated code has; a command
//! loads one spec per run, so the loaded definition is leaked for the rest of the process.

use std::collections::BTreeMap;
use std::io::{BufRead as _, IsTerminal as _};
use std::path::{Path, PathBuf};

use oauth_model::{ProviderDef, VarValue, VariableKind};

use crate::bundled::{self, Found};
use crate::config::SpecRef;
use crate::fail::Fail;
use crate::report::{self, Texts};
use crate::term;

/// A provider, loaded.
pub(crate) struct Provider {
    /// How to name it in messages and commands: the bundled id, or the path as given.
    pub(crate) name: String,
    /// Which spec it is.
    pub(crate) spec: SpecRef,
    /// The definition.
    pub(crate) def: &'static ProviderDef,
}

/// The spec a PROVIDER argument refers to, without loading it (to find stored logins).
pub(crate) fn spec_ref(arg: &str) -> Result<SpecRef, Fail> {
    if crate::scopes::is_path(arg) {
        return Ok(SpecRef::File(absolute(Path::new(arg))));
    }
    match bundled::find(arg) {
        Found::Provider(b, _) | Found::Broken(b, _) => Ok(SpecRef::Bundled(b.id().to_owned())),
        Found::Unknown { suggestion } => Err(unknown(arg, suggestion)),
    }
}

fn unknown(arg: &str, suggestion: Option<String>) -> Fail {
    let list = "`oauth providers` lists them; a spec file works too (`./my_spec.yaml`)";
    Fail::new(
        format!("no bundled provider is called `{arg}`"),
        match suggestion {
            Some(s) => format!("did you mean `{s}`? {list}"),
            None => list.to_owned(),
        },
    )
}

/// `path` made absolute (canonical when it exists), so a login made in one directory is
/// found from another.
fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| match std::env::current_dir() {
        Ok(cwd) => cwd.join(path),
        Err(_) => path.to_path_buf(),
    })
}

/// Loads the provider a PROVIDER argument names.
pub(crate) fn load(arg: &str) -> Result<Provider, Fail> {
    let (name, spec) = if crate::scopes::is_path(arg) {
        (arg.to_owned(), SpecRef::File(absolute(Path::new(arg))))
    } else {
        match spec_ref(arg)? {
            SpecRef::Bundled(id) => (id.clone(), SpecRef::Bundled(id)),
            file => (arg.to_owned(), file),
        }
    };
    let def = load_ref(&spec, arg)?;
    Ok(Provider { name, spec, def })
}

/// Loads a spec a login recorded; `shown` is how to name it.
pub(crate) fn load_ref(spec: &SpecRef, shown: &str) -> Result<&'static ProviderDef, Fail> {
    let def =
        match spec {
            SpecRef::Bundled(id) => match bundled::find(id) {
                Found::Provider(_, def) => *def,
                Found::Broken(b, diags) => return Err(Fail::rendered(report::render_failure(
                    &diags,
                    &bundled::texts(),
                    &format!("the bundled spec `{}` does not validate", b.file),
                    "this build of oauth is broken; rebuild it from a commit whose specs validate",
                ))),
                Found::Unknown { suggestion } => return Err(unknown(id, suggestion)),
            },
            SpecRef::File(path) => {
                let mut texts = Texts::new();
                match crate::source::check(path, &mut texts) {
                    Ok(def) => def,
                    Err(diags) => {
                        return Err(Fail::rendered(report::render_failure(
                            &diags,
                            &texts,
                            &format!(
                                "cannot use `{shown}`: {}",
                                report::count(diags.0.len(), "error")
                            ),
                            "fix the errors above (`oauth validate` shows them too)",
                        )))
                    }
                }
            }
        };
    Ok(Box::leak(Box::new(def)))
}

/// The value `text` gives variable `index` of `def`: a choice by its key, or a free value
/// (its format is checked when the client is built).
pub(crate) fn var_value(def: &ProviderDef, index: usize, text: &str) -> Result<VarValue, Fail> {
    let Some(var) = def.variables.get(index) else {
        return Err(Fail::new(
            format!("{} has no variable #{index}", def.display_name),
            "this is a bug in oauth-cli; please report it",
        ));
    };
    match &var.kind {
        VariableKind::Choice { choices, .. } => choices
            .iter()
            .position(|c| c.key.as_ref() == text)
            .map(VarValue::Choice)
            .ok_or_else(|| {
                let keys: Vec<&str> = choices.iter().map(|c| c.key.as_ref()).collect();
                Fail::new(
                    format!("`{text}` is not a value of `{}`", var.name),
                    format!("use one of: {}", keys.join(", ")),
                )
            }),
        VariableKind::Free { .. } => Ok(VarValue::Free(text.to_owned())),
    }
}

/// The variables given with `--var`, by index; unknown names are an error, and required
/// variables left out are asked for on a terminal (an error elsewhere). With `local` (an
/// `--origin` pointing at `oauth serve`), a required variable left out takes the spec's
/// example (or first choice), as the simulator does when it lays out its routes.
pub(crate) fn vars_from_flags(
    provider: &Provider,
    given: &[(String, String)],
    local: bool,
) -> Result<Vec<(usize, VarValue)>, Fail> {
    let def = provider.def;
    let mut out = Vec::new();
    for (name, text) in given {
        let Some(index) = def.variables.iter().position(|v| v.name.as_ref() == name) else {
            let names: Vec<&str> = def.variables.iter().map(|v| v.name.as_ref()).collect();
            let help = match oauth_codegen::diagnostics::did_you_mean(name, names.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None if names.is_empty() => format!("{} has no variables", def.display_name),
                None => format!("its variables are: {}", names.join(", ")),
            };
            return Err(Fail::new(
                format!("{} has no variable `{name}`", def.display_name),
                help,
            ));
        };
        out.push((index, var_value(def, index, text)?));
    }
    for (index, var) in def.variables.iter().enumerate() {
        if out.iter().any(|(i, _)| *i == index) || has_default(&var.kind) {
            continue;
        }
        let example = match &var.kind {
            VariableKind::Free { example, .. } => example.as_deref().map(str::to_owned),
            VariableKind::Choice { choices, .. } => choices.first().map(|c| c.key.to_string()),
        };
        if local {
            if let Some(example) = &example {
                out.push((index, var_value(def, index, example)?));
                continue;
            }
        }
        let flag = format!(
            "--var {}={}",
            var.name,
            example.as_deref().unwrap_or("VALUE")
        );
        if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
            return Err(Fail::new(
                format!(
                    "{} needs a value for `{}` ({})",
                    def.display_name,
                    var.name,
                    var.description.trim()
                ),
                format!("pass `{flag}`"),
            )
            .code(2));
        }
        term::err(&format!(
            "{} needs `{}`: {}\n",
            def.display_name,
            var.name,
            var.description.trim()
        ));
        let prompt = match &example {
            Some(e) => format!("{} (such as {e}): ", var.name),
            None => format!("{}: ", var.name),
        };
        let text = prompt_line(&prompt)?;
        if text.is_empty() {
            return Err(Fail::new(
                format!("no value for `{}`", var.name),
                format!("pass `{flag}`"),
            ));
        }
        out.push((index, var_value(def, index, &text)?));
    }
    Ok(out)
}

fn has_default(kind: &VariableKind) -> bool {
    match kind {
        VariableKind::Choice { default, .. } => default.is_some(),
        VariableKind::Free { default, .. } => default.is_some(),
    }
}

/// Asks on stderr and reads one line from stdin (trimmed).
pub(crate) fn prompt_line(prompt: &str) -> Result<String, Fail> {
    term::err(prompt);
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).map_err(|e| {
        Fail::new(
            format!("cannot read the answer: {}", crate::config::plain_io(&e)),
            "pass the value as a flag instead",
        )
    })?;
    Ok(line.trim().to_owned())
}

/// Every variable's value of a built client, by name (choices by key), as logins keep them.
pub(crate) fn vars_by_name(def: &ProviderDef, values: &[VarValue]) -> BTreeMap<String, String> {
    def.variables
        .iter()
        .zip(values)
        .map(|(var, value)| {
            let text = match (value, &var.kind) {
                (VarValue::Choice(i), VariableKind::Choice { choices, .. }) => choices
                    .get(*i)
                    .map(|c| c.key.to_string())
                    .unwrap_or_default(),
                (VarValue::Choice(i), _) => i.to_string(),
                (VarValue::Free(s), _) => s.clone(),
            };
            (var.name.to_string(), text)
        })
        .collect()
}

/// Variable values kept by name, by index again.
pub(crate) fn vars_from_names(
    def: &ProviderDef,
    values: &BTreeMap<String, String>,
) -> Result<Vec<(usize, VarValue)>, Fail> {
    let mut out = Vec::new();
    for (index, var) in def.variables.iter().enumerate() {
        if let Some(text) = values.get(var.name.as_ref()) {
            out.push((index, var_value(def, index, text)?));
        }
    }
    Ok(out)
}
