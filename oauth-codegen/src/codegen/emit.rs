//! Emits a resolved [`ProviderDef`] as a constant Rust expression.
//!
//! Every string becomes `Cow::Borrowed("...")` and every list `Cow::Borrowed(&[...])`, so the
//! generated `static` needs no allocation, no parsing and no lazy initialisation at run time.
//! The output names the model through `#m` (the hidden re-export of `oauth-model`), never by
//! its crate name, so users depend on one crate only.

use oauth_model::*;
use proc_macro2::TokenStream;
use quote::quote;

/// Something that can be written as a constant expression of its model type.
pub(crate) trait Emit {
    /// The expression; `m` is the path of the model crate.
    fn emit(&self, m: &TokenStream) -> TokenStream;
}

impl Emit for Str {
    fn emit(&self, _m: &TokenStream) -> TokenStream {
        let s: &str = self;
        quote!(::std::borrow::Cow::Borrowed(#s))
    }
}

impl Emit for Catalogue {
    fn emit(&self, m: &TokenStream) -> TokenStream {
        let joined = self.joined();
        quote!(#m::Catalogue::from_joined(#joined))
    }
}

impl<T: Emit + Clone> Emit for List<T> {
    fn emit(&self, m: &TokenStream) -> TokenStream {
        let items = self.iter().map(|i| i.emit(m));
        quote!(::std::borrow::Cow::Borrowed(&[#(#items),*]))
    }
}

impl<T: Emit> Emit for Option<T> {
    fn emit(&self, m: &TokenStream) -> TokenStream {
        match self {
            Some(v) => {
                let v = v.emit(m);
                quote!(::std::option::Option::Some(#v))
            }
            None => quote!(::std::option::Option::None),
        }
    }
}

impl<A: Emit, B: Emit> Emit for (A, B) {
    fn emit(&self, m: &TokenStream) -> TokenStream {
        let (a, b) = (self.0.emit(m), self.1.emit(m));
        quote!((#a, #b))
    }
}

macro_rules! emit_copy {
    ($($t:ty),*) => {$(
        impl Emit for $t {
            fn emit(&self, _m: &TokenStream) -> TokenStream {
                let v = *self;
                quote!(#v)
            }
        }
    )*};
}
emit_copy!(bool, u16, u32, u64, i64, usize);

macro_rules! emit_leaf {
    ($($t:ident),*) => {$(
        impl Emit for $t {
            fn emit(&self, m: &TokenStream) -> TokenStream {
                let variant = syn::Ident::new(&format!("{:?}", self), proc_macro2::Span::call_site());
                quote!(#m::$t::#variant)
            }
        }
    )*};
}
emit_leaf!(
    Method,
    ClientAuth,
    BasicEncoding,
    JwtAlgorithm,
    BodyFormat,
    ResponseMode,
    ExpiresInZero,
    TimeFormat,
    ScopeFormat,
    RenewWith,
    GrantKind,
    HmacEncoding,
    ResponseFormat,
    ExpiresIn,
    TimeUnit,
    Requirement,
    ParamsIn,
    Counted,
    Capped,
    LimitKey,
    OnExceed,
    ClaimKind,
    ErrorSite,
    ErrorMeaning
);

/// Emits a struct literal `#m::Name { field: value, ... }`. Every field must be listed: a
/// field the model gains is then a compile error here, never a silently dropped fact.
macro_rules! emit_struct {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Emit for $t {
            fn emit(&self, m: &TokenStream) -> TokenStream {
                let $t { $($f),* } = self;
                $(let $f = $f.emit(m);)*
                quote!(#m::$t { $($f: #$f),* })
            }
        }
    };
}

emit_struct!(ProviderDef {
    name,
    display_name,
    docs_url,
    description,
    deprecated,
    variables,
    connection,
    endpoints,
    client_auth,
    token_request,
    param_names,
    token_presentation,
    api,
    token_response,
    grants,
    lifetimes,
    limits,
    scopes,
    errors,
    oidc,
    facts,
});
emit_struct!(OidcDef {
    issuer,
    discovery,
    id_token_algorithms,
    clock_skew_secs,
    par,
    dpop,
    claims,
});
emit_struct!(ClaimDef {
    name,
    description,
    kind,
});
emit_struct!(Deprecation {
    since,
    note,
    replacement
});
emit_struct!(ParamRename { standard, wire });
emit_struct!(FactDef { path, source, note });
emit_struct!(VariableDef {
    name,
    description,
    kind
});
emit_struct!(ChoiceDef { key, label, values });
emit_struct!(ConnectionDef {
    name,
    description,
    from,
    format,
    required
});
emit_struct!(EndpointDef {
    name,
    url,
    method,
    other_methods
});
emit_struct!(Template { source, parts });
emit_struct!(ClientAuthDef {
    method,
    public,
    basic_encoding,
    jwt
});
emit_struct!(JwtDef {
    algorithm,
    issuer,
    subject,
    audience,
    lifetime_secs
});
emit_struct!(ApiDef {
    headers,
    origins,
    user_agent_required
});
emit_struct!(HeaderDef { name, value });
emit_struct!(TokenRequestDef { body, headers });
emit_struct!(ResponseDef {
    format,
    expires_in,
    expires_in_unit,
    expires_in_zero,
    expires_at_format,
    fields,
    extra_fields,
    scope_separator,
    scope_format,
    token_types,
    success_when,
    secondary,
});
emit_struct!(FieldNames {
    access_token,
    refresh_token,
    expires_in,
    expires_at,
    refresh_token_expires_in,
    scope,
    token_type,
});
emit_struct!(SecondaryDef { name, path });
emit_struct!(FieldTest { path, op });
emit_struct!(GrantsDef {
    authorization_code,
    pin,
    refresh_token,
    client_credentials,
    device_code,
    custom,
});
emit_struct!(ParamDef { name, value });
emit_struct!(AuthorizationCodeDef {
    authorize_endpoint,
    token_endpoint,
    state,
    pkce,
    redirect_uri,
    params,
    extra_params,
    token_params,
    callback_params,
    response_mode,
    hmac,
    code_length,
});
emit_struct!(ExtraParamDef {
    name,
    description,
    values,
    format,
    default,
    send
});
emit_struct!(HmacDef {
    param,
    exclude,
    encoding
});
emit_struct!(CallbackParamDef {
    name,
    variable,
    by_property
});
emit_struct!(PinDef {
    authorize_endpoint,
    token_endpoint,
    state,
    code_length,
});
emit_struct!(RefreshDef {
    token_endpoint,
    rotates,
    send_scope,
    send_redirect_uri,
    renew_with,
    grant_type,
    token_param,
    reuses_token,
    params,
});
emit_struct!(ClientCredentialsDef {
    token_endpoint,
    params_in,
    reuses_token,
    grant_type,
    params,
});
emit_struct!(DeviceCodeDef {
    device_endpoint,
    token_endpoint,
    grant_type,
    poll_interval_secs,
    params,
});
emit_struct!(CustomGrantDef {
    name,
    description,
    endpoint,
    params_in,
    params,
    response,
    presentation,
    deprecated,
});
emit_struct!(CustomParamDef { wire, source });
emit_struct!(LifetimesDef {
    authorization_code,
    pin_code,
    device_code,
    access_token,
    refresh_token,
    refresh_skew_secs,
});
emit_struct!(ScopesDef {
    required,
    separator,
    params,
    catalogue,
    names,
    param_of,
    default,
    open,
});
emit_struct!(ErrorRuleDef {
    code,
    at,
    grant,
    status,
    when,
    meaning,
    description,
});

impl Emit for VariableKind {
    fn emit(&self, m: &TokenStream) -> TokenStream {
        match self {
            VariableKind::Choice {
                properties,
                choices,
                default,
            } => {
                let (p, c, d) = (properties.emit(m), choices.emit(m), default.emit(m));
                quote!(#m::VariableKind::Choice { properties: #p, choices: #c, default: #d })
            }
            VariableKind::Free {
                format,
                example,
                default,
            } => {
                let (f, e, d) = (format.emit(m), example.emit(m), default.emit(m));
                quote!(#m::VariableKind::Free { format: #f, example: #e, default: #d })
            }
        }
    }
}

impl Emit for ConnectionFrom {
    fn emit(&self, m: &TokenStream) -> TokenStream {
        match self {
            ConnectionFrom::Callback { param } => {
                let p = param.emit(m);
                quote!(#m::ConnectionFrom::Callback { param: #p })
            }
            ConnectionFrom::TokenResponse { field } => {
                let f = field.emit(m);
                quote!(#m::ConnectionFrom::TokenResponse { field: #f })
            }
            ConnectionFrom::Request { endpoint, select } => {
                let (e, s) = (endpoint.emit(m), select.emit(m));
                quote!(#m::ConnectionFrom::Request { endpoint: #e, select: #s })
            }
        }
    }
}

impl Emit for TemplatePart {
    fn emit(&self, m: &TokenStream) -> TokenStream {
        match self {
            TemplatePart::Lit(s) => {
                let s = s.emit(m);
                quote!(#m::TemplatePart::Lit(#s))
            }
            TemplatePart::Var { var, property } => {
                let (v, p) = (var.emit(m), property.emit(m));
                quote!(#m::TemplatePart::Var { var: #v, property: #p })
            }
            TemplatePart::Connection(i) => {
                let i = i.emit(m);
                quote!(#m::TemplatePart::Connection(#i))
            }
            TemplatePart::ClientId => quote!(#m::TemplatePart::ClientId),
            TemplatePart::Token => quote!(#m::TemplatePart::Token),
        }
    }
}

impl Emit for Presentation {
    fn emit(&self, m: &TokenStream) -> TokenStream {
        match self {
            Presentation::Header { name, scheme } => {
                let (n, s) = (name.emit(m), scheme.emit(m));
                quote!(#m::Presentation::Header { name: #n, scheme: #s })
            }
            Presentation::Query { param, extra } => {
                let (p, e) = (param.emit(m), extra.emit(m));
                quote!(#m::Presentation::Query { param: #p, extra: #e })
            }
            Presentation::None => quote!(#m::Presentation::None),
        }
    }
}

impl Emit for FieldOp {
    fn emit(&self, m: &TokenStream) -> TokenStream {
        match self {
            FieldOp::OneOf(values) => {
                let v = values.emit(m);
                quote!(#m::FieldOp::OneOf(#v))
            }
            FieldOp::StartsWith(s) => {
                let s = s.emit(m);
                quote!(#m::FieldOp::StartsWith(#s))
            }
            FieldOp::Contains(s) => {
                let s = s.emit(m);
                quote!(#m::FieldOp::Contains(#s))
            }
            FieldOp::Between(a, b) => quote!(#m::FieldOp::Between(#a, #b)),
            FieldOp::Absent => quote!(#m::FieldOp::Absent),
        }
    }
}

impl Emit for ScalarDef {
    fn emit(&self, m: &TokenStream) -> TokenStream {
        match self {
            ScalarDef::Bool(b) => quote!(#m::ScalarDef::Bool(#b)),
            ScalarDef::Int(i) => quote!(#m::ScalarDef::Int(#i)),
            ScalarDef::Str(s) => {
                let s = s.emit(m);
                quote!(#m::ScalarDef::Str(#s))
            }
        }
    }
}

impl Emit for ParamSource {
    fn emit(&self, m: &TokenStream) -> TokenStream {
        match self {
            ParamSource::Value(v) => {
                let v = v.emit(m);
                quote!(#m::ParamSource::Value(#v))
            }
            ParamSource::Input { name, secret } => {
                let n = name.emit(m);
                quote!(#m::ParamSource::Input { name: #n, secret: #secret })
            }
        }
    }
}

impl Emit for Lifetime {
    fn emit(&self, m: &TokenStream) -> TokenStream {
        match self {
            Lifetime::Secs(s) => quote!(#m::Lifetime::Secs(#s)),
            Lifetime::Never => quote!(#m::Lifetime::Never),
        }
    }
}

impl Emit for LimitDef {
    fn emit(&self, m: &TokenStream) -> TokenStream {
        match self {
            LimitDef::Rate {
                counts,
                max,
                per_secs,
                key,
                block_for_secs,
                error,
                description,
            } => {
                let (c, k, b, e, d) = (
                    counts.emit(m),
                    key.emit(m),
                    block_for_secs.emit(m),
                    error.emit(m),
                    description.emit(m),
                );
                quote!(#m::LimitDef::Rate { counts: #c, max: #max, per_secs: #per_secs, key: #k, block_for_secs: #b, error: #e, description: #d })
            }
            LimitDef::Cap {
                counts,
                max,
                key,
                on_exceed,
                error,
                description,
            } => {
                let (c, k, o, e, d) = (
                    counts.emit(m),
                    key.emit(m),
                    on_exceed.emit(m),
                    error.emit(m),
                    description.emit(m),
                );
                quote!(#m::LimitDef::Cap { counts: #c, max: #max, key: #k, on_exceed: #o, error: #e, description: #d })
            }
        }
    }
}
