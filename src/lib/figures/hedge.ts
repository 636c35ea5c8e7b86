/**
 * How exact a figure is, read from the report's own wording of its value: "超过140个" is a lower
 * bound, "接近200 个" an approximation, "130个" a plain value. A chart must never draw a hedged
 * number as if the report had stated it exactly.
 */

/** The kinds of hedge a chart draws differently. */
export type Hedge = 'exact' | 'at-least' | 'approximate';

/**
 * Words that make a value a lower bound: "超过"/"超"/"逾"/"突破" (more than), "至少" (at least),
 * "以上" and "多" after a number ("50多个", "100个以上").
 */
const AT_LEAST = [/超过|超出|超|逾|突破|至少|不少于|不低于|以上/u, /\d\s*(?:多|余)/u];

/** Words that make a value approximate: "接近"/"近" (nearly), "约"/"大约"/"左右"/"上下" (about). */
const APPROXIMATE = [/接近|将近|近|约|大约|大概|左右|上下|差不多/u];

/** The hedge in a value as the report writes it; a lower bound wins over an approximation ("超过约…" is rare). */
export function hedgeOf(value: string): Hedge {
  if (AT_LEAST.some((pattern) => pattern.test(value))) return 'at-least';
  if (APPROXIMATE.some((pattern) => pattern.test(value))) return 'approximate';
  return 'exact';
}

/** What each hedge means, as the chart's legend and the marks' titles say it. */
export const HEDGE_LABELS: Record<Hedge, string> = {
  exact: '报告给出的数值',
  'at-least': '下限（超过、至少……）：实际更多',
  approximate: '约数（接近、约……）',
};
