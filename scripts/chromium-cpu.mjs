// The CPU of this script's own Chromium, read from /proc (Linux): its processes, and the CPU ticks
// of each of their threads, for the benchmarks' per-thread figures.
import { readFileSync, readdirSync } from 'node:fs';

/**
 * The pids of this benchmark's Chromium: processes descended from this script (Playwright
 * launches the browser as its child) whose command line names Chromium. Other Chromiums on a
 * shared machine are not counted.
 */
export function chromiumPids() {
  const rootPid = process.pid;
  const parent = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      // "pid (comm) state ppid …": comm may hold spaces, so read after the last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = (pid) => {
    for (let p = pid, depth = 0; p > 1 && depth < 64; p = parent.get(p) ?? 0, depth++) {
      if (p === rootPid) return true;
    }
    return false;
  };
  return [...parent.keys()].filter((pid) => {
    if (pid === rootPid || !inTree(pid)) return false;
    try {
      return /chrom/i.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      return false; // it ended meanwhile
    }
  });
}

/**
 * CPU ticks (user + system, 1/100 s) so far of every thread of this benchmark's browser, keyed by
 * pid/tid, with a name "process type: thread name" (several threads may share a name).
 */
export function chromiumThreadTicks() {
  const ticks = new Map();
  for (const pid of chromiumPids()) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const type = /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser';
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks.set(`${pid}/${tid}`, {
          name: `${type}: ${comm}`,
          ticks: Number(f[11]) + Number(f[12]),
        });
      }
    } catch {
      // the process or thread ended meanwhile
    }
  }
  return ticks;
}

/** CPU seconds per thread name between two or more samples of chromiumThreadTicks (latest wins). */
export function cpuByThread(before, samples) {
  const latest = new Map();
  for (const sample of samples) for (const [k, v] of sample) latest.set(k, v);
  const byName = new Map();
  for (const [k, v] of latest) {
    const used = (v.ticks - (before.get(k)?.ticks ?? 0)) / 100;
    if (used > 0) byName.set(v.name, (byName.get(v.name) ?? 0) + used);
  }
  return [...byName].sort((a, b) => b[1] - a[1]);
}
