//! The loopback redirect receiver of `oauth login` (RFC 8252 §7.3): an HTTP server on
//! `127.0.0.1` that takes the authorization response at `/callback`, as a query (`GET`) or
//! a form post (`POST`, `response_mode=form_post`), hands it to the login and shows the
//! browser the page the login answers with. Anything else gets a `404`; nothing is logged.

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{header, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use tokio::sync::{mpsc, oneshot};

/// The path of the redirect URI.
pub(crate) const PATH: &str = "/callback";

/// An authorization response as it arrived.
pub(crate) struct Arrival {
    /// Its parameters: the query string, or the form body.
    pub(crate) params: String,
    /// Whether it came as a form post.
    pub(crate) posted: bool,
    /// Where to send the page the browser shows.
    pub(crate) reply: oneshot::Sender<Page>,
}

/// The page the browser is shown.
pub(crate) struct Page {
    pub(crate) status: u16,
    pub(crate) title: String,
    pub(crate) text: String,
}

/// A running receiver; dropping it stops the server.
pub(crate) struct Receiver {
    /// The redirect URI to register and send (`http://127.0.0.1:PORT/callback`).
    pub(crate) redirect_uri: url::Url,
    arrivals: mpsc::Receiver<Arrival>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl Receiver {
    /// Listens on `127.0.0.1:port` (0: a free port).
    pub(crate) async fn bind(port: u16) -> std::io::Result<Receiver> {
        let listener =
            tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port))).await?;
        let addr = listener.local_addr()?;
        let redirect_uri = url::Url::parse(&format!("http://{addr}{PATH}"))
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()))?;
        let (tx, arrivals) = mpsc::channel::<Arrival>(4);
        let router = axum::Router::new().fallback(move |method: Method, uri: Uri, body: Bytes| {
            let tx = tx.clone();
            async move { receive(tx, method, uri, body).await }
        });
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, router)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
        Ok(Receiver {
            redirect_uri,
            arrivals,
            stop: Some(stop),
            task: Some(task),
        })
    }

    /// The next authorization response (`None` when the server has stopped).
    pub(crate) async fn next(&mut self) -> Option<Arrival> {
        self.arrivals.recv().await
    }

    /// Stops listening once the pages already answered have reached their browsers (at most
    /// two seconds), so the process can end without cutting the last page off.
    pub(crate) async fn finish(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = tokio::time::timeout(Duration::from_secs(2), task).await;
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

async fn receive(tx: mpsc::Sender<Arrival>, method: Method, uri: Uri, body: Bytes) -> Response {
    if uri.path() != PATH {
        return (
            StatusCode::NOT_FOUND,
            "This is the login listener of `oauth login`; nothing is here.",
        )
            .into_response();
    }
    let (params, posted) = if method == Method::POST {
        (String::from_utf8_lossy(&body).into_owned(), true)
    } else if method == Method::GET {
        (uri.query().unwrap_or_default().to_owned(), false)
    } else {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    };
    let (reply, answer) = oneshot::channel();
    let sent = tx
        .send(Arrival {
            params,
            posted,
            reply,
        })
        .await;
    let page = match sent {
        Err(_) => Page {
            status: 410,
            title: "This login is over".into(),
            text: "The command that was waiting for this sign-in has ended. Run `oauth login` \
                   again."
                .into(),
        },
        Ok(()) => match tokio::time::timeout(Duration::from_secs(120), answer).await {
            Ok(Ok(page)) => page,
            _ => Page {
                status: 500,
                title: "No answer".into(),
                text: "The login did not finish; see the terminal.".into(),
            },
        },
    };
    html(page)
}

fn html(page: Page) -> Response {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let body = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title>\
         <style>body{{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;\
         color:#1d2330}}</style></head>\n<body><h1 id=\"title\">{t}</h1>\n\
         <p id=\"message\">{m}</p></body></html>\n",
        t = escape(&page.title),
        m = escape(&page.text)
    );
    let status = StatusCode::from_u16(page.status).unwrap_or(StatusCode::OK);
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}
