// The sandbox's state on disk (--state-file): read once at start, written after changes. Each
// write goes to a temporary file in the same folder, is flushed, then renamed over the state file,
// so a kill -9 at any moment leaves either the previous complete state or the new one. Writes are
// coalesced: at most one in flight, and one more for whatever changed meanwhile.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The state in `file`, or undefined when there is none yet; throws saying why it cannot be used. */
export function readStateFile(file) {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`The sandbox state file ${file} is not JSON (${/** @type {Error} */ (error).message}); move it away to start afresh.`);
  }
}

/** Write `text` to `file` atomically (temporary file, fsync, rename). */
export function writeAtomically(file, text) {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * save() schedules a write of snapshot() soon (changes within a few ms share one write);
 * flush() writes now if anything is pending.
 * @param {string} file
 * @param {() => unknown} snapshot
 * @param {(error: Error) => void} onError
 */
export function createStateWriter(file, snapshot, onError, delayMs = 5) {
  let timer = null;
  const write = () => {
    timer = null;
    try {
      writeAtomically(file, JSON.stringify(snapshot()));
    } catch (error) {
      onError(/** @type {Error} */ (error));
    }
  };
  return {
    save() {
      timer ??= setTimeout(write, delayMs);
    },
    flush() {
      if (timer) {
        clearTimeout(timer);
        write();
      }
    },
  };
}
