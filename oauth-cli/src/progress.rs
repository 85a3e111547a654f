//! The live status line shown while `login` waits for the browser or the device.
//!
//! On a terminal, one line on stderr rewritten every 200 ms: a spinner, what is awaited, the
//! time spent and the time left, cleared when the wait ends. Elsewhere (a pipe, a CI log) one
//! plain line, once: no control characters where they would be noise.

use std::io::IsTerminal as _;
use std::time::{Duration, Instant};

use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::term;

/// A status line being shown; [`Waiting::done`] clears it.
pub(crate) struct Waiting {
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

/// Shows `what` until [`Waiting::done`], counting down `timeout`.
pub(crate) fn start(what: &str, timeout: Duration) -> Waiting {
    if !std::io::stderr().is_terminal() {
        term::err(&format!(
            "{what} (gives up after {}; Ctrl-C cancels)\n",
            clock(timeout)
        ));
        return Waiting {
            stop: None,
            task: None,
        };
    }
    let (stop, mut stopped) = oneshot::channel::<()>();
    let what = what.to_owned();
    let task = tokio::spawn(async move {
        const SPINNER: [char; 10] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
        let started = Instant::now();
        let mut tick = 0usize;
        loop {
            let spent = started.elapsed();
            let left = timeout.saturating_sub(spent);
            let spinner = SPINNER[tick % SPINNER.len()];
            term::err(&format!(
                "\r\x1b[2K{} {what} {} ({} left; Ctrl-C cancels)",
                term::paint(term::NAME, &spinner.to_string()),
                clock(spent),
                clock(left)
            ));
            tick += 1;
            tokio::select! {
                _ = &mut stopped => break,
                () = tokio::time::sleep(Duration::from_millis(200)) => {}
            }
        }
        term::err("\r\x1b[2K");
    });
    Waiting {
        stop: Some(stop),
        task: Some(task),
    }
}

impl Waiting {
    /// Clears the line.
    pub(crate) async fn done(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

/// `4:05`, `1:02:03`.
pub(crate) fn clock(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// "in 59m", "3m ago", "in 2h 5m", "in 3d".
pub(crate) fn relative(secs: i64) -> String {
    let a = secs.unsigned_abs();
    let words = if a < 60 {
        format!("{a}s")
    } else if a < 3600 {
        format!("{}m", a / 60)
    } else if a < 86_400 {
        match a / 60 % 60 {
            0 => format!("{}h", a / 3600),
            m => format!("{}h {m}m", a / 3600),
        }
    } else {
        format!("{}d", a / 86_400)
    };
    if secs >= 0 {
        format!("in {words}")
    } else {
        format!("{words} ago")
    }
}

/// A Unix time as `2025-06-01 12:00 UTC`.
pub(crate) fn utc(unix: u64) -> String {
    let days = i64::try_from(unix / 86_400).unwrap_or(0);
    let rem = unix % 86_400;
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        rem / 3600,
        rem / 60 % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_people_write_them() {
        assert_eq!(clock(Duration::from_secs(245)), "4:05");
        assert_eq!(clock(Duration::from_secs(3723)), "1:02:03");
        assert_eq!(relative(3540), "in 59m");
        assert_eq!(relative(-180), "3m ago");
        assert_eq!(relative(7500), "in 2h 5m");
        assert_eq!(utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc(1_748_779_200), "2025-06-01 12:00 UTC");
    }
}
