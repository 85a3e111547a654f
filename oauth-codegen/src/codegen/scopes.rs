//! The typed scope API of one provider.
//!
//! Each catalogue scope becomes a constant of a `Scope` type private to the provider, at a path
//! that mirrors the provider's own syntax: `ZohoProjects.portals.READ` is
//! `scopes::portals::READ`, and the same value is reachable as a field chain,
//! `ZohoProjects::SCOPES.portals.READ`, which is what `scope!(ZohoProjects.portals.READ)`
//! expands to. A typo is then an ordinary rustc error at the user's token ("no field `REED`
//! on type ..., available fields are: `READ`, `CREATE`, ...").
//!
//! Constants in nested modules were chosen over one `macro_rules!` arm per scope or a
//! `const fn` lookup because their type-check cost stays flat in the number of scopes used.

use std::collections::BTreeMap;

use oauth_model::ProviderDef;
use proc_macro2::TokenStream;
use quote::quote;

use super::ident;

#[derive(Default)]
struct Node {
    scope: Option<String>,
    children: BTreeMap<String, Node>,
}

/// The prefix and segment separator of a syntax such as `ZohoProjects.{module}.{operation}`.
pub(crate) fn syntax_parts(syntax: &str) -> (&str, &str) {
    let prefix_end = syntax.find('{').unwrap_or(syntax.len());
    let prefix = &syntax[..prefix_end];
    let rest = &syntax[prefix_end..];
    let sep = rest
        .find('}')
        .and_then(|close| {
            let after = &rest[close + 1..];
            after.find('{').map(|open| &after[..open])
        })
        .unwrap_or("");
    (prefix, sep)
}

/// `pub mod scopes` and the `SCOPES` constant, or nothing for a provider without scopes.
pub(crate) fn generate(
    def: &ProviderDef,
    client: &syn::Ident,
    lex: fn(&str) -> Result<TokenStream, String>,
) -> TokenStream {
    let Some(scopes) = &def.scopes else {
        return TokenStream::new();
    };
    let (prefix, sep) = syntax_parts(&scopes.syntax);
    let mut root = Node::default();
    for scope in scopes.catalogue.iter() {
        let rest = scope.strip_prefix(prefix).unwrap_or(scope);
        let segments: Vec<&str> = if sep.is_empty() {
            vec![rest]
        } else {
            rest.split(sep).collect()
        };
        let mut node = &mut root;
        for seg in segments {
            node = node.children.entry(seg.to_string()).or_default();
        }
        node.scope = Some(scope.to_string());
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
    let separator = scopes.separator.to_string();
    let scope_doc = format!(
        "A scope of {}: only the constants of this module make one, so a scope of another \
         provider is a type error.\n\nSyntax: `{}`; joined with `{separator:?}` in requests.",
        def.display_name, scopes.syntax
    );
    let n = scopes.catalogue.len();
    let joined = scopes.catalogue.joined();
    let all = if n == 0 {
        quote!(::std::iter::empty())
    } else {
        quote!(#joined.split('\n').map(Scope))
    };
    let mod_doc = format!(
        "The {n} scopes of {}, one constant each, at paths that mirror `{}`.",
        def.display_name, scopes.syntax
    );
    quote! {
        #[doc = #mod_doc]
        #[allow(non_snake_case, non_upper_case_globals, non_camel_case_types)]
        pub mod scopes {
            #[doc = #scope_doc]
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub struct Scope(&'static str);

            impl Scope {
                /// The scope as the provider spells it.
                pub const fn as_str(self) -> &'static str {
                    self.0
                }

                /// How many scopes the catalogue has.
                pub const COUNT: usize = #n;

                /// Every scope of the catalogue, sorted.
                pub fn all() -> impl ::std::iter::Iterator<Item = Scope> + ::std::clone::Clone {
                    #all
                }

                /// The catalogue scope spelled `name`, if there is one (for scopes read from
                /// configuration at run time).
                pub fn find(name: &str) -> ::std::option::Option<Scope> {
                    Self::all().find(|s| s.0 == name)
                }

                /// Joins scopes with the provider's separator.
                pub fn join(scopes: &[Scope]) -> ::std::string::String {
                    scopes.iter().map(|s| s.0).collect::<::std::vec::Vec<_>>().join(#separator)
                }
            }

            impl ::std::fmt::Display for Scope {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(self.0)
                }
            }

            #body
        }

        #[allow(deprecated)]
        impl #client {
            /// Every scope as a field chain that mirrors the provider's syntax:
            /// `SCOPES.portals.READ`. `scope!(...)` expands to this.
            pub const SCOPES: scopes::Tree = scopes::TREE;
        }
    }
}

/// The items of one module level, written as Rust source into `out`: a constant per scope
/// child, a module per child with children, and the `Tree` struct mirroring them as fields.
///
/// Source text rather than `quote!`: a catalogue can hold thousands of scopes, and building
/// each token through the proc-macro bridge costs more than the compiler's own lexer does
/// for the whole text (parsed once, in [`generate`]). Every name is an identifier from
/// [`ident`] and every string goes through `{:?}`, which writes a valid Rust string literal.
fn node_items(out: &mut String, node: &Node, depth: usize) {
    use std::fmt::Write as _;

    let scope_path = format!("{}Scope", "super::".repeat(depth));
    let mut fields = String::new();
    let mut values = String::new();
    // `fmt::Write` for `String` cannot fail.
    if let Some(s) = &node.scope {
        if depth > 0 {
            let doc = format!("`{s}` itself.");
            let _ = write!(fields, "#[doc = {doc:?}] pub this: {scope_path},");
            let _ = write!(values, "this: {scope_path}({s:?}),");
        }
    }
    for (seg, child) in &node.children {
        let id = ident(seg);
        if let Some(full) = &child.scope {
            let doc = format!("`{full}`");
            let _ = write!(
                out,
                "#[doc = {doc:?}] pub const {id}: {scope_path} = {scope_path}({full:?});"
            );
        }
        if child.children.is_empty() {
            let doc = format!("`{}`", child.scope.as_deref().unwrap_or(seg));
            let _ = write!(fields, "#[doc = {doc:?}] pub {id}: {scope_path},");
            let _ = write!(values, "{id},");
        } else {
            let doc = format!("Scopes under `{seg}`.");
            let _ = write!(out, "#[doc = {doc:?}] pub mod {id} {{");
            node_items(out, child, depth + 1);
            out.push('}');
            let _ = write!(fields, "#[doc = {doc:?}] pub {id}: {id}::Tree,");
            let _ = write!(values, "{id}: {id}::TREE,");
        }
    }
    let _ = write!(
        out,
        "/// This level of the scope catalogue as fields (see `SCOPES`).\n\
         pub struct Tree {{ {fields} }}\n\
         /// This level's scopes.\n\
         pub const TREE: Tree = Tree {{ {values} }};"
    );
    if node.scope.is_some() && depth > 0 {
        let _ = write!(
            out,
            "impl ::std::convert::From<Tree> for {scope_path} {{ \
             fn from(t: Tree) -> Self {{ t.this }} }}"
        );
    }
}
