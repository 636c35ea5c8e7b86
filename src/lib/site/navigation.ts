/**
 * The site's main navigation: its sections, and which one a page belongs to. The header only
 * renders this list, so the rule for "you are here" is tested here rather than in a template.
 */
import { aboutPath, archivePath, figuresIndexPath, subscribePath, tagsPath } from './urls.ts';

export interface NavLink {
  href: string;
  label: string;
  /** The subscribe link stands apart from the sections (styled as the feed link). */
  feed?: boolean;
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
  const within = links.filter((link) => path.startsWith(link.href));
  const current = within.reduce<NavLink | undefined>(
    (best, link) => (best && best.href.length >= link.href.length ? best : link),
    undefined,
  );
  return links.map((link) => ({ ...link, current: link === current }));
}
