// `pnpm start` end to end, on a temp copy of the spec and a temp generated/ folder: a save
// regenerates the client code, rebuilds and reloads the docs and restarts the mock; a broken
// save keeps the last good mock answering and touches nothing; a fix recovers; Ctrl-C leaves
// no process behind.
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupAlive } from '@vpsorg/mock';
import { repoRoot } from '../lib/paths.mjs';
import { descendantsOf, isAlive } from '../lib/process-tree.mjs';
import { startDev } from '../lib/dev/dev-process.mjs';
import { makeTempDir, writeEditedSpec } from './helpers.mjs';

const auth = { headers: { Authorization: 'Bearer test-token' } };

/** Server names in the mock's GET /servers/ answer. */
async function listedNames(mockUrl) {
  const response = await fetch(`${mockUrl}/servers/`, auth);
  expect(response.status).toBe(200);
  return (await response.json()).results.map((s) => s.name);
}

/**
 * After a save: wait for the loop's next "ready", then for the mock to serve `names`. On a loaded
 * machine one save can be seen as two (a write's truncation and its content, further apart than
 * the watcher's debounce), so a trailing cycle of the previous save may print the first "ready";
 * the save's own cycle prints another. Waits for at most three cycles, with no clock involved.
 */
async function readyServing(dev, mockUrl, from, names) {
  await dev.waitFor(/^ready in /m, { from });
  for (let cycles = 1; ; cycles += 1) {
    const next = dev.mark(); // before looking: a cycle still to come prints its "ready" after it
    const served = await listedNames(mockUrl);
    if (JSON.stringify(served) === JSON.stringify(names) || cycles === 3) return served;
    await dev.waitFor(/^ready in /m, { from: next });
  }
}

/** The edit every good save in this file builds on: visible in the types, the docs and the mock. */
const renameFirstServer = (name) => (doc) => {
  doc.setIn(
    ['paths', '/servers/', 'get', 'responses', '200', 'content', 'application/json', 'examples', 'twoServers', 'value', 'results', 0, 'name'],
    name,
  );
  doc.setIn(
    ['components', 'schemas', 'ServerSummary', 'properties', 'nickname'],
    doc.createNode({ type: 'string', description: `A short name for the server (${name}).` }),
  );
};

/** Collect the server-sent events of the docs server's /__reload endpoint ('connected' first). */
function listenForReloads(docsUrl) {
  const events = [];
  const request = http.get(`${docsUrl}/__reload`, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
      if (chunk.startsWith(': connected')) events.push('connected');
      for (const match of chunk.matchAll(/^event: (\w+)$/gm)) events.push(match[1]);
    });
  });
  request.on('error', () => {});
  return { events, close: () => request.destroy() };
}

