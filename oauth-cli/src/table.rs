//! Aligned columns for people: a header, then one line per row, two spaces between columns
//! and no trailing spaces. Widths count characters (specs are mostly ASCII; a wide character
//! only shifts its own line). Styles are applied after padding, so escape codes never
//! disturb the alignment.

use anstyle::Style;

use crate::term;

/// `rows` under `header`; column `i` of the rows is painted in `styles[i]`, when given.
pub(crate) fn render<const N: usize>(
    header: &[&str; N],
    rows: &[[String; N]],
    styles: &[Style],
) -> String {
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let header: Vec<(String, Style)> = header
        .iter()
        .map(|h| ((*h).to_owned(), term::HEADER))
        .collect();
    line(&mut out, &header, &widths);
    for row in rows {
        let cells: Vec<(String, Style)> = row
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), styles.get(i).copied().unwrap_or_default()))
            .collect();
        line(&mut out, &cells, &widths);
    }
    out
}

fn line(out: &mut String, cells: &[(String, Style)], widths: &[usize]) {
    let last = cells.len().saturating_sub(1);
    for (i, ((text, style), width)) in cells.iter().zip(widths).enumerate() {
        if i > 0 {
            out.push_str("  ");
        }
        out.push_str(&term::paint(*style, text));
        if i < last {
            let pad = width.saturating_sub(text.chars().count());
            out.extend(std::iter::repeat_n(' ', pad));
        }
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_without_trailing_spaces() {
        let rows = [
            ["a".to_owned(), "long value".to_owned()],
            ["bbbb".to_owned(), "x".to_owned()],
        ];
        let text = render(&["N", "V"], &rows, &[]);
        // HEADER styling adds escape codes; strip them for the layout check.
        let plain: String = anstream::adapter::strip_str(&text).to_string();
        assert_eq!(plain, "N     V\na     long value\nbbbb  x\n");
    }
}
