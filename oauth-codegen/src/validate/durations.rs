//! Durations (`2m`, `1h`, `never`) in `lifetimes:`, `limits:` and the device grant, and the
//! `lifetimes` and `limits` sections built on them.

use oauth_model::{ErrorRuleDef, Lifetime, LifetimesDef, LimitDef};

use super::{in_range, owned, unknown_help, Ctx};
use crate::spec::{self, LifetimeSpec, Limit, Pos, ShortOrLong, Sp};

/// Parses a duration as written in specs: a whole number followed by `s`, `m`, `h` or `d`
/// (`90s`, `2m`, `1h`, `30d`), or `never`. `None` for anything else, including overflow.
///
/// ```
/// use oauth_codegen::validate::parse_duration;
/// use oauth_model::Lifetime;
///
/// assert_eq!(parse_duration("2m"), Some(Lifetime::Secs(120)));
/// assert_eq!(parse_duration("never"), Some(Lifetime::Never));
/// assert_eq!(parse_duration("5 minutes"), None);
/// ```
pub fn parse_duration(s: &str) -> Option<Lifetime> {
    if s == "never" {
        return Some(Lifetime::Never);
    }
    let (digits, factor) = [('s', 1), ('m', 60), ('h', 3_600), ('d', 86_400)]
        .into_iter()
        .find_map(|(unit, factor)| s.strip_suffix(unit).map(|d| (d, factor)))?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    n.checked_mul(factor).map(Lifetime::Secs)
}

const DURATION_RULE: &str = "expected a number followed by s, m, h or d (e.g. `2m`)";

/// The longest duration a spec may write: 100 years (36,500 days), so that no sum the runtime
/// makes with it can overflow (the runtime clamps at the same bound).
pub const MAX_DURATION_SECS: u64 = 36_500 * 86_400;

/// Reports a duration over [`MAX_DURATION_SECS`]; `true` when it is within range.
fn duration_in_range(cx: &mut Ctx<'_>, value: &Sp<String>, secs: u64) -> bool {
    if secs <= MAX_DURATION_SECS {
        return true;
    }
    cx.error_help(
        value.pos,
        format!(
            "duration `{}` is out of range 0s..=36500d (100 years)",
            value.value
        ),
        "a lifetime that does not end is written `never`",
    );
    false
}

/// A lifetime (`2m`, `never`).
fn lifetime(cx: &mut Ctx<'_>, value: &Sp<String>) -> Option<Lifetime> {
    let parsed = parse_duration(value);
    match parsed {
        None => report_bad_duration(cx, value, ", or `never`"),
        Some(Lifetime::Secs(secs)) if !duration_in_range(cx, value, secs) => return None,
        Some(_) => {}
    }
    parsed
}

/// A finite duration in seconds (`1m`); `what` names the key for the `never` message.
pub(super) fn finite_duration(cx: &mut Ctx<'_>, what: &str, value: &Sp<String>) -> u64 {
    match parse_duration(value) {
        Some(Lifetime::Secs(secs)) if !duration_in_range(cx, value, secs) => 0,
        Some(Lifetime::Secs(secs)) => secs,
        Some(Lifetime::Never) => {
            cx.error_help(
                value.pos,
                format!("`{what}` cannot be `never`"),
                format!("{DURATION_RULE}; `never` is only for lifetimes"),
            );
            0
        }
        None => {
            report_bad_duration(cx, value, "");
            0
        }
    }
}

fn report_bad_duration(cx: &mut Ctx<'_>, value: &Sp<String>, or_never: &str) {
    let message = format!(
        "invalid duration `{}`; {DURATION_RULE}{or_never}",
        value.value
    );
    match suggest_duration(value) {
        Some(fixed) => cx.error_help(value.pos, message, format!("did you mean `{fixed}`?")),
        None => cx.error(value.pos, message),
    }
}

/// `5 minutes` -> `5m`, `1 hour` -> `1h`: the usual ways of writing a duration in words.
fn suggest_duration(s: &str) -> Option<String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit())?;
    let (digits, word) = s.split_at(split);
    let unit = match word.trim().to_ascii_lowercase().as_str() {
        "s" | "sec" | "secs" | "second" | "seconds" => 's',
        "m" | "min" | "mins" | "minute" | "minutes" => 'm',
        "h" | "hr" | "hrs" | "hour" | "hours" => 'h',
        "d" | "day" | "days" => 'd',
        _ => return None,
    };
    (!digits.is_empty()).then(|| format!("{digits}{unit}"))
}

/// A lifetime written short (`1h`) or long (`{ value: 1h, source: ... }`): its value with the
/// position of whichever was written, and its fact recorded under `lifetimes.<key>`.
fn entry(
    cx: &mut Ctx<'_>,
    key: &str,
    v: &Option<Sp<ShortOrLong<LifetimeSpec>>>,
) -> Option<Sp<String>> {
    let v = v.as_ref()?;
    let l = &v.value.0;
    cx.fact(
        format!("lifetimes.{key}"),
        l.source.as_ref(),
        l.note.as_deref(),
    );
    let pos = if l.value.pos == Pos::default() {
        v.pos
    } else {
        l.value.pos
    };
    Some(Sp {
        value: l.value.value.clone(),
        pos,
    })
}

