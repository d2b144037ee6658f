// Shell completion: the bash script, sourced into a real bash, completes groups, commands, flags
// and enum values from the generated commands; zsh and fish get scripts on the same protocol.
import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cleanEnv, vps, vpsBin } from './support/vps.js';

const run = promisify(execFile);

/** What bash offers for `vps WORDS…` (the last word being completed). */
async function bashComplete(words) {
  const script = `source <(vps completion bash); COMP_WORDS=(vps ${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length}; _vps_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const env = cleanEnv({ PATH: `${dirname(vpsBin)}:${process.env.PATH}` });
  const { stdout } = await run('bash', ['-c', script], { env });
  return stdout.split('\n').filter(Boolean).sort();
}

describe('bash completion', () => {
  it.each([
    [[''], ['completion', 'configure', 'servers']],
    [['servers', ''], ['create', 'delete', 'get', 'list', 'patch', 'reboot', 'start', 'stop', 'update']],
    [['servers', 'st'], ['start', 'stop']],
    [['servers', 'list', '--status', ''], ['active', 'stopped', 'suspended']],
    [['servers', 'create', '--pl'], ['--plan-id']],
    [['servers', 'create', '--backups'], ['--backups-enabled']],
    [['-o', ''], ['json', 'table', 'yaml']],
    [['completion', ''], ['bash', 'fish', 'zsh']],
  ])('vps %j', async (words, expected) => {
    expect(await bashComplete(words)).toEqual(expected);
  });
});

describe('zsh and fish', () => {
  it.each(['zsh', 'fish'])('vps completion %s prints a script that asks vps __complete', async (shell) => {
    const { code, stdout } = await vps(['completion', shell]);
    expect(code).toBe(0);
    expect(stdout).toContain('vps __complete --');
    expect(stdout).toContain(shell === 'zsh' ? 'compdef _vps vps' : 'complete -c vps');
  });

  it('an unknown shell is a usage error', async () => {
    const result = await vps(['completion', 'tcsh']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/'tcsh' is invalid for argument 'shell'\. Allowed choices are bash, zsh, fish/);
  });
});
