#!/usr/bin/env bash
# Compile-time cost of generated code: `cargo check` wall time of a scratch crate that depends
# on the `oauth-providers` facade, after a warm build of every dependency.
#
#   benches/compile_time.sh            # 3 runs per case (the median is reported)
#   RUNS=5 benches/compile_time.sh
#   CARGO_INCREMENTAL=1 benches/compile_time.sh   # as an edit-compile loop sees it
#
# Incremental compilation is off unless asked for: `touch` changes nothing, so incremental
# reuse would hide most of the cost of type-checking the generated code.
#
# Cases:
#   facade/*     `cargo clean -p oauth-providers` then `cargo check`: the facade itself is
#                rebuilt with no bundled provider, or with all of them (what enabling the
#                features costs, once per build of the facade).
#   scratch/*    the scratch crate's own `provider!` invocations (one bundled spec each, all
#                five, or none), rebuilt after `touch src/main.rs`: the cost of a provider's
#                generated code, wherever it is expanded.
#   scopes/*     a synthetic spec with 5 or 5,000 scopes (generated below), same method.
#
# Output: a Markdown table on stdout. Not a test: timings depend on the machine.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-3}
BENCH=${BENCH_DIR:-"${CARGO_TARGET_DIR:-$ROOT/target}/compile-bench"}
export CARGO_TARGET_DIR="$BENCH/target"
export CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-0}
CRATE="$BENCH/scratch"
mkdir -p "$CRATE/src" "$CRATE/specs"

# --- Synthetic specs: 1,000 modules x 5 operations, written one scope a line, and a 5-scope
# baseline with otherwise the same content.
synthetic() { # $1: file, $2: number of modules
    {
        cat <<YAML
provider:
  name: Synthetic
  display_name: Synthetic
endpoints:
  authorize:
    url: https://accounts.example.com/oauth/authorize
  token:
    url: https://accounts.example.com/oauth/token
grants:
  authorization_code:
    pkce: required
  refresh_token: {}
scopes:
  separator: " "
  syntax: "Synthetic.{module}.{operation}"
  catalogue:
YAML
        for ((m = 0; m < $2; m++)); do
            for op in READ CREATE UPDATE DELETE ALL; do
                echo "    - Synthetic.module_$m.$op"
            done
        done
    } >"$1"
}
synthetic "$CRATE/specs/scopes_5.yaml" 1
synthetic "$CRATE/specs/scopes_5000.yaml" 1000

# $1: features of the facade ("" for none); $2: the body of src/main.rs.
configure() {
    local features=""
    if [[ -n "$1" ]]; then features=", features = [$1]"; fi
    cat >"$CRATE/Cargo.toml" <<TOML
[package]
name = "compile-bench-scratch"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
oauth-providers = { path = "$ROOT", default-features = false$features }

[workspace]
TOML
    printf '%s\n' "$2" >"$CRATE/src/main.rs"
    cp "$ROOT/Cargo.lock" "$CRATE/Cargo.lock"
    (cd "$CRATE" && cargo check --quiet) # warm: dependencies and this configuration
}

now() { date +%s.%N; }

# Median wall time of `cargo check` over $RUNS runs, each preceded by `$1` (not timed).
measure() {
    local prepare=$1 times=()
    for ((i = 0; i < RUNS; i++)); do
        (cd "$CRATE" && eval "$prepare")
        local start end
        start=$(now)
        (cd "$CRATE" && cargo check --quiet)
        end=$(now)
        times+=("$(echo "$end - $start" | bc -l)")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}'
}

provider() { # a module invoking provider! on $2 (absolute or relative to the scratch crate)
    printf 'mod %s { oauth_providers::provider!("%s"); }\n' "$1" "$2"
}

ALL='"zoho-projects", "zoho-crm", "marketo", "nest", "openid"'
declare -a ROWS

row() { ROWS+=("| $1 | $2 | $3 |"); }
calc() { printf '%+.2f' "$(echo "$1" | bc -l)"; } # a signed difference, 2 decimals

# --- facade: no features vs all bundled providers.
configure "" 'fn main() {}'
base=$(measure 'cargo clean --quiet -p oauth-providers')
row "facade, no bundled provider" "$base" "baseline"
configure "$ALL" 'fn main() {}'
t=$(measure 'cargo clean --quiet -p oauth-providers')
row "facade, all 5 bundled providers" "$t" "$(calc "$t - $base") s; per provider $(calc "($t - $base) / 5") s"

# --- scratch crate expanding bundled specs itself.
configure "" 'fn main() {}'
base=$(measure 'touch src/main.rs')
row "scratch, no provider!" "$base" "baseline"
all_body=""
for spec in zoho_projects zoho_crm marketo nest openid; do
    body="$(provider "$spec" "$ROOT/specs/$spec.yaml")
fn main() {}"
    all_body+="$(provider "$spec" "$ROOT/specs/$spec.yaml")"$'\n'
    configure "" "#![allow(dead_code, deprecated)]
$body"
    t=$(measure 'touch src/main.rs')
    row "scratch, provider!(\"specs/$spec.yaml\")" "$t" "$(calc "$t - $base") s"
done
configure "" "#![allow(dead_code, deprecated)]
${all_body}fn main() {}"
t=$(measure 'touch src/main.rs')
row "scratch, all 5 bundled specs" "$t" "$(calc "$t - $base") s; per provider $(calc "($t - $base) / 5") s"

# --- synthetic scopes.
configure "" "#![allow(dead_code)]
$(provider synthetic specs/scopes_5.yaml)
fn main() { let _ = synthetic::scopes::module_0::READ; }"
small=$(measure 'touch src/main.rs')
row "scratch, synthetic spec with 5 scopes" "$small" "baseline"
configure "" "#![allow(dead_code)]
$(provider synthetic specs/scopes_5000.yaml)
fn main() { let _ = synthetic::scopes::module_0::READ; let _ = synthetic::Synthetic::SCOPES.module_999.ALL; }"
t=$(measure 'touch src/main.rs')
row "scratch, synthetic spec with 5,000 scopes" "$t" "$(calc "$t - $small") s"

echo "$(rustc --version); CARGO_INCREMENTAL=$CARGO_INCREMENTAL; runs per case: $RUNS (median); $(nproc) CPUs"
echo
echo "| case | cargo check (s) | cost |"
echo "|---|---|---|"
printf '%s\n' "${ROWS[@]}"
