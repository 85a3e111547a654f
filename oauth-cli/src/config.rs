//! Where `oauth` keeps what `login` obtained: the store directory, the index of logins, the
//! client secrets and the sealing key.
//!
//! The directory (`--store`, `OAUTH_STORE`, else `oauth-providers` in the user's
//! configuration directory) is created `0700` and holds:
//!
//! - `tokens/`: a [`FileStore`] (one `0600` JSON file per token set, replaced atomically, a
//!   file lock so two processes never refresh one set at once), wrapped in a [`SealedStore`]
//!   for logins made while a sealing key was configured;
//! - `logins.json` (`0600`): one entry per login, with what `token`, `status`, `revoke` and
//!   `logout` need to find the set and rebuild the client (provider, spec, subject, client id,
//!   variables, origin, the store key and the key id it was sealed with). It holds no secret.
//!
//! A client secret is kept in the same token store as the set it renews, under a key of its
//! own (`oauth-cli:client-secret:<key>`), so it is sealed exactly when the set is.
//!
//! The sealing key is `[ID:]KEY` (KEY: 32 bytes in base64url; ID names the key in every
//! envelope, `cli` unless given) from `OAUTH_SEALING_KEY`, or from the file `--key-file` /
//! `OAUTH_SEALING_KEY_FILE` names, which must not be readable by anyone else.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use oauth_runtime::store::{FileStore, Keyring, SealedStore, SealingKey};
use oauth_runtime::{TokenSet, TokenStore};
use serde::{Deserialize, Serialize};

use crate::cli::StoreArgs;
use crate::fail::Fail;

/// The index file's name.
const INDEX: &str = "logins.json";
/// The token store's directory below the store directory.
const TOKENS: &str = "tokens";
/// The key id of a sealing key given without one.
const DEFAULT_KEY_ID: &str = "cli";

/// Which spec a login used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum SpecRef {
    /// A bundled provider, by id (`zoho_crm`).
    Bundled(String),
    /// A spec file, by absolute path.
    File(PathBuf),
}

/// One login, as `logins.json` keeps it. No secret.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Login {
    /// What the user typed, or the bundled id: how `status` names it.
    pub(crate) provider: String,
    /// The spec.
    pub(crate) spec: SpecRef,
    /// The provider's display name.
    pub(crate) display_name: String,
    /// Whose tokens.
    pub(crate) subject: String,
    /// The client id.
    pub(crate) client_id: String,
    /// Whether a client secret is stored for renewals.
    pub(crate) has_secret: bool,
    /// Every variable's value, by name (choice variables by their key).
    pub(crate) vars: BTreeMap<String, String>,
    /// The origin override, when the login used one.
    pub(crate) origin: Option<String>,
    /// The token store key.
    pub(crate) key: String,
    /// The id of the key the set is sealed with, `None` when it is not sealed.
    pub(crate) sealed_with: Option<String>,
    /// The grant that obtained it (`authorization_code`, `device_code`, `pin`).
    pub(crate) grant: String,
    /// When, as Unix seconds.
    pub(crate) logged_in_at: u64,
}

/// `logins.json`.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Index {
    /// The format's version.
    pub(crate) version: u32,
    /// Every login, oldest first.
    pub(crate) logins: Vec<Login>,
}

/// The store directory and the sealing key, as configured.
pub(crate) struct Config {
    /// The store directory.
    pub(crate) dir: PathBuf,
    /// The sealing key, when one is configured.
    key: Option<SealingKey>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("dir", &self.dir)
            .field("sealing_key", &self.key.as_ref().map(SealingKey::id))
            .finish()
    }
}

/// The user's configuration directory, by the platform's conventions.
fn default_dir() -> Option<PathBuf> {
    let env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let base = if cfg!(windows) {
        env("APPDATA").map(PathBuf::from)
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|h| PathBuf::from(h).join("Library/Application Support"))
    } else {
        env("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| env("HOME").map(|h| PathBuf::from(h).join(".config")))
    };
    base.map(|b| b.join("oauth-providers"))
}

