/**
 * The GitHub workflows are part of the product: each passes the real validator
 * (@action-validator/cli, GitHub's schema), and each keeps the promises docs/deploy.md makes
 * about it: pull requests run read-only and never with the repository's token, the deploy job
 * publishes in order with the least permissions, the build cache is saved under a new key every
 * run, and every action is pinned by commit, which Dependabot (.github/dependabot.yml) keeps
 * current. tests/deploy.test.ts plays the deploy job's steps.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../setup/workspace.ts';

const workflowsDir = join(projectRoot, '.github/workflows');
const workflowFiles = readdirSync(workflowsDir).filter((name) => name.endsWith('.yml'));

/**
 * What is wrong with a workflow's `uses:` lines, one line each: an action from another
 * repository must name the full 40-hex commit SHA of a release, with that release's version in a
 * comment (`uses: actions/checkout@<sha> # v5.1.0`), since a tag can be moved to other code and a
 * commit cannot. One SHA carries one version everywhere. An action of this repository (`./…`)
 * needs no pin.
 */
function unpinnedActions(file: string, text: string): string[] {
  const problems: string[] = [];
  const versionOfSha = new Map<string, string>();
  text.split('\n').forEach((line, index) => {
    const uses = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line);
    if (!uses) return;
    const [, action = '', rest = ''] = uses;
    if (action.startsWith('./')) return;
    const where = `${file}:${index + 1}  ${action}`;
    const pinned = /^[\w.-]+\/[\w./-]+@([0-9a-f]{40})$/.exec(action);
    const version = /^\s+# (v\d+\.\d+\.\d+)\s*$/.exec(rest)?.[1];
    if (!pinned) problems.push(`${where}  is not pinned by a full commit SHA`);
    else if (!version) problems.push(`${where}  has no version comment such as "# v5.1.0"`);
    else {
      const sha = pinned[1] ?? '';
      const seen = versionOfSha.get(sha);
      if (seen && seen !== version) problems.push(`${where}  is ${version} here and ${seen} elsewhere`);
      versionOfSha.set(sha, version);
    }
  });
  return problems;
}

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string>;
  needs?: string | string[];
  if?: string;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const readWorkflow = (name: string): Workflow => parse(readFileSync(join(workflowsDir, name), 'utf8'));

