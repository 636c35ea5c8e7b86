/**
 * The English edition's template `npm run new -- --english <id>` writes for an existing digest:
 * every figure of the digest by its id, with the Chinese quote beside it as a comment to
 * translate from, and the house structure of a digest body. What both editions share is never
 * copied: the edition names only the digest's figure ids.
 */
import { ENGLISH_PLACEHOLDER_MARK } from './placeholders.ts';
import type { DigestData } from './schema.ts';

const TO_WRITE = `${ENGLISH_PLACEHOLDER_MARK}:`;

/** A YAML double-quoted string. */
const quoted = (text: string) => JSON.stringify(text);

/** A YAML comment of one line, whatever the text holds. */
const comment = (text: string) => `# ${text.replace(/\s+/g, ' ').trim()}`;

/** The MDX text of a new English edition of `digest`. */
export function englishEditionTemplate(digest: DigestData): string {
  const figures = digest.figures
    .map((figure) =>
      [
        `  - id: ${figure.id}`,
        `    ${comment(`原文 value: ${figure.value}; label: ${figure.label}`)}`,
        `    value: ${quoted(`${TO_WRITE} the value in English`)}`,
        `    label: ${quoted(`${TO_WRITE} what it measures, in a few words`)}`,
        `    ${comment(`原文 quote: ${figure.quote}`)}`,
        `    quoteTranslation: ${quoted(`${TO_WRITE} a faithful translation of the quote, nothing added`)}`,
      ].join('\n'),
    )
    .join('\n');
  return `---
# The English edition of src/content/digests/<this file's name>. It gives only the English words:
# the report, dates, tags and each figure's quote come from the Chinese digest. List every figure
# of the digest by its id, and no other. It is published when the digest is: replace every
# "${ENGLISH_PLACEHOLDER_MARK}" before the digest goes out (npm run check:content lists them).
${comment(`Chinese title: ${digest.title}`)}
title: ${quoted(`${TO_WRITE} our English headline (not a translation of the report's title)`)}
description: ${quoted(`${TO_WRITE} one or two sentences for lists, feeds and meta tags`)}
figures:
${figures}
---

${TO_WRITE} an opening paragraph: what the report is, who wrote it, what it argues.

## Key points

- ${TO_WRITE} the points, in your own words, each one the report states.

## What the report says

### ${TO_WRITE} a section heading

${TO_WRITE} the section.

## Open questions

- ${TO_WRITE} what the report leaves open or does not show.
`;
}
