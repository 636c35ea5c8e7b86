import { feedWindow } from '../feeds/feeds.ts';

/**
 * The digests a build makes email editions for: those the feed carries (an editor mails the
 * newest, not one from three years ago), and any named in EMAIL_DIGESTS (comma-separated ids),
 * which `npm run email -- <id>` sets to make an older digest's edition on demand.
 */
export function emailedDigests<D extends { id: string }>(newestFirst: readonly D[], requested = ''): D[] {
  const wanted = new Set(
    requested
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  );
  const window = feedWindow(newestFirst);
  return [...window, ...newestFirst.filter((digest) => wanted.has(digest.id) && !window.includes(digest))];
}
