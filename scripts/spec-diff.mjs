#!/usr/bin/env node
// `pnpm spec:diff [base-ref]`: what changed in spec/servers.yaml since a git ref, for SDK users:
// breaking and non-breaking changes and the semver bump the client needs (rated by redocly diff).
// Usage:
//   node scripts/spec-diff.mjs [REF]                 working-tree spec vs the spec at REF
//                                                    (default: merge base with main on a branch, else HEAD~1)
//   node scripts/spec-diff.mjs --base FILE --head FILE
//   --fail-on-breaking   exit 1 when there is a breaking change (default: always exit 0)
//   --json               print the summary as JSON
//   --changeset          write .changeset/spec-<base>.md for the change (see lib/release/spec-changeset.mjs);
//                        default REF then: the merge base with main on a branch, the last release on main
//   --force              with --changeset: replace an existing spec changeset for the same base
// Exit codes: 0 report printed, 1 breaking changes with --fail-on-breaking, 2 bad input.
import { mkdtemp, readFile, rm, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { repoRoot, specPath } from './lib/paths.mjs';
import { readFileAtRef, resolveBaseRef, UserFacingError } from './lib/spec-diff/git-spec.mjs';
import { formatSummary, runRedoclyDiff, summarizeDiff } from './lib/spec-diff/spec-diff-report.mjs';
import { writeSpecChangeset } from './lib/release/spec-changeset.mjs';

const USAGE = 'Usage: pnpm spec:diff [base-ref] | --base FILE --head FILE [--fail-on-breaking] [--json] | --changeset [ref] [--force]';

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        base: { type: 'string' },
        head: { type: 'string' },
        'fail-on-breaking': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        changeset: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UserFacingError(`${error.message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UserFacingError(`Expected at most one git ref, got: ${positionals.join(' ')}`);
  if (positionals.length === 1 && (values.base || values.head)) {
    throw new UserFacingError('Give either a git ref or --base FILE --head FILE, not both.');
  }
  if (values.changeset) {
    if (values.base || values.head || values.json || values['fail-on-breaking']) {
      throw new UserFacingError(`--changeset takes only an optional git ref (and --force).\n${USAGE}`);
    }
    return (await writeSpecChangeset(repoRoot, { ref: positionals[0], force: values.force })).exitCode;
  }
  if (values.force) throw new UserFacingError(`--force goes with --changeset.\n${USAGE}`);

  const cleanup = [];
  try {
    let baseFile;
    let headFile;
    let labels;
    let title;
    if (values.base || values.head) {
      if (!values.base || !values.head) throw new UserFacingError('--base FILE and --head FILE go together.');
      baseFile = resolve(values.base);
      headFile = resolve(values.head);
      for (const file of [baseFile, headFile]) {
        await access(file).catch(() => {
          throw new UserFacingError(`No such file: ${file}`);
        });
      }
      labels = { base: relative(process.cwd(), baseFile), revision: relative(process.cwd(), headFile) };
      title = `Spec changes: ${labels.base} → ${labels.revision}`;
    } else {
      const specRel = relative(repoRoot, specPath);
      const base = await resolveBaseRef(repoRoot, positionals[0]);
      const dir = await mkdtemp(join(tmpdir(), 'spec-diff-base-'));
      cleanup.push(() => rm(dir, { recursive: true, force: true }));
      baseFile = join(dir, 'servers.yaml');
      await writeFile(baseFile, await readFileAtRef(repoRoot, base.commit, specRel));
      headFile = specPath;
      labels = { base: `${specRel}@${base.commit.slice(0, 7)}`, revision: specRel };
      title = `Spec changes: ${specRel} at ${base.ref} (${base.why}, ${base.commit.slice(0, 7)}) → working tree`;
    }

    const report = await runRedoclyDiff(baseFile, headFile);
    const [baseDoc, revisionDoc] = await Promise.all([baseFile, headFile].map(async (f) => parseYaml(await readFile(f, 'utf8'))));
    const summary = summarizeDiff(report, labels, { base: baseDoc, revision: revisionDoc });
    const clientVersion = JSON.parse(await readFile(resolve(repoRoot, 'packages/client/package.json'), 'utf8')).version;
    if (values.json) {
      console.log(JSON.stringify({ title, clientVersion, ...summary }, null, 2));
    } else {
      console.log(formatSummary(summary, { title, clientVersion }));
      console.log('\nRated by `redocly diff` (experimental) with its diff-recommended rules (scripts/lib/spec-diff/redocly-diff.yaml).');
    }
    return values['fail-on-breaking'] && summary.breaking.length > 0 ? 1 : 0;
  } finally {
    for (const fn of cleanup) await fn();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof UserFacingError ? error.message : `spec:diff failed: ${error?.stack ?? error}`);
  process.exitCode = 2;
}
