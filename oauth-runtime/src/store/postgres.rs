//! A token store in PostgreSQL (feature `postgres`), so many processes, on any number of
//! machines, share one token and one refresh through the database they already trust.
//!
//! Sets are the same [`StoredTokenSet`] JSON the other stores write, kept as bytes, so a
//! [`crate::store::SealedStore`] over a `PostgresStore` works unchanged (and then the table
//! holds only envelopes). The driver is sqlx (Tokio, TLS through rustls with the webpki roots:
//! `sslmode=require` or `verify-full` in the URL; no OpenSSL).
//!
//! # Tables and migration
//!
//! A store uses three tables named after its table name `T` (default `oauth_tokens`, see
//! [`PostgresStore::with_table`]): `T` holds the sets, `T__locks` the refresh locks and
//! `T__schema` the schema versions applied. [`PostgresStore::migrate`] creates them; it is
//! versioned (each version runs once, recorded in `T__schema`), idempotent, safe to run from
//! many processes at once (it holds a transaction-scoped advisory lock while it works) and runs
//! in one transaction. [`PostgresStore::connect`] does **not** run it: creating tables needs a
//! privilege an application's runtime role should not need, and schema changes belong to a
//! deploy step. Call `migrate()` once from that step (or at start-up, with a role that may
//! create tables), or run the same SQL with your own migration tool. Version 1 is, for
//! `T = oauth_tokens`:
//!
//! ```sql
//! CREATE TABLE IF NOT EXISTS "oauth_tokens" (
//!     key_sha256 bytea PRIMARY KEY CHECK (octet_length(key_sha256) = 32),
//!     key        text NOT NULL,          -- the store key, for people reading the table
//!     token_set  bytea NOT NULL,         -- StoredTokenSet JSON, as the other stores write it
//!     updated_at timestamptz NOT NULL DEFAULT now()
//! );
//! CREATE TABLE IF NOT EXISTS "oauth_tokens__locks" (
//!     key_sha256 bytea PRIMARY KEY CHECK (octet_length(key_sha256) = 32),
//!     owner      bytea NOT NULL,         -- 128 random bits, one per lock taken
//!     expires_at timestamptz NOT NULL
//! );
//! ```
//!
//! Rows are found by the SHA-256 of the key, so a key of any length and content (quotes,
//! Unicode, 10 000 characters) is one short index entry; `key` is only for reading. The one
//! key a save refuses is one containing NUL, which PostgreSQL's `text` cannot hold. A table
//! missing when the store is used is an [`Error::Store`] saying to run `migrate()`.
//!
//! The table name is validated, never escaped: it is `name` or `schema.name`, each part
//! `[a-z_][a-z0-9_]*` (at most 55 bytes for the name, 63 for the schema, which must exist),
//! and the name never contains `__`. Names are then written double-quoted. So no name can
//! carry SQL, and since only the store's own suffixes contain `__`, no table name is another
//! store's lock or schema table: any two distinct table names get six distinct tables.
//!
//! # Refresh lock
//!
//! A lock is a row in `T__locks` with an owner id and an expiry on the database's clock,
//! taken by one statement:
//!
//! ```sql
//! INSERT INTO "oauth_tokens__locks" (key_sha256, owner, expires_at) VALUES ($1, $2, now() + $3 ms)
//! ON CONFLICT (key_sha256) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
//! WHERE "oauth_tokens__locks".expires_at <= now()
//! ```
//!
//! One row affected: taken (the key was free, or its holder's lock had expired); none:
//! someone else holds it ([`TokenStore::lock`] answers `Ok(None)`, and the token source waits
//! for the holder's set). PostgreSQL runs the conflict check and the update atomically, so two
//! takers never both win. Release deletes the row only if its owner is still this guard's, and
//! [`LockGuard::extend`] moves the expiry only then, so a holder whose lock expired and was
//! taken can neither release nor extend the new holder's lock. (A lock that expired but that
//! nobody took since is still this guard's to extend: nobody can have refreshed meanwhile, as
//! refreshing means taking the lock.) All times are the database's `now()`, so the clocks of
//! the machines sharing the store do not matter.
//!
//! Why rows and not advisory locks (`pg_try_advisory_lock`): an advisory lock lives as long
//! as the session that took it, so each held lock would pin one connection out of the pool for
//! the whole refresh, would silently vanish with that connection (a reconnect, a proxy such as
//! PgBouncer in transaction mode handing the session to someone else) while the holder still
//! refreshes, and would never expire while a hung holder keeps its session open. Rows behave
//! like the Redis store's lock: a TTL, extension, owner-checked release, through any pool or
//! proxy, visible in the table. The cost is the one Redis has too: a holder that crashes keeps
//! the lock until its TTL passes (the token source's `lock_ttl`, 30 s by default), where an
//! advisory lock would free at once. Releasing a guard deletes its row; dropping one deletes it
//! in the background (when a Tokio runtime is running), else the row expires.
//!
//! # Guarantees and secrets
//!
//! A save is one `INSERT ... ON CONFLICT DO UPDATE`: all of the new set or, if it fails (the
//! connection drops, the server stops), none of it, with the previous set intact. The token
//! source saves a renewed set, with its rotated refresh token, before handing out its access
//! token and keeps it to save again if the save fails. A load of a key never saved is
//! `Ok(None)`.
//!
//! Errors are [`Error::Store`] (an invalid table name: [`Error::Config`]) and say what failed
//! and why in the store's own words and the SQLSTATE code: never the server's message, a
//! value, a token or the connection URL (which may carry a password). `Debug` shows the table
//! name only.
//!
//! SQLite is not offered: sqlx's SQLite driver would compile the SQLite C library into every
//! build with the feature, and a file database shared by processes locks the whole file on
//! each write, which [`crate::store::FileStore`] already does without a database.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use sha2::Digest as _;
use sqlx::postgres::{PgConnectOptions, PgConnection, PgPool, PgPoolOptions};
use sqlx::{Connection as _, Row as _};

