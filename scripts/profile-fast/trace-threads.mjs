// Reads a Chromium trace (JSON, as `npm run bench:export -- --trace DIR` writes it) and prints,
// per thread, how busy it was over the traced export: wall time inside trace events (the union of
// their spans), thread CPU time of its top-level events where the trace has it, the busiest event
// names, and a timeline of busy fractions per 500 ms slice — to see which stages overlap and where
// a thread waits. Usage: node scripts/profile-fast/trace-threads.mjs FILE [--top N] [--slice MS].
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const file = argv[0];
const TOP = Number(argv[argv.indexOf('--top') + 1]) || 12;
const SLICE = Number(argv[argv.indexOf('--slice') + 1]) || 500;
if (!file) {
  console.error('usage: trace-threads.mjs FILE [--top N] [--slice MS]');
  process.exit(1);
}
const raw = JSON.parse(readFileSync(file, 'utf8'));
const events = Array.isArray(raw) ? raw : raw.traceEvents;

const threadNames = new Map();
const processNames = new Map();
for (const e of events) {
  if (e.ph !== 'M') continue;
  if (e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name);
  if (e.name === 'process_name') processNames.set(e.pid, e.args?.name);
  if (e.name === 'process_labels' && !processNames.has(e.pid))
    processNames.set(e.pid, e.args?.labels);
}

/** Complete spans per thread: [start, end, name, threadCpu|null] in µs. */
const spans = new Map();
const open = new Map();
let t0 = Infinity;
let t1 = -Infinity;
for (const e of events) {
  if (typeof e.ts !== 'number' || e.ph === 'M') continue;
  const key = `${e.pid}:${e.tid}`;
  if (!spans.has(key)) spans.set(key, []);
  if (e.ph === 'X') {
    spans.get(key).push([e.ts, e.ts + (e.dur ?? 0), e.name, e.tdur ?? null]);
  } else if (e.ph === 'B') {
    if (!open.has(key)) open.set(key, []);
    open.get(key).push(e);
  } else if (e.ph === 'E') {
    const b = open.get(key)?.pop();
    if (b) spans.get(key).push([b.ts, e.ts, b.name, e.tts && b.tts ? e.tts - b.tts : null]);
  }
  if (e.ph === 'X' || e.ph === 'B' || e.ph === 'E' || e.ph === 'I' || e.ph === 'i') {
    t0 = Math.min(t0, e.ts);
    t1 = Math.max(t1, e.ts + (e.dur ?? 0));
  }
}
const total = t1 - t0;
const ms = (us) => (us / 1000).toFixed(0);

const rows = [];
for (const [key, list] of spans) {
  if (!list.length) continue;
  list.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  // Top-level spans (not inside another span of the same thread); their union is the busy time.
  const top = [];
  let end = -Infinity;
  for (const s of list) {
    if (s[0] >= end) {
      top.push(s);
      end = s[1];
    } else if (s[1] > end) {
      // overlapping but not nested (async-ish): extend
      top.push([end, s[1], s[2], null]);
      end = s[1];
    }
  }
  const busy = top.reduce((t, s) => t + (s[1] - s[0]), 0);
  const cpu = top.reduce((t, s) => t + (s[3] ?? 0), 0);
  const slices = new Array(Math.ceil(total / (SLICE * 1000)) || 1).fill(0);
  for (const [a, b] of top) {
    for (let x = a; x < b;) {
      const i = Math.floor((x - t0) / (SLICE * 1000));
      const sliceEnd = t0 + (i + 1) * SLICE * 1000;
      const upTo = Math.min(b, sliceEnd);
      if (slices[i] !== undefined) slices[i] += upTo - x;
      x = upTo;
    }
  }
  // Self time per event name (time in the span minus its direct children).
  const self = new Map();
  const stack = [];
  const credit = (s) => self.set(s[2], (self.get(s[2]) ?? 0) + s.self);
  for (const s0 of list) {
    const s = [...s0];
    s.self = s[1] - s[0];
    while (stack.length && stack.at(-1)[1] <= s[0]) credit(stack.pop());
    if (stack.length) stack.at(-1).self -= Math.min(s[1], stack.at(-1)[1]) - s[0];
    stack.push(s);
  }
  while (stack.length) credit(stack.pop());
  // Gaps between top-level spans.
  const gaps = [];
  for (let i = 1; i < top.length; i++) gaps.push(top[i][0] - top[i - 1][1]);
  const [pid] = key.split(':');
  rows.push({
    key,
    name: `${processNames.get(Number(pid)) ?? pid}/${threadNames.get(key) ?? key}`,
    busy,
    cpu,
    slices,
    self: [...self].sort((a, b) => b[1] - a[1]).slice(0, 6),
    gaps: gaps.filter((g) => g > 20_000).length,
    gapMs: gaps.filter((g) => g > 20_000).reduce((t, g) => t + g, 0),
  });
}
rows.sort((a, b) => b.busy - a.busy);
console.log(
  `trace window ${ms(total)} ms; threads by busy time (wall inside events; cpu = thread time of top-level events)`,
);
for (const r of rows.slice(0, TOP)) {
  console.log(
    `${r.name.padEnd(48)} busy ${ms(r.busy).padStart(5)} ms (${((r.busy / total) * 100).toFixed(0).padStart(3)}%)` +
      ` cpu ${ms(r.cpu).padStart(5)} ms; gaps >20 ms: ${r.gaps} (${ms(r.gapMs)} ms)`,
  );
  console.log(
    `    per ${SLICE} ms: ${r.slices.map((v) => ((v / (SLICE * 1000)) * 100).toFixed(0).padStart(3)).join(' ')}`,
  );
  console.log(`    self: ${r.self.map(([n, t]) => `${n} ${ms(t)}`).join(', ')}`);
}
