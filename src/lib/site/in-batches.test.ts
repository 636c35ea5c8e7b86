import { describe, expect, it } from 'vitest';
import { mapInBatches } from './in-batches.ts';

describe('mapInBatches', () => {
  it('keeps the order of the items and never runs more than a batch at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapInBatches(
      Array.from({ length: 10 }, (_, index) => index),
      async (item) => {
        running++;
        most = Math.max(most, running);
        // Later items finish first: the order must still be the items' order.
        await new Promise((done) => setTimeout(done, 10 - item));
        running--;
        return item * 2;
      },
      3,
    );
    expect(results).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(most).toBe(3);
  });

  it('does nothing for no items and refuses an empty batch', async () => {
    expect(await mapInBatches([], async () => 1)).toEqual([]);
    await expect(mapInBatches([1], async () => 1, 0)).rejects.toThrow('A batch holds at least 1 item, not 0');
  });
});
