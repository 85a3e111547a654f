//! Opening the system browser, when there is one.
//!
//! `$BROWSER` (a `:`-separated list of commands, `%s` standing for the URL) wins everywhere;
//! otherwise `open` on macOS, the URL handler on Windows, and `xdg-open` elsewhere when a
//! graphical session is running (`DISPLAY` or `WAYLAND_DISPLAY`). The browser's own output
//! is discarded; nothing waits for it.

use std::process::{Command, Stdio};

/// Asks the system to open `url`; `Err` says why it could not (no browser, a failed start).
pub(crate) fn open(url: &str) -> Result<(), String> {
    if let Some(list) = std::env::var_os("BROWSER").filter(|v| !v.is_empty()) {
        let list = list.to_string_lossy().into_owned();
        let mut last = String::from("BROWSER names no command");
        for entry in list.split(':').filter(|e| !e.trim().is_empty()) {
            let mut words = entry.split_whitespace();
            let Some(program) = words.next() else {
                continue;
            };
            let mut args: Vec<String> = words.map(|w| w.replace("%s", url)).collect();
            if !entry.contains("%s") {
                args.push(url.to_owned());
            }
            match spawn(program, &args) {
                Ok(()) => return Ok(()),
                Err(e) => last = e,
            }
        }
        return Err(last);
    }
    if cfg!(target_os = "macos") {
        spawn("open", &[url.to_owned()])
    } else if cfg!(windows) {
        spawn(
            "rundll32",
            &["url.dll,FileProtocolHandler".to_owned(), url.to_owned()],
        )
    } else {
        let graphical = ["DISPLAY", "WAYLAND_DISPLAY"]
            .iter()
            .any(|v| std::env::var_os(v).is_some_and(|x| !x.is_empty()));
        if !graphical {
            return Err("no graphical session (DISPLAY and WAYLAND_DISPLAY are unset)".into());
        }
        spawn("xdg-open", &[url.to_owned()])
    }
}

fn spawn(program: &str, args: &[String]) -> Result<(), String> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("`{program}` did not start: {}", crate::config::plain_io(&e)))?;
    // Reaped in the background; the browser outlives this process as it likes.
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(())
}