describe('pnpm start (scripts/dev.mjs)', () => {
  let tmp;
  let spec;
  let out;
  let pythonOut;
  let dev;
  let docsUrl;
  let mockUrl;
  let reloads;

  beforeAll(async () => {
    tmp = await makeTempDir('dev-loop-test-');
    spec = await writeEditedSpec(join(tmp.dir, 'servers.yaml'));
    out = join(tmp.dir, 'generated');
    // The Python SDK's code too, into a scratch package (the target takes its version from there).
    await mkdir(join(tmp.dir, 'python'), { recursive: true });
    await copyFile(join(repoRoot, 'packages/client-python/package.json'), join(tmp.dir, 'python/package.json'));
    pythonOut = join(tmp.dir, 'python/src/vpsorg/_generated');
    dev = startDev(['--spec', spec, '--out', out, '--python-out', pythonOut, '--docs-port', '0', '--mock-port', '0', '--locales', 'fr']);
    [, docsUrl] = await dev.waitFor(/docs {2}(http:\/\/127\.0\.0\.1:\d+)/);
    [, mockUrl] = await dev.waitFor(/mock {2}(http:\/\/127\.0\.0\.1:\d+)/);
    await dev.waitFor(/^ready in /m, { timeoutMs: 90_000 });
    reloads = listenForReloads(docsUrl);
  }, 180_000);

  afterAll(async () => {
    reloads?.close();
    if (dev && dev.child.exitCode === null) {
      dev.child.kill('SIGKILL');
      await dev.exited;
    }
    await tmp?.remove();
  });

  it('serves the first build: generated types, the docs page with live reload, the mock', async () => {
    const schema = await readFile(join(out, 'schema.ts'), 'utf8');
    expect(schema).toMatch(/^\/\/ This file is generated/);
    expect(schema).toContain('listServers');
    const python = await readFile(join(pythonOut, 'resources.py'), 'utf8');
    expect(python).toMatch(/^# This file is generated/);
    expect(python).toContain('    def list(');
    const page = await fetch(`${docsUrl}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('VPS.org Servers API');
    expect(html).toContain('<script src="/__reload.js"></script>');
    const script = await fetch(`${docsUrl}/__reload.js`);
    expect(await script.text()).toContain("new EventSource('/__reload')");
    // The files the page shares with the others are served, and its Try it console offers this mock.
    for (const [, asset] of html.matchAll(/(?:src|href)="(assets\/[^"]+)"/g)) {
      const response = await fetch(`${docsUrl}/${asset}`);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('cache-control'), asset).toContain('immutable');
    }
    expect(html).toMatch(/<script defer src="assets\/try-it\.[0-9a-f]+\.js"><\/script>/);
    expect(await (await fetch(`${docsUrl}/try-it-config.js`)).text()).toContain(`{"servers":[{"url":"${mockUrl}","sandbox":false}]}`);
    expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' https://admin.vps.org ${mockUrl}`);
    expect(await listedNames(mockUrl)).toEqual(['web-server-01', 'db-server-01']);
    // It is Prism with the spec's rules, as `pnpm mock` serves it: no token, no answer.
    expect((await fetch(`${mockUrl}/servers/`)).status).toBe(401);
    // ...behind the same front: bad input gets an Error body that names what was wrong.
    const bad = await fetch(`${mockUrl}/servers/?status=deleted`, auth);
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.code).toBe('invalid_request');
    expect(body.details.map((d) => d.field)).toEqual(['status']);
  });

  it('builds the locale pages after "ready"', async () => {
    await dev.waitFor(/✔ docs fr \d/);
    const page = await fetch(`${docsUrl}/fr/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script src="/__reload.js"></script>');
  });

  it('regenerates, rebuilds, reloads the page and restarts the mock after a save', async () => {
    const from = dev.mark();
    const reloadsBefore = reloads.events.filter((e) => e === 'reload').length;
    await writeEditedSpec(spec, renameFirstServer('web-server-renamed'));
    await dev.waitFor(/^ready in /m, { from });
    const lines = dev.output.slice(from);
    expect(lines).toMatch(/^— \S*servers\.yaml changed\n✔ lint \d/);
    for (const stepLine of [/^✔ lint \d/m, /^✔ types \d/m, /^✔ docs \d/m, /^✔ mock restarted \d/m]) expect(lines).toMatch(stepLine);

    expect(await readFile(join(out, 'schema.ts'), 'utf8')).toMatch(/nickname\?: string/);
    // The Python SDK follows the same save: the new property is a field of its model.
    expect(await readFile(join(pythonOut, 'types.py'), 'utf8')).toContain('    nickname: str | None = None\n    """A short name for the server (web-server-renamed)."""');
    expect(await (await fetch(`${docsUrl}/`)).text()).toContain('web-server-renamed');
    expect(await listedNames(mockUrl)).toEqual(['web-server-renamed', 'db-server-01']);
    await expect.poll(() => reloads.events.filter((e) => e === 'reload').length).toBeGreaterThan(reloadsBefore);
  });

  it('shows the English the save added and no locale translates as a warning, and keeps serving the locale pages', async () => {
    // The save above added a `nickname` field whose description no translation file has.
    await dev.waitFor(/^! translations incomplete/m);
    const warning = dev.output.slice(dev.output.search(/^! translations incomplete/m));
    expect(warning).toMatch(/fr: 1 missing: schemas\.\S+\.properties\.nickname\.description/);
    const page = await fetch(`${docsUrl}/fr/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('web-server-renamed');
  });

  it('the mock answers every request while it restarts, on new and on kept-alive connections', async () => {
    const failures = [];
    let answered = 0;
    let hammering = true;
    const hammer = async (agent) => {
      while (hammering) {
        const status = await new Promise((resolveStatus) => {
          const request = http.get(`${mockUrl}/servers/12345/`, { ...auth, agent }, (res) => {
            res.resume();
            res.on('end', () => resolveStatus(res.statusCode));
          });
          request.on('error', (error) => resolveStatus(error.code ?? error.message));
        });
        if (status === 200) answered++;
        else failures.push(status);
      }
    };
    const keptAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const hammers = [hammer(false), hammer(false), hammer(keptAlive)];
    try {
      for (const name of ['web-server-busy-1', 'web-server-busy-2', 'web-server-renamed']) {
        const from = dev.mark();
        await writeEditedSpec(spec, renameFirstServer(name));
        await dev.waitFor(/^✔ mock restarted /m, { from });
        // The previous save's trailing cycle can print the first "ready" after this save: wait for
        // the cycle that serves this one (the next tests take its generated code as the last good).
        expect(await readyServing(dev, mockUrl, from, [name, 'db-server-01'])).toEqual([name, 'db-server-01']);
      }
    } finally {
      hammering = false;
      await Promise.all(hammers);
      keptAlive.destroy();
    }
    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(30);
  });

  it('keeps the last good mock and generated code when the YAML does not parse', async () => {
    const before = await readFile(join(out, 'schema.ts'), 'utf8');
    const from = dev.mark();
    await writeFile(spec, `${await readFile(spec, 'utf8')}\ninfo: [unclosed\n`);
    const [problems] = await dev.waitFor(/✖ lint failed[\s\S]*?✖ not updated[^\n]*/, { from });
    expect(problems).toMatch(/servers\.yaml:\d+:\d+ +error yaml:/);
    expect(await listedNames(mockUrl)).toEqual(['web-server-renamed', 'db-server-01']);
    expect(await readFile(join(out, 'schema.ts'), 'utf8')).toBe(before);
    expect((await fetch(`${docsUrl}/`)).status).toBe(200);
    await expect.poll(() => reloads.events.includes('problems')).toBe(true);
    // A page opened (or reloaded) while the spec is broken shows the problems too.
    const late = listenForReloads(docsUrl);
    await expect.poll(() => late.events).toEqual(['connected', 'problems']);
    late.close();
  });

  it('keeps the last good mock and generated code when the spec fails lint, with file:line', async () => {
    const before = await readFile(join(out, 'schema.ts'), 'utf8');
    const from = dev.mark();
    await writeEditedSpec(spec, (doc) => {
      renameFirstServer('web-server-unlinted')(doc);
      doc.setIn(['paths', '/servers/', 'get', 'description'], 'Retrieve a list of all servers without a final period');
    });
    const [problems] = await dev.waitFor(/✖ lint failed[\s\S]*?✖ not updated[^\n]*/, { from });
    expect(problems).toMatch(/servers\.yaml:\d+:\d+ +error rule\/operation-description-sentence: Operation descriptions are full sentences/);
    expect(dev.output.slice(from)).not.toMatch(/✔ types|✔ mock restarted/);
    expect(await listedNames(mockUrl)).toEqual(['web-server-renamed', 'db-server-01']);
    expect(await readFile(join(out, 'schema.ts'), 'utf8')).toBe(before);
  });

  it('recovers on the next good save', async () => {
    const from = dev.mark();
    await writeEditedSpec(spec, renameFirstServer('web-server-fixed'));
    expect(await readyServing(dev, mockUrl, from, ['web-server-fixed', 'db-server-01'])).toEqual(['web-server-fixed', 'db-server-01']);
    expect(await readFile(join(out, 'schema.ts'), 'utf8')).toMatch(/A short name for the server \(web-server-fixed\)/);
    // The problems are gone: a page opened now gets none.
    const fresh = listenForReloads(docsUrl);
    await expect.poll(() => fresh.events).toEqual(['connected']);
    await new Promise((r) => setTimeout(r, 200));
    expect(fresh.events).toEqual(['connected']);
    fresh.close();
  });

  it('follows an editor that saves by renaming a temporary file over the spec', async () => {
    const from = dev.mark();
    const temp = join(tmp.dir, '.servers.yaml.swp');
    await writeEditedSpec(temp, renameFirstServer('web-server-renamed-on-save'));
    const { rename } = await import('node:fs/promises');
    await rename(temp, spec);
    expect(await readyServing(dev, mockUrl, from, ['web-server-renamed-on-save', 'db-server-01'])).toEqual(['web-server-renamed-on-save', 'db-server-01']);
  });

  it('stops every child process on Ctrl-C (SIGINT) and frees both ports', async () => {
    const children = descendantsOf(dev.child.pid);
    expect(children.length).toBeGreaterThan(0); // at least the Prism host
    dev.child.kill('SIGINT');
    const { code } = await dev.exited;
    expect(code).toBe(0);
    await expect.poll(() => children.filter(isAlive), { timeout: 5000 }).toEqual([]);
    await expect(fetch(`${mockUrl}/servers/`, auth)).rejects.toThrow();
    await expect(fetch(`${docsUrl}/`)).rejects.toThrow();
  });
});

describe('pnpm start: bad input', () => {
  it('says which port is busy and exits 1', async () => {
    const blocker = net.createServer();
    await new Promise((r) => blocker.listen(0, '127.0.0.1', r));
    const { port } = blocker.address();
    try {
      const ownTmp = await makeTempDir('dev-busy-port-');
      try {
        const dev = startDev(['--once', '--docs-port', String(port), '--mock-port', '0', '--out', '/nonexistent-never-written'], {
          env: { TMPDIR: ownTmp.dir },
        });
        const { code } = await dev.exited;
        expect(code).toBe(1);
        expect(dev.output).toContain(`Port ${port} on 127.0.0.1 is already in use, so the docs server cannot start there.`);
        expect(dev.output).toContain('--docs-port');
        // An orderly exit: no crash from the Prism host it was booting, its work folder removed.
        expect(dev.output).not.toMatch(/Prism host|at file:|Error:/);
        expect(await readdir(ownTmp.dir)).toEqual([]);
      } finally {
        await ownTmp.remove();
      }
    } finally {
      blocker.close();
    }
  });

  it('takes its options after a `--` too (`pnpm start -- --help`)', async () => {
    const help = startDev(['--', '--help']);
    expect((await help.exited).code).toBe(0);
    expect(help.output).toMatch(/^Usage: pnpm start /);
  });

  it('--once with a spec that fails lint: exit 1, problems with file:line, nothing generated', async () => {
    const tmp = await makeTempDir('dev-once-test-');
    try {
      const spec = await writeEditedSpec(join(tmp.dir, 'servers.yaml'), (doc) => {
        doc.deleteIn(['paths', '/servers/{server_id}/', 'delete', 'responses', '204']);
      });
      const out = join(tmp.dir, 'generated');
      const dev = startDev(['--once', '--spec', spec, '--out', out, '--docs-port', '0', '--mock-port', '0', '--locales', '']);
      expect((await dev.exited).code).toBe(1);
      expect(dev.output).toMatch(/servers\.yaml:\d+:\d+ +error rule\/delete-returns-204: A DELETE operation must declare 204 No Content\./);
      expect(dev.output).not.toMatch(/✔ types/);
      expect(existsSync(out)).toBe(false);
    } finally {
      await tmp.remove();
    }
  });

  it('rejects a bad port number and a missing spec with a clear message', async () => {
    const badPort = startDev(['--mock-port', 'http']);
    expect((await badPort.exited).code).toBe(2);
    expect(badPort.output).toContain("--mock-port must be a port number from 0 to 65535, got 'http'.");
    const missing = startDev(['--once', '--spec', '/nonexistent/servers.yaml', '--docs-port', '0', '--mock-port', '0']);
    expect((await missing.exited).code).toBe(1);
    expect(missing.output).toContain('The spec /nonexistent/servers.yaml does not exist or cannot be read.');
  });
});

describe('pnpm start, as a user runs it', () => {
  // npm_execpath: the pnpm running this test suite (turbo and `pnpm test` set it).
  const pnpm = process.env.npm_execpath;
  it.skipIf(!pnpm || !/pnpm/.test(pnpm))('Ctrl-C in the terminal (SIGINT to the whole process group) ends it with exit 0 and no pnpm error', async () => {
    const tmp = await makeTempDir('dev-pnpm-start-');
    try {
      const spec = await writeEditedSpec(join(tmp.dir, 'servers.yaml'));
      const child = spawn(
        process.execPath,
        [pnpm, 'start', '--', '--spec', spec, '--out', join(tmp.dir, 'generated'), '--docs-port', '0', '--mock-port', '0', '--locales', ''],
        { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
      await expect.poll(() => output, { timeout: 90_000, interval: 100 }).toMatch(/^ready in /m);
      process.kill(-child.pid, 'SIGINT'); // what a terminal does: every process of the group gets it
      const { code } = await exited;
      expect(output).toContain('stopping…');
      expect(output).not.toMatch(/ELIFECYCLE|Stopping anyway/);
      expect(code).toBe(0);
      // ...and nothing of its process group (pnpm, node, Prism, redocly) is left.
      await expect.poll(() => groupAlive(child.pid), { timeout: 5000 }).toBe(false);
    } finally {
      await tmp.remove();
    }
  }, 120_000);
});
