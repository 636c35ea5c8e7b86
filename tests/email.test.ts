/**
 * The email edition as an editor uses it: the <id>.html and <id>.txt a build writes beside the
 * site in email-editions/ for the digests the feed carries (inline styles only, absolute URLs,
 * the feed's own rendering), none of it in dist/, the HTML in real Chromium at a
 * mail client's width and a phone's, and `npm run email` composing and sending the message to a
 * real SMTP server on 127.0.0.1, read back by a real mail parser.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { HtmlValidate } from 'html-validate';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Browser } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_UNSUBSCRIBE_URL } from '../src/lib/email/settings.ts';
import { FEED_ITEM_LIMIT } from '../src/lib/feeds/feeds.ts';
import { EMAIL_EDITIONS_DIR } from '../src/lib/site/urls.ts';
import { runNodeScriptAsync, TEST_SITE_URL } from './setup/workspace.ts';
import { launchChromium } from './support/browser.ts';
import {
  attr,
  parseHtml,
  publishedSourceDigests,
  querySelector,
  querySelectorAll,
  readPage,
  textOf,
} from './support/site.ts';

const workspace = inject('workspace');
const siteDir = inject('siteDir');
const screenshots = join(workspace, '..', 'screenshots');
const digests = publishedSourceDigests();
const newest = digests[0]!;
const read = (path: string) => readFileSync(join(siteDir, path), 'utf8');
/** A file of the email editions folder a build writes beside dist/. */
const edition = (name: string, root = workspace) => join(root, EMAIL_EDITIONS_DIR, name);
const readEdition = (name: string) => readFileSync(edition(name), 'utf8');
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

interface JsonFeedItem {
  url: string;
  content_html: string;
}
const feedItems: JsonFeedItem[] = JSON.parse(read('feed.json')).items;