pub(super) fn lifetimes(cx: &mut Ctx<'_>, l: &spec::Lifetimes) -> LifetimesDef {
    let mut get = |key: &str, v: &Option<Sp<ShortOrLong<LifetimeSpec>>>| {
        entry(cx, key, v).and_then(|v| lifetime(cx, &v))
    };
    let authorization_code = get("authorization_code", &l.authorization_code);
    let pin_code = get("pin_code", &l.pin_code);
    let device_code = get("device_code", &l.device_code);
    let access_token = get("access_token", &l.access_token);
    let refresh_token = get("refresh_token", &l.refresh_token);
    let refresh_skew_secs = entry(cx, "refresh_skew", &l.refresh_skew)
        .map_or(60, |v| finite_duration(cx, "refresh_skew", &v));
    LifetimesDef {
        authorization_code,
        pin_code,
        device_code,
        access_token,
        refresh_token,
        refresh_skew_secs,
    }
}

/// A limit; `error` names one of `errors` by code.
pub(super) fn limit(cx: &mut Ctx<'_>, l: &Limit, errors: &[ErrorRuleDef]) -> LimitDef {
    let max = |cx: &mut Ctx<'_>, max: &Sp<i64>| -> u32 {
        in_range(cx, "`max`", max, 1..=i64::from(u32::MAX))
            .and_then(|m| u32::try_from(m).ok())
            .unwrap_or(1)
    };
    let error = |cx: &mut Ctx<'_>, e: &Option<Sp<String>>| -> Option<usize> {
        let e = e.as_ref()?;
        let found = errors.iter().position(|r| r.code == e.as_str());
        if found.is_none() {
            let codes: Vec<&str> = errors.iter().map(|r| r.code.as_ref()).collect();
            cx.error_help(
                e.pos,
                format!("limit names unknown error rule `{}`", e.value),
                unknown_help(e, &codes, "the error rules' codes"),
            );
        }
        found
    };
    match l {
        Limit::Rate {
            id,
            counts,
            max: m,
            per,
            key,
            block_for,
            error: e,
            description,
            source,
            note,
        } => {
            cx.fact(
                format!(
                    "limits.{}",
                    id.as_ref().map_or(counts.as_str(), |i| i.as_str())
                ),
                source.as_ref(),
                note.as_deref(),
            );
            LimitDef::Rate {
                counts: counts.value,
                max: max(cx, m),
                per_secs: finite_duration(cx, "per", per),
                key: *key,
                block_for_secs: block_for
                    .as_ref()
                    .map(|b| finite_duration(cx, "block_for", b)),
                error: error(cx, e),
                description: owned(description),
            }
        }
        Limit::Cap {
            id,
            counts,
            max: m,
            key,
            on_exceed,
            error: e,
            description,
            source,
            note,
        } => {
            cx.fact(
                format!(
                    "limits.{}",
                    id.as_ref().map_or(counts.as_str(), |i| i.as_str())
                ),
                source.as_ref(),
                note.as_deref(),
            );
            LimitDef::Cap {
                counts: counts.value,
                max: max(cx, m),
                key: *key,
                on_exceed: *on_exceed,
                error: error(cx, e),
                description: owned(description),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_scale_by_their_unit() {
        assert_eq!(parse_duration("0s"), Some(Lifetime::Secs(0)));
        assert_eq!(parse_duration("90s"), Some(Lifetime::Secs(90)));
        assert_eq!(parse_duration("2m"), Some(Lifetime::Secs(120)));
        assert_eq!(parse_duration("1h"), Some(Lifetime::Secs(3_600)));
        assert_eq!(parse_duration("48h"), Some(Lifetime::Secs(172_800)));
        assert_eq!(parse_duration("30d"), Some(Lifetime::Secs(2_592_000)));
        assert_eq!(parse_duration("never"), Some(Lifetime::Never));
    }

    #[test]
    fn durations_reject_anything_else() {
        for bad in [
            "",
            "s",
            "5",
            "5 m",
            " 5m",
            "5m ",
            "5min",
            "5 minutes",
            "-5s",
            "+5s",
            "1.5h",
            "5M",
            "Never",
            "5w",
            "1h30m",
            "٣s",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn durations_that_overflow_are_rejected() {
        assert_eq!(parse_duration("99999999999999999999s"), None);
        assert_eq!(parse_duration(&format!("{}d", u64::MAX / 10)), None);
        assert_eq!(
            parse_duration(&format!("{}s", u64::MAX)),
            Some(Lifetime::Secs(u64::MAX))
        );
    }

    #[test]
    fn durations_in_words_get_a_suggestion() {
        assert_eq!(suggest_duration("5 minutes").as_deref(), Some("5m"));
        assert_eq!(suggest_duration("1 hour").as_deref(), Some("1h"));
        assert_eq!(suggest_duration("30sec").as_deref(), Some("30s"));
        assert_eq!(suggest_duration("2 weeks"), None);
        assert_eq!(suggest_duration("soon"), None);
    }
}
