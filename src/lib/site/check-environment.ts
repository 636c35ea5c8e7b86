/**
 * Imported first, for its effect, by every entry point that builds from the environment
 * (scripts/build.ts, scripts/check-content.ts, astro.config.mjs): a SITE_URL the site cannot be
 * built for stops the process here, with one line and exit code 1, as the content check stops on
 * bad content. Later, urls.ts works out the base path from SITE_URL as it loads, and would throw
 * with a stack trace in the middle of loading the build.
 */
import { environmentProblem } from './site.ts';

const problem = environmentProblem();
if (problem !== undefined) {
  console.error(problem);
  process.exit(1);
}
