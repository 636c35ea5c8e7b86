import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp.ts';

/** The policy as a map from directive to its sources, as a browser reads it. */
const parse = (policy: string) =>
  Object.fromEntries(
    policy.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );

describe('contentSecurityPolicy', () => {
  it('forbids every script on a page that names none', () => {
    const policy = parse(contentSecurityPolicy());
    expect(policy['script-src']).toEqual(["'none'"]);
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['img-src']).toEqual(["'self'"]);
    // No directive names anything that runs code: no worker, frame, object or wasm source.
    expect(Object.values(policy).flat()).not.toContain("'wasm-unsafe-eval'");
    expect(Object.keys(policy).filter((name) => /^(worker|child|frame|object|script)-src/.test(name))).toEqual([
      'script-src',
    ]);
  });

  it('lets every page fetch its own origin, so robots.txt and llms.txt can be read through it', () => {
    expect(parse(contentSecurityPolicy())['connect-src']).toEqual(["'self'"]);
  });

  it('gives a page that needs scripts exactly what it names', () => {
    const policy = parse(contentSecurityPolicy({ scripts: ["'self'"], connect: ["'self'"], wasm: true }));
    expect(policy['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['default-src']).toEqual(["'none'"]);
  });

  it('keeps the same policy for scripts that fetch nothing further', () => {
    expect(parse(contentSecurityPolicy({ scripts: ["'self'"] }))['connect-src']).toEqual(["'self'"]);
  });
});
