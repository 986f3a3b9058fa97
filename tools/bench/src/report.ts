import type { AnalysisTiming } from './analysis-timings.js'
import type { CellDumpBench } from './cell-dumps.js'
import { FIRST_VIEW_GOAL_MS, type FirstViewBench } from './first-view-part.js'
import { EVENTS_SCAN_SQL, type ScanTiming } from './events-scan.js'
import { fmt, fmtMs, table } from './format.js'
import type { AnalysesPart, LinesPart } from './parts.js'

/** Issue 4's goal for the whole drug-lines pipeline on a scale-20 case. */
export const LINES_GOAL_MS = 10_000

const verdict = (met: boolean): string => (met ? 'met' : 'MISSED')
const ratio = (ms: number, scan: ScanTiming): string => `${fmt(ms / scan.medianMs, 1)}×`

export const scanLine = (scan: ScanTiming, what: string): string =>
  `Events scan (${what}): ${fmtMs(scan.medianMs)} ms median over ${fmt(scan.events)} rows — ${EVENTS_SCAN_SQL.replace(/\s+/g, ' ')}`

function timingRow(t: AnalysisTiming, scan: ScanTiming): string[] {
  const goal = `< ${fmt(t.goalMs)}`
  if (t.error !== null) return [t.id, t.shape, t.run, 'error', '', '', goal, 'ERROR (below)']
  const loop = t.mode === 'loop'
  return [
    t.id,
    t.shape,
    t.run,
    fmtMs(t.medianMs),
    ratio(t.medianMs, scan),
    !loop
      ? ''
      : t.runsMs.length < t.planned
        ? `~${fmt(t.totalMs ?? 0)} (${t.runsMs.length} of ${t.planned} timed, max ${fmt(t.maxMs)})`
        : `${fmt(t.totalMs ?? 0)} (max ${fmt(t.maxMs)})`,
    goal,
    loop && t.overGoal > 0 ? `${verdict(t.met)} (${t.overGoal}/${t.runsMs.length} over)` : verdict(t.met),
  ]
}

export function analysesReport(part: AnalysesPart): string {
  const s = part.scenario
  const misses = part.timings.filter((t) => !t.met)
  return [
    '',
    `Analyses: scenario seed ${s.seed}, scale ${s.scale}: ${fmt(s.events)} events (${fmt(s.uniqueEvents)} not duplicates) from ${fmt(s.files)} files`,
    scanLine(part.scan, 'scenario case'),
    'Median of warm runs; "one at a time" rows give the per-number median and the loop total (~: a loop stopped after 60 s, its total estimated as median × numbers). Goals: one number < 300 ms, many numbers or the whole case < 5,000 ms.',
    table([
      ['analysis', 'shape', 'run', 'median ms', '× scan', 'loop total ms', 'goal ms', 'goal'],
      ...part.timings.map((t) => timingRow(t, part.scan)),
    ]),
    ...part.timings.filter((t) => t.error !== null).map((t) => `Error in ${t.id} (${t.run}): ${t.error}`),
    ...(misses.some((t) => t.slowest.length > 0)
      ? ['Slowest queries of each missed goal (last timed run):']
      : []),
    ...misses
      .filter((t) => t.slowest.length > 0)
      .map((t) => `  ${t.id} (${t.run}): ${t.slowest.map((q) => `${q.id} ${fmt(q.ms)} ms`).join(', ')}`),
    misses.length === 0
      ? 'Every analysis met its goal.'
      : `Goal missed by ${misses.length} of ${part.timings.length} measurements: ${misses.map((t) => `${t.id} (${t.run})`).join(', ')}`,
  ].join('\n')
}

