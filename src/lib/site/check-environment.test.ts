/**
 * A SITE_URL the site cannot be built for, given to the real entry points: `npm run build`
 * (scripts/build.ts) and a plain `astro build` (astro.config.mjs). Each must stop before building
 * anything, with the one line that says what is wrong and exit code 1: no stack trace.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, runNodeScript } from '../../../tests/setup/workspace.ts';

const EXPECTED =
  '（应为：http 或 https 地址，不带 ?查询、#片段、用户名或密码，如 https://owner.github.io/baimo-watch/）';
const BAD_SITE_URLS: Record<string, string> = {
  'javascript:alert(1)//x': `SITE_URL "javascript:alert(1)//x" 不能用作站点地址${EXPECTED}`,
  // The password is not repeated in the log.
  'https://u:p@h/': `SITE_URL "https://u:***@h/" 不能用作站点地址${EXPECTED}`,
  'https://h/?x=1': `SITE_URL "https://h/?x=1" 不能用作站点地址${EXPECTED}`,
  '/sub/': 'SITE_URL "/sub/" 不是网址（应为：站点的完整地址，如 https://owner.github.io/baimo-watch/）',
};

// Each run loads a real entry point (Astro's CLI takes seconds on a busy machine).
describe('a SITE_URL the site cannot be built for', { timeout: 60_000 }, () => {
  let workspace: string;
  beforeAll(() => {
    // A scratch copy: should the check ever let a build through, it builds there, not here.
    workspace = createWorkspace('bad-site-url');
  });

  /** Runs `script` with SITE_URL=`value`; expects exit code 1, `line` alone, and nothing written. */
  const expectStopped = (script: string, args: string[], value: string, line: string) => {
    const run = runNodeScript(workspace, script, args, { SITE_URL: value });
    expect(run.status, run.output).toBe(1);
    expect(run.output.trim().split('\n')).toEqual([line]);
    for (const written of ['dist', 'dist.lock', '.cache']) expect(existsSync(join(workspace, written))).toBe(false);
  };

  for (const [value, line] of Object.entries(BAD_SITE_URLS)) {
    it(`stops npm run build in one line, before building: ${value}`, () => {
      expectStopped('scripts/build.ts', [], value, line);
    });
  }

  // The same check, reached through the config; one value is enough (the CLI takes seconds to load).
  it('stops a plain astro build in the same line', () => {
    const [value, line] = Object.entries(BAD_SITE_URLS)[0]!;
    expectStopped('node_modules/astro/bin/astro.mjs', ['build'], value, line);
  });
});
