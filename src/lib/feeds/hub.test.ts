import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import rss from '@astrojs/rss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonFeed, rssChannelExtras } from './feeds.ts';
import { atomLinks, HubSettingError, jsonFeedHubs, pingHub, publishBody, websubHub } from './hub.ts';

const site = new URL('https://example.org/');

/** The port a server listening on 127.0.0.1 was given. */
function portOf(server: Server): number {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the server is not listening on a TCP port');
  return address.port;
}

describe('websubHub', () => {
  it('is unset without WEBSUB_HUB, or with it empty', () => {
    expect(websubHub({})).toBeUndefined();
    expect(websubHub({ WEBSUB_HUB: '  ' })).toBeUndefined();
  });

  it('takes an absolute http(s) URL', () => {
    expect(websubHub({ WEBSUB_HUB: 'https://hub.example.org' })).toBe('https://hub.example.org/');
    expect(websubHub({ WEBSUB_HUB: 'http://127.0.0.1:8080/hub' })).toBe('http://127.0.0.1:8080/hub');
  });

  it('refuses anything else, naming the variable and what it expects', () => {
    for (const value of ['hub.example.org', 'ftp://hub.example.org/', 'https://user:secret@hub.example.org/']) {
      expect(() => websubHub({ WEBSUB_HUB: value }), value).toThrow(HubSettingError);
      expect(() => websubHub({ WEBSUB_HUB: value }), value).toThrow(
        `WEBSUB_HUB="${value}" 不是可用的 WebSub hub 地址（应为：完整的 http(s) 网址`,
      );
    }
  });
});

describe('announcing the hub', () => {
  const render = async (hub: string | undefined) =>
    parseRssFeed(
      await (
        await rss({
          title: 't',
          description: 'd',
          site,
          xmlns: { atom: 'http://www.w3.org/2005/Atom' },
          customData: rssChannelExtras('/rss.xml', site, [], { hub }),
          items: [],
        })
      ).text(),
    );

  it('puts rel="hub" beside rel="self" in RSS when there is a hub, and nothing else without one', async () => {
    expect((await render('https://hub.example.org/')).atom?.links).toEqual([
      { href: 'https://example.org/rss.xml', rel: 'self', type: 'application/rss+xml' },
      { href: 'https://hub.example.org/', rel: 'hub' },
    ]);
    expect((await render(undefined)).atom?.links).toEqual([
      { href: 'https://example.org/rss.xml', rel: 'self', type: 'application/rss+xml' },
    ]);
    expect(atomLinks('https://example.org/rss.xml', undefined)).not.toBeInstanceOf(Array);
  });

  it('lists the hub in the JSON Feed, and has no `hubs` without one', () => {
    const feed = (hub?: string) =>
      jsonFeed({ title: 't', description: 'd', feedPath: '/feed.json', site, digests: [], hub });
    expect(parseJsonFeed(feed('https://hub.example.org/')).hubs).toEqual([
      { type: 'WebSub', url: 'https://hub.example.org/' },
    ]);
    expect(JSON.parse(feed())).not.toHaveProperty('hubs');
    expect(jsonFeedHubs(undefined)).toEqual({});
  });
});

describe('pingHub', () => {
  const received: { method?: string; type?: string; body: URLSearchParams }[] = [];
  let server: Server;
  let hub: string;
  /** Answers 204 like Google's hub, except for feeds whose URL says "refuse". */
  const answer = async (request: IncomingMessage) => {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    const body = new URLSearchParams(text);
    received.push({ method: request.method, type: request.headers['content-type'], body });
    return body.get('hub.url')?.includes('refuse') ? 400 : 204;
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      void answer(request).then((status) => response.writeHead(status).end(status === 400 ? 'Topic not found' : ''));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    hub = `http://127.0.0.1:${portOf(server)}/hub`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts hub.mode=publish with the feed as hub.url, one form-encoded request per feed', async () => {
    received.length = 0;
    const feeds = ['https://example.org/rss.xml', 'https://example.org/feed.json'];
    const results = await pingHub(hub, feeds);
    expect(results).toEqual(feeds.map((feedUrl) => ({ feedUrl, status: 204, ok: true })));
    expect(received.map(({ method, type }) => [method, type])).toEqual([
      ['POST', 'application/x-www-form-urlencoded;charset=UTF-8'],
      ['POST', 'application/x-www-form-urlencoded;charset=UTF-8'],
    ]);
    expect(received.map(({ body }) => [body.get('hub.mode'), body.getAll('hub.url'), body.get('hub.topic')])).toEqual(
      feeds.map((feed) => ['publish', [feed], feed]),
    );
  });

  it("reports a refused feed with the hub's own words, and a hub that cannot be reached", async () => {
    const [refused] = await pingHub(hub, ['https://example.org/refuse.xml']);
    expect(refused).toEqual({
      feedUrl: 'https://example.org/refuse.xml',
      status: 400,
      ok: false,
      detail: 'Topic not found',
    });
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = portOf(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const [unreachable] = await pingHub(`http://127.0.0.1:${port}/`, ['https://example.org/rss.xml']);
    expect(unreachable?.ok).toBe(false);
    expect(unreachable?.status).toBeUndefined();
    expect(unreachable?.detail).toMatch(/fetch failed: .*ECONNREFUSED/);
  });

  it('encodes the form as a hub expects', () => {
    expect(publishBody('https://example.org/tags/a b/rss.xml').toString()).toBe(
      'hub.mode=publish&hub.url=https%3A%2F%2Fexample.org%2Ftags%2Fa+b%2Frss.xml&hub.topic=https%3A%2F%2Fexample.org%2Ftags%2Fa+b%2Frss.xml',
    );
  });
});
