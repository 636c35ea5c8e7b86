/**
 * The content check's result as a GitHub job summary (Markdown appended to GITHUB_STEP_SUMMARY),
 * so a contributor reads the same `file:line  field  问题` lines on the pull request's checks
 * page without opening the log.
 */
import { formatProblems, type ContentProblem } from '../content/content-rules.ts';

/** A Markdown section: the verdict, then every problem line verbatim in a text block. */
export function contentCheckSummary(problems: readonly ContentProblem[], digestCount: number): string {
  const errors = problems.filter((problem) => problem.severity !== 'warning').length;
  const warnings = problems.length - errors;
  const heading =
    errors > 0
      ? `### 内容检查：${errors} 处错误${warnings ? `、${warnings} 处提醒` : ''}`
      : `### 内容检查通过：${digestCount} 篇摘要${warnings ? `，${warnings} 处提醒` : ''}`;
  if (problems.length === 0) return `${heading}\n`;
  const lines = formatProblems(problems);
  // A fence longer than any run of backticks in the text, so no line can close it early.
  const longestRun = Math.max(0, ...[...lines.matchAll(/`+/g)].map(([run]) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const advice = errors > 0 ? '\n按各行（文件:行  字段  问题）改好后，再运行 `npm run check:content`。\n' : '';
  return `${heading}\n\n${fence}text\n${lines}\n${fence}\n${advice}`;
}
