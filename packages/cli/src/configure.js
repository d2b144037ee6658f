// `vps configure`: save a token (and optionally a base URL) in a profile of the config file.
import { configPath, DEFAULT_PROFILE, readConfig, writeConfig } from './config.js';
import { UsageError } from './errors.js';
import { askSecret, readAll } from './terminal.js';

/**
 * @param {import('./terminal.js').Io} io
 * @param {{ token?: string, baseUrl?: string, profile?: string }} flags
 * @param {{ print: (text: string) => void, note: (text: string) => void, redact: (text: string) => string, secret: (value: string | undefined) => void }} out
 */
export async function configure(io, flags, out) {
  const path = configPath(io.env);
  const config = await readConfig(path, out.note);
  const name = flags.profile ?? io.env.VPS_PROFILE ?? DEFAULT_PROFILE;
  if (!/^[\w.-]+$/.test(name)) throw new UsageError(`profile name "${name}" may only have letters, digits, ".", "_" and "-"`);
  const existing = config.profiles[name] ?? {};

  let token = flags.token;
  if (token === undefined) {
    token = io.stdin.isTTY ? await askSecret(io, out.redact(`API token for profile "${name}" (input hidden): `)) : (await readAll(io.stdin)).trim();
  }
  out.secret(token);
  if (!token) throw new UsageError('no token given: type it when asked, pipe it on stdin, or pass --token');
  if (/\s/.test(token)) throw new UsageError('the token has white space in it: give only the token');

  const baseUrl = flags.baseUrl ?? existing.base_url;
  if (baseUrl !== undefined) {
    let url;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new UsageError(`option --base-url must be an http or https URL, got ${JSON.stringify(baseUrl)}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`option --base-url must be an http or https URL, got ${JSON.stringify(baseUrl)}`);
  }

  config.profiles[name] = { token, ...(baseUrl !== undefined ? { base_url: baseUrl } : {}) };
  await writeConfig(path, config);
  out.print(`Saved profile "${name}" to ${path}${baseUrl ? ` (base URL ${baseUrl})` : ''}.\n`);
}
