// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { DEFAULT_SITE_URL } from './src/lib/site.ts';

/** A page listing every share card, for contributors; it exists in `npm run dev` only. */
function devCardPreview() {
  return {
    name: 'dev-card-preview',
    hooks: {
      /** @param {{ command: string; injectRoute: (route: { pattern: string; entrypoint: string }) => void }} options */
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev') injectRoute({ pattern: '/dev/cards', entrypoint: './src/dev/CardPreview.astro' });
      },
    },
  };
}

export default defineConfig({
  site: process.env.SITE_URL || DEFAULT_SITE_URL,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Smart punctuation turns "--" into an en dash and quotes into Latin curly quotes; Chinese
  // text carries its own punctuation (——, “”), so it must pass through untouched.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  integrations: [mdx(), sitemap({ filter: (page) => !page.includes('/404') }), devCardPreview()],
  devToolbar: { enabled: false },
});
