/**
 * WebSub, end to end: a build with WEBSUB_HUB announces the hub in every feed, and
 * `npm run ping-hub` tells a hub (a local HTTP server on 127.0.0.1 playing one) about each feed.
 * The default test build, made without the setting, announces nothing, and nothing is sent.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createWorkspace, runNodeScript, runNodeScriptAsync, TEST_SITE_URL } from './setup/workspace.ts';
import { listFiles, readPage, sourceTags, textOf, querySelector } from './support/site.ts';

/** What the hub was sent: each request's method, content type and form fields. */
interface Received {
  method: string | undefined;
  type: string | undefined;
  form: URLSearchParams;
}

const received: Received[] = [];
/** Feeds whose URL contains this are refused, as a hub refuses a topic it does not know. */
let refuse: string | undefined;
let server: Server;
let hub = '';
let workspace = '';

/** Every feed of a build: the site's RSS and JSON Feed, and each tag's RSS. */
const expectedFeeds = [
  `${TEST_SITE_URL}rss.xml`,
  `${TEST_SITE_URL}feed.json`,
  ...sourceTags().map((tag) => `${TEST_SITE_URL}tags/${tag.id}/rss.xml`),
].sort();
const rssFiles = (dir: string) =>
  listFiles(dir).filter((path) => path === 'rss.xml' || /^tags\/[^/]+\/rss\.xml$/.test(path));

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      received.push({ method: request.method, type: request.headers['content-type'], form });
      const refused = refuse !== undefined && (form.get('hub.url') ?? '').includes(refuse);
      response.writeHead(refused ? 422 : 204).end(refused ? 'topic unknown' : '');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the hub is not listening on a TCP port');
  hub = `http://127.0.0.1:${address.port}/hub`;
  workspace = createWorkspace('websub');
  const built = runNodeScript(workspace, 'scripts/build.ts', [], { WEBSUB_HUB: hub });
  if (built.status !== 0) throw new Error(`The WEBSUB_HUB build failed:\n${built.output}`);
});

afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe('a build with WEBSUB_HUB', () => {
  const dir = () => join(workspace, 'dist');

  it('announces the hub beside rel="self" in every RSS feed', () => {
    const files = rssFiles(dir());
    expect(files.map((path) => `${TEST_SITE_URL}${path}`).sort()).toEqual(
      expectedFeeds.filter((url) => url.endsWith('.xml')),
    );
    for (const path of files) {
      const links = parseRssFeed(readFileSync(join(dir(), path), 'utf8')).atom?.links ?? [];
      expect(links, path).toEqual([
        { href: `${TEST_SITE_URL}${path}`, rel: 'self', type: 'application/rss+xml' },
        { href: hub, rel: 'hub' },
      ]);
    }
  });

  it('lists the hub in the JSON Feed', () => {
    expect(parseJsonFeed(readFileSync(join(dir(), 'feed.json'), 'utf8')).hubs).toEqual([{ type: 'WebSub', url: hub }]);
  });

  it('tells readers on /subscribe/ that the feeds push through WebSub', () => {
    expect(textOf(querySelector(readPage(dir(), '/subscribe/'), 'main'))).toContain('支持 WebSub');
  });
});

describe('npm run ping-hub', () => {
  it('posts hub.mode=publish to the hub, one request per feed with the feed as hub.url', async () => {
    received.length = 0;
    const result = await runNodeScriptAsync(workspace, 'scripts/ping-hub.ts', [], { WEBSUB_HUB: hub });
    expect(result.status, result.output).toBe(0);
    expect(received.map((request) => request.form.getAll('hub.url')[0]).sort()).toEqual(expectedFeeds);
    for (const request of received) {
      expect(request.method).toBe('POST');
      expect(request.type).toMatch(/^application\/x-www-form-urlencoded/);
      expect(request.form.get('hub.mode')).toBe('publish');
      expect(request.form.getAll('hub.url')).toHaveLength(1);
    }
    expect(result.stdout).toContain(`已通知 ${hub}：${expectedFeeds.length} 个订阅源。`);
  });

  it('exits 1 and names the feed when the hub refuses one', async () => {
    received.length = 0;
    refuse = '/tags/policy/';
    try {
      const result = await runNodeScriptAsync(workspace, 'scripts/ping-hub.ts', [], { WEBSUB_HUB: hub });
      expect(result.status).toBe(1);
      expect(result.stdout).toContain(`失败  422  ${TEST_SITE_URL}tags/policy/rss.xml  topic unknown`);
      expect(result.stdout).toContain(`没有接受 1 / ${expectedFeeds.length} 个订阅源的通知`);
    } finally {
      refuse = undefined;
    }
  });

  it('sends nothing without WEBSUB_HUB', async () => {
    received.length = 0;
    const result = await runNodeScriptAsync(workspace, 'scripts/ping-hub.ts', [], { WEBSUB_HUB: undefined });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('WEBSUB_HUB 未设置：不通知任何 hub。');
    expect(received).toEqual([]);
  });

  it('sends nothing when the built feeds do not announce that hub, and says to rebuild', async () => {
    received.length = 0;
    const result = await runNodeScriptAsync(inject('workspace'), 'scripts/ping-hub.ts', [], { WEBSUB_HUB: hub });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`dist/rss.xml`);
    expect(result.stderr).toContain(`没有声明 hub ${hub}：请用同一个 WEBSUB_HUB 重新构建并部署后再通知`);
    expect(received).toEqual([]);
  });

  it('refuses a WEBSUB_HUB that is not an http(s) URL, in one line', async () => {
    const result = await runNodeScriptAsync(workspace, 'scripts/ping-hub.ts', [], { WEBSUB_HUB: 'hub.example.org' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^WEBSUB_HUB="hub.example.org" 不是可用的 WebSub hub 地址（应为：.*）$/);
  });
});

describe('a build without WEBSUB_HUB', () => {
  const siteDir = inject('siteDir');

  it('announces no hub in any feed, and /subscribe/ does not mention WebSub', () => {
    for (const path of rssFiles(siteDir)) {
      const links = parseRssFeed(readFileSync(join(siteDir, path), 'utf8')).atom?.links ?? [];
      expect(
        links.map((link) => link.rel),
        path,
      ).toEqual(['self']);
    }
    expect(JSON.parse(readFileSync(join(siteDir, 'feed.json'), 'utf8'))).not.toHaveProperty('hubs');
    expect(textOf(querySelector(readPage(siteDir, '/subscribe/'), 'main'))).not.toContain('WebSub');
  });
});