impl Config {
    /// The configuration `args` and the environment describe.
    pub(crate) fn from_args(args: &StoreArgs) -> Result<Config, Fail> {
        let dir = match &args.dir {
            Some(dir) => dir.clone(),
            None => default_dir().ok_or_else(|| {
                Fail::new(
                    "cannot tell where to keep token sets: HOME is not set",
                    "name a directory with --store DIR (or OAUTH_STORE)",
                )
            })?,
        };
        let key = sealing_key(args.key_file.as_deref())?;
        Ok(Config { dir, key })
    }

    /// The id of the configured sealing key.
    pub(crate) fn key_id(&self) -> Option<&str> {
        self.key.as_ref().map(SealingKey::id)
    }

    /// Creates the store directory (0700) when missing.
    pub(crate) fn ensure_dir(&self) -> Result<(), Fail> {
        create_private_dir(&self.dir)?;
        create_private_dir(&self.dir.join(TOKENS))
    }

    /// The store new logins are saved to: sealed when a key is configured.
    pub(crate) fn store_for_new(&self) -> Arc<dyn TokenStore> {
        let files = FileStore::new(self.dir.join(TOKENS));
        match &self.key {
            Some(key) => Arc::new(SealedStore::new(files, Keyring::new(key.clone()))),
            None => Arc::new(files),
        }
    }

    /// The store `login`'s set is in: sealed with its key, or plain.
    pub(crate) fn store_for(&self, login: &Login) -> Result<Arc<dyn TokenStore>, Fail> {
        let files = FileStore::new(self.dir.join(TOKENS));
        match (&login.sealed_with, &self.key) {
            (None, _) => Ok(Arc::new(files)),
            (Some(id), Some(key)) if id == key.id() => {
                Ok(Arc::new(SealedStore::new(files, Keyring::new(key.clone()))))
            }
            (Some(id), Some(key)) => Err(Fail::new(
                format!(
                    "the token set of {} is sealed with key `{id}`, and the key configured is `{}`",
                    describe(login),
                    key.id()
                ),
                format!("set OAUTH_SEALING_KEY (or --key-file) to key `{id}`"),
            )),
            (Some(id), None) => Err(Fail::new(
                format!(
                    "the token set of {} is sealed, and no sealing key is configured",
                    describe(login)
                ),
                format!("set OAUTH_SEALING_KEY (or --key-file) to key `{id}`, as at login"),
            )),
        }
    }

    /// The index of logins (empty when there is none yet).
    pub(crate) fn index(&self) -> Result<Index, Fail> {
        let path = self.dir.join(INDEX);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Index::default()),
            Err(e) => {
                return Err(Fail::new(
                    format!("cannot read {}: {}", path.display(), plain_io(&e)),
                    "check that the store directory is yours (`ls -ld` it)",
                ))
            }
        };
        serde_json::from_str(&text).map_err(|e| {
            Fail::new(
                format!("{} is not an index of logins: {e}", path.display()),
                "move it away; `oauth login` writes a new one (the token sets stay in tokens/)",
            )
        })
    }

    /// Writes the index: a `0600` temporary file renamed over the old one.
    pub(crate) fn save_index(&self, index: &Index) -> Result<(), Fail> {
        self.ensure_dir()?;
        let path = self.dir.join(INDEX);
        let tmp = self
            .dir
            .join(format!(".{INDEX}.tmp-{}", std::process::id()));
        let text = serde_json::to_string_pretty(index).map_err(|e| {
            Fail::new(
                format!("cannot write the index of logins: {e}"),
                "this is a bug in oauth-cli; please report it",
            )
        })?;
        let write = || -> std::io::Result<()> {
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            let mut file = options.open(&tmp)?;
            file.write_all(text.as_bytes())?;
            file.write_all(b"\n")?;
            file.sync_all()?;
            std::fs::rename(&tmp, &path)
        };
        write().map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Fail::new(
                format!("cannot write {}: {}", path.display(), plain_io(&e)),
                "check that the store directory is yours and the disk has room",
            )
        })
    }
}

/// The store key a login's client secret is kept under.
pub(crate) fn secret_key(login_key: &str) -> String {
    format!("oauth-cli:client-secret:{login_key}")
}

/// Saves a client secret beside the set it renews.
pub(crate) async fn save_secret(
    store: &dyn TokenStore,
    login_key: &str,
    secret: &str,
) -> Result<(), oauth_runtime::Error> {
    store
        .save(&secret_key(login_key), &TokenSet::bearer(secret, None))
        .await
}

