/**
 * The one place that knows every URL of the site. Pages, feeds, cards and meta tags all build
 * links here, so a link can never point at a route that is written somewhere else.
 */

/** A digest's page. */
export const digestPath = (digestId: string) => `/digests/${digestId}/`;

/** The anchor id of a figure inside its digest page. */
export const figureAnchorId = (figureId: string) => `figure-${figureId}`;

/** A figure's place in its digest page. */
export const figureInDigestPath = (digestId: string, figureId: string) =>
  `${digestPath(digestId)}#${figureAnchorId(figureId)}`;

/** A figure's own page (the permalink a reader shares). */
export const figurePath = (digestId: string, figureId: string) => `${digestPath(digestId)}figures/${figureId}/`;

export const homePath = '/';
export const archivePath = '/archive/';
export const tagsPath = '/tags/';
export const figuresIndexPath = '/figures/';
export const aboutPath = '/about/';

/** A tag's page: its first page of digests. */
export const tagPath = (tagId: string) => `/tags/${tagId}/`;

/**
 * Page `page` (from 1) of a tag's digests. Page 1 is the tag's own page, never `/tags/<tag>/1/`;
 * the tag page route (`tags/[tag]/[...page].astro`, Astro's paginate) writes the others here.
 */
export const tagPagePath = (tagId: string, page: number) => (page === 1 ? tagPath(tagId) : `${tagPath(tagId)}${page}/`);

/** One year of the archive. */
export const archiveYearPath = (year: number) => `${archivePath}${year}/`;

/** A metric's own page: every figure that reports it, compared across reports. */
export const metricPath = (metricId: string) => `${figuresIndexPath}${metricId}/`;

/**
 * The anchor of a metric's summary on the figures index. Links made before metrics had pages of
 * their own point at `/figures/#metric-<id>`; they still land on that metric.
 */
export const metricAnchorId = (metricId: string) => `metric-${metricId}`;

/** Turns a site path into an absolute URL on the deployed site. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}

/** Every published figure as data: JSON, the JSON Schema it follows, and CSV (UTF-8 with a BOM). */
export const figuresJsonPath = '/data/figures.json';
export const figuresSchemaPath = '/data/figures.schema.json';
export const figuresCsvPath = '/data/figures.csv';

/** The site-wide RSS feed, JSON Feed and a tag's own RSS feed. */
export const rssPath = '/rss.xml';
export const jsonFeedPath = '/feed.json';
export const tagFeedPath = (tagId: string) => `${tagPath(tagId)}rss.xml`;

/** A digest's share card, the site's card, and a figure's card (PNG, 1200x630). */
export const digestCardPath = (digestId: string) => `/cards/${digestId}.png`;
export const siteCardPath = '/cards/site.png';
export const figureCardPath = (digestId: string, figureId: string) => `/cards/${digestId}/${figureId}.png`;
/** A metric's comparison card, the og:image of its page; "figures/" mirrors the page's own path. */
export const metricCardPath = (metricId: string) => `/cards/figures/${metricId}.png`;

/** A digest's share poster and a featured figure's (PNG, 1080 wide, with a QR code of the page). */
export const digestPosterPath = (digestId: string) => `/posters/${digestId}.png`;
export const figurePosterPath = (digestId: string, figureId: string) => `/posters/${digestId}/${figureId}.png`;

/**
 * A digest's email edition, for editors to paste into a mailing service: the HTML with every
 * style inline, and its plain-text alternative. Not pages for readers (kept out of the sitemap).
 */
export const emailHtmlPath = (digestId: string) => `${digestPath(digestId)}email.html`;
export const emailTextPath = (digestId: string) => `${digestPath(digestId)}email.txt`;

/** True for the path (or URL) of an email edition, so site-wide page checks and the sitemap can leave it out. */
export const isEmailEditionPath = (path: string) => /\/digests\/[^?#]+\/email\.(html|txt)$/.test(path);

/** The search page; `?q=` carries the query, so a search is a link a reader can share. */
export const searchPath = '/search/';

/** Where the build writes Pagefind's index and its loader, relative to the site root. */
export const pagefindDir = 'pagefind';

/** The Pagefind loader the search page imports in the browser. */
export const pagefindScriptPath = `/${pagefindDir}/pagefind.js`;

/**
 * The English edition, under /en/: its home (the one English index: at this size one list
 * reads better than an archive and tag pages), a page per English digest, its feeds and search.
 */
export const englishHomePath = '/en/';
export const englishDigestPath = (digestId: string) => `${englishHomePath}digests/${digestId}/`;
export const englishFigureInDigestPath = (digestId: string, figureId: string) =>
  `${englishDigestPath(digestId)}#${figureAnchorId(figureId)}`;
export const englishRssPath = `${englishHomePath}rss.xml`;
export const englishJsonFeedPath = `${englishHomePath}feed.json`;
export const englishSearchPath = `${englishHomePath}search/`;

/** An English digest's share card (PNG, 1200x630), beside the Chinese cards. */
export const englishDigestCardPath = (digestId: string) => `/cards/en/${digestId}.png`;
