import { listValue, type DuckDBConnection } from '@duckdb/node-api'
import { NUMBERING_PLANS, normalisePhone } from '@linesight/identifiers'
import type { ImportPlan, RejectRecord } from '@linesight/model'
import type { ImportOutcome, ImportProgress } from '@linesight/store'
import { ident, literal, literalOrNull } from '../sql/quote.js'
import type { CompiledPlan } from './compiled-plan.js'
import { MAX_LINE_BYTES, readCsvSql } from './read-csv.js'

const RAW_RECORD_LIMIT = 10_000

/** LINESIGHT_SQL_TRACE=1 prints each import statement's time to stderr, for finding a slow step. */
const traced = (c: DuckDBConnection): DuckDBConnection => {
  if (process.env['LINESIGHT_SQL_TRACE'] !== '1') return c
  return new Proxy(c, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown
      if ((prop !== 'run' && prop !== 'runAndReadAll') || typeof value !== 'function')
        return typeof value === 'function' ? value.bind(target) : value
      return async (sql: string, ...rest: unknown[]) => {
        const t = Date.now()
        const r = await (value as (...a: unknown[]) => Promise<unknown>).call(target, sql, ...rest)
        process.stderr.write(`[sql ${Date.now() - t} ms] ${sql.replace(/\s+/g, ' ').slice(0, 160)}\n`)
        return r
      }
    },
  })
}

const count = async (c: DuckDBConnection, sql: string): Promise<number> =>
  Number((await c.runAndReadAll(sql)).getRows()[0]?.[0] ?? 0)

/** Polls the engine's own progress while a long statement runs. */
async function withProgress<T>(
  c: DuckDBConnection,
  phase: ImportProgress['phase'],
  onProgress: ((p: ImportProgress) => void) | undefined,
  work: () => Promise<T>,
): Promise<T> {
  if (onProgress === undefined) return work()
  const timer = setInterval(() => {
    const p = c.progress
    onProgress({ phase, rows: Number(p.rows_processed), percent: p.percentage })
  }, 250)
  try {
    return await work()
  } finally {
    clearInterval(timer)
  }
}

/**
 * SQL giving E.164 for a number written in one of the country's own plain mobile forms (national with trunk
 * prefix, calling code with or without + or 00), or NULL; built from the same numbering plan the normaliser uses.
 */
function mobileFastPath(country: string): string | null {
  const plan = NUMBERING_PLANS.find((p) => p.country === country)
  if (plan?.mobilePattern === undefined) return null
  const cleaned = `regexp_replace(replace(raw, '(0)', ''), '[-\\s.()/]', '', 'g')`
  const prefixes = [
    `\\+${plan.callingCode}`,
    `${plan.internationalPrefix}${plan.callingCode}`,
    plan.callingCode,
    plan.trunkPrefix,
  ]
    .filter((x) => x !== '')
    .join('|')
  const nsn = `regexp_extract(${cleaned}, '^(?:${prefixes})(${plan.mobilePattern})$', 1)`
  const fictional =
    plan.fictionalPattern === undefined ? 'false' : `regexp_full_match(${nsn}, '${plan.fictionalPattern}')`
  return `CASE WHEN ${nsn} <> '' AND NOT ${fictional} THEN '+${plan.callingCode}' || ${nsn} END`
}

/**
 * Flags repeats of an earlier event: on a narrow table of keys, only keys seen twice in this source or already in
 * the case are ranked, and only the repeats are updated. The first delivery (earlier source, else earlier row)
 * stays unflagged; nothing is deleted.
 */