use super::{LockGuard, TokenStore};
use crate::error::Error;
use crate::token::{StoredTokenSet, TokenSet};

/// The schema versions this crate knows, in order: version, description, SQL (`{sets}` and
/// `{locks}` stand for the quoted table names).
const MIGRATIONS: &[(i32, &str, &str)] = &[(
    1,
    "token sets and refresh locks",
    r#"CREATE TABLE IF NOT EXISTS {sets} (
    key_sha256 bytea PRIMARY KEY CHECK (octet_length(key_sha256) = 32),
    key text NOT NULL,
    token_set bytea NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS {locks} (
    key_sha256 bytea PRIMARY KEY CHECK (octet_length(key_sha256) = 32),
    owner bytea NOT NULL,
    expires_at timestamptz NOT NULL
);"#,
)];

/// The longest lock TTL the store asks the database for (100 years), so `now() + ttl` stays
/// far inside PostgreSQL's timestamps.
const MAX_TTL_MS: i64 = 100 * 365 * 24 * 3600 * 1000;

/// The longest table name: 63 bytes (PostgreSQL's identifier limit) less `__schema`.
const MAX_NAME_LEN: usize = 63 - "__schema".len();

/// Token sets in PostgreSQL (feature `postgres`); see the module docs for the tables, the
/// migration and the lock.
///
/// Cloning is cheap: clones share one connection pool.
///
/// # Example
///
/// ```no_run
/// use std::sync::Arc;
/// use oauth_runtime::store::PostgresStore;
/// use oauth_runtime::{Error, TokenSet, TokenStore};
///
/// # async fn demo() -> Result<(), Error> {
/// // `sslmode=verify-full` for a server elsewhere; the password never appears in an error.
/// let store = PostgresStore::connect("postgres://app:secret@127.0.0.1:5432/app")
///     .await?
///     .with_table("oauth_tokens")?;
/// // Once, from the deploy step or a role that may create tables: `connect` does not.
/// store.migrate().await?;
///
/// store.save("zoho:client-1:alice", &TokenSet::bearer("an-access-token", None)).await?;
/// assert!(store.load("zoho:client-1:alice").await?.is_some());
///
/// // One refresh across every process sharing the database:
/// let store: Arc<dyn TokenStore> = Arc::new(store);
/// # let _ = store;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct PostgresStore {
    pool: PgPool,
    table: Table,
    sql: Arc<Sql>,
}

impl fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PostgresStore")
            .field("table", &self.table.display)
            .finish_non_exhaustive()
    }
}

/// A validated table name (the module docs say what is valid).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Table {
    /// As given: `name` or `schema.name`.
    display: String,
    schema: Option<String>,
    name: String,
}

