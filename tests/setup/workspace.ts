/**
 * A scratch copy of the project for tests that build it: the real sources and content, the real
 * packages (each linked, not copied; scripts/lib/link-packages.ts says why not the whole
 * node_modules folder), plus whatever extra files a test adds. Builds run there so a
 * test never touches the developer's own dist/ or content.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { linkPackages } from '../../scripts/lib/link-packages.ts';

export const projectRoot = resolve(import.meta.dirname, '../..');

/** The site URL test builds use, to prove absolute URLs follow the configuration. */
export const TEST_SITE_URL = 'https://news.example.com/';

const COPIED = ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** Creates (or recreates) a workspace at `.test-output/<name>` and returns its path. */
export function createWorkspace(name: string, extraFiles: Record<string, string> = {}): string {
  const root = join(projectRoot, '.test-output', name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const entry of COPIED) cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
  linkPackages(join(projectRoot, 'node_modules'), join(root, 'node_modules'));
  for (const [path, source] of Object.entries(extraFiles)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    cpSync(source, join(root, path));
  }
  return root;
}

export interface CommandResult {
  status: number | null;
  output: string;
}

/** Runs `node <script> …args` in `cwd` exactly as npm would, and returns its exit code and output. */
export function runNodeScript(
  cwd: string,
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
): CommandResult {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, SITE_URL: TEST_SITE_URL, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

export interface AsyncCommandResult extends CommandResult {
  stdout: string;
  stderr: string;
}

/**
 * Like runNodeScript, without blocking this process: for scripts that talk to a server the test
 * itself runs (a blocked event loop would never answer). `env` is added to the environment; a
 * variable set to undefined is removed from it.
 */
export function runNodeScriptAsync(
  cwd: string,
  script: string,
  args: string[] = [],
  env: Record<string, string | undefined> = {},
): Promise<AsyncCommandResult> {
  const environment: NodeJS.ProcessEnv = { ...process.env, SITE_URL: TEST_SITE_URL, FORCE_COLOR: '0', NO_COLOR: '1' };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete environment[name];
    else environment[name] = value;
  }
  const child = spawn(process.execPath, [script, ...args], { cwd, env: environment });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr, output: `${stdout}${stderr}` }));
  });
}

/** True when `path` exists in the workspace. */
export function existsIn(root: string, path: string): boolean {
  return existsSync(join(root, path));
}
