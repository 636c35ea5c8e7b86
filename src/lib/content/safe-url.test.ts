import { describe, expect, it } from 'vitest';
import { isAllowedLink, isWebAddress, urlScheme } from './safe-url.ts';

describe('isAllowedLink', () => {
  it('allows web and mail addresses and addresses on this site', () => {
    for (const url of [
      'https://example.org/a',
      'http://example.org',
      'mailto:a@example.org',
      '/tags/policy/',
      '#figure-a',
      'notes/',
    ]) {
      expect(isAllowedLink(url), url).toBe(true);
    }
  });

  it('sees the scheme as a browser does, whatever the case, spaces or tabs', () => {
    for (const url of [
      'javascript:alert(1)',
      '  JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      expect(isAllowedLink(url), url).toBe(false);
    }
    expect(urlScheme('java\nscript:alert(1)')).toBe('javascript:');
  });
});

describe('isWebAddress', () => {
  it('accepts complete http and https addresses only', () => {
    expect(isWebAddress('https://example.org/report')).toBe(true);
    expect(isWebAddress('/relative/')).toBe(false);
    expect(isWebAddress('mailto:a@example.org')).toBe(false);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
  });
});
