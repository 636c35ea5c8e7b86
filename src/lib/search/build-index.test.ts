import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pagefindBinary } from './build-index.ts';

describe('pagefindBinary', () => {
  it('uses PAGEFIND_BINARY_PATH when it is set', () => {
    expect(pagefindBinary({ PAGEFIND_BINARY_PATH: '/opt/pagefind/pagefind_extended' })).toBe(
      '/opt/pagefind/pagefind_extended',
    );
  });

  it('finds the binary npm installed for this platform', () => {
    const binary = pagefindBinary({});
    expect(binary).toMatch(/@pagefind\/linux-(x64|arm64)\/bin\/pagefind_extended$/);
    expect(existsSync(binary)).toBe(true);
  });
});