impl Table {
    fn parse(given: &str) -> Result<Table, Error> {
        let refuse = |why: &str| {
            Error::Config(format!(
                "PostgresStore table name {given:?}: {why} (want `name` or `schema.name`, each \
                 [a-z_][a-z0-9_]*, the name without `__` and at most {MAX_NAME_LEN} bytes)"
            ))
        };
        let (schema, name) = match given.split_once('.') {
            Some((schema, name)) => (Some(schema), name),
            None => (None, given),
        };
        let check = |part: &str, what: &str, max: usize| -> Result<(), Error> {
            let mut bytes = part.bytes();
            match bytes.next() {
                None => return Err(refuse(&format!("the {what} is empty"))),
                Some(b) if !(b.is_ascii_lowercase() || b == b'_') => {
                    return Err(refuse(&format!(
                        "the {what} must start with a lower-case letter or `_`"
                    )))
                }
                Some(_) => {}
            }
            if !bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
                return Err(refuse(&format!(
                    "the {what} may hold only a-z, 0-9 and `_`"
                )));
            }
            if part.len() > max {
                return Err(refuse(&format!("the {what} is longer than {max} bytes")));
            }
            Ok(())
        };
        if let Some(schema) = schema {
            check(schema, "schema", 63)?;
        }
        check(name, "name", MAX_NAME_LEN)?;
        if name.contains("__") {
            return Err(refuse(
                "the name contains `__`, which only the store's own tables do",
            ));
        }
        Ok(Table {
            display: given.to_string(),
            schema: schema.map(str::to_string),
            name: name.to_string(),
        })
    }

    /// The quoted, schema-qualified name of the table with `suffix` (`""`, `__locks`,
    /// `__schema`). Safe to write into SQL: every part is `[a-z0-9_]`.
    fn quoted(&self, suffix: &str) -> String {
        match &self.schema {
            Some(schema) => format!("\"{schema}\".\"{}{suffix}\"", self.name),
            None => format!("\"{}{suffix}\"", self.name),
        }
    }
}

/// The store's statements, written once for its table.
struct Sql {
    sets: String,
    locks: String,
    schema: String,
    load: String,
    save: String,
    delete: String,
    lock: String,
    extend: String,
    release: String,
}

impl Sql {
    fn new(table: &Table) -> Sql {
        let sets = table.quoted("");
        let locks = table.quoted("__locks");
        let schema = table.quoted("__schema");
        Sql {
            load: format!("SELECT token_set FROM {sets} WHERE key_sha256 = $1"),
            save: format!(
                "INSERT INTO {sets} (key_sha256, key, token_set, updated_at) \
                 VALUES ($1, $2, $3, now()) \
                 ON CONFLICT (key_sha256) DO UPDATE SET key = EXCLUDED.key, \
                 token_set = EXCLUDED.token_set, updated_at = EXCLUDED.updated_at"
            ),
            delete: format!("DELETE FROM {sets} WHERE key_sha256 = $1"),
            lock: format!(
                "INSERT INTO {locks} (key_sha256, owner, expires_at) \
                 VALUES ($1, $2, now() + $3::bigint * interval '1 millisecond') \
                 ON CONFLICT (key_sha256) DO UPDATE SET owner = EXCLUDED.owner, \
                 expires_at = EXCLUDED.expires_at WHERE {locks}.expires_at <= now()"
            ),
            extend: format!(
                "UPDATE {locks} SET expires_at = now() + $3::bigint * interval '1 millisecond' \
                 WHERE key_sha256 = $1 AND owner = $2"
            ),
            release: format!("DELETE FROM {locks} WHERE key_sha256 = $1 AND owner = $2"),
            sets,
            locks,
            schema,
        }
    }
}

/// The row id of `key`: its SHA-256.
fn key_hash(key: &str) -> Vec<u8> {
    sha2::Sha256::digest(key.as_bytes()).to_vec()
}

/// `ttl` in whole milliseconds, at least 1 and at most [`MAX_TTL_MS`].
fn ttl_ms(ttl: Duration) -> i64 {
    i64::try_from(ttl.as_millis())
        .unwrap_or(MAX_TTL_MS)
        .clamp(1, MAX_TTL_MS)
}

