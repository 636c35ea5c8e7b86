/**
 * What an editor configures for the email edition, read from the environment: who the message is
 * from, and where the unsubscribe link points. Defaults work with no configuration at all.
 */
import { SITE } from '../site/site.ts';

/**
 * The unsubscribe link the footer carries unless EMAIL_UNSUBSCRIBE_URL says otherwise: a merge
 * tag that the editor's mailing service replaces with each subscriber's own link (Buttondown and
 * several others spell it this way; Mailchimp wants `*|UNSUB|*`, listmonk `{{ UnsubscribeURL }}`).
 */
export const DEFAULT_UNSUBSCRIBE_URL = '{{unsubscribe_url}}';

/** The sender unless EMAIL_FROM says otherwise; the placeholder host matches DEFAULT_SITE_URL. */
export const DEFAULT_EMAIL_FROM = `${SITE.name} <newsletter@baimo-watch.example.org>`;

export interface EmailSettings {
  /** The From header, e.g. `百模观察 <newsletter@example.org>`. */
  from: string;
  /** The footer's unsubscribe link: a merge tag or a real URL. */
  unsubscribeUrl: string;
}

/** The settings from `env` (process.env in practice); empty values count as unset. */
export function emailSettings(env: Readonly<Record<string, string | undefined>>): EmailSettings {
  return {
    from: env.EMAIL_FROM?.trim() || DEFAULT_EMAIL_FROM,
    unsubscribeUrl: env.EMAIL_UNSUBSCRIBE_URL?.trim() || DEFAULT_UNSUBSCRIBE_URL,
  };
}

/**
 * The unsubscribe link as a List-Unsubscribe header may carry it (RFC 2369 wants a URL: https or
 * mailto), or undefined for a merge tag, which only the mailing service can resolve.
 */
export function listUnsubscribeUrl(unsubscribeUrl: string): string | undefined {
  if (!URL.canParse(unsubscribeUrl)) return undefined;
  const { protocol } = new URL(unsubscribeUrl);
  return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:' ? unsubscribeUrl : undefined;
}
