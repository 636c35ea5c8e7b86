// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { DEFAULT_SITE_URL } from './src/lib/site.ts';

export default defineConfig({
  site: process.env.SITE_URL || DEFAULT_SITE_URL,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Smart punctuation turns "--" into an en dash and quotes into Latin curly quotes; Chinese
  // text carries its own punctuation (——, “”), so it must pass through untouched.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  integrations: [mdx(), sitemap({ filter: (page) => !page.includes('/404') })],
  devToolbar: { enabled: false },
});
