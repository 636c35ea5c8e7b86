/**
 * Lighthouse 13 on one page of each kind of the real build, served from 127.0.0.1, in Debian's
 * Chromium: every category that does not depend on timing (accessibility, best practices, SEO,
 * agentic browsing) scores 100. Performance moves with the machine's load, so it is left to
 * `npm run bench:lighthouse`. One Chromium audits the pages one after another (~1 minute).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditPages, pagesToAudit, serveSite, UNTIMED_CATEGORIES, type PageReport } from '../scripts/lib/lighthouse.ts';

const siteDir = inject('siteDir');
const pages = pagesToAudit(siteDir);
let reports: PageReport[] = [];
let server: Awaited<ReturnType<typeof serveSite>> | undefined;

beforeAll(async () => {
  server = await serveSite(siteDir);
  reports = await auditPages(server.baseUrl, pages, UNTIMED_CATEGORIES);
});
afterAll(async () => {
  await server?.stop();
});

describe('Lighthouse', () => {
  it('audits one page of each kind', () => {
    expect(pages.map((page) => page.kind)).toEqual(
      expect.arrayContaining(['home', 'digest', 'figure', 'metric', 'tag', 'archive year', 'search']),
    );
    expect(reports.map((report) => report.path)).toEqual(pages.map((page) => page.path));
  });

  it.each(pages)('scores 100 in every untimed category on $kind ($path)', ({ path }) => {
    const report = reports.find((each) => each.path === path);
    const failing = report?.failing.map(
      (audit) => `${audit.id}: ${audit.explanation ?? audit.displayValue ?? audit.title}`,
    );
    expect(report?.scores, failing?.join('\n')).toEqual(
      Object.fromEntries(UNTIMED_CATEGORIES.map((category) => [category, 100])),
    );
  });

  it.each(pages)('loads nothing but the local site on $kind ($path)', ({ path }) => {
    expect(reports.find((each) => each.path === path)?.offsite).toEqual([]);
  });
});