/** The validator's verdict on a file: its exit code and what it printed. */
function validate(file: string): { status: number | null; output: string } {
  const result = spawnSync(join(projectRoot, 'node_modules/.bin/action-validator'), [file], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const stepUsing = (job: Job, action: string): Step => {
  const step = job.steps.find((candidate) => candidate.uses?.startsWith(`${action}@`));
  if (!step) throw new Error(`no step uses ${action}`);
  return step;
};

describe('the workflows', () => {
  it('are the deploy and the pull-request check', () => {
    expect(workflowFiles.sort()).toEqual(['check.yml', 'deploy.yml']);
  });

  it.each(workflowFiles)('%s passes GitHub’s workflow schema', (name) => {
    const { status, output } = validate(join(workflowsDir, name));
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('are checked by a validator that refuses a misspelt key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'workflow-'));
    try {
      const broken = readFileSync(join(workflowsDir, 'check.yml'), 'utf8').replace('runs-on:', 'run-on:');
      writeFileSync(join(dir, 'check.yml'), broken);
      const { status, output } = validate(join(dir, 'check.yml'));
      expect(status).toBe(1);
      expect(output).toContain("Additional property 'run-on' is not allowed");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('pin every action by commit SHA, with its version in a comment', () => {
    for (const name of workflowFiles) {
      const text = readFileSync(join(workflowsDir, name), 'utf8');
      expect(unpinnedActions(name, text)).toEqual([]);
      // The line scan sees every step the workflow runs: as many `uses:` as the parsed steps have.
      const steps = Object.values(readWorkflow(name).jobs).flatMap((job) => job.steps);
      const scanned = text.split('\n').filter((line) => /^\s*(?:-\s+)?uses:/.test(line));
      expect(scanned.length, name).toBe(steps.filter((step) => step.uses).length);
    }
  });

  it('refuse an action pinned by tag, a SHA without its version, a short SHA and one SHA with two versions', () => {
    const sha = 'fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09';
    const planted = [
      '      - uses: actions/checkout@v5',
      `      - uses: actions/checkout@${sha}`,
      '        uses: actions/cache/restore@0057852 # v4.3.0',
      `      - uses: actions/checkout@${sha} # v5.1.0`,
      `      - uses: actions/checkout@${sha} # v5.0.0`,
      '      - uses: ./.github/actions/local',
    ].join('\n');
    expect(unpinnedActions('x.yml', planted)).toEqual([
      'x.yml:1  actions/checkout@v5  is not pinned by a full commit SHA',
      `x.yml:2  actions/checkout@${sha}  has no version comment such as "# v5.1.0"`,
      'x.yml:3  actions/cache/restore@0057852  is not pinned by a full commit SHA',
      `x.yml:5  actions/checkout@${sha}  is v5.0.0 here and v5.1.0 elsewhere`,
    ]);
  });

  it('never run a fork’s code with the repository’s token', () => {
    for (const name of workflowFiles) {
      expect(Object.keys(readWorkflow(name).on), name).not.toContain('pull_request_target');
    }
    const check = readWorkflow('check.yml');
    expect(Object.keys(check.on)).toEqual(['pull_request']);
    expect(check.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(check.jobs)) {
      expect(job.permissions).toBeUndefined();
      expect(stepUsing(job, 'actions/checkout').with?.['persist-credentials']).toBe(false);
    }
  });

  it('check a pull request’s content first, then run every test', () => {
    const [job] = Object.values(readWorkflow('check.yml').jobs);
    const runs = (job?.steps ?? []).flatMap((step) => (step.run ? [step.run] : []));
    expect(runs[0]).toBe('npm ci');
    expect(runs.indexOf('npm run check:content')).toBe(1);
    expect(runs.at(-1)).toBe('npm test');
  });

  it('deploy on a push to main or on demand, one run at a time, in order', () => {
    const deploy = readWorkflow('deploy.yml');
    expect(deploy.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    expect(deploy.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('give each deploy job only the permissions it needs', () => {
    const { permissions, jobs } = readWorkflow('deploy.yml');
    expect(permissions).toEqual({});
    expect(jobs.build?.permissions).toEqual({ contents: 'read' });
    expect(jobs.deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(jobs.deploy?.needs).toBe('build');
    expect(jobs['notify-hub']?.permissions).toEqual({ contents: 'read' });
  });

  it('tell the WebSub hub after the deploy, only when the repository names one, for the site just built', () => {
    const job = readWorkflow('deploy.yml').jobs['notify-hub'];
    if (!job) throw new Error('deploy.yml has no notify-hub job');
    expect(job.needs).toEqual(['build', 'deploy']);
    expect(job.if).toBe("${{ vars.WEBSUB_HUB != '' }}");
    const ping = job.steps.find((step) => step.run === 'npm run ping-hub');
    expect(ping?.env).toEqual({
      SITE_URL: '${{ needs.build.outputs.site_url }}',
      WEBSUB_HUB: '${{ vars.WEBSUB_HUB }}',
    });
  });

  it('save the build cache under a new key every run and restore the newest by its prefix', () => {
    const build = readWorkflow('deploy.yml').jobs.build;
    if (!build) throw new Error('deploy.yml has no build job');
    const restore = stepUsing(build, 'actions/cache/restore');
    const save = stepUsing(build, 'actions/cache/save');
    expect(restore.with).toEqual({
      path: '.cache',
      key: 'site-build-${{ github.run_id }}',
      'restore-keys': 'site-build-',
    });
    expect(save.with).toEqual({ path: '.cache', key: restore.with?.key });
    const order = build.steps.map((step) => step.uses?.split('@')[0] ?? step.run);
    expect(order.indexOf('actions/cache/restore')).toBeLessThan(order.indexOf('npm run build'));
    expect(order.indexOf('actions/cache/save')).toBeGreaterThan(order.indexOf('npm run build'));
    expect(stepUsing(build, 'actions/setup-node').with?.['node-version']).toBe(24);
  });

  it('build for the repository variable SITE_URL, or else the address Pages reports', () => {
    const build = readWorkflow('deploy.yml').jobs.build;
    const step = build?.steps.find((candidate) => candidate.run === 'npm run build');
    expect(step?.env).toEqual({
      SITE_URL: '${{ vars.SITE_URL || steps.pages.outputs.base_url }}',
      WEBSUB_HUB: '${{ vars.WEBSUB_HUB }}',
    });
    expect(build?.steps.find((candidate) => candidate.id === 'pages')?.uses).toMatch(/^actions\/configure-pages@/);
  });
});

interface DependabotUpdate {
  'package-ecosystem': string;
  directory: string;
  schedule: { interval: string };
  cooldown?: { 'default-days'?: number };
  groups?: Record<string, { patterns: string[] }>;
}

/** A Dependabot pattern as Dependabot reads it: `*` matches any run of characters. */
const matches = (pattern: string, name: string): boolean =>
  new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`).test(name);
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the dependency updates', () => {
  const config = parse(readFileSync(join(projectRoot, '.github/dependabot.yml'), 'utf8')) as {
    version: number;
    updates: DependabotUpdate[];
  };
  const update = (ecosystem: string): DependabotUpdate => {
    const found = config.updates.find((candidate) => candidate['package-ecosystem'] === ecosystem);
    if (!found) throw new Error(`.github/dependabot.yml has no ${ecosystem} updates`);
    return found;
  };

  it('keep the npm packages and the workflows’ actions current, weekly, after a week’s cooldown', () => {
    expect(config.version).toBe(2);
    expect(config.updates.map((entry) => entry['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
    for (const entry of config.updates) {
      expect(entry.directory).toBe('/');
      expect(entry.schedule).toEqual({ interval: 'weekly' });
      expect(entry.cooldown).toEqual({ 'default-days': 7 });
    }
  });

  it('update Astro and every @astrojs package together, in one group, and nothing else with them', () => {
    const { dependencies, devDependencies } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const names = Object.keys({ ...dependencies, ...devDependencies });
    const patterns = update('npm').groups?.astro?.patterns ?? [];
    const grouped = names.filter((name) => patterns.some((pattern) => matches(pattern, name)));
    const astro = names.filter((name) => name === 'astro' || name.startsWith('@astrojs/'));
    expect(astro).toEqual(expect.arrayContaining(['astro', '@astrojs/mdx', '@astrojs/check']));
    expect(grouped.sort()).toEqual(astro.sort());
  });

  it('read patterns as Dependabot does', () => {
    expect(matches('@astrojs/*', '@astrojs/mdx')).toBe(true);
    expect(matches('astro', 'astro')).toBe(true);
    expect(matches('astro', 'astro-icon')).toBe(false);
    expect(matches('@astrojs/*', 'eslint-plugin-astro')).toBe(false);
  });

  it('update every action the workflows use, SHA and version comment together, in one pull request', () => {
    expect(update('github-actions').groups).toEqual({ actions: { patterns: ['*'] } });
  });
});
