/**
 * The email edition's stylesheet. It is written as CSS and inlined into every element by juice,
 * because mailing services and the WeChat editor drop `<style>` and `<link>`. Colours and fonts
 * come from the site's own tokens (light scheme: mail clients apply their own dark mode); sizes
 * are in px because several mail clients (Outlook on Windows among them) ignore rem.
 */
import tokens from '../../styles/tokens.css?raw';

/** The column's width, and the width left for content inside its padding. */
export const COLUMN_WIDTH = 640;
export const COLUMN_PADDING = 16;
export const CONTENT_WIDTH = COLUMN_WIDTH - 2 * COLUMN_PADDING;

const EMAIL_CSS = `
:root { color-scheme: light; }
body { margin: 0; padding: 0; background: var(--color-bg); }
.preheader { display: none; max-height: 0; overflow: hidden; mso-hide: all; font-size: 1px; line-height: 1px; color: var(--color-bg); }
.column { max-width: ${COLUMN_WIDTH}px; margin: 0 auto; padding: 24px ${COLUMN_PADDING}px; background: var(--color-surface); color: var(--color-text); font-family: var(--font-body); font-size: 16px; line-height: 1.8; overflow-wrap: break-word; }
a { color: var(--color-link); }
.masthead { margin: 0 0 16px; font-size: 14px; color: var(--color-muted); }
.masthead a { color: var(--color-accent); font-weight: 700; text-decoration: none; }
.title { margin: 0 0 12px; font-size: 24px; line-height: 1.35; }
.title a { color: var(--color-text); text-decoration: none; }
.dek { margin: 0 0 8px; font-size: 17px; color: var(--color-muted); }
.meta { margin: 0 0 24px; font-size: 14px; color: var(--color-muted); }
.content p { margin: 0 0 16px; }
.content h2 { margin: 32px 0 12px; font-size: 20px; line-height: 1.35; }
.content h3 { margin: 24px 0 8px; font-size: 17px; line-height: 1.35; }
.content img { display: block; max-width: 100%; height: auto; border: 0; }
.content ul, .content ol { margin: 0 0 16px; padding-left: 24px; }
.content li { margin: 0 0 8px; }
.content blockquote { margin: 8px 0; padding: 8px 12px; border-left: 4px solid var(--color-accent); background: var(--color-accent-soft); }
.content blockquote p { margin: 0; }
.content figure { margin: 24px 0; }
.content figcaption { font-size: 14px; color: var(--color-muted); }
.content aside { margin: 24px 0; padding: 12px 16px; border: 1px dashed var(--color-border); font-size: 14px; color: var(--color-muted); }
.content hr { margin: 24px 0; border: 0; border-top: 1px solid var(--color-border); }
.content cite { font-style: normal; }
.links { margin: 24px 0 0; font-size: 14px; color: var(--color-muted); }
.footer { margin: 16px 0 0; padding-top: 16px; border-top: 1px solid var(--color-border); font-size: 14px; color: var(--color-muted); }
`;

/**
 * The whole stylesheet: the site's tokens (juice resolves their `var()`s; the dark-mode media
 * query is dropped with the rest of the `<style>`), then the email's own rules. White space is
 * collapsed so the font stack inlines as one line.
 */
export const emailStylesheet = `${tokens.replace(/\s+/g, ' ')}\n${EMAIL_CSS}`;

// An empty import (a bundler that drops CSS) would leave every var() unresolved in the email.
if (!tokens.includes('--font-body')) {
  throw new Error('The email edition needs src/styles/tokens.css as text (a ?raw import), and got none.');
}
