//! Every seed and every saved regression input runs once through its target: a panic the
//! fuzzer found once (or one a seed would hit) fails `cargo test`.

use std::path::{Path, PathBuf};

use oauth_fuzz::seeds::seeds;
use oauth_fuzz::{Harness, Target};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the crate sits in the workspace")
        .to_path_buf()
}

fn harness() -> Harness {
    Harness::new(&repo().join("specs")).expect("the bundled specs load")
}

#[test]
fn every_bundled_spec_validates_in_the_harness() {
    let h = harness();
    let names: Vec<&str> = h.provider_names().collect();
    for expected in ["zoho_projects", "zoho_crm", "marketo", "nest", "openid"] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
}

#[test]
fn every_seed_runs_through_its_target() {
    let h = harness();
    for target in Target::ALL {
        let inputs = seeds(target, &h, &repo());
        assert!(!inputs.is_empty(), "{target} has no seeds");
        for input in &inputs {
            h.run(target, input);
        }
    }
}

#[test]
fn seeds_reach_past_the_first_check() {
    // A seed corpus that only ever fails at the door fuzzes nothing.
    let h = harness();
    let outcomes =
        |t: Target| -> Vec<String> { seeds(t, &h, &repo()).iter().map(|i| h.run(t, i)).collect() };
    assert!(outcomes(Target::Spec)
        .iter()
        .any(|o| o.starts_with("valid")));
    assert!(outcomes(Target::TokenJson)
        .iter()
        .any(|o| o.contains("set:refresh=true")));
    assert!(outcomes(Target::TokenForm)
        .iter()
        .any(|o| o.contains("set:")));
    assert!(outcomes(Target::TokenProperties)
        .iter()
        .any(|o| o.contains("set:")));
    assert!(outcomes(Target::Callback)
        .iter()
        .any(|o| o.starts_with("state;")));
}

#[test]
fn saved_regressions_stay_fixed() {
    let h = harness();
    let mut ran = 0;
    for target in Target::ALL {
        let dir = repo().join("oauth-fuzz/regressions").join(target.name());
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("readable directory").path();
            if path.extension().is_some_and(|e| e == "md") {
                continue;
            }
            let data = std::fs::read(&path).expect("readable regression input");
            h.run(target, &data);
            ran += 1;
        }
    }
    println!("{ran} regression inputs ran");
}
