// Lint the spec in-process with @redocly/openapi-core and the repository's redocly.yaml: the
// same rules as `pnpm lint` (redocly lint), without paying ~1 s of CLI start-up on every save.
import { getLineColLocation, lintFromString, loadConfig } from '@redocly/openapi-core';
import { relative } from 'node:path';

/**
 * Returns lintSpec(source, file) → { ok, problems: [{ file, line, col, severity, ruleId, message }] }.
 * `source` is the spec text (a snapshot of the file); `file` is where it came from, for file:line.
 */
export async function createSpecLinter({ configPath }) {
  const config = await loadConfig({ configPath });
  return async function lintSpec(source, file) {
    let problems;
    try {
      problems = await lintFromString({ source, absoluteRef: file, config });
    } catch (error) {
      // YAML that does not parse: openapi-core throws with the position.
      return {
        ok: false,
        problems: [
          {
            file,
            line: error.line ?? error.mark?.line,
            col: error.col ?? error.mark?.column,
            severity: 'error',
            ruleId: 'yaml',
            // The parser ends its message with the file and position, which file:line:col already give.
            message: `${error.originalError?.message ?? error.message}`.split('\n')[0].replace(/ (?:in "[^"]*" )?\(\d+:\d+\)$/, ''),
          },
        ],
      };
    }
    const found = problems.map((problem) => {
      const location = problem.location?.[0];
      const position = location ? getLineColLocation(location).start : {};
      return {
        file: location?.source?.absoluteRef ?? file,
        line: position.line,
        col: position.col,
        severity: problem.severity,
        ruleId: problem.ruleId,
        message: problem.message,
      };
    });
    return { ok: !found.some((p) => p.severity === 'error'), problems: found };
  };
}

/** "spec/servers.yaml:52:20 error rule/x  message" lines, paths relative to `root`. */
export function formatProblems(problems, root = process.cwd()) {
  return problems
    .map((p) => {
      const where = [relative(root, p.file) || p.file, p.line, p.col].filter((x) => x !== undefined).join(':');
      return `  ${where}  ${p.severity} ${p.ruleId}: ${p.message}`;
    })
    .join('\n');
}
