/**
 * WebSub, optional: with WEBSUB_HUB set at build time every feed names that hub (RSS:
 * `<atom:link rel="hub">` beside `rel="self"`; JSON Feed: `hubs`), and after a deploy
 * `npm run ping-hub` tells the hub each feed changed, so readers that subscribe through the hub
 * (FreshRSS, NewsBlur and others) get a new digest within seconds instead of at their next poll.
 * Without the setting nothing is announced and nothing is sent.
 */

/** The variable that names the hub, at build time and when pinging. */
export const HUB_VARIABLE = 'WEBSUB_HUB';

/** A setting that cannot be used, said in one line naming the variable and what was expected. */
export class HubSettingError extends Error {}

/**
 * The hub the feeds announce, or undefined when WEBSUB_HUB is unset or empty. A value that is not
 * an absolute http(s) URL stops the build: a feed naming a broken hub would silently never push.
 */
export function websubHub(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env[HUB_VARIABLE]?.trim();
  if (!raw) return undefined;
  const url = URL.parse(raw);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    throw new HubSettingError(
      `${HUB_VARIABLE}="${raw}" 不是可用的 WebSub hub 地址（应为：完整的 http(s) 网址，不含用户名与密码，例如 https://hub.example.org/）`,
    );
  }
  return url.href;
}

/** The RSS channel's atom:link elements: always self, and the hub when there is one. */
export function atomLinks(selfUrl: string, hub: string | undefined) {
  const self = { '@_href': selfUrl, '@_rel': 'self', '@_type': 'application/rss+xml' };
  return hub ? [self, { '@_href': hub, '@_rel': 'hub' }] : self;
}

/** The JSON Feed's `hubs`, or nothing at all without a hub. */
export function jsonFeedHubs(hub: string | undefined): { hubs?: { type: string; url: string }[] } {
  return hub ? { hubs: [{ type: 'WebSub', url: hub }] } : {};
}

/**
 * The form body that tells a hub one feed changed. `hub.url` is what most hubs read (Google's
 * and Superfeedr's among them); `hub.topic`, the same URL, is what hubs written after the WebSub
 * recommendation read. Publishing is outside the recommendation, so both are sent.
 */
export function publishBody(feedUrl: string): URLSearchParams {
  return new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': feedUrl, 'hub.topic': feedUrl });
}

export interface PingResult {
  feedUrl: string;
  /** The hub's HTTP status, absent when it could not be reached. */
  status?: number;
  ok: boolean;
  /** What went wrong, for the log: the hub's own words or the network error. */
  detail?: string;
}

/** How long one request to the hub may take before it counts as failed. */
const PING_TIMEOUT_MS = 15_000;

/**
 * Tells `hub` about each feed, one request per feed (a hub may accept several `hub.url` in one
 * request, but not every hub does). Never throws: each feed's result says how it went.
 */
export async function pingHub(hub: string, feedUrls: readonly string[]): Promise<PingResult[]> {
  const results: PingResult[] = [];
  for (const feedUrl of feedUrls) {
    try {
      const response = await fetch(hub, {
        method: 'POST',
        body: publishBody(feedUrl),
        signal: AbortSignal.timeout(PING_TIMEOUT_MS),
      });
      const text = response.ok ? '' : (await response.text()).trim().slice(0, 200);
      results.push({ feedUrl, status: response.status, ok: response.ok, ...(text && { detail: text }) });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      results.push({ feedUrl, ok: false, detail: `${error instanceof Error ? error.message : String(error)}${cause}` });
    }
  }
  return results;
}