/// A store error for a failed `what`: the kind of failure and the SQLSTATE, never the
/// server's message (which can quote values) or anything of the connection settings.
fn pg_err(what: &str, e: &sqlx::Error) -> Error {
    let why: Cow<'static, str> = match e {
        sqlx::Error::Database(db) => match db.code() {
            Some(code) => format!("the server refused it (SQLSTATE {code}{})", hint(&code)).into(),
            None => "the server refused it".into(),
        },
        sqlx::Error::Io(io) => format!("I/O error ({})", io.kind()).into(),
        sqlx::Error::Tls(_) => "TLS failed".into(),
        sqlx::Error::Configuration(_) => {
            "the connection settings are invalid (the URL is not shown)".into()
        }
        sqlx::Error::Protocol(_) => "protocol error".into(),
        sqlx::Error::PoolTimedOut => "no connection became available in time".into(),
        sqlx::Error::PoolClosed => "the connection pool is closed".into(),
        sqlx::Error::WorkerCrashed => "the connection's worker crashed".into(),
        sqlx::Error::ColumnNotFound(_)
        | sqlx::Error::ColumnIndexOutOfBounds { .. }
        | sqlx::Error::ColumnDecode { .. }
        | sqlx::Error::Decode(_)
        | sqlx::Error::TypeNotFound { .. } => {
            "the table does not have the columns PostgresStore::migrate creates".into()
        }
        _ => "database error".into(),
    };
    Error::Store(format!("postgres {what}: {why}"))
}

/// What a SQLSTATE means for the store, for the common ones.
fn hint(code: &str) -> &'static str {
    match code {
        "42P01" => ": a table is missing; run PostgresStore::migrate() once",
        "3F000" => ": the table's schema does not exist",
        "42703" => ": the table lacks a column PostgresStore::migrate() creates",
        "42501" => ": permission denied",
        "28P01" => ": password authentication failed",
        "28000" => ": the server refused the login",
        "3D000" => ": the database does not exist",
        "53300" => ": too many connections",
        "57P01" | "57P02" | "57P03" => ": the server is shutting down or starting",
        "25006" => ": the server is read-only",
        _ => "",
    }
}

impl PostgresStore {
    /// The table name a store uses unless [`PostgresStore::with_table`] says otherwise.
    pub const DEFAULT_TABLE: &'static str = "oauth_tokens";

    /// The newest schema version [`PostgresStore::migrate`] applies.
    pub const SCHEMA_VERSION: i32 = 1;