async function flagDuplicates(c: DuckDBConnection, fileId: string, sheet: string): Promise<void> {
  const thisSource = `source_file_id = ${literal(fileId)} AND source_sheet IS NOT DISTINCT FROM ${sheet}`
  await c.run(
    `CREATE OR REPLACE TEMP TABLE __keys AS SELECT id, event_key, source_row FROM events WHERE ${thisSource}`,
  )
  await c.run(`CREATE OR REPLACE TEMP TABLE __prior AS
    SELECT e.event_key, min(e.id) AS first_id FROM events e SEMI JOIN __keys k ON k.event_key = e.event_key
    WHERE NOT (${thisSource.replaceAll('source_', 'e.source_')}) AND e.duplicate_of IS NULL GROUP BY e.event_key`)
  await c.run(`CREATE OR REPLACE TEMP TABLE __dups AS
    SELECT id, first_id FROM (
      SELECT k.id, coalesce(p.first_id, first_value(k.id) OVER w) AS first_id, p.first_id IS NOT NULL AS prior,
        row_number() OVER w AS rank
      FROM __keys k
      SEMI JOIN (SELECT event_key FROM __keys GROUP BY event_key HAVING count(*) > 1 UNION SELECT event_key FROM __prior) r
        ON r.event_key = k.event_key
      LEFT JOIN __prior p ON p.event_key = k.event_key
      WINDOW w AS (PARTITION BY k.event_key ORDER BY k.source_row))
    WHERE prior OR rank > 1`)
  await c.run('UPDATE events SET duplicate_of = d.first_id FROM __dups d WHERE events.id = d.id')
  for (const t of ['__keys', '__prior', '__dups']) await c.run(`DROP TABLE IF EXISTS ${t}`)
}

/**
 * Runs a compiled plan inside the caller's transaction: stage the text, convert local times through a per-minute
 * zone table, insert the good rows with duplicate flags, and keep every other row as a reject with its reason.
 */