export function linesReport(part: LinesPart): string {
  const [first, second] = part.runs
  if (first === undefined) return 'Drug-lines pipeline: no run'
  const warmMs = (step: string): string => {
    const s = second?.steps.find((x) => x.step === step)
    return s === undefined ? '' : fmt(s.ms)
  }
  return [
    '',
    `Drug-lines pipeline (what \`linesight lines\` runs, plus customer base, daily customers, transactions and quantity of every flagged number): ${fmt(first.lines.length)} numbers flagged as deal lines (the scenario has ${fmt(part.truthLineNumbers)})`,
    scanLine(part.scan, 'scenario case'),
    table(
      [
        ['step', 'calls', 'first run ms', '× scan', 'second run ms'],
        ...first.steps.map((s) => [
          s.step,
          s.estimated ? `${fmt(s.timedCalls)} of ${fmt(s.calls)}` : fmt(s.calls),
          `${s.error !== null ? 'failed after ' : s.estimated ? '~' : ''}${fmt(s.ms)}`,
          ratio(s.ms, part.scan),
          warmMs(s.step),
        ]),
        [
          'total',
          '',
          `${first.estimated ? '~' : ''}${fmt(first.totalMs)}`,
          ratio(first.totalMs, part.scan),
          second === undefined ? '' : fmt(second.totalMs),
        ],
      ].map((row) => (second === undefined ? row.slice(0, 4) : row)),
    ),
    ...(first.estimated
      ? [
          '~: a per-line step stopped after 120 s; its time for every flagged number is estimated from the numbers it reached.',
        ]
      : []),
    ...first.steps.filter((s) => s.error !== null).map((s) => `${s.step} failed: ${s.error}`),
    `Goal < ${fmt(LINES_GOAL_MS)} ms for the first run: ${first.failed ? 'MISSED (a step failed)' : verdict(first.totalMs < LINES_GOAL_MS)}`,
  ].join('\n')
}

export function dumpsReport(d: CellDumpBench): string {
  return [
    '',
    `Cell dumps: ${d.dumps} dumps × ${fmt(d.rowsPerDump)} rows = ${fmt(d.events)} events${d.reused ? ' (cached case)' : ''}; import ${fmt(d.importSeconds, 1)} s (${fmt(d.events / d.importSeconds)} rows/s)${d.generateSeconds > 0 ? `, files written in ${fmt(d.generateSeconds, 1)} s` : ''}`,
    scanLine(d.scan, 'cell-dump case'),
    d.error !== null
      ? `common-numbers across ${d.dumps} dumps: FAILED — ${d.error}`
      : `common-numbers across ${d.dumps} dumps: ${fmtMs(d.medianMs)} ms median (${d.runsMs.map((ms) => fmt(ms)).join(', ')}), ${ratio(d.medianMs, d.scan)} the scan; goal < 5,000 ms: ${verdict(d.medianMs < 5000)}`,
    d.error !== null
      ? 'Answer not checked: the analysis gave no answer.'
      : d.problems.length === 0
        ? `Answer exactly right: ${fmt(d.present)} planted numbers present at 2+ dumps, ${fmt(d.contacted)} shared other parties contacted from 2+ dumps, with their dump and event counts`
        : `CHECK FAILED: ${d.problems.join('; ')}`,
  ].join('\n')
}

export function firstViewReport(w: FirstViewBench): string {
  const slowest = [...(w.runs.at(-1)?.requests ?? [])].sort((a, b) => b.ms - a.ms).slice(0, 3)
  return [
    '',
    `Web first view: ${fmt(w.events)}-event case${w.reusedCase ? ' (cached case)' : `, imported in ${fmt(w.importSeconds ?? 0, 1)} s`}`,
    `  median ${fmtMs(w.medianMs)} ms over ${w.runs.length} runs (${w.runs.map((r) => fmtMs(r.firstViewMs)).join(', ')}); goal < ${fmt(FIRST_VIEW_GOAL_MS)} ms: ${w.met ? 'met' : 'MISSED'}`,
    `  slowest requests of the last run: ${slowest.map((q) => `${q.path} ${fmtMs(q.ms)} ms`).join(', ')}`,
  ].join('\n')
}
