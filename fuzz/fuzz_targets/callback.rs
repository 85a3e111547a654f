//! The `callback` target of `oauth-fuzz` under libFuzzer.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use oauth_fuzz::{Harness, Target};

static HARNESS: OnceLock<Harness> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let harness = HARNESS.get_or_init(|| {
        let specs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
        Harness::new(&specs).expect("the bundled specs load")
    });
    harness.run(Target::Callback, data);
});
