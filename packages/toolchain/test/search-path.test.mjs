// The search path drops what npm, pnpm and turbo put in front of the user's PATH, and nothing else.
import { describe, expect, it } from 'vitest';
import { searchPath } from '../src/index.mjs';

const user = ['/home/me/.pyenv/shims', '/usr/local/bin', '/usr/bin', '/bin'];
const npmLike = ['/usr/bin', '/repo/packages/docs/node_modules/.bin', '/repo/node_modules/.bin', '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin', ...user];

describe('searchPath', () => {
  it("under a package manager, drops the running node's folder it put first, and every node_modules/.bin", () => {
    const env = { PATH: npmLike.join(':'), npm_lifecycle_event: 'test' };
    expect(searchPath(env, '/usr/bin')).toEqual(user);
  });

  it('gives the same list in a shell and under npm, pnpm or turbo', () => {
    const shell = searchPath({ PATH: user.join(':') }, '/usr/bin');
    // turbo under pnpm under npx: several layers of prepended folders.
    const nested = ['/repo/node_modules/.bin', '/usr/bin', '/root/.npm/_npx/abc/node_modules/.bin', ...npmLike];
    expect(searchPath({ PATH: nested.join(':'), npm_execpath: '/x/pnpm.cjs' }, '/usr/bin')).toEqual(shell);
  });

  it("keeps the node folder where the user put it, and keeps it first outside a package manager", () => {
    expect(searchPath({ PATH: ['/usr/bin', ...user].join(':') }, '/usr/bin')).toEqual(['/usr/bin', ...user.filter((d) => d !== '/usr/bin')]);
    // Another node (Node 24 from the runtimes cache) prepended: dropped under a package manager only.
    const withNode24 = ['/cache/node-24/bin', ...user];
    expect(searchPath({ PATH: withNode24.join(':'), npm_lifecycle_event: 'test' }, '/cache/node-24/bin')).toEqual(user);
    expect(searchPath({ PATH: withNode24.join(':') }, '/cache/node-24/bin')).toEqual(withNode24);
  });
});