    /// Connects to `url` (`postgres://user:password@host:port/db?sslmode=...`): logs in once
    /// to check the server, the credentials and TLS (failing at once, with the reason, rather
    /// than retrying), then keeps a pool of up to 4 connections that waits at most 10 s for a
    /// free one. Does not run [`PostgresStore::migrate`]. A failure says why without showing
    /// the URL.
    pub async fn connect(url: &str) -> Result<PostgresStore, Error> {
        let err = |e: sqlx::Error| pg_err("connect", &e);
        let options = PgConnectOptions::from_str(url).map_err(err)?;
        let probe = PgConnection::connect_with(&options).await.map_err(err)?;
        // Only a polite goodbye: a failure to say it does not make the login less valid.
        let _ = probe.close().await;
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(10))
            .connect_lazy_with(options);
        Ok(PostgresStore::from_pool(pool))
    }

    /// Uses an existing pool (sqlx 0.8), with the table [`PostgresStore::DEFAULT_TABLE`].
    pub fn from_pool(pool: PgPool) -> PostgresStore {
        let table = Table {
            display: Self::DEFAULT_TABLE.to_string(),
            schema: None,
            name: Self::DEFAULT_TABLE.to_string(),
        };
        PostgresStore {
            pool,
            sql: Arc::new(Sql::new(&table)),
            table,
        }
    }

    /// Keeps sets in table `name` (`name` or `schema.name`; the module docs say what is valid)
    /// instead of `oauth_tokens`. An invalid name is an [`Error::Config`]; nothing is sent to
    /// the database.
    pub fn with_table(mut self, name: &str) -> Result<PostgresStore, Error> {
        self.table = Table::parse(name)?;
        self.sql = Arc::new(Sql::new(&self.table));
        Ok(self)
    }

    /// The table holding the sets, as given (`oauth_tokens`, `auth.tokens`).
    pub fn table(&self) -> &str {
        &self.table.display
    }

    /// The table holding the refresh locks, as SQL would name it (quoted).
    pub fn lock_table(&self) -> &str {
        &self.sql.locks
    }

    /// The pool the store uses.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// Creates the store's tables, or brings them to [`PostgresStore::SCHEMA_VERSION`]: each
    /// version not yet recorded in the `__schema` table runs, all in one transaction under an
    /// advisory lock, so concurrent calls are safe and a second call does nothing. A database
    /// at a newer version than this crate knows is an error (upgrade the crate).
    pub async fn migrate(&self) -> Result<(), Error> {
        let err = |e: sqlx::Error| pg_err("migrate", &e);
        let mut tx = self.pool.begin().await.map_err(err)?;
        let lock_id = {
            let d = sha2::Sha256::digest(
                format!("oauth-runtime PostgresStore migrate {}", self.sql.sets).as_bytes(),
            );
            let mut first = [0u8; 8];
            first.copy_from_slice(&d[..8]);
            i64::from_be_bytes(first)
        };
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(lock_id)
            .execute(&mut *tx)
            .await
            .map_err(err)?;
        sqlx::raw_sql(&format!(
            "CREATE TABLE IF NOT EXISTS {} (version integer PRIMARY KEY, \
             description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
            self.sql.schema
        ))
        .execute(&mut *tx)
        .await
        .map_err(err)?;
        let row = sqlx::query(&format!("SELECT max(version) FROM {}", self.sql.schema))
            .fetch_one(&mut *tx)
            .await
            .map_err(err)?;
        let applied: i32 = row.try_get::<Option<i32>, _>(0).map_err(err)?.unwrap_or(0);
        if applied > Self::SCHEMA_VERSION {
            return Err(Error::Store(format!(
                "postgres migrate: the tables are at schema version {applied}, newer than the \
                 {} this oauth-runtime knows; upgrade it",
                Self::SCHEMA_VERSION
            )));
        }
        for (version, description, sql) in MIGRATIONS {
            if *version <= applied {
                continue;
            }
            let sql = sql
                .replace("{sets}", &self.sql.sets)
                .replace("{locks}", &self.sql.locks);
            sqlx::raw_sql(&sql).execute(&mut *tx).await.map_err(err)?;
            sqlx::query(&format!(
                "INSERT INTO {} (version, description) VALUES ($1, $2)",
                self.sql.schema
            ))
            .bind(version)
            .bind(description)
            .execute(&mut *tx)
            .await
            .map_err(err)?;
        }
        tx.commit().await.map_err(err)
    }

    /// A guard for the lock on `hash` held as `owner`.
    fn guard(&self, hash: Vec<u8>, owner: Vec<u8>) -> LockGuard {
        let (pool, sql) = (self.pool.clone(), Arc::clone(&self.sql));
        let (e_pool, e_sql, e_hash, e_owner) =
            (pool.clone(), Arc::clone(&sql), hash.clone(), owner.clone());
        let extend = move |ttl: Duration| -> BoxFuture<'static, Result<bool, Error>> {
            let (pool, sql, hash, owner) = (
                e_pool.clone(),
                Arc::clone(&e_sql),
                e_hash.clone(),
                e_owner.clone(),
            );
            Box::pin(async move {
                sqlx::query(&sql.extend)
                    .bind(hash)
                    .bind(owner)
                    .bind(ttl_ms(ttl))
                    .execute(&pool)
                    .await
                    .map(|done| done.rows_affected() == 1)
                    .map_err(|e| pg_err("extend lock", &e))
            })
        };
        LockGuard::new(move || {
            Box::pin(async move {
                sqlx::query(&sql.release)
                    .bind(hash)
                    .bind(owner)
                    .execute(&pool)
                    .await
                    .map(|_| ())
                    .map_err(|e| pg_err("unlock", &e))
            })
        })
        .with_extend(extend)
    }
}

impl TokenStore for PostgresStore {
    fn load<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<Option<TokenSet>, Error>> {
        Box::pin(async move {
            let row = sqlx::query(&self.sql.load)
                .bind(key_hash(key))
                .fetch_optional(&self.pool)
                .await
                .map_err(|e| pg_err("load", &e))?;
            let Some(row) = row else {
                return Ok(None);
            };
            let bytes: Vec<u8> = row.try_get(0).map_err(|e| pg_err("load", &e))?;
            let stored: StoredTokenSet = serde_json::from_slice(&bytes).map_err(|e| {
                // serde_json's message names a position and a category, never the content.
                Error::Store(format!(
                    "postgres load: the stored token set is not valid (line {}, column {})",
                    e.line(),
                    e.column()
                ))
            })?;
            Ok(Some(TokenSet::from(stored)))
        })
    }

