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

/**
 * Where the site is deployed; every absolute URL (feeds, canonical links, cards in meta tags) is
 * built on it. Set SITE_URL when building for a real host.
 */
export const DEFAULT_SITE_URL = 'https://baimo-watch.example.org/';

/** The site the build is for: SITE_URL, or the placeholder host. Astro's `site` is this. */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.SITE_URL || DEFAULT_SITE_URL;
}
