/**
 * Micro-benchmark of the domain fold: how long evolve() takes per event over realistic histories,
 * and how big the folded states are as JSON (what the read model stores per suggestion).
 * Prints figures only; no assertions (timings are not tests).
 *
 *   npx tsc --ignoreConfig --outDir /tmp/foldbench --rootDir libs/domain/src --module nodenext --target es2022 --types node \
 *     --strict --skipLibCheck --resolveJsonModule --esModuleInterop libs/domain/src/testing/fold-benchmark.ts
 *   NODE_PATH=$PWD/node_modules node /tmp/foldbench/testing/fold-benchmark.js [suggestions=3000] [--no-scheduler] \
 *     [--histories=/tmp/histories.json]
 *
 * With --histories the generated streams are kept in (or, when the file exists, read from) that file,
 * so two builds of the domain are measured on the very same events: to measure another version, copy
 * this file, realistic-histories.ts and seeded-random.ts into its libs/domain/src/testing and compile it the same way.
 * Times are CPU time of this process, best and median of 7 rounds: the machine is shared.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { SuggestionEvent } from '../suggestion/events';
import { evolveSuggestion, initialSuggestionState } from '../suggestion/evolve';
import { Stamped, SuggestionState } from '../suggestion/state';
import { createWorkingCalendar } from '../calendar/create-working-calendar';
import { realisticHistories } from './realistic-histories';

const ANSWERED_AND_RATED = new Set(['rated', 'closed']);

function main(): void {
  const count = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 3000);
  const scheduler = !process.argv.includes('--no-scheduler');
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`);

  const file = process.argv.find((a) => a.startsWith('--histories='))?.slice('--histories='.length);
  const built = Date.now();
  let histories: Stamped<SuggestionEvent>[][];
  let source: string;
  if (file && existsSync(file)) {
    histories = JSON.parse(readFileSync(file, 'utf8')) as Stamped<SuggestionEvent>[][];
    source = `read from ${file}`;
  } else {
    histories = realisticHistories(count, 7, createWorkingCalendar(), { scheduler });
    source = `generated, scheduler ${scheduler ? 'on' : 'off'}`;
    if (file) writeFileSync(file, JSON.stringify(histories));
  }
  const events = histories.reduce((n, h) => n + h.length, 0);
  console.log(
    `histories: ${histories.length} suggestions, ${events} events (${(events / histories.length).toFixed(1)} per suggestion), ` +
      `${source} in ${Date.now() - built} ms`,
  );
  console.log(`event mix: ${eventMix(histories)}`);

  const fold = (history: Stamped<SuggestionEvent>[]): SuggestionState => {
    let state = initialSuggestionState();
    for (const event of history) state = evolveSuggestion(state, event);
    return state;
  };
  // Warm up the JIT, then keep the best of several rounds. CPU time, not wall time: the machine is
  // shared, and time spent waiting for a core is not the fold's.
  for (let i = 0; i < 3; i++) histories.forEach(fold);
  const rounds: number[] = [];
  let states: SuggestionState[] = [];
  for (let round = 0; round < 7; round++) {
    const start = process.cpuUsage();
    states = histories.map(fold);
    const used = process.cpuUsage(start);
    rounds.push(used.user + used.system);
  }
  rounds.sort((a, b) => a - b);
  console.log(
    `fold: ${(rounds[0]! / events).toFixed(2)} µs/event best, ${(rounds[3]! / events).toFixed(2)} µs/event median, CPU time ` +
      `(${Math.round(events / (rounds[0]! / 1e6)).toLocaleString('en')} events/s per core)`,
  );

  const existing = states.filter((s) => s.status !== 'none');
  const typical = existing.filter((s) => ANSWERED_AND_RATED.has(s.status));
  console.log(`state JSON as the read model stores it (no title, no content), UTF-8 bytes on average:`);
  console.log(`  all ${existing.length} states: ${average(existing.map(storedBytes)).toFixed(0)}, max ${Math.max(...existing.map(storedBytes))}`);
  console.log(`  answered and rated (rated|closed), ${typical.length}: ${average(typical.map(storedBytes)).toFixed(0)}`);
  const sole = typical.filter((s) => 'assignment' in s && s.assignment?.mode === 'sole' && s.assignment.units[0]!.answers.length === 1);
  console.log(`  of which sole, answered once, ${sole.length}: ${average(sole.map(storedBytes)).toFixed(0)}`);
  console.log(`  largest fields there (chars): ${largestFields(typical)}`);

  const start = process.cpuUsage();
  for (let round = 0; round < 3; round++) for (const s of existing) JSON.stringify(s);
  const used = process.cpuUsage(start);
  console.log(`JSON.stringify: ${((used.user + used.system) / 3 / existing.length).toFixed(2)} µs/state, CPU time`);
}

function eventMix(histories: Stamped<SuggestionEvent>[][]): string {
  const counts = new Map<string, number>();
  for (const history of histories) for (const e of history) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([type, n]) => `${type} ${n}`).join(', ');
}

function largestFields(states: SuggestionState[]): string {
  const totals = new Map<string, number>();
  for (const state of states) {
    for (const [key, value] of Object.entries(state)) {
      if (key === 'title' || key === 'content') continue;
      totals.set(key, (totals.get(key) ?? 0) + (JSON.stringify(value)?.length ?? 0) + key.length + 4);
    }
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([key, total]) => `${key} ${(total / states.length).toFixed(0)}`)
    .join(', ');
}

function storedBytes(state: SuggestionState): number {
  if (state.status === 'none') return 0;
  const { title: _title, content: _content, ...stored } = state;
  return Buffer.byteLength(JSON.stringify(stored));
}

function average(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

main();
