/**
 * One way to name data by its content: sha256 of its JSON with object keys sorted, so equal data
 * built in a different key order gets the same name. The card cache names its PNGs this way, and
 * Astro's incremental build compares pages' cache keys made this way (src/lib/content/page-cache-keys.ts).
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** The hex sha256 of `value`'s canonical JSON. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
