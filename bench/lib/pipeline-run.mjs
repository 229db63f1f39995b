// One instrumented run of the whole `practice-graph analyze` pipeline in this process, with the library calls
// the CLI makes (readLog, readRoster, readGroupsFile, analyzeOrganization with DEFAULT_STAGES, writeReport),
// timed per stage. Prints one JSON line: per stage wall seconds, CPU seconds (user + system of the process,
// every thread) and peak RSS (the high-water mark reset before the stage through /proc/self/clear_refs, so
// each stage's peak is its own; read and build run interleaved in one pass and share theirs).
//
//   node bench/lib/pipeline-run.mjs ORG_DIR OUT_DIR [--window 14d] [--seed 1] [--null-samples 200]
//
// ORG_DIR holds what `practice-graph simulate` writes (messages.csv, roster.csv, groups.csv).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  analyzeOrganization,
  createPracticeStage,
  DEFAULT_STAGES,
  readGroupsFile,
  readLog,
  readRoster,
  testCommunitiesAsync,
  testGroups,
  writeReport,
} from '../../dist/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    window: { type: 'string', default: '14d' },
    seed: { type: 'string', default: '1' },
    'null-samples': { type: 'string' },
    report: { type: 'string' },
  },
});
const [dir, out] = positionals;

let hwmResettable = true;
function resetPeak() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    hwmResettable = false;
  }
}
function peakMb() {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {}
  return process.resourceUsage().maxRSS / 1024;
}
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const now = () => performance.now() / 1000;

const stages = {};
function record(name, wall, cpuSeconds, peak) {
  stages[name] = { wall, cpu: cpuSeconds, peakRssMb: peak };
}
async function timed(name, fn) {
  resetPeak();
  const w = now();
  const c = cpu();
  const result = await fn();
  record(name, now() - w, cpu() - c, peakMb());
  return result;
}

const log = readLog(join(dir, 'messages.csv'), { format: 'csv' });
// time spent inside the reader: every batch it yields is timed from the request to its delivery
let readWall = 0;
let readCpu = 0;
let messages = 0;
const batches = log.batches.bind(log);
log.batches = () => {
  const inner = batches()[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() {
      return {
        async next() {
          const w = now();
          const c = cpu();
          const r = await inner.next();
          readWall += now() - w;
          readCpu += cpu() - c;
          if (!r.done) messages += r.value.length;
          return r;
        },
        return: inner.return?.bind(inner),
      };
    },
  };
};

const wrap = (name, stage) => async (ctx) => {
  if (name === 'communities') ingestEnd = { wall: now(), cpu: cpu(), peak: peakMb() };
  const result = await timed(name, () => stage(ctx));
  lastStageEnd = { wall: now(), cpu: cpu() };
  resetPeak();
  return result;
};
let ingestEnd;
let lastStageEnd;
// inside the practice stage: the stage DEFAULT_STAGES makes (the same analysis functions), with testGroups'
// `profile` callback summing wall seconds per phase, for the formal groups and for the detected communities
const phases = {};
let testGroupsCalls = 0;
const practiceStage = createPracticeStage({
  testGroups: (input, groups, options) => {
    const who = testGroupsCalls++ === 0 ? 'formal groups' : 'detected communities';
    return testGroups(input, groups, {
      ...options,
      profile: (phase, ms) => {
        const key = `${who}: ${phase}`;
        phases[key] = (phases[key] ?? 0) + ms / 1000;
      },
    });
  },
  testCommunities: async (graph, options) => {
    const w = now();
    const result = await testCommunitiesAsync(graph, options);
    phases['detected communities: q–s test (Louvain on null graphs)'] = now() - w;
    return result;
  },
});
const stageSet = {
  ingestOptions: DEFAULT_STAGES.ingestOptions,
  communities: wrap('communities', DEFAULT_STAGES.communities),
  expertise: wrap('expertise', DEFAULT_STAGES.expertise),
  brokerage: wrap('brokerage', DEFAULT_STAGES.brokerage),
  practice: wrap('practice', practiceStage),
};

const startWall = now();
const startCpu = cpu();
resetPeak();
const roster = await readRoster(join(dir, 'roster.csv'));
const groups = await readGroupsFile(join(dir, 'groups.csv'));
const seed = /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
const { report, graph } = await analyzeOrganization([log], {
  seed,
  window: values.window,
  roster,
  groupBy: ['department'],
  groups,
  groupByChannel: true,
  ...(values['null-samples'] ? { nullSamples: Number(values['null-samples']) } : {}),
  stages: stageSet,
});
const assembled = { wall: now(), cpu: cpu(), peak: peakMb() };
const ingestWall = ingestEnd.wall - startWall;
const ingestCpu = ingestEnd.cpu - startCpu;
record('read', readWall, readCpu, ingestEnd.peak);
record('build', ingestWall - readWall, ingestCpu - readCpu, ingestEnd.peak);
stages.order = ['read', 'build', 'communities', 'expertise', 'brokerage', 'practice', 'report'];
// report: assembling the report (after the last stage) and writing every output file
rmSync(out, { recursive: true, force: true });
const w = now();
const c = cpu();
await writeReport(report, graph, out);
record(
  'report',
  assembled.wall - lastStageEnd.wall + (now() - w),
  assembled.cpu - lastStageEnd.cpu + (cpu() - c),
  Math.max(assembled.peak, peakMb()),
);
// clear_refs resets the process high-water mark too: the run's peak is the largest stage peak
const total = {
  wall: now() - startWall,
  cpu: cpu() - startCpu,
  peakRssMb: Math.max(...Object.values(stages).map((x) => x.peakRssMb ?? 0)),
};
if (values.report) writeFileSync(values.report, `${JSON.stringify(report, null, 2)}\n`);
console.log(
  JSON.stringify({
    messages,
    people: report.input.people,
    ties: report.input.ties,
    groups: report.groups.length,
    stages,
    total,
    practicePhases: phases,
    hwmResettable,
  }),
);
