#!/usr/bin/env node
/**
 * Summarises a `.cpuprofile` written by `node --cpu-prof`: the functions with the most self time
 * and the most total (inclusive) time, with their file and line. Used to find where a missed
 * target goes (see bench/results.md, "Performance fixes").
 *
 *   node bench/support/profile-summary.mjs <file.cpuprofile> [--top 25] [--filter authkit-rsc/dist]
 */
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--') && !/^\d+$/.test(arg));
if (!file) {
  console.error('usage: profile-summary.mjs <file.cpuprofile> [--top N] [--filter TEXT]');
  process.exit(2);
}
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const top = Number(option('--top', 25));
const filter = option('--filter', undefined);

const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

// Sample counts per node, then time per sample from the deltas.
const hits = new Map();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
const totalMs = (profile.endTime - profile.startTime) / 1000;
const msPerSample = totalMs / profile.samples.length;

const label = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${url.replace(/^file:\/\//, '').replace(/.*node_modules\//, '~/')}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
};

const self = new Map();
const total = new Map();
for (const [id, count] of hits) {
  const node = byId.get(id);
  self.set(label(node), (self.get(label(node)) ?? 0) + count);
  // Inclusive: every distinct frame on the stack gets the sample once.
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const name = label(byId.get(at));
    if (seen.has(name)) continue;
    seen.add(name);
    total.set(name, (total.get(name) ?? 0) + count);
  }
}

const print = (title, map) => {
  console.log(`\n${title}`);
  const rows = [...map].filter(([name]) => !filter || name.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [name, count] of rows) {
    console.log(`${(count * msPerSample).toFixed(0).padStart(7)} ms ${((count / profile.samples.length) * 100).toFixed(1).padStart(5)}%  ${name}`);
  }
};
console.log(`${file}: ${totalMs.toFixed(0)} ms, ${profile.samples.length} samples`);
print('self time', self);
print('total time', total);
