//! HTML the user's browser gets: the consent page (sign in, approve or deny), the PIN page,
//! the device verification pages, pages showing one message (their errors and results), and
//! the form-post response (OAuth 2.0 Form Post Response Mode, Sign in with Apple): a page
//! whose form POSTs the authorization response to the redirect URI as soon as it loads.
//! Every value is escaped. Elements a test reads have stable ids: `pin`, `error`, `result`,
//! `user`, `password`, `approve`, `deny`, `user_code`, `submit`.

use super::Reply;

/// Escapes text for HTML content and double-quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The look every page shares: small, readable, no script and nothing fetched.
const STYLE: &str = "body{font-family:system-ui,sans-serif;background:#f4f5f7;color:#1d2330;\
margin:0}main{max-width:26rem;margin:3rem auto;background:#fff;padding:1.5rem 2rem;\
border-radius:.5rem;box-shadow:0 1px 4px rgba(0,0,0,.15)}h1{font-size:1.25rem}\
label{display:block;margin:.75rem 0 .25rem}input[type=text],input[type=password]\
{width:100%;box-sizing:border-box;padding:.4rem;font-size:1rem}\
.buttons{margin-top:1.25rem;display:flex;gap:.75rem}button{font-size:1rem;padding:.45rem 1rem;\
cursor:pointer}#approve,#submit{background:#1f6feb;color:#fff;border:0;border-radius:.3rem}\
#deny{background:#fff;border:1px solid #999;border-radius:.3rem}#error{color:#b42318}\
#pin{font:bold 2rem monospace;letter-spacing:.2rem}.note{color:#667;font-size:.85rem}";

/// A whole page: `title` as its heading, `body` (already HTML) below it.
fn shell(status: u16, title: &str, body: &str) -> Reply {
    let title = escape(title);
    Reply {
        status,
        content_type: "text/html; charset=utf-8",
        body: format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width\">\
             <title>{title}</title><style>{STYLE}</style></head>\n\
             <body><main>\n<h1>{title}</h1>\n{body}</main></body></html>\n"
        ),
        headers: Vec::new(),
    }
}

/// An HTML page showing the user one message in an element with id `id` (the PIN page's
/// errors, the device verification page's result).
pub(crate) fn page(status: u16, id: &str, message: &str) -> Reply {
    let escaped = escape(message);
    let title = if id == "error" || status >= 400 {
        "Something went wrong"
    } else {
        "Done"
    };
    shell(status, title, &format!("<p id=\"{id}\">{escaped}</p>\n"))
}

/// What the consent page shows and where its form goes.
pub(crate) struct ConsentPage<'a> {
    /// The provider's display name.
    pub provider: &'a str,
    /// The client asking.
    pub client_id: &'a str,
    /// The scopes asked for.
    pub scopes: &'a [String],
    /// Where the form POSTs (`/sim/consent`, `/sim/device`).
    pub action: &'a str,
    /// Hidden fields sent back with the decision.
    pub hidden: &'a [(&'a str, &'a str)],
    /// A problem with the previous attempt (a wrong password).
    pub error: Option<&'a str>,
    /// Whether approving shows a PIN to type into the application.
    pub pin: bool,
}

