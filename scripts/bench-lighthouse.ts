/**
 * Lighthouse 13 with its mobile defaults on one page of each kind of the built site (home,
 * digest, figure, metric, tag, archive year, search with a query, subscribe when the build has
 * it), served from 127.0.0.1 and audited in Debian's Chromium. Prints each page's scores and the
 * audits that fell short. A report, not a test: performance moves with the machine's load
 * (tests/lighthouse.test.ts requires 100 in the categories that do not).
 *
 *   node scripts/bench-lighthouse.ts [site-dir]      (default dist/; build it first)
 *
 * Exits 0 when it ran, 1 when Lighthouse loaded anything that is not on 127.0.0.1.
 */
import { resolve } from 'node:path';
import { ALL_CATEGORIES, auditPages, pagesToAudit, scoresTable, serveSite } from './lib/lighthouse.ts';

const siteDir = resolve(process.argv[2] ?? 'dist');
const pages = pagesToAudit(siteDir);
const server = await serveSite(siteDir);
const started = performance.now();
let reports;
try {
  reports = await auditPages(server.baseUrl, pages, ALL_CATEGORIES);
} finally {
  await server.stop();
}
const seconds = ((performance.now() - started) / 1000).toFixed(0);

console.log(`Lighthouse（移动端默认设置），${pages.length} 个页面，${seconds} 秒：\n`);
console.log(scoresTable(reports, ALL_CATEGORIES));
let offsite = false;
for (const report of reports) {
  if (report.failing.length > 0) {
    console.log(`\n${report.kind} ${decodeURI(report.path)} 未满分的审核：`);
    for (const audit of report.failing) {
      const score = audit.score === null ? '' : ` ${Math.round(audit.score * 100)}`;
      const detail = [audit.displayValue, audit.explanation].filter(Boolean).join('；');
      console.log(`  ${audit.id}${score}：${audit.title}${detail ? `（${detail}）` : ''}`);
    }
  }
  if (report.offsite.length > 0) {
    offsite = true;
    console.log(`\n${report.kind} ${decodeURI(report.path)} 访问了本机以外的地址：\n  ${report.offsite.join('\n  ')}`);
  }
}
if (!reports.some((report) => report.failing.length > 0)) console.log('\n所有审核均满分。');
console.log('\n性能分数随机器负载波动，仅供参考；其余类别由 tests/lighthouse.test.ts 要求 100。');
process.exitCode = offsite ? 1 : 0;
