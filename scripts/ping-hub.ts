/**
 * `npm run ping-hub`: after a deploy, tells the WebSub hub in WEBSUB_HUB that every feed of the
 * built site may have changed (`hub.mode=publish`, one `hub.url` per feed). The hub fetches each
 * feed and pushes what is new to the readers subscribed through it.
 *
 * The feeds are the ones in dist/: every RSS feed the OPML file lists, and the JSON Feed. Each
 * must announce the same hub (the build does so when WEBSUB_HUB is set), or nothing is sent: a
 * hub refuses, or ignores, a feed that does not name it. Without WEBSUB_HUB nothing is sent.
 * Exit code 0 when every feed was accepted (or there is no hub), 1 otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseJsonFeed, parseOpml, parseRssFeed } from 'feedsmith';
import { HUB_VARIABLE, HubSettingError, pingHub, websubHub } from '../src/lib/feeds/hub.ts';
import { siteUrl } from '../src/lib/site/site.ts';
import { absoluteUrl, feedsOpmlPath, jsonFeedPath } from '../src/lib/site/urls.ts';

const root = resolve(import.meta.dirname, '..');
const siteDir = join(root, 'dist');

class PingError extends Error {}

/** What is read of a parsed OPML outline: its feed, and the outlines inside it. */
interface Outline {
  xmlUrl?: string | undefined;
  outlines?: readonly Outline[] | undefined;
}

/** The built file a URL of the site points at. */
function builtFile(url: string, site: string): string {
  if (!url.startsWith(site)) {
    throw new PingError(`${url} 不在 SITE_URL（${site}）之下：请用部署时的 SITE_URL 运行，或重新构建`);
  }
  const file = join(siteDir, decodeURIComponent(url.slice(site.length)));
  if (!existsSync(file)) throw new PingError(`找不到 ${relative(root, file)}：请先运行 npm run build`);
  return file;
}

/** Every feed URL of the built site, with the hubs the feed itself announces. */
function builtFeeds(site: string): { url: string; file: string; hubs: string[] }[] {
  const opmlFile = builtFile(absoluteUrl(feedsOpmlPath, site), site);
  const flatten = (outlines: readonly Outline[] = []): string[] =>
    outlines.flatMap((outline) => [...(outline.xmlUrl ? [outline.xmlUrl] : []), ...flatten(outline.outlines)]);
  const rssUrls = flatten(parseOpml(readFileSync(opmlFile, 'utf8')).body?.outlines);
  const rss = rssUrls.map((url) => {
    const file = builtFile(url, site);
    const links = parseRssFeed(readFileSync(file, 'utf8')).atom?.links ?? [];
    return { url, file, hubs: links.filter((link) => link.rel === 'hub').map((link) => link.href ?? '') };
  });
  const jsonUrl = absoluteUrl(jsonFeedPath, site);
  const jsonFile = builtFile(jsonUrl, site);
  const json = parseJsonFeed(readFileSync(jsonFile, 'utf8'));
  return [...rss, { url: jsonUrl, file: jsonFile, hubs: (json.hubs ?? []).map((hub) => hub.url ?? '') }];
}

async function main(): Promise<number> {
  const hub = websubHub(process.env);
  if (!hub) {
    console.log(`${HUB_VARIABLE} 未设置：不通知任何 hub。`);
    return 0;
  }
  const site = new URL(siteUrl()).href;
  const feeds = builtFeeds(site);
  const silent = feeds.filter((feed) => !feed.hubs.includes(hub));
  if (silent.length > 0) {
    throw new PingError(
      `${silent.map((feed) => relative(root, feed.file)).join('、')} 没有声明 hub ${hub}：请用同一个 ${HUB_VARIABLE} 重新构建并部署后再通知`,
    );
  }
  const results = await pingHub(
    hub,
    feeds.map((feed) => feed.url),
  );
  for (const result of results) {
    const status = result.status ?? '无响应';
    console.log(
      `${result.ok ? '已通知' : '失败'}  ${status}  ${result.feedUrl}${result.detail ? `  ${result.detail}` : ''}`,
    );
  }
  const failed = results.filter((result) => !result.ok).length;
  console.log(
    failed === 0
      ? `已通知 ${hub}：${results.length} 个订阅源。`
      : `${hub} 没有接受 ${failed} / ${results.length} 个订阅源的通知。`,
  );
  return failed === 0 ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof PingError || error instanceof HubSettingError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
