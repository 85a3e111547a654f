//! A spec that validates always compiles: names that would collide in generated code (a
//! custom grant called `refresh`, a variable called `credentials` or `timeout`, a choice
//! variable `error_code`, a provider called `ErrorCode`, a variable and an extra parameter
//! both called `prompt`) are errors at their YAML line, not rustc errors inside `provider!`.

use std::collections::BTreeMap;

use oauth_model::{ProviderDef, VariableKind};

use super::Ctx;
use crate::names::{
    authorize_type, builder_type, method_name, type_name, AUTHORIZE_METHODS, BUILDER_METHODS,
    CLIENT_METHODS, CONSTRUCTOR_ARGS, MODULE_TYPES,
};
use crate::spec::{Pos, Spec};

pub(super) fn check(cx: &mut Ctx<'_>, spec: &Spec, def: &ProviderDef) {
    let pos_of = |map_key: &str, section: &str| -> Pos {
        match section {
            "variables" => spec
                .variables
                .keys()
                .find(|k| k.value == map_key)
                .map_or(Pos::default(), |k| k.pos),
            "extra_params" => spec
                .grants
                .authorization_code
                .as_ref()
                .and_then(|a| a.extra_params.keys().find(|k| k.value == map_key))
                .map_or(Pos::default(), |k| k.pos),
            "custom" => spec
                .grants
                .custom
                .keys()
                .find(|k| k.value == map_key)
                .map_or(Pos::default(), |k| k.pos),
            _ => spec
                .provider
                .as_ref()
                .map_or(Pos::default(), |p| p.name.pos),
        }
    };

    // Types of the provider's module.
    let mut types: BTreeMap<String, (String, Pos)> = BTreeMap::new();
    let name = def.name.to_string();
    let provider_pos = pos_of("", "provider");
    for t in [name.clone(), builder_type(&name), authorize_type(&name)] {
        types.insert(t, ("the client type".into(), provider_pos));
    }
    for t in MODULE_TYPES {
        if *t == name {
            cx.error_help(
                provider_pos,
                format!("provider name `{name}` is a name the generated code takes"),
                format!("the generated module already has an item `{t}`; choose another name"),
            );
        }
        types.insert((*t).to_string(), ("generated code".into(), provider_pos));
    }
    let mut claim = |cx: &mut Ctx<'_>, ty: String, what: String, pos: Pos| {
        if let Some((first, _)) = types.get(&ty) {
            cx.error_help(
                pos,
                format!("{what} generates the type `{ty}`, which {first} already takes"),
                "rename one of them",
            );
        } else {
            types.insert(ty, (what, pos));
        }
    };
    for v in def.variables.iter() {
        // A choice is an enum; a free value is a newtype.
        let what = match v.kind {
            VariableKind::Choice { .. } => format!("variable `{}`", v.name),
            VariableKind::Free { .. } => format!("variable `{}`", v.name),
        };
        claim(cx, type_name(&v.name), what, pos_of(&v.name, "variables"));
    }
    if let Some(ac) = &def.grants.authorization_code {
        for p in ac.extra_params.iter().filter(|p| !p.values.is_empty()) {
            claim(
                cx,
                type_name(&p.name),
                format!("extra parameter `{}`", p.name),
                pos_of(&p.name, "extra_params"),
            );
        }
    }

    // Builder methods: fixed ones, one setter per variable with a default; constructor
    // arguments: `credentials`, one per required variable.
    for v in def.variables.iter() {
        let m = method_name(&v.name);
        let pos = pos_of(&v.name, "variables");
        if BUILDER_METHODS.contains(&m.as_str()) || CONSTRUCTOR_ARGS.contains(&m.as_str()) {
            cx.error_help(
                pos,
                format!(
                    "variable `{}` would take the name `{m}`, which the generated builder uses",
                    v.name
                ),
                "rename the variable",
            );
        }
    }
    // Client methods: fixed ones, one getter per variable and one per custom grant.
    for v in def.variables.iter() {
        let m = method_name(&v.name);
        if CLIENT_METHODS.contains(&m.as_str()) {
            cx.error_help(
                pos_of(&v.name, "variables"),
                format!(
                    "variable `{}` would take the name `{m}`, a method the generated client has",
                    v.name
                ),
                "rename the variable",
            );
        }
        if let Some(g) = def.grants.custom.iter().find(|g| method_name(&g.name) == m) {
            cx.error_help(
                pos_of(&g.name, "custom"),
                format!(
                    "custom grant `{}` and variable `{}` would both be the client's method `{m}`",
                    g.name, v.name
                ),
                "rename one of them",
            );
        }
    }
    for g in def.grants.custom.iter() {
        if CLIENT_METHODS.contains(&g.name.as_ref()) {
            cx.error_help(
                pos_of(&g.name, "custom"),
                format!(
                    "custom grant `{}` would be a method the generated client already has",
                    g.name
                ),
                "rename the custom grant",
            );
        }
    }
    // Authorization request methods: fixed ones, one per extra parameter, one per further
    // scope parameter.
    if let Some(ac) = &def.grants.authorization_code {
        let scope_params: Vec<String> = def
            .scopes
            .iter()
            .flat_map(|s| s.params.iter().skip(1).map(|p| method_name(p)))
            .collect();
        for p in ac.extra_params.iter() {
            let m = method_name(&p.name);
            if AUTHORIZE_METHODS.contains(&m.as_str()) || scope_params.contains(&m) {
                cx.error_help(
                    pos_of(&p.name, "extra_params"),
                    format!(
                        "extra parameter `{}` would be the authorization request's method `{m}`, \
                         which it already has",
                        p.name
                    ),
                    "scopes are asked for with `.scope(..)`; leave the parameter out",
                );
            }
        }
    }
}
