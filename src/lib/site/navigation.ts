/**
 * The site's main navigation: its sections, and which one a page belongs to. The header only
 * renders this list, so the rule for "you are here" is tested here rather than in a template.
 */
import { SITE, SITE_EN, type SiteLanguage } from './site.ts';
import {
  aboutPath,
  archivePath,
  englishHomePath,
  englishRssPath,
  figuresIndexPath,
  homePath,
  subscribePath,
  tagsPath,
} from './urls.ts';

export interface NavLink {
  href: string;
  label: string;
  /** The subscribe link stands apart from the sections (styled as the feed link). */
  feed?: boolean;
  /** Current on its own page only, not on the pages below it. */
  exact?: boolean;
}

/** The sections of the main navigation, in the order the header shows them. */
export const MAIN_NAV: readonly NavLink[] = [
  { href: archivePath, label: '归档' },
  { href: tagsPath, label: '标签' },
  { href: figuresIndexPath, label: '数字' },
  { href: aboutPath, label: '关于' },
  { href: subscribePath, label: '订阅', feed: true },
];

/**
 * The main navigation for the page at `pathname`, with `current` set on the section the page
 * is in: the section's own page or any page below it (a tag's page is under 标签). At most one
 * link is current; the most specific wins should sections ever nest.
 */
export function mainNav(pathname: string, links: readonly NavLink[] = MAIN_NAV): (NavLink & { current: boolean })[] {
  // Astro may give a page's path without its trailing slash (in `astro dev`, say).
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  const within = links.filter((link) => (link.exact ? path === link.href : path.startsWith(link.href)));
  const current = within.reduce<NavLink | undefined>(
    (best, link) => (best && best.href.length >= link.href.length ? best : link),
    undefined,
  );
  return links.map((link) => ({ ...link, current: link === current }));
}

/** The English edition's navigation: its one index, and its feed. */
export const ENGLISH_NAV: readonly NavLink[] = [
  { href: englishHomePath, label: 'Digests', exact: true },
  { href: englishRssPath, label: 'Subscribe', feed: true },
];

/** The navigation of a page in `lang`: the Chinese sections, or the English edition's. */
export const navFor = (lang: SiteLanguage, pathname: string) =>
  mainNav(pathname, lang === SITE_EN.lang ? ENGLISH_NAV : MAIN_NAV);

/**
 * The language switch of a page in `lang`: to its counterpart when it has one, else to the other
 * edition's home, so English readers find their edition from anywhere. It is written in the
 * language it leads to, as readers of that language look for it.
 */
export function languageSwitch(
  lang: SiteLanguage,
  counterpart?: string,
): { href: string; lang: SiteLanguage; label: string; hint: string } {
  return lang === SITE_EN.lang
    ? {
        href: counterpart ?? homePath,
        lang: SITE.lang,
        label: '中文',
        hint: counterpart ? '（本页中文版）' : '（中文版首页）',
      }
    : {
        href: counterpart ?? englishHomePath,
        lang: SITE_EN.lang,
        label: 'English',
        hint: counterpart ? ' (this page in English)' : ' (the English edition)',
      };
}
