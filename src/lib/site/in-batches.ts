/**
 * File work over thousands of items, a few dozen at a time: enough at once to keep every libuv
 * I/O thread busy, few enough that the results in flight (a PNG each, say) stay small.
 */

/** How many items are in flight at once unless told otherwise. */
export const DEFAULT_BATCH = 64;

/** `work` on every item, `size` at a time, the results in the order of `items`. */
export async function mapInBatches<T, R>(
  items: readonly T[],
  work: (item: T) => Promise<R>,
  size: number = DEFAULT_BATCH,
): Promise<R[]> {
  if (!Number.isInteger(size) || size < 1) throw new Error(`A batch holds at least 1 item, not ${size}`);
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  }
  return results;
}