/// The consent page: sign in as a user (any name; a password only for users registered
/// with one), then approve or deny the client's request.
pub(crate) fn consent_page(p: &ConsentPage<'_>) -> Reply {
    let mut body = String::new();
    body.push_str(&format!(
        "<p><strong id=\"client\">{}</strong> asks to use your {} account.</p>\n",
        escape(p.client_id),
        escape(p.provider)
    ));
    if p.scopes.is_empty() {
        body.push_str("<p>It asks for the provider's default access.</p>\n");
    } else {
        body.push_str("<p>It asks for:</p>\n<ul id=\"scopes\">\n");
        for scope in p.scopes {
            body.push_str(&format!("<li><code>{}</code></li>\n", escape(scope)));
        }
        body.push_str("</ul>\n");
    }
    if let Some(error) = p.error {
        body.push_str(&format!("<p id=\"error\">{}</p>\n", escape(error)));
    }
    body.push_str(&format!(
        "<form method=\"post\" action=\"{}\">\n",
        escape(p.action)
    ));
    for (name, value) in p.hidden {
        body.push_str(&format!(
            "<input type=\"hidden\" name=\"{}\" value=\"{}\">\n",
            escape(name),
            escape(value)
        ));
    }
    body.push_str(
        "<label for=\"user\">Sign in as</label>\n\
         <input type=\"text\" id=\"user\" name=\"user\" value=\"alice\" \
         autocomplete=\"username\" required>\n\
         <label for=\"password\">Password</label>\n\
         <input type=\"password\" id=\"password\" name=\"password\" \
         autocomplete=\"current-password\">\n\
         <p class=\"note\">Any user signs in; a password is checked only for users \
         registered with one.</p>\n\
         <div class=\"buttons\">\n\
         <button type=\"submit\" id=\"approve\" name=\"decision\" value=\"approve\">Approve</button>\n\
         <button type=\"submit\" id=\"deny\" name=\"decision\" value=\"deny\" \
         formnovalidate>Deny</button>\n</div>\n</form>\n",
    );
    if p.pin {
        body.push_str(
            "<p class=\"note\">Approving shows a PIN to type into the application.</p>\n",
        );
    }
    shell(200, &format!("Sign in to {}", p.provider), &body)
}

/// The PIN page: the PIN to type into the application, in `<p id="pin">`.
pub(crate) fn pin_page(provider: &str, pin: &str) -> Reply {
    shell(
        200,
        &format!("{provider}: your PIN"),
        &format!(
            "<p>Your PIN is</p>\n<p id=\"pin\">{}</p>\n\
             <p class=\"note\">Type it into the application; it works once.</p>\n",
            escape(pin)
        ),
    )
}

/// The device verification page's first step: a form for the code the device shows.
pub(crate) fn device_entry_page(provider: &str, action: &str, error: Option<&str>) -> Reply {
    let mut body = String::from("<p>Enter the code your device shows.</p>\n");
    if let Some(error) = error {
        body.push_str(&format!("<p id=\"error\">{}</p>\n", escape(error)));
    }
    body.push_str(&format!(
        "<form method=\"get\" action=\"{}\">\n\
         <label for=\"user_code\">Code</label>\n\
         <input type=\"text\" id=\"user_code\" name=\"user_code\" \
         placeholder=\"BCDF-GHJK\" autocomplete=\"off\" required>\n\
         <div class=\"buttons\"><button type=\"submit\" id=\"submit\">Continue</button></div>\n\
         </form>\n",
        escape(action)
    ));
    shell(
        if error.is_some() { 400 } else { 200 },
        &format!("Connect a device to {provider}"),
        &body,
    )
}

/// The form-post response: `params` POSTed to `action` by the page itself, one hidden input a
/// line (`<input type="hidden" name=".." value=".."/>`).
pub(crate) fn form_post(action: &str, params: &[(String, String)]) -> Reply {
    let mut body = String::from(
        "<!DOCTYPE html>\n<html><head><title>Submit This Form</title></head>\n\
         <body onload=\"javascript:document.forms[0].submit()\">\n",
    );
    body.push_str(&format!(
        "<form method=\"post\" action=\"{}\">\n",
        escape(action)
    ));
    for (name, value) in params {
        body.push_str(&format!(
            "<input type=\"hidden\" name=\"{}\" value=\"{}\"/>\n",
            escape(name),
            escape(value)
        ));
    }
    body.push_str("<noscript><button type=\"submit\">Continue</button></noscript>\n");
    body.push_str("</form>\n</body></html>\n");
    Reply {
        status: 200,
        content_type: "text/html; charset=utf-8",
        body,
        headers: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_post_escapes_what_it_posts() {
        let reply = form_post(
            "https://app.example.com/cb?x=1&y=2",
            &[("state".into(), "\"><script>".into())],
        );
        assert!(reply
            .body
            .contains("action=\"https://app.example.com/cb?x=1&amp;y=2\""));
        assert!(reply.body.contains(
            "<input type=\"hidden\" name=\"state\" value=\"&quot;&gt;&lt;script&gt;\"/>"
        ));
        assert!(!reply.body.contains("<script>"));
    }
}