    fn save<'a>(&'a self, key: &'a str, tokens: &'a TokenSet) -> BoxFuture<'a, Result<(), Error>> {
        Box::pin(async move {
            if key.contains('\0') {
                return Err(Error::Store(
                    "postgres save: the key contains NUL, which PostgreSQL text cannot hold".into(),
                ));
            }
            let json = serde_json::to_vec(&StoredTokenSet::from(tokens)).map_err(|_| {
                Error::Store("postgres save: could not encode the token set".into())
            })?;
            let done = sqlx::query(&self.sql.save)
                .bind(key_hash(key))
                .bind(key)
                .bind(json)
                .execute(&self.pool)
                .await
                .map_err(|e| pg_err("save", &e))?;
            if done.rows_affected() == 1 {
                Ok(())
            } else {
                Err(Error::Store(format!(
                    "postgres save: {} rows written instead of 1",
                    done.rows_affected()
                )))
            }
        })
    }

    fn delete<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), Error>> {
        Box::pin(async move {
            sqlx::query(&self.sql.delete)
                .bind(key_hash(key))
                .execute(&self.pool)
                .await
                .map(|_| ())
                .map_err(|e| pg_err("delete", &e))
        })
    }

    /// A row in the lock table with an expiry `ttl` from now on the database's clock (see the
    /// module docs).
    fn lock<'a>(
        &'a self,
        key: &'a str,
        ttl: Duration,
    ) -> BoxFuture<'a, Result<Option<LockGuard>, Error>> {
        Box::pin(async move {
            let hash = key_hash(key);
            let owner = rand::random::<[u8; 16]>().to_vec();
            let done = sqlx::query(&self.sql.lock)
                .bind(&hash)
                .bind(&owner)
                .bind(ttl_ms(ttl))
                .execute(&self.pool)
                .await
                .map_err(|e| pg_err("lock", &e))?;
            if done.rows_affected() == 1 {
                Ok(Some(self.guard(hash, owner)))
            } else {
                Ok(None)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_table_names_are_quoted_with_their_suffixes() {
        let t = Table::parse("oauth_tokens").unwrap();
        assert_eq!(t.quoted(""), "\"oauth_tokens\"");
        assert_eq!(t.quoted("__locks"), "\"oauth_tokens__locks\"");
        let t = Table::parse("auth.tokens_v2").unwrap();
        assert_eq!(t.quoted("__schema"), "\"auth\".\"tokens_v2__schema\"");
        assert_eq!(t.display, "auth.tokens_v2");
        for ok in ["_", "a", "a_", "_a1", "x".repeat(MAX_NAME_LEN).as_str()] {
            assert!(Table::parse(ok).is_ok(), "{ok:?}");
        }
    }

    #[test]
    fn names_that_could_carry_sql_or_collide_are_refused() {
        let long = "x".repeat(MAX_NAME_LEN + 1);
        let long_schema = format!("{}.t", "s".repeat(64));
        for bad in [
            "",
            ".",
            "a.",
            ".a",
            "a.b.c",
            "1abc",
            "Tokens",
            "tok ens",
            "tok-ens",
            "tok\"ens",
            "t\"; DROP TABLE x; --",
            "t'",
            "tökens",
            "t\0",
            "a__locks",
            "a__b",
            "s.a__schema",
            long.as_str(),
            long_schema.as_str(),
        ] {
            let e = Table::parse(bad).unwrap_err();
            assert!(matches!(e, Error::Config(_)), "{bad:?}: {e:?}");
        }
    }

    /// No two valid table names give one table.
    #[test]
    fn the_tables_of_distinct_names_are_distinct() {
        let names = [
            "a", "a_", "a__", "a_locks", "a_schema", "locks", "a_l", "s.a", "s.a_", "a.s", "s_a",
        ];
        let mut seen = std::collections::HashMap::new();
        for name in names {
            let Ok(t) = Table::parse(name) else { continue };
            for suffix in ["", "__locks", "__schema"] {
                if let Some(other) = seen.insert(t.quoted(suffix), (name, suffix)) {
                    panic!(
                        "{:?} is both {other:?} and {:?}",
                        t.quoted(suffix),
                        (name, suffix)
                    );
                }
            }
        }
    }

    #[test]
    fn ttls_stay_in_range() {
        assert_eq!(ttl_ms(Duration::ZERO), 1);
        assert_eq!(ttl_ms(Duration::from_millis(1500)), 1500);
        assert_eq!(ttl_ms(Duration::MAX), MAX_TTL_MS);
    }

    #[test]
    fn errors_name_the_failure_not_the_settings() {
        let e = pg_err(
            "connect",
            &sqlx::Error::Configuration("postgres://u:hunter2@db/x is bad".into()),
        );
        assert!(!e.to_string().contains("hunter2"), "{e}");
        assert!(matches!(e, Error::Store(_)));
        let e = pg_err("load", &sqlx::Error::Protocol("hunter2".into()));
        assert!(!format!("{e:?}").contains("hunter2"));
    }
}
