/** Facts about the newsletter itself, used by the layout, feeds and cards. */
export const SITE = {
  name: '百模观察',
  englishName: 'Hundred Models Watch',
  tagline: '中国大模型产业报告摘要',
  description:
    '百模观察逐篇精读中国大模型产业的研究报告、政府简报与媒体报道，提炼要点与关键数字，并注明每个数字的出处原文。',
  lang: 'zh-CN',
  ogLocale: 'zh_CN',
} as const;

/** The same facts for the English edition under /en/. */
export const SITE_EN = {
  name: SITE.englishName,
  tagline: 'Digests of China’s large-model industry reports',
  description:
    "Hundred Models Watch reads research reports, government briefings and press coverage of China's large-model industry one by one, in our own words, and quotes the report's original Chinese beside every figure.",
  lang: 'en',
  ogLocale: 'en_GB',
} as const;

/** A page's language: the Chinese site, or its English edition. */
export type SiteLanguage = typeof SITE.lang | typeof SITE_EN.lang;

/**
 * Where the site is deployed; every absolute URL (feeds, canonical links, cards in meta tags) is
 * built on it. Set SITE_URL when building for a real host.
 */
export const DEFAULT_SITE_URL = 'https://baimo-watch.example.org/';

/**
 * The site the build is for: SITE_URL, or the placeholder host, always ending in "/". Its path is
 * where the site lives on its host ("/" or, for a GitHub Pages project site, "/REPO/"): Astro's
 * `base`, and the start of every link (urls.ts). Astro's `site` is this.
 */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.SITE_URL || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL "${value}" 不是网址（应为：站点的完整地址，如 https://owner.github.io/baimo-watch/）`);
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.search ||
    url.hash ||
    url.username ||
    url.password
  ) {
    // A password never reaches the build log.
    const shown = url.password ? Object.assign(new URL(url), { password: '***' }).href : value;
    throw new Error(
      `SITE_URL "${shown}" 不能用作站点地址（应为：http 或 https 地址，不带 ?查询、#片段、用户名或密码，如 https://owner.github.io/baimo-watch/）`,
    );
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** What is wrong with the build's environment (SITE_URL), as one line, or undefined when nothing is. */
export function environmentProblem(env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    siteUrl(env);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The longest `<title>` the HTML check accepts; search results cut titles near this anyway. */
export const MAX_TITLE_LENGTH = 70;

/**
 * A page's `<title>`: "<title> · <site>", or the title alone when that is too long, or the
 * title cut at a word boundary with "…" when even it is (English headlines run long; the page's
 * h1 and og:title keep every word). Lengths are counted in code points as the HTML check counts
 * them, in the page's source: an apostrophe written out as &#39; counts five.
 */
export function documentTitle(title: string, siteName: string, limit = MAX_TITLE_LENGTH): string {
  const length = (text: string) => Array.from(text.replace(/["'&<>]/g, '&#39;')).length;
  const withSite = `${title} · ${siteName}`;
  if (length(withSite) <= limit) return withSite;
  if (length(title) <= limit) return title;
  let kept = title;
  while (length(kept) > limit - 1) kept = Array.from(kept).slice(0, -1).join('');
  const atWord = kept.replace(/[\s,:;.–—-]+\S*$/u, '');
  return `${atWord.length >= kept.length / 2 ? atWord : kept}…`;
}