describe('the built email edition', () => {
  for (const digest of digests) {
    describe(digest.id, () => {
      const html = readEdition(`${digest.id}.html`);
      const page = fromHtml(html);
      const text = readEdition(`${digest.id}.txt`);

      it('keeps nothing a mailing service would strip: no style, link or script, no class, only inline styles', () => {
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(querySelectorAll(page, 'style, link, script')).toEqual([]);
        expect(querySelectorAll(page, '[class]').map((element) => element.tagName)).toEqual([]);
        expect(html).not.toContain('var(--');
        const styled = querySelectorAll(page, 'body [style]');
        expect(styled.length).toBeGreaterThan(20);
        expect(attr(querySelector(page, 'html'), 'lang')).toBe('zh-CN');
        expect(attr(querySelector(page, 'meta[name="robots"]'), 'content')).toBe('noindex');
      });

      it('writes every link and image as an absolute http(s) URL, except the unsubscribe placeholder', () => {
        const urls = querySelectorAll(page, '[href], [src]').map((node) => attr(node, 'href') ?? attr(node, 'src'));
        const notAbsolute = urls.filter((url) => !/^https?:\/\//.test(url ?? ''));
        expect(notAbsolute).toEqual([DEFAULT_UNSUBSCRIBE_URL]);
        expect(urls).toEqual(
          expect.arrayContaining([
            `${TEST_SITE_URL}digests/${digest.id}/`,
            `${TEST_SITE_URL}rss.xml`,
            `${TEST_SITE_URL}feed.json`,
          ]),
        );
      });

      it('shows the card with an absolute URL, a size that fits the column and its alt text', () => {
        const card = querySelector(page, 'img');
        expect(attr(card, 'src')).toBe(`${TEST_SITE_URL}cards/${digest.id}.png`);
        expect(Number(attr(card, 'width'))).toBeLessThanOrEqual(640);
        expect(Number(attr(card, 'height'))).toBe(Math.round((Number(attr(card, 'width')) * 630) / 1200));
        expect(attr(card, 'alt')).toContain(digest.data.title);
      });

      it('is the feed rendering, with the title, description, citation and every figure with its quote', () => {
        const body = textOf(querySelector(page, 'body'));
        const item = feedItems.find((entry) => entry.url === `${TEST_SITE_URL}digests/${digest.id}/`);
        expect(body).toContain(textOf(parseHtml(item!.content_html)));
        expect(textOf(querySelector(page, 'h1'))).toBe(digest.data.title);
        expect(body).toContain(digest.data.description);
        expect(body).toContain(digest.data.source.title.replace(/^《|》$/g, ''));
        for (const figure of digest.data.figures) {
          expect(body).toContain(figure.value);
          expect(body).toContain(collapse(figure.quote));
        }
      });

      it('has a plain-text alternative that reads on its own, links written out', () => {
        const lines = text.split('\n');
        expect(lines[2]).toBe(digest.data.title);
        expect(collapse(text)).toContain(digest.data.description);
        expect(text).toContain(`在网站上阅读：${TEST_SITE_URL}digests/${digest.id}/`);
        expect(text).toContain(digest.data.source.title.replace(/^《|》$/g, ''));
        for (const figure of digest.data.figures) {
          expect(text).toContain(`${figure.value} <${TEST_SITE_URL}digests/${digest.id}/#figure-${figure.id}>`);
          expect(collapse(text)).toContain(collapse(figure.quote));
        }
        expect(text).not.toMatch(/<\/?[a-z][a-z0-9]*[\s>]/i);
        expect(text).toContain(`RSS ${TEST_SITE_URL}rss.xml`);
        expect(text.trimEnd().endsWith(`退订：${DEFAULT_UNSUBSCRIBE_URL}`)).toBe(true);
      });
    });
  }

  it('cites the white paper summary as an unsigned summary, with the original and its publisher apart', () => {
    const cited = '所摘要的原作：《中国人工智能大模型技术白皮书(2023版)》（白皮书；发布方：中国人工智能学会）。';
    expect(readEdition('ai-llm-white-paper-2023.txt')).toContain(cited);
    const page = fromHtml(readEdition('ai-llm-white-paper-2023.html'));
    expect(querySelectorAll(page, 'p').map(textOf)).toContain(cited);
  });

  it('is valid HTML (html-validate, recommended rules, less the two that email needs)', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Inline styles are the point of an email edition.
        'no-inline-style': 'off',
        // Outlook on Windows ignores max-width; only a conditional comment reaches it.
        'no-conditional-comment': 'off',
      },
    });
    const problems: string[] = [];
    for (const digest of digests) {
      const report = await validator.validateString(readEdition(`${digest.id}.html`), `${digest.id}.html`);
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(`${result.filePath}:${message.line} ${message.ruleId} ${message.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lives beside the site, for editors: nothing of it in dist/, the digest page or the sitemap', () => {
    expect(readdirSync(siteDir)).not.toContain('email');
    const page = readPage(siteDir, `/digests/${newest.id}/`);
    expect(
      querySelectorAll(page, 'a')
        .map((link) => attr(link, 'href') ?? '')
        .filter((href) => href.includes('email')),
    ).toEqual([]);
    const sitemap = read('sitemap-0.xml');
    expect(sitemap).toContain(`${TEST_SITE_URL}digests/${newest.id}/`);
    expect(sitemap).not.toContain('email');
  });

  it('is made for the digests the feed carries, and no older one', () => {
    const many = publishedSourceDigests(join(inject('manyWorkspace'), 'src/content/digests'));
    expect(many.length).toBeGreaterThan(FEED_ITEM_LIMIT);
    const made = readdirSync(join(inject('manyWorkspace'), EMAIL_EDITIONS_DIR)).sort();
    const expected = many.slice(0, FEED_ITEM_LIMIT).flatMap((digest) => [`${digest.id}.html`, `${digest.id}.txt`]);
    expect(made).toEqual(expected.sort());
  });
});

describe('the email edition in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const width of [600, 360]) {
    it(`reads at ${width} px: one column no wider than 640 px, no sideways scrolling, the card loaded`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
      // The edition's URLs point at the deployed site; serve them from the build instead.
      await context.route(`${TEST_SITE_URL}**`, (route) =>
        route.fulfill({ path: join(siteDir, new URL(route.request().url()).pathname) }),
      );
      const page = await context.newPage();
      // A mail client opens the edition on its own, as a document, not as a page of the site.
      await page.goto(pathToFileURL(edition(`${newest.id}.html`)).href);
      const layout = await page.evaluate(() => {
        const heading = document.querySelector('h1')!;
        const card = document.querySelector('img')!;
        return {
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          column: heading.parentElement!.getBoundingClientRect().width,
          family: getComputedStyle(heading).fontFamily,
          card: { natural: card.naturalWidth, shown: card.getBoundingClientRect().width },
        };
      });
      expect(layout.overflow).toBeLessThanOrEqual(0);
      expect(layout.column).toBeLessThanOrEqual(640);
      expect(layout.column).toBeGreaterThan(width - 40);
      expect(layout.family).toContain('PingFang SC');
      expect(layout.card.natural).toBe(1200);
      expect(layout.card.shown).toBeLessThanOrEqual(layout.column);
      await page.screenshot({ path: join(screenshots, `email-${width}.png`), fullPage: true });
      await context.close();
    });
  }
});

interface Received {
  recipients: string[];
  mail: ParsedMail;
}

describe('npm run email', () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let smtpUrl: string;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      // Plain SMTP on loopback: STARTTLS would need a certificate nodemailer trusts.
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('nobody@')) {
          callback(Object.assign(new Error('5.1.1 没有这个用户'), { responseCode: 550 }));
        } else callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream).then(
          (mail) => {
            received.push({ recipients: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.server.address();
    if (!address || typeof address === 'string') throw new Error('The SMTP server has no port');
    smtpUrl = `smtp://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  const email = (args: string[], env: Record<string, string | undefined> = {}) =>
    runNodeScriptAsync(workspace, 'scripts/email.ts', args, {
      SMTP_URL: smtpUrl,
      EMAIL_FROM: '百模观察编辑部 <desk@news.example.com>',
      EMAIL_UNSUBSCRIBE_URL: 'https://news.example.com/unsubscribe',
      ...env,
    });

  it('writes the .eml and sends the same message to the SMTP server', async () => {
    const result = await email([newest.id, '--send', '--to', 'editor@news.example.com']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(received).toHaveLength(1);
    const { recipients, mail } = received[0]!;
    expect(recipients).toEqual(['editor@news.example.com']);
    expect(mail.subject).toBe(newest.data.title);
    expect(mail.from?.value).toEqual([{ name: '百模观察编辑部', address: 'desk@news.example.com' }]);
    expect(mail.headers.get('list')).toMatchObject({ unsubscribe: { url: 'https://news.example.com/unsubscribe' } });
    expect(mail.messageId).toMatch(/@news\.example\.com>$/);
    expect(Math.abs(mail.date!.getTime() - Date.now())).toBeLessThan(10 * 60_000);

    expect(mail.text).toBe(readEdition(`${newest.id}.txt`));
    expect(mail.html).toBe(readEdition(`${newest.id}.html`));
    const html = parseHtml(mail.html || '');
    expect(attr(querySelector(html, 'img'), 'src')).toBe(`${TEST_SITE_URL}cards/${newest.id}.png`);
    expect(attr(querySelector(html, 'img'), 'alt')).toBeTruthy();
    const hrefs = querySelectorAll(html, 'a').map((link) => attr(link, 'href') ?? '');
    expect(hrefs.filter((href) => !href.startsWith(TEST_SITE_URL))).toEqual([DEFAULT_UNSUBSCRIBE_URL]);

    const eml = await simpleParser(readFileSync(edition(`${newest.id}.eml`)));
    expect(eml.messageId).toBe(mail.messageId);
    expect(eml.subject).toBe(newest.data.title);
    expect(eml.to).toBeUndefined();
    expect(eml.html).toBe(mail.html);
  });

  it('says in one line that a refused recipient was not sent to, and fails', async () => {
    const before = received.length;
    const result = await email([newest.id, '--send', '--to', 'nobody@news.example.com']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^错误：SMTP 服务器 127\.0\.0\.1:\d+ 拒收收件人 nobody@news\.example\.com，邮件未发送：550 [^\n]*\n$/,
    );
    expect(received.length).toBe(before);
  });

  it('says in one line that the server refused the connection, and fails', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    await new Promise((resolve) => closed.close(resolve));
    if (!address || typeof address === 'string') throw new Error('The probe server had no port');
    const { port } = address;
    const result = await email([newest.id, '--send', '--to', 'editor@news.example.com'], {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `错误：无法连接 SMTP 服务器 127.0.0.1:${port}（连接被拒绝，ECONNREFUSED），邮件未发送\n`,
    );
  });

  it('checks SMTP_URL and the digest id before writing or sending anything', async () => {
    const other = digests[1]!.id;
    const missing = await email([other, '--send', '--to', 'editor@news.example.com'], { SMTP_URL: undefined });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^错误：没有设置 SMTP_URL，邮件未发送[^\n]*\n$/);
    const wrong = await email([other, '--send', '--to', 'editor@news.example.com'], { SMTP_URL: 'mail.example.com' });
    expect(wrong.stderr).toMatch(/^错误：SMTP_URL 无效[^\n]*\n$/);
    expect(existsSync(edition(`${other}.eml`))).toBe(false);

    const unknown = await email(['no-such-digest']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(
      /^错误：没有 id 为“no-such-digest”的摘要（src\/content\/digests\/no-such-digest\.mdx 不存在）；现有的摘要：[^\n]+\n$/,
    );
  });

  it('makes an older digest’s edition on demand, by building once more', async () => {
    const manyWorkspace = inject('manyWorkspace');
    const many = publishedSourceDigests(join(manyWorkspace, 'src/content/digests'));
    const older = many[FEED_ITEM_LIMIT + 1]!;
    expect(existsSync(edition(`${older.id}.html`, manyWorkspace))).toBe(false);
    const result = await runNodeScriptAsync(manyWorkspace, 'scripts/email.ts', [older.id]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain(`已写出 ${EMAIL_EDITIONS_DIR}/${older.id}.eml`);
    expect(readFileSync(edition(`${older.id}.html`, manyWorkspace), 'utf8')).toContain(older.data.title);
    const eml = await simpleParser(readFileSync(edition(`${older.id}.eml`, manyWorkspace)));
    expect(eml.subject).toBe(older.data.title);
  });
});
