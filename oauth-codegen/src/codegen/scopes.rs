//! The typed scope API of one provider.
//!
//! Each catalogue scope becomes a constant of a `Scope` type private to the provider, at the
//! path the documented naming rule gives it (the validator computed it into
//! [`oauth_model::ScopesDef::names`]): `https://www.googleapis.com/auth/drive.readonly` is
//! `scopes::drive::readonly`. The same value is reachable as a field chain,
//! `Google::SCOPES.drive.readonly`, which is what `scope!(Google.drive.readonly)` expands to,
//! so a typo is an ordinary rustc error at the user's token that lists the fields there are.
//! `scope!(Google, "https://...")` takes the provider's exact string instead (a URL cannot be
//! a Rust path): it expands to a const generic argument, `Google::__scope::<{
//! Google::__scope_index("...") }>()`, which `cargo check` evaluates, and an unknown string
//! fails there with a did-you-mean (the lookup is the runtime's `const fn`s).
//!
//! Each scope carries the index of the authorize parameter it goes in (`scope`, or Slack's
//! `user_scope`), so the request needs no second list.
//!
//! Constants in nested modules were chosen over one `macro_rules!` arm per scope or a
//! `const fn` lookup per use because their type-check cost stays flat in the number of scopes
//! used; the tree is written as source text and lexed once (see [`super::Options::lex`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use oauth_model::ProviderDef;
use proc_macro2::TokenStream;
use quote::quote;

use super::{docs, ident, Paths};

#[derive(Default)]
struct Node {
    /// `(scope, parameter index)` when this path is a scope.
    scope: Option<(String, u32)>,
    children: BTreeMap<String, Node>,
}