/// The client secret kept for a login, if any.
pub(crate) async fn load_secret(
    store: &dyn TokenStore,
    login_key: &str,
) -> Result<Option<String>, oauth_runtime::Error> {
    Ok(store
        .load(&secret_key(login_key))
        .await?
        .map(|t| t.access_token.secret().to_owned()))
}

/// "Zoho CRM (subject `alice`)".
pub(crate) fn describe(login: &Login) -> String {
    format!("{} (subject `{}`)", login.display_name, login.subject)
}

/// Creates `dir` 0700 when missing; refuses one others may write to.
fn create_private_dir(dir: &Path) -> Result<(), Fail> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| {
        Fail::new(
            format!("cannot create {}: {}", dir.display(), plain_io(&e)),
            "choose a directory you may write to with --store DIR",
        )
    })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(dir) {
            if meta.permissions().mode() & 0o022 != 0 {
                return Err(Fail::new(
                    format!(
                        "{} may be changed by other users (mode {:o})",
                        dir.display(),
                        meta.permissions().mode() & 0o777
                    ),
                    format!("run `chmod 700 {}`", dir.display()),
                ));
            }
        }
    }
    Ok(())
}

/// The configured sealing key: `OAUTH_SEALING_KEY`, else the key file.
fn sealing_key(file: Option<&Path>) -> Result<Option<SealingKey>, Fail> {
    let from_env = std::env::var("OAUTH_SEALING_KEY")
        .ok()
        .filter(|v| !v.trim().is_empty());
    let (text, origin) = match (from_env, file) {
        (Some(text), _) => (text, "OAUTH_SEALING_KEY".to_owned()),
        (None, Some(path)) => (read_key_file(path)?, path.display().to_string()),
        (None, None) => return Ok(None),
    };
    let text = text.trim();
    let (id, encoded) = match text.split_once(':') {
        Some((id, key)) => (id, key),
        None => (DEFAULT_KEY_ID, text),
    };
    SealingKey::from_base64url(id, encoded)
        .map(Some)
        .map_err(|e| {
            // The runtime's message names the key id, never the key.
            Fail::new(
                format!("the sealing key in {origin} is not usable: {e}"),
                "give `[ID:]KEY`, KEY being 32 random bytes in base64url without padding \
                 (`head -c32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='`)",
            )
        })
}

fn read_key_file(path: &Path) -> Result<String, Fail> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.permissions().mode() & 0o077 != 0 {
                return Err(Fail::new(
                    format!(
                        "the key file {} may be read by other users (mode {:o})",
                        path.display(),
                        meta.permissions().mode() & 0o777
                    ),
                    format!("run `chmod 600 {}`", path.display()),
                ));
            }
        }
    }
    std::fs::read_to_string(path).map_err(|e| {
        Fail::new(
            format!(
                "cannot read the key file {}: {}",
                path.display(),
                plain_io(&e)
            ),
            "check the path given with --key-file (or OAUTH_SEALING_KEY_FILE)",
        )
    })
}

/// An I/O error's words without the `(os error N)` suffix, lower case.
pub(crate) fn plain_io(e: &std::io::Error) -> String {
    let text = e.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text);
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_configuration_shows_the_key_id_but_not_the_key() {
        let encoded = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
        let key = SealingKey::from_base64url("ci", encoded).ok();
        assert!(key.is_some());
        let config = Config {
            dir: PathBuf::from("/tmp/store"),
            key,
        };
        let shown = format!("{config:?}");
        assert!(shown.contains("\"ci\""), "{shown}");
        assert!(!shown.contains(encoded), "{shown}");
    }

    #[test]
    fn a_login_record_holds_no_secret() {
        let login = Login {
            provider: "openid".into(),
            spec: SpecRef::Bundled("openid".into()),
            display_name: "Generic OpenID Connect provider".into(),
            subject: "default".into(),
            client_id: "app".into(),
            has_secret: true,
            vars: BTreeMap::new(),
            origin: None,
            key: "OpenId:1:app:default".into(),
            sealed_with: None,
            grant: "authorization_code".into(),
            logged_in_at: 0,
        };
        let json = serde_json::to_string(&login).unwrap_or_default();
        assert!(json.contains("\"has_secret\":true"), "{json}");
        assert!(!json.contains("secret\":\""), "{json}");
    }
}
