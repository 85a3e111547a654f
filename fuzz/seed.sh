#!/usr/bin/env bash
# Writes the stable driver's seeds (from specs/, the test specs and the provider fixtures)
# into libFuzzer's corpus directories, fuzz/corpus/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run -q -p oauth-fuzz -- --write-seeds fuzz/corpus
