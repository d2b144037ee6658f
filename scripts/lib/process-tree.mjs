// Processes started (directly or not) by a process, read from /proc: what "stop every child"
// and the tests' "nothing left behind" check rely on. On systems without /proc: empty lists.
import { readdirSync, readFileSync } from 'node:fs';

function parentOf(pid) {
  try {
    // /proc/PID/stat: "pid (comm) state ppid ..." — comm may contain spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Every living descendant of `pid` (children, their children, ...). */
export function descendantsOf(pid) {
  let entries;
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return [];
  }
  const children = new Map();
  for (const p of entries) {
    const parent = parentOf(p);
    if (parent === null) continue;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(p);
  }
  const found = [];
  const queue = [pid];
  while (queue.length) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    // A zombie still answers kill(0) until reaped: count it as gone.
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** SIGTERM every descendant of this process, then SIGKILL what is left after `graceMs`. */
export async function stopDescendants(graceMs = 2000) {
  const pids = descendantsOf(process.pid);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {}
  }
  const deadline = Date.now() + graceMs;
  while (pids.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const pid of pids.filter(isAlive)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  }
  return pids;
}
