// Profiles in a config file: `vps configure` writes them, every command reads the selected one.
// The file holds API tokens, so it is written with mode 0600 (its folder 0700), atomically: a
// crash leaves the old file or the new one, never half of one.
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { UsageError } from './errors.js';

/** @typedef {{ token?: string, base_url?: string }} Profile */
/** @typedef {{ profiles: Record<string, Profile> }} Config */

export const DEFAULT_PROFILE = 'default';

/** $VPS_CONFIG_FILE, else $XDG_CONFIG_HOME/vps/config.json, else ~/.config/vps/config.json. */
export function configPath(env = process.env) {
  if (env.VPS_CONFIG_FILE) return env.VPS_CONFIG_FILE;
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'vps', 'config.json');
}

/**
 * The config file's contents ({ profiles: {} } when there is none).
 * @param {string} path @param {(line: string) => void} [warn]
 * @returns {Promise<Config>}
 */
export async function readConfig(path, warn) {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return { profiles: {} };
    throw new UsageError(`cannot read the config file ${path}: ${/** @type {Error} */ (error).message}`);
  }
  if (warn && ((await stat(path)).mode & 0o077) !== 0) {
    warn(`warning: ${path} can be read by other users; it holds API tokens: chmod 600 it`);
  }
  let config;
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the config file ${path} is not valid JSON (${/** @type {Error} */ (error).message}); fix it or run vps configure`);
  }
  if (!config || typeof config !== 'object' || typeof config.profiles !== 'object' || config.profiles === null) {
    throw new UsageError(`the config file ${path} has no "profiles" object; fix it or run vps configure`);
  }
  return config;
}

/** Write the config with mode 0600 via a temporary sibling and a rename. @param {string} path @param {Config} config */
export async function writeConfig(path, config) {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const file = await open(tmp, 'w', 0o600);
    try {
      await file.writeFile(`${JSON.stringify(config, null, 2)}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    await chmod(tmp, 0o600); // the umask may have taken bits away, never added them: be explicit
    await rename(tmp, path);
  } finally {
    await rm(tmp, { force: true });
  }
}

/**
 * The token and base URL to use: a flag wins over the environment, which wins over the profile.
 * @param {{ token?: string, baseUrl?: string, profile?: string }} flags
 * @param {NodeJS.ProcessEnv} env
 * @param {(line: string) => void} warn
 */
export async function resolveSettings(flags, env, warn) {
  const path = configPath(env);
  const named = flags.profile ?? env.VPS_PROFILE;
  const name = named ?? DEFAULT_PROFILE;
  const config = await readConfig(path, warn);
  const profile = config.profiles[name];
  if (named !== undefined && !profile) {
    const known = Object.keys(config.profiles);
    throw new UsageError(
      `no profile "${name}" in ${path}` + (known.length ? ` (profiles: ${known.join(', ')})` : '') + `; create it with vps configure --profile ${name}`,
    );
  }
  return {
    token: flags.token ?? (env.VPS_API_TOKEN || undefined) ?? profile?.token,
    baseUrl: flags.baseUrl ?? (env.VPS_BASE_URL || undefined) ?? profile?.base_url,
    profile: name,
    path,
  };
}
