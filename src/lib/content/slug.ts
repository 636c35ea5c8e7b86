/**
 * The one spelling of an id: tag, metric, figure and digest file names are lower-case kebab-case,
 * because each becomes part of an address. The schema, the content check and `npm run new` all
 * ask this module, so they can never disagree about what a valid id is.
 */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/** Whether `value` is a lower-case kebab-case id such as "open-source" or "model-count-2023". */
export function isSlug(value: string): boolean {
  return SLUG.test(value);
}
