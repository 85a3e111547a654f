//! The benchmarks' local token endpoint as a process of its own (see `oauth_bench::endpoint`).
//!
//! `token-endpoint [--delay-ms N] [--expires-in S]` listens on 127.0.0.1 on a free port, prints
//! `listening 127.0.0.1:PORT` on one line, and serves until its standard input closes.
#![forbid(unsafe_code)]

use std::io::{Read, Write};
use std::time::Duration;

use oauth_bench::endpoint::{bind, router, Shared};
use oauth_bench::FRESH_EXPIRES_IN;

fn usage(problem: &str) -> ! {
    eprintln!("token-endpoint: {problem}; usage: token-endpoint [--delay-ms N] [--expires-in S]");
    std::process::exit(2)
}

fn number(args: &mut impl Iterator<Item = String>, flag: &str) -> u64 {
    match args.next().map(|v| v.parse::<u64>()) {
        Some(Ok(n)) => n,
        _ => usage(&format!("`{flag}` takes a whole number")),
    }
}

fn main() {
    let mut delay_ms = 50;
    let mut expires_in = FRESH_EXPIRES_IN;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--delay-ms" => delay_ms = number(&mut args, "--delay-ms"),
            "--expires-in" => expires_in = number(&mut args, "--expires-in"),
            other => usage(&format!("unknown argument `{other}`")),
        }
    }

    // The parent holds our stdin; when it goes away, so do we.
    std::thread::spawn(|| {
        let mut sink = [0u8; 64];
        let mut stdin = std::io::stdin();
        while matches!(stdin.read(&mut sink), Ok(n) if n > 0) {}
        std::process::exit(0);
    });

    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("token-endpoint: cannot start the runtime: {e}");
            std::process::exit(1)
        }
    };
    let result: std::io::Result<()> = runtime.block_on(async move {
        let listener = bind()?;
        let addr = listener.local_addr()?;
        let shared = Shared::new(Duration::from_millis(delay_ms), expires_in);
        let mut out = std::io::stdout().lock();
        writeln!(out, "listening {addr}")?;
        out.flush()?;
        drop(out);
        axum::serve(listener, router(shared)).await
    });
    if let Err(e) = result {
        eprintln!("token-endpoint: {e}");
        std::process::exit(1);
    }
}
