import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { digestSchema, metricSchema, tagSchema } from './lib/content/schema.ts';
import { englishEditionSchema } from './lib/content/english-schema.ts';

// Tags and metrics are checked against these collections in src/lib/content/content-rules.ts, not with
// reference(): Astro only logs a reference to a missing entry and still builds.
export const collections = {
  digests: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: './src/content/digests' }),
    schema: digestSchema,
  }),
  // An English edition per digest at most, keyed by the digest's id (its file name); what both
  // editions share is read from the digest (src/lib/content/english-schema.ts).
  digestsEn: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: './src/content/en' }),
    schema: englishEditionSchema,
  }),
  tags: defineCollection({ loader: file('src/content/tags.yaml'), schema: tagSchema }),
  metrics: defineCollection({ loader: file('src/content/metrics.yaml'), schema: metricSchema }),
};
