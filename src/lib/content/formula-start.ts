/**
 * A digest's frontmatter text may not begin with "=". The key figures are published as a CSV
 * for spreadsheets (/data/figures.csv), and a spreadsheet runs a cell that begins with "=" as
 * a formula: `=HYPERLINK("https://…","详情")` becomes a link to anywhere, and worse formulas
 * reach other files. The CSV writer defuses such cells whatever they hold (figures-dataset.ts);
 * this rule tells the contributor, since no report's words, label or title begins with "=".
 * "+", "-" and "@" may well begin a value ("+20%", "-3.5%"), so they are only defused there.
 */
import { explain } from './schema.ts';

/** The sign a text begins with that a spreadsheet reads as the start of a formula, if any. */
export function formulaStart(text: string): string | undefined {
  const first = text.trimStart()[0];
  // The full-width sign too: some spreadsheets read it as "=".
  return first === '=' || first === '\uFF1D' ? first : undefined;
}

/** The message for a text that begins with `sign` (from formulaStart). */
export function formulaStartMessage(sign: string): string {
  return explain(
    `以 "${sign}" 开头：关键数字会发布成 CSV 数据集，读者用 Excel 等表格软件打开时，以等号开头的格子会被当作公式运行`,
    `普通文字，开头不写 "${sign}"，例如把 "=140个" 写成 "140个"`,
  );
}
