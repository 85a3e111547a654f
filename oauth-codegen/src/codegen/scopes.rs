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
pub(crate) fn generate(def: &ProviderDef, client: &syn::Ident) -> TokenStream {
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
    let body = node_items(&root, 0);
    let separator = scopes.separator.to_string();
    let scope_doc = format!(
        "A scope of {}: only the constants of this module make one, so a scope of another \
         provider is a type error.\n\nSyntax: `{}`; joined with `{separator:?}` in requests.",
        def.display_name, scopes.syntax
    );
    let catalogue = scopes.catalogue.iter().map(|s| {
        let s: &str = s;
        quote!(Scope(#s))
    });
    let n = scopes.catalogue.len();
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

                /// Every scope of the catalogue.
                pub const CATALOGUE: [Scope; #n] = [#(#catalogue),*];

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

/// The items of one module level: a constant per scope child, a module per child with
/// children, and the `Tree` struct mirroring them as fields.
fn node_items(node: &Node, depth: usize) -> TokenStream {
    let scope_path = {
        let supers = std::iter::repeat_n(quote!(super::), depth);
        quote!(#(#supers)* Scope)
    };
    let mut items = TokenStream::new();
    let mut fields = Vec::new();
    let mut values = Vec::new();
    if let Some(s) = &node.scope {
        if depth > 0 {
            let doc = format!("`{s}` itself.");
            fields.push(quote!(#[doc = #doc] pub this: #scope_path));
            values.push(quote!(this: #scope_path(#s)));
        }
    }
    for (seg, child) in &node.children {
        let id = ident(seg);
        if let Some(full) = &child.scope {
            let doc = format!("`{full}`");
            items.extend(quote! {
                #[doc = #doc]
                pub const #id: #scope_path = #scope_path(#full);
            });
        }
        if child.children.is_empty() {
            let doc = format!("`{}`", child.scope.as_deref().unwrap_or(seg));
            fields.push(quote!(#[doc = #doc] pub #id: #scope_path));
            values.push(quote!(#id: #id));
        } else {
            let inner = node_items(child, depth + 1);
            let doc = format!("Scopes under `{seg}`.");
            items.extend(quote! {
                #[doc = #doc]
                pub mod #id {
                    #inner
                }
            });
            fields.push(quote!(#[doc = #doc] pub #id: #id::Tree));
            values.push(quote!(#id: #id::TREE));
        }
    }
    let conv = (node.scope.is_some() && depth > 0).then(|| {
        quote! {
            impl ::std::convert::From<Tree> for #scope_path {
                fn from(t: Tree) -> Self { t.this }
            }
        }
    });
    quote! {
        #items

        /// This level of the scope catalogue as fields (see `SCOPES`).
        #[derive(Clone, Copy, Debug)]
        pub struct Tree {
            #(#fields,)*
        }

        /// This level's scopes.
        pub const TREE: Tree = Tree { #(#values,)* };

        #conv
    }
}
