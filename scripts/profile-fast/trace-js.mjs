// Reads a Chromium trace with V8's sampling profiler in it (`npm run bench:export -- --trace DIR`)
// and prints, per JavaScript thread (the page's main thread, each worker), where its samples
// fell: self time by function (native work that JS calls, such as copyTo or new VideoFrame, is
// counted in the JS function that called it), and total time of the busiest callers.
// Usage: node scripts/profile-fast/trace-js.mjs FILE [--top N] [--min MS].
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const file = argv[0];
const TOP = Number(argv[argv.indexOf('--top') + 1]) || 20;
const MIN = Number(argv[argv.indexOf('--min') + 1]) || 50;
if (!file) {
  console.error('usage: trace-js.mjs FILE [--top N] [--min MS]');
  process.exit(1);
}
const raw = JSON.parse(readFileSync(file, 'utf8'));
const events = Array.isArray(raw) ? raw : raw.traceEvents;

const threadNames = new Map();
for (const e of events)
  if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name);

/** Profiles by id: thread, nodes (id → {name, parent}), and sample (node, µs) pairs. */
const profiles = new Map();
for (const e of events) {
  if (e.name !== 'Profile' && e.name !== 'ProfileChunk') continue;
  const id = `${e.pid}:${e.id}`;
  if (!profiles.has(id))
    profiles.set(id, { thread: `${e.pid}:${e.tid}`, nodes: new Map(), samples: [], deltas: [] });
  const p = profiles.get(id);
  if (e.name === 'Profile') continue;
  const data = e.args?.data ?? {};
  for (const n of data.cpuProfile?.nodes ?? []) {
    const f = n.callFrame ?? {};
    const where = f.url
      ? `${f.url.split('/').pop()}:${(f.lineNumber ?? 0) + 1}:${(f.columnNumber ?? 0) + 1}`
      : '';
    p.nodes.set(n.id, {
      name: `${f.functionName || '(anonymous)'} ${where}`.trim(),
      parent: n.parent,
    });
  }
  p.samples.push(...(data.cpuProfile?.samples ?? []));
  p.deltas.push(...(data.timeDeltas ?? []));
}

const byThread = new Map();
for (const p of profiles.values()) {
  const t = byThread.get(p.thread) ?? { self: new Map(), total: new Map(), ms: 0 };
  byThread.set(p.thread, t);
  // A sample's weight: the time until the next sample (the last one weighs the median delta).
  const deltas = p.deltas.map((d) => Math.max(0, d) / 1000);
  const med = [...deltas].sort((a, b) => a - b)[deltas.length >> 1] ?? 0;
  p.samples.forEach((node, i) => {
    const ms = deltas[i + 1] ?? med;
    const n = p.nodes.get(node);
    if (!n) return;
    if (n.name.startsWith('(idle)')) return;
    t.ms += ms;
    t.self.set(n.name, (t.self.get(n.name) ?? 0) + ms);
    const seen = new Set();
    for (let id = node; id !== undefined; id = p.nodes.get(id)?.parent) {
      const name = p.nodes.get(id)?.name;
      if (!name || seen.has(name)) continue;
      seen.add(name);
      t.total.set(name, (t.total.get(name) ?? 0) + ms);
    }
  });
}

const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP);
for (const [thread, t] of [...byThread].sort((a, b) => b[1].ms - a[1].ms)) {
  if (t.ms < MIN) continue;
  console.log(
    `\n${threadNames.get(thread) ?? thread} (${thread}): ${t.ms.toFixed(0)} ms sampled, not idle`,
  );
  console.log('  self:');
  for (const [name, ms] of top(t.self)) console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${name}`);
  console.log('  total (with callees):');
  for (const [name, ms] of top(t.total))
    console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${name}`);
}
