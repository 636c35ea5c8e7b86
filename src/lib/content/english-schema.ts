/**
 * The English edition of a digest: src/content/en/<id>.mdx, keyed by the id of the Chinese
 * digest it renders. It carries only what is said in English. Everything both editions share
 * (the report, dates, tags, draft state, each figure's quote, as-of, metric and featured flag)
 * is read from the Chinese digest, so it is written once; content-rules-en.ts checks the pairing.
 *
 * Messages are English: the people who write this file write English. They follow the Chinese
 * messages' shape, "what is wrong (expected: what to write, with an example)".
 */
import { z } from 'astro/zod';

/** "what is wrong (expected: …)", the English twin of schema.ts explain(). */
export function explainEn(problem: string, expected: string): string {
  return `${problem} (expected: ${expected})`;
}

/** Required, non-blank English text. */
const text = (what: string, example: string) =>
  z
    .string({ error: explainEn(`${what} is missing or not text`, `quoted text, e.g. "${example}"`) })
    .trim()
    .min(1, { error: explainEn(`${what} is empty`, `quoted text, e.g. "${example}"`) });

/**
 * An object that rejects fields it does not know, naming the ones it does: a field the Chinese
 * digest owns (pubDate, source, tags, quote…) written here would otherwise be silently ignored.
 */
function knownFieldsOnly<Shape extends z.ZodRawShape>(where: string, shape: Shape, owned: string) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? explainEn(
            `${where} has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`,
            `only ${known}; ${owned}`,
          )
        : undefined,
  });
}

/** One figure of the Chinese digest, in English. */
export const englishFigureSchema = knownFieldsOnly(
  'figure',
  {
    /** The id of the Chinese digest's figure this renders; every one of them, each once. */
    id: text('figure id', 'model-count'),
    /** The value in English, e.g. "more than 140" for "超过140个". */
    value: text('figure value', 'more than 140'),
    /** What the number measures, in a few English words. */
    label: text('figure label', 'Large models launched in China'),
    /**
     * Our English rendering of the figure's Chinese quote: faithful, nothing added. Pages show it
     * marked as our translation, beside the Chinese quote, which stays the evidence.
     */
    quoteTranslation: text(
      'figure quoteTranslation',
      'At present, the large models launched in China already number more than 140.',
    ),
  },
  'the quote, as-of date, metric and featured flag come from the Chinese digest',
);

/** An English edition's frontmatter. */
export const englishEditionSchema = knownFieldsOnly(
  'frontmatter',
  {
    /** Our English headline (not a translation of the report's title). */
    title: text('title', "Behind more than 140 large models: China's models are still in “follower” mode"),
    /** One or two English sentences for lists, meta tags and feeds. */
    description: text('description', 'A magazine column reviews the types and R&D approaches of China’s large models.'),
    /** Every figure of the Chinese digest, by its id, in English. */
    figures: z
      .array(englishFigureSchema, {
        error: explainEn('figures is missing or not a list', 'one entry per figure of the Chinese digest'),
      })
      .min(1, { error: explainEn('figures is empty', 'one entry per figure of the Chinese digest') }),
  },
  'the report, dates, tags and draft state come from the Chinese digest',
);

export type EnglishEditionData = z.output<typeof englishEditionSchema>;
export type EnglishFigure = z.output<typeof englishFigureSchema>;