export async function runImport(
  raw: DuckDBConnection,
  plan: ImportPlan,
  compiled: CompiledPlan,
  fileId: string,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportOutcome> {
  const c = traced(raw)
  const rejTable = `__csv_rejects_${fileId}`
  const rejScan = `__csv_scans_${fileId}`
  const sheet = literalOrNull(plan.sheet)
  const reason = (part: 'reason' | 'field' | 'rawValue'): string =>
    compiled.checks.length === 0
      ? 'NULL'
      : `CASE ${compiled.checks.map((k) => `WHEN ${k.failWhen} THEN ${part === 'reason' ? k.reason : part === 'field' ? literal(k.field) : k.rawValue}`).join(' ')} END`
  const rawRecord = `concat_ws(${literal(plan.source.delimiter)}, ${plan.source.columns.map((col) => `coalesce(${ident(col)}, '')`).join(', ')})`

  await c.run('DROP TABLE IF EXISTS __stage')
  // One pass: stage values, then the verdict (later aliases read earlier ones), and the raw text only for rejects.
  await withProgress(c, 'reading', onProgress, () =>
    c.run(`CREATE TEMP TABLE __stage AS
      SELECT ${compiled.stage.map((s) => `${s.expr} AS ${s.name}`).join(',\n        ')},
        ${reason('reason')} AS __reason, ${reason('field')} AS __field, ${reason('rawValue')} AS __raw_value,
        CASE WHEN __reason IS NOT NULL THEN left(${rawRecord}, ${RAW_RECORD_LIMIT}) END AS __raw_record
      FROM ${readCsvSql(plan.source, rejTable, rejScan)}`),
  )

  // Parse failures skipped by the reader shift record numbers; map each good record to its true row and line.
  const parseRejects = await count(c, `SELECT count(DISTINCT line) FROM ${rejTable}`)
  const linesBefore = plan.source.linesBeforeData
  // Rows keep file order in the stage; inside a transaction their rowids start at a large base, so subtract it,
  // and fall back to numbering by rowid if they are ever not contiguous.
  const ids =
    (await c.runAndReadAll('SELECT min(rowid), max(rowid), count(*) FROM __stage')).getRows()[0] ?? []
  const [minId, maxId, stagedRows] = ids.map((v) => BigInt(String(v ?? 0)))
  const contiguous = stagedRows === 0n || maxId! - minId! + 1n === stagedRows
  const ordinal = contiguous ? `rowid - ${minId ?? 0n} + 1` : 'row_number() OVER (ORDER BY rowid)'
  let rowExpr = 's.__rn'
  let rowJoin = ''
  if (parseRejects > 0) {
    await c.run(`CREATE OR REPLACE TEMP TABLE __rejpos AS
      SELECT good_before, max(j) AS j FROM (
        SELECT line - ${linesBefore} - row_number() OVER (ORDER BY line) AS good_before, row_number() OVER (ORDER BY line) AS j
        FROM (SELECT DISTINCT line FROM ${rejTable})) GROUP BY good_before`)
    rowExpr = 's.__rn + coalesce(rp.j, 0)'
    rowJoin = 'ASOF LEFT JOIN __rejpos rp ON s.__rn > rp.good_before'
  }

  // Each distinct number is normalised once by libphonenumber and joined back: numbers repeat, parsing is costly.
  const phoneJoins: string[] = []
  const phoneColumns: string[] = []
  if (compiled.phones.length > 0) {
    await c.run(
      `CREATE OR REPLACE TEMP TABLE __phone_texts AS ${compiled.phones
        .map((p) => `SELECT DISTINCT ${p.raw} AS raw FROM __stage WHERE ${p.raw} IS NOT NULL`)
        .join(' UNION ')}`,
    )
    // Mobile numbers in the country's own plain forms are settled in SQL (same plan data as the normaliser); the
    // rest, whatever their form, go through libphonenumber.
    const fast = mobileFastPath(compiled.numberCountry)
    await c.run(`CREATE OR REPLACE TEMP TABLE __phones AS
      SELECT raw, e164, 'e164' AS kind FROM (SELECT raw, ${fast ?? 'NULL::VARCHAR'} AS e164 FROM __phone_texts) WHERE e164 IS NOT NULL`)
    const distinct = (
      await c.runAndReadAll('SELECT raw FROM __phone_texts ANTI JOIN __phones USING (raw) ORDER BY raw')
    )
      .getRows()
      .map((r) => String(r[0]))
    for (let i = 0; i < distinct.length; i += 50_000) {
      const batch = distinct.slice(i, i + 50_000)
      const parsed = batch.map((raw) => normalisePhone(raw, compiled.numberCountry))
      await c.run(
        'INSERT INTO __phones SELECT unnest($raw::VARCHAR[]), unnest($e164::VARCHAR[]), unnest($kind::VARCHAR[])',
        {
          raw: listValue(batch),
          e164: listValue(parsed.map((p) => p.e164)),
          kind: listValue(parsed.map((p) => p.kind)),
        },
      )
    }
    compiled.phones.forEach((p, i) => {
      phoneJoins.push(`LEFT JOIN __phones p${i} ON p${i}.raw = s.${p.raw}`)
      phoneColumns.push(`p${i}.e164 AS ${p.alias}_e164`, `p${i}.kind AS ${p.alias}_kind`)
    })
  }

  // Values that repeat (cell ids, IMEIs) are parsed once per distinct text by SQL and joined back.
  const lookupJoins: string[] = []
  const lookupColumns: string[] = []
  for (const [i, l] of compiled.lookups.entries()) {
    const outputs = Object.entries(l.outputs)
    await c.run(`CREATE OR REPLACE TEMP TABLE __lookup_${i} AS
      SELECT raw, ${outputs.map(([name, expr]) => `${expr} AS ${name}`).join(', ')}
      FROM (SELECT DISTINCT ${l.raw} AS raw FROM __stage WHERE ${l.raw} IS NOT NULL)`)
    lookupJoins.push(`LEFT JOIN __lookup_${i} k${i} ON k${i}.raw = s.${l.raw}`)
    lookupColumns.push(...outputs.map(([name]) => `k${i}.${name} AS ${l.alias}_${name}`))
  }

  const tzJoins: string[] = []
  const tzColumns: string[] = []
  const lateChecks = [...compiled.lateChecks]
  compiled.localTimes.forEach((t, i) => {
    tzJoins.push(`LEFT JOIN __tz_${i} t${i} ON date_trunc('minute', s.${t.parsed}) = t${i}.m`)
    tzColumns.push(
      `s.${t.parsed} + ((CASE WHEN t${i}.va THEN t${i}.a WHEN t${i}.vb THEN t${i}.b END) - t${i}.m) AS ${t.parsed}_utc`,
      `(t${i}.va AND t${i}.vb AND t${i}.a <> t${i}.b) AS ${t.parsed}_ambiguous`,
      `(s.${t.parsed} IS NOT NULL AND NOT t${i}.va AND NOT t${i}.vb) AS ${t.parsed}_gap`,
    )
    lateChecks.push({
      field: t.field,
      failWhen: `${t.parsed}_gap`,
      reason: `'local time "' || ${t.text} || '" does not exist in ${t.zone} (the clocks went forward)'`,
      rawValue: t.text,
    })
  })
  for (const [i, t] of compiled.localTimes.entries()) {
    await c.run(`CREATE OR REPLACE TEMP TABLE __tz_${i} AS
      SELECT m, a, b, ls_utc_to_local(a, ${literal(t.zone)}) = m AS va, ls_utc_to_local(b, ${literal(t.zone)}) = m AS vb
      FROM (SELECT m, ls_local_to_utc_early(m, ${literal(t.zone)}) AS a, ls_local_to_utc_late(m, ${literal(t.zone)}) AS b
            FROM (SELECT DISTINCT date_trunc('minute', ${t.parsed}) AS m FROM __stage WHERE ${t.parsed} IS NOT NULL))`)
  }
  const late = (part: 'reason' | 'field' | 'rawValue'): string =>
    lateChecks.length === 0
      ? 'NULL'
      : `CASE ${lateChecks.map((k) => `WHEN coalesce(${k.failWhen}, false) THEN ${part === 'reason' ? k.reason : part === 'field' ? literal(k.field) : k.rawValue}`).join(' ')} END`
  // One joined view of the stage: every stage column plus UTC times, normalised numbers and the late verdict.
  const joined = `(SELECT *, ${late('reason')} AS __late_reason, ${late('field')} AS __late_field, ${late('rawValue')} AS __late_raw FROM (
      SELECT s.*, ${[...tzColumns, ...phoneColumns, ...lookupColumns, `${rowExpr} AS __row`].join(', ')}
      FROM (SELECT *, ${ordinal} AS __rn FROM __stage) s ${rowJoin} ${tzJoins.join(' ')} ${phoneJoins.join(' ')} ${lookupJoins.join(' ')}))`
  const provenance = `${literal(fileId)} || ':' || coalesce(${sheet}, '') || ':' || __row AS id,
    ${literal(fileId)} AS source_file_id, ${sheet} AS source_sheet, __row AS source_row, __row + ${linesBefore} AS source_line`
  const table = compiled.table
  const outputCols = compiled.output.map((o) => o.name)
  const good = `SELECT ${provenance}, ${compiled.output.map((o) => `${o.expr} AS ${o.name}`).join(', ')}
    FROM ${joined} WHERE __reason IS NULL AND __late_reason IS NULL`

  await withProgress(c, 'normalising', onProgress, async () => {
    if (compiled.eventKey === null) {
      await c.run(`INSERT INTO ${table} (id, source_file_id, source_row, ${outputCols.join(', ')})
        SELECT id, source_file_id, source_row, ${outputCols.join(', ')} FROM (${good})`)
      return
    }
    const key = `md5(concat_ws('|', ${compiled.eventKey.map((k) => `coalesce(CAST(${k} AS VARCHAR), '')`).join(', ')}))`
    // Stored order does not matter (every row carries its source row and analyses order explicitly), so the
    // engine may insert in parallel.
    await c.run('SET preserve_insertion_order = false')
    await c.run(`INSERT INTO events (id, source_file_id, source_sheet, source_row, source_line, profile_id, profile_version,
        ${outputCols.join(', ')}, event_key, duplicate_of)
      SELECT id, source_file_id, source_sheet, source_row, source_line, ${literal(plan.profile.id)}, ${literal(plan.profile.version)},
        ${outputCols.join(', ')}, ${key}, NULL
      FROM (${good})`)
    await c.run('SET preserve_insertion_order = true')
    await flagDuplicates(c, fileId, sheet)
  })

  await c.run(`INSERT INTO rejects
    SELECT ${literal(fileId)}, ${sheet}, __row, __row + ${linesBefore},
      coalesce(__field, __late_field), coalesce(__raw_value, __late_raw),
      coalesce(__raw_record, '(see source row)'), coalesce(__reason, __late_reason)
    FROM ${joined} WHERE __reason IS NOT NULL OR __late_reason IS NOT NULL`)
  if (parseRejects > 0)
    await c.run(`INSERT INTO rejects
      SELECT ${literal(fileId)}, ${sheet}, line - ${linesBefore}, line, column_name, NULL, left(csv_line, ${RAW_RECORD_LIMIT}),
        CASE error_type
          WHEN 'MISSING COLUMNS' THEN 'too few fields: ' || error_message
          WHEN 'TOO MANY COLUMNS' THEN 'too many fields: ' || error_message
          WHEN 'UNQUOTED VALUE' THEN 'unterminated quote; the record runs on to the end of the file: ' || error_message
          WHEN 'LINE SIZE OVER MAXIMUM' THEN 'line longer than ${MAX_LINE_BYTES} bytes (first ${RAW_RECORD_LIMIT} kept)'
          ELSE lower(error_type) || ': ' || error_message END
      FROM ${rejTable} QUALIFY row_number() OVER (PARTITION BY line ORDER BY column_idx NULLS LAST) = 1`)

  const staged = await count(c, 'SELECT count(*) FROM __stage')
  const rejected = await count(
    c,
    `SELECT count(*) FROM rejects WHERE source_file_id = ${literal(fileId)} AND source_sheet IS NOT DISTINCT FROM ${sheet}`,
  )
  const fileFilter = `source_file_id = ${literal(fileId)}${table === 'events' ? ` AND source_sheet IS NOT DISTINCT FROM ${sheet}` : ''}`
  const imported = await count(c, `SELECT count(*) FROM ${table} WHERE ${fileFilter}`)
  const duplicates =
    table === 'events'
      ? await count(c, `SELECT count(*) FROM events WHERE ${fileFilter} AND duplicate_of IS NOT NULL`)
      : 0
  const ambiguousTimes =
    table === 'events'
      ? await count(c, `SELECT count(*) FROM events WHERE ${fileFilter} AND start_ambiguous`)
      : 0
  const sampleRows = (
    await c.runAndReadAll(`SELECT * FROM rejects WHERE source_file_id = ${literal(fileId)} AND source_sheet IS NOT DISTINCT FROM ${sheet}
      ORDER BY source_row NULLS LAST, reason LIMIT 20`)
  ).getRowObjectsJson()
  const reasons = (
    await c.runAndReadAll(`SELECT regexp_replace(reason, '"[^"]*"', '"…"', 'g') AS reason, count(*) AS n FROM rejects
      WHERE source_file_id = ${literal(fileId)} AND source_sheet IS NOT DISTINCT FROM ${sheet} GROUP BY 1 ORDER BY n DESC, reason`)
  ).getRowObjectsJson()
  for (const t of [
    rejTable,
    rejScan,
    '__stage',
    '__rejpos',
    '__phones',
    ...compiled.localTimes.map((_, i) => `__tz_${i}`),
  ])
    await c.run(`DROP TABLE IF EXISTS ${t}`)

  const read = staged + parseRejects
  if (imported + rejected !== read)
    throw new Error(
      `import accounting failed for ${fileId}: read ${read}, imported ${imported}, rejected ${rejected}`,
    )
  return {
    read,
    imported,
    rejected,
    duplicates,
    ambiguousTimes,
    rejectSample: sampleRows.map((r) => ({
      source_file_id: r['source_file_id'],
      source_sheet: r['source_sheet'],
      source_row: r['source_row'] === null ? null : Number(r['source_row']),
      source_line: r['source_line'] === null ? null : Number(r['source_line']),
      field: r['field'],
      raw_value: r['raw_value'],
      raw_record: r['raw_record'],
      reason: r['reason'],
    })) as unknown as RejectRecord[],
    rejectReasons: reasons.map((r) => ({ reason: String(r['reason']), count: Number(r['n']) })),
  }
}
