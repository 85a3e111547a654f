//! `oauth-fuzz`: the stable fuzz driver.
//!
//! ```text
//! oauth-fuzz [TARGET ...|all] [--seconds N] [--seed N]    fuzz, N seconds in all (default 60)
//! oauth-fuzz --replay TARGET FILE                           run one saved input
//! oauth-fuzz --write-seeds DIR                              the seeds, as DIR/<target>/seed-N
//! ```
//!
//! Each target gets an equal share of the time. A run starts from the seeds, mutates a
//! random corpus entry, and keeps the mutant when its outcome is one not seen before. A panic
//! saves the input under `oauth-fuzz/crashes/<target>/` and makes the exit status 1; copy the
//! file into `oauth-fuzz/regressions/<target>/` once fixed, so `cargo test -p oauth-fuzz`
//! keeps it fixed.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use oauth_fuzz::mutate::{Mutator, Rng};
use oauth_fuzz::seeds::seeds;
use oauth_fuzz::{Harness, Target};

/// The corpus never grows past this many entries per target.
const MAX_CORPUS: usize = 8192;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("oauth-fuzz: {message}");
            ExitCode::from(2)
        }
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let repo = repo_root();
    let harness = Harness::new(&repo.join("specs"))?;
    let mut targets = Vec::new();
    let mut seconds = 60u64;
    let mut seed = 0x5eed_u64;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--seconds" => seconds = number(it.next(), "--seconds")?,
            "--seed" => seed = number(it.next(), "--seed")?,
            "--replay" => {
                let target = target(it.next())?;
                let file = it.next().ok_or("--replay needs TARGET FILE")?;
                let data = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
                println!("{}", harness.run(target, &data));
                return Ok(ExitCode::SUCCESS);
            }
            "--write-seeds" => {
                let dir = PathBuf::from(it.next().ok_or("--write-seeds needs a directory")?);
                for t in Target::ALL {
                    let to = dir.join(t.name());
                    std::fs::create_dir_all(&to)
                        .map_err(|e| format!("cannot create {}: {e}", to.display()))?;
                    for (n, input) in seeds(t, &harness, &repo).iter().enumerate() {
                        let path = to.join(format!("seed-{n:05}"));
                        std::fs::write(&path, input)
                            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                    }
                }
                return Ok(ExitCode::SUCCESS);
            }
            "all" => targets.extend(Target::ALL),
            "-h" | "--help" => {
                println!(
                    "oauth-fuzz [TARGET ...|all] [--seconds N] [--seed N]\n\
                     oauth-fuzz --replay TARGET FILE\n\
                     oauth-fuzz --write-seeds DIR\n\
                     targets: {}",
                    Target::ALL.map(Target::name).join(", ")
                );
                return Ok(ExitCode::SUCCESS);
            }
            other => targets.push(target(Some(&other.to_string()))?),
        }
    }
    if targets.is_empty() {
        targets.extend(Target::ALL);
    }
    let share = Duration::from_secs(seconds) / targets.len().max(1) as u32;
    // The default hook prints each panic; a finding is reported once, below, instead.
    panic::set_hook(Box::new(|_| {}));
    let mut failed = false;
    for (i, &t) in targets.iter().enumerate() {
        failed |= fuzz(&harness, &repo, t, share, seed.wrapping_add(i as u64))?;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn number(v: Option<&String>, flag: &str) -> Result<u64, String> {
    v.and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("{flag} needs a whole number"))
}

fn target(name: Option<&String>) -> Result<Target, String> {
    let name = name.ok_or("a target name is missing")?;
    Target::from_name(name).ok_or_else(|| {
        format!(
            "unknown target `{name}`; the targets are {}",
            Target::ALL.map(Target::name).join(", ")
        )
    })
}

/// Fuzzes `target` for `budget`; returns whether it found a panic.
fn fuzz(
    harness: &Harness,
    repo: &Path,
    target: Target,
    budget: Duration,
    seed: u64,
) -> Result<bool, String> {
    let mut corpus = seeds(target, harness, repo);
    if corpus.is_empty() {
        return Err(format!("{target}: no seeds"));
    }
    let max_len = corpus.iter().map(Vec::len).max().unwrap_or(0) * 2;
    let mutator = Mutator::new(corpus.iter().map(Vec::as_slice), max_len);
    let mut rng = Rng::new(seed);
    let mut outcomes = HashSet::new();
    let mut crashes = 0usize;
    let start = Instant::now();
    let mut execs = 0u64;
    // The seeds first: each must pass, and their outcomes are the baseline.
    let mut pending: Vec<Vec<u8>> = corpus.clone();
    corpus.clear();
    loop {
        let input = match pending.pop() {
            Some(seed_input) => seed_input,
            None => {
                if start.elapsed() >= budget || corpus.is_empty() {
                    break;
                }
                let a = &corpus[rng.below(corpus.len())];
                let b = &corpus[rng.below(corpus.len())];
                mutator.mutate(&mut rng, a, b)
            }
        };
        execs += 1;
        match panic::catch_unwind(AssertUnwindSafe(|| harness.run(target, &input))) {
            Ok(shape) => {
                let mut h = DefaultHasher::new();
                shape.hash(&mut h);
                let new = outcomes.insert(h.finish());
                if (new || corpus.len() < 64) && corpus.len() < MAX_CORPUS {
                    corpus.push(input);
                }
            }
            Err(payload) => {
                crashes += 1;
                let message = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "a panic".into());
                let saved = save_crash(repo, target, &input)?;
                eprintln!(
                    "{target}: PANIC: {message}\n  input saved to {}\n  replay: cargo run -p oauth-fuzz -- --replay {target} {}",
                    saved.display(),
                    saved.display()
                );
                if crashes >= 5 {
                    break;
                }
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{target:>16}: {execs:>9} inputs in {secs:>5.1} s ({:>7.0}/s), {:>5} distinct outcomes, corpus {:>5}, {crashes} panics",
        execs as f64 / secs.max(1e-9),
        outcomes.len(),
        corpus.len(),
    );
    Ok(crashes > 0)
}

fn save_crash(repo: &Path, target: Target, input: &[u8]) -> Result<PathBuf, String> {
    let dir = repo.join("oauth-fuzz/crashes").join(target.name());
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut h = DefaultHasher::new();
    input.hash(&mut h);
    let path = dir.join(format!("{:016x}", h.finish()));
    std::fs::write(&path, input).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}