/// `pub mod scopes` and the client's `SCOPES` constant, or nothing for a provider without
/// scopes.
pub(super) fn generate(
    def: &ProviderDef,
    p: &Paths,
    lex: fn(&str) -> Result<TokenStream, String>,
) -> TokenStream {
    let Some(scopes) = &def.scopes else {
        return TokenStream::new();
    };
    let rt = &p.rt;
    let client = ident(&def.name);
    let mut root = Node::default();
    let params: Vec<char> = scopes.param_of.chars().collect();
    let mut example_path = None;
    for (i, (scope, name)) in scopes.catalogue.iter().zip(scopes.names.iter()).enumerate() {
        let param = params.get(i).and_then(|c| c.to_digit(36)).unwrap_or(0);
        let mut node = &mut root;
        for seg in name.split("::") {
            node = node.children.entry(seg.to_string()).or_default();
        }
        node.scope = Some((scope.to_string(), param));
        if example_path.is_none() {
            example_path = Some((scope.to_string(), name.replace("::", ".")));
        }
    }
    let mut source = String::new();
    node_items(&mut source, &root, 0);
    let body = match lex(&source) {
        Ok(body) => body,
        Err(e) => {
            let msg = format!("oauth-codegen bug: the generated scope tree does not lex: {e}");
            return quote!(::core::compile_error!(#msg););
        }
    };
    let display = def.display_name.to_string();
    let separator = scopes.separator.to_string();
    let n = scopes.catalogue.len();
    let joined = scopes.catalogue.joined().to_string();
    let param_of = scopes.param_of.to_string();
    let param_names: Vec<String> = scopes.params.iter().map(|s| s.to_string()).collect();
    let (example_scope, example_path) = example_path.unwrap_or_default();
    let scope_doc = format!(
        "A scope of {display}: only the constants of this module make one, so a scope of \
         another provider is a type error.\n\nJoined with `{separator:?}` in requests."
    );
    let mod_doc = format!(
        "The {n} scopes of {display}, one constant each{}.\n\nName one with \
         `scope!({}.{example_path})`, or with the provider's own string, \
         `scope!({}, {example_scope:?})`, checked at compile time; \
         [`Scope::find`] reads one at run time.",
        docs::source(def, "scopes"),
        def.name,
        def.name,
    );
    let into_message = format!("`{{Self}}` is not a scope of {display}");
    let into_label = format!("expected a scope of {display}");
    let into_note = format!(
        "the scopes of {display} are the constants of its `scopes` module: \
         `scope!({}.{example_path})` names one by path and `scope!({}, {example_scope:?})` by \
         the provider's string, both checked at compile time; a string known only at run time \
         goes through `scopes::Scope::find`",
        def.name, def.name
    );
    quote! {
        #[doc = #mod_doc]
        #[allow(non_snake_case, non_upper_case_globals, non_camel_case_types, clippy::all)]
        pub mod scopes {
            #[doc = #scope_doc]
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub struct Scope(&'static str, u8);

            /// Every scope, sorted, one a line.
            const CATALOGUE: &str = #joined;
            /// Each scope's parameter (an index into `PARAMS`, one base-36 digit a scope).
            const PARAM_OF: &str = #param_of;
            /// The authorize parameters scopes go in.
            const PARAMS: &[&str] = &[#(#param_names),*];

            impl Scope {
                /// The scope as the provider spells it.
                pub const fn as_str(self) -> &'static str {
                    self.0
                }

                /// The authorize parameter the scope goes in (`scope` unless the provider
                /// has several, such as Slack's `user_scope`).
                pub fn param(self) -> &'static str {
                    PARAMS.get(usize::from(self.1)).copied().unwrap_or("scope")
                }

                #[doc(hidden)]
                pub const fn param_index(self) -> usize {
                    self.1 as usize
                }

                /// How many scopes the catalogue has.
                pub const COUNT: usize = #n;

                /// Every scope of the catalogue, sorted.
                pub fn all() -> impl ::std::iter::Iterator<Item = Scope> + ::std::clone::Clone {
                    CATALOGUE
                        .split('\n')
                        .filter(|__s| !__s.is_empty())
                        .zip(PARAM_OF.chars())
                        .map(|(__s, __p)| Scope(__s, __p.to_digit(36).and_then(|__d| u8::try_from(__d).ok()).unwrap_or(0)))
                }

                /// The catalogue scope spelled `name`, if there is one (for scopes read from
                /// configuration at run time).
                pub fn find(__name: &str) -> ::std::option::Option<Scope> {
                    Self::all().find(|__s| __s.0 == __name)
                }

                /// Joins scopes with the provider's separator.
                pub fn join(__scopes: &[Scope]) -> ::std::string::String {
                    __scopes.iter().map(|__s| __s.0).collect::<::std::vec::Vec<_>>().join(#separator)
                }
            }

            impl ::std::fmt::Display for Scope {
                fn fmt(&self, __f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    __f.write_str(self.0)
                }
            }

            #[doc = concat!("What the authorization request's `scope` accepts: a [`Scope`] of ", #display, ".")]
            #[diagnostic::on_unimplemented(message = #into_message, label = #into_label, note = #into_note)]
            pub trait IntoScope {
                /// The scope.
                fn into_scope(self) -> Scope;
            }

            impl IntoScope for Scope {
                fn into_scope(self) -> Scope {
                    self
                }
            }

            #[doc(hidden)]
            pub const fn __index(__wanted: &str) -> usize {
                #rt::__private::scope_index(CATALOGUE, __wanted, #display)
            }

            #[doc(hidden)]
            pub const fn __at(__index: usize) -> Scope {
                let __param = #rt::__private::scope_param(PARAM_OF, __index);
                Scope(#rt::__private::scope_at(CATALOGUE, __index), __param)
            }

            #body
        }

        #[allow(deprecated)]
        impl #client {
            /// Every scope as a field chain that mirrors its path in [`scopes`]:
            /// `SCOPES.a.b`. `scope!(...)` expands to this.
            pub const SCOPES: scopes::Tree = scopes::TREE;

            #[doc(hidden)]
            pub const fn __scope_index(wanted: &str) -> usize {
                scopes::__index(wanted)
            }

            #[doc(hidden)]
            pub const fn __scope<const INDEX: usize>() -> scopes::Scope {
                const { scopes::__at(INDEX) }
            }
        }
    }
}

/// The items of one module level, written as Rust source into `out`: a constant per scope
/// child, a module per child with children, and the `Tree` struct mirroring them as fields.
///
/// Source text rather than `quote!`: a catalogue can hold thousands of scopes, and building
/// each token through the proc-macro bridge costs more than the compiler's own lexer does
/// for the whole text (parsed once, in [`generate`]). Every segment is an identifier text the
/// validator produced (raw for keywords) and every string goes through `{:?}`, which writes a
/// valid Rust string literal.
fn node_items(out: &mut String, node: &Node, depth: usize) {
    let scope_path = format!("{}Scope", "super::".repeat(depth));
    let into_path = format!("{}IntoScope", "super::".repeat(depth));
    let mut fields = String::new();
    let mut values = String::new();
    // `fmt::Write` for `String` cannot fail.
    if let Some((s, param)) = &node.scope {
        if depth > 0 {
            let doc = format!("`{s}` itself.");
            let _ = write!(fields, "#[doc = {doc:?}] pub this: {scope_path},");
            let _ = write!(values, "this: {scope_path}({s:?}, {param}),");
        }
    }
    for (seg, child) in &node.children {
        if let Some((full, param)) = &child.scope {
            let doc = format!("`{full}`");
            let _ = write!(
                out,
                "#[doc = {doc:?}] pub const {seg}: {scope_path} = {scope_path}({full:?}, {param});"
            );
        }
        if child.children.is_empty() {
            let doc = format!(
                "`{}`",
                child
                    .scope
                    .as_ref()
                    .map_or(seg.as_str(), |(s, _)| s.as_str())
            );
            let _ = write!(fields, "#[doc = {doc:?}] pub {seg}: {scope_path},");
            let _ = write!(values, "{seg},");
        } else {
            let doc = format!("Scopes under `{}`.", seg.trim_start_matches("r#"));
            let _ = write!(out, "#[doc = {doc:?}] pub mod {seg} {{");
            node_items(out, child, depth + 1);
            out.push('}');
            let _ = write!(fields, "#[doc = {doc:?}] pub {seg}: {seg}::Tree,");
            let _ = write!(values, "{seg}: {seg}::TREE,");
        }
    }
    let _ = write!(
        out,
        "/// This level of the scope catalogue as fields (see `SCOPES`).\n\
         #[derive(Clone, Copy)] pub struct Tree {{ {fields} }}\n\
         /// This level's scopes.\n\
         pub const TREE: Tree = Tree {{ {values} }};"
    );
    if node.scope.is_some() && depth > 0 {
        let _ = write!(
            out,
            "impl {into_path} for Tree {{ fn into_scope(self) -> {scope_path} {{ self.this }} }}"
        );
    }
}
