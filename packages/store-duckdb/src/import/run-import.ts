import { listValue, type DuckDBConnection } from '@duckdb/node-api'
import { NUMBERING_PLANS, normalisePhone } from '@linesight/identifiers'
import type { ImportPlan, RejectRecord } from '@linesight/model'
import type { ImportOutcome, ImportProgress } from '@linesight/store'
import { fewValuesList } from '../sql/few-values.js'
import { ident, literal, literalOrNull } from '../sql/quote.js'
import type { CompiledPlan } from './compiled-plan.js'
import { MAX_LINE_BYTES, readCsvSql } from './read-csv.js'

const RAW_RECORD_LIMIT = 10_000

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

/** A plan read, normalised and checked into temporary tables, waiting to be written by `writeImport`. */
export interface PreparedImport {
  readonly fileId: string
  /** SQL literal of the sheet, or NULL. */
  readonly sheet: string
  readonly table: CompiledPlan['table']
  /** The INSERT of the good rows, duplicate flags included. */
  readonly insertSql: string
  /** Every rejected row (checks and parse failures), in the `rejects` table's columns. */
  readonly rejectsTable: string
  /** For events: the duplicate key of every good row (`id`, `source_row`, `event_key`) and the repeats found. */
  readonly keysTable: string | null
  readonly dupsTable: string | null
  readonly read: number
  readonly tempTables: readonly string[]
}

/**
 * Flags repeats of an earlier event before anything is written: only keys seen twice in this source, in an earlier
 * plan of the same import or already in the case are ranked. The first delivery (earlier source, else earlier row)
 * stays unflagged; nothing is deleted.
 */
async function findDuplicates(
  c: DuckDBConnection,
  keys: string,
  prior: string,
  dups: string,
  fileId: string,
  sheet: string,
  earlier: readonly PreparedImport[],
): Promise<void> {
  const thisSource = `e.source_file_id = ${literal(fileId)} AND e.source_sheet IS NOT DISTINCT FROM ${sheet}`
  const earlierFirsts = earlier
    .filter((p) => p.keysTable !== null && p.dupsTable !== null)
    .map(
      (
        p,
      ) => `UNION ALL SELECT e.event_key, e.id FROM ${p.keysTable} e SEMI JOIN ${keys} k ON k.event_key = e.event_key
        ANTI JOIN ${p.dupsTable} d ON d.dup_row = e.source_row`,
    )
  // A repeat has the same target (the key holds it): with few targets, a filter on them lets the scan skip the
  // keys of the rest of the case (a file of one target in a case of millions of records: 290 ms → 14 ms).
  const targets = await fewValuesList(
    c,
    `SELECT DISTINCT target_msisdn FROM ${keys} WHERE target_msisdn IS NOT NULL`,
  )
  const nullTargets = await count(c, `SELECT count(*) FROM ${keys} WHERE target_msisdn IS NULL`)
  const targetFilter = targets !== null && nullTargets === 0 ? `AND e.target_msisdn IN (${targets})` : ''
  await c.run(`CREATE OR REPLACE TEMP TABLE ${prior} AS
    SELECT event_key, min(id) AS first_id FROM (
      SELECT e.event_key, e.id FROM events e SEMI JOIN ${keys} k ON k.event_key = e.event_key
      WHERE NOT (${thisSource}) AND e.duplicate_of IS NULL ${targetFilter}
      ${earlierFirsts.join('\n      ')})
    GROUP BY event_key`)
  await c.run(`CREATE OR REPLACE TEMP TABLE ${dups} AS
    SELECT source_row AS dup_row, first_id FROM (
      SELECT k.source_row, coalesce(p.first_id, first_value(k.id) OVER w) AS first_id, p.first_id IS NOT NULL AS prior,
        row_number() OVER w AS rank
      FROM ${keys} k
      SEMI JOIN (SELECT event_key FROM ${keys} GROUP BY event_key HAVING count(*) > 1 UNION SELECT event_key FROM ${prior}) r
        ON r.event_key = k.event_key
      LEFT JOIN ${prior} p ON p.event_key = k.event_key
      WINDOW w AS (PARTITION BY k.event_key ORDER BY k.source_row))
    WHERE prior OR rank > 1`)
}

/**
 * One plan to prepare: `slot` keeps the temporary names of several plans apart; `earlier` are the plans of the same
 * import before this one, whose rows count as prior deliveries.
 */
export interface PrepareRequest {
  readonly plan: ImportPlan
  readonly compiled: CompiledPlan
  readonly fileId: string
  readonly slot: number
  readonly earlier: readonly PreparedImport[]
  readonly onProgress?: ((p: ImportProgress) => void) | undefined
}

/**
 * Reads one plan into temporary tables, outside the import's transaction (the engine scans tables created inside
 * a transaction more slowly, and the case is not touched here): stage the text, convert local times through a
 * per-minute zone table, normalise numbers and cells once per distinct value, find the duplicates, and keep every
 * other row as a reject with its reason.
 */
export async function prepareImport(c: DuckDBConnection, request: PrepareRequest): Promise<PreparedImport> {
  const tempTables: string[] = []
  try {
    return await withJoinsAsWritten(c, () => prepareTables(c, request, tempTables))
  } catch (e) {
    for (const t of tempTables) await c.run(`DROP TABLE IF EXISTS ${t}`)
    throw e
  }
}

/**
 * Runs import statements with each join's build side as written: the stage is always the big side and the lookup
 * tables the small one, but when a lookup reaches a sixth of the stage the engine would hash the whole stage
 * instead (measured on 1 M rows: the insert 3.3 s → 6 s, and a slow commit).
 */
async function withJoinsAsWritten<T>(c: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await c.run(`SET disabled_optimizers = 'build_side_probe_side'`)
  try {
    return await work()
  } finally {
    await c.run('RESET disabled_optimizers')
  }
}

/** `prepareImport`'s work; every temporary table it creates is named in `tempTables` first. */
async function prepareTables(
  c: DuckDBConnection,
  { plan, compiled, fileId, slot, earlier, onProgress }: PrepareRequest,
  tempTables: string[],
): Promise<PreparedImport> {
  const temp = (name: string): string => `__${name}_${slot}`
  const stage = temp('stage')
  const rejTable = `__csv_rejects_${fileId}_${slot}`
  const rejScan = `__csv_scans_${fileId}_${slot}`
  tempTables.push(rejTable, rejScan, stage)
  for (const t of tempTables) await c.run(`DROP TABLE IF EXISTS ${t}`)
  const sheet = literalOrNull(plan.sheet)
  const reason = (part: 'reason' | 'field' | 'rawValue'): string =>
    compiled.checks.length === 0
      ? 'NULL'
      : `CASE ${compiled.checks.map((k) => `WHEN ${k.failWhen} THEN ${part === 'reason' ? k.reason : part === 'field' ? literal(k.field) : k.rawValue}`).join(' ')} END`
  const rawRecord = `concat_ws(${literal(plan.source.delimiter)}, ${plan.source.columns.map((col) => `coalesce(${ident(col)}, '')`).join(', ')})`

  // The records as read, in file order: a plain scan into a table keeps it, and its rowids become the record
  // numbers. The stage's own order is not kept (its value lists are joins), so every row carries its number.
  const raw = temp('raw')
  tempTables.push(raw)
  await withProgress(c, 'reading', onProgress, () =>
    c.run(`CREATE TEMP TABLE ${raw} AS SELECT * FROM ${readCsvSql(plan.source, rejTable, rejScan)}`),
  )
  // Rowids may start at a base (inside a transaction a large one), so subtract it, and fall back to numbering
  // by rowid if they are ever not contiguous.
  const ids =
    (await c.runAndReadAll(`SELECT min(rowid), max(rowid), count(*) FROM ${raw}`)).getRows()[0] ?? []
  const [minId, maxId, readRows] = ids.map((v) => BigInt(String(v ?? 0)))
  const contiguous = readRows === 0n || maxId! - minId! + 1n === readRows
  const ordinal = contiguous ? `rowid - ${minId ?? 0n} + 1` : 'row_number() OVER (ORDER BY rowid)'

  // Three levels: the stage values, the verdict over them, and the raw text only for rejects. A check naming a
  // stage value as an alias of the same level would compute it again (measured: 1.5 s → 1 s on 1 M rows).
  await withProgress(c, 'reading', onProgress, () =>
    c.run(`CREATE TEMP TABLE ${stage} AS
      SELECT __rn, ${compiled.stage.map((s) => s.name).join(', ')}, __reason, __field, __raw_value,
        CASE WHEN __reason IS NOT NULL THEN left(${rawRecord}, ${RAW_RECORD_LIMIT}) END AS __raw_record
      FROM (
        SELECT *, ${reason('reason')} AS __reason, ${reason('field')} AS __field, ${reason('rawValue')} AS __raw_value
        FROM (
          SELECT *, ${ordinal} AS __rn, ${compiled.stage.map((s) => `${s.expr} AS ${s.name}`).join(',\n            ')}
          FROM ${raw}))`),
  )
  await c.run(`DROP TABLE ${raw}`)

  // Parse failures skipped by the reader shift record numbers; map each good record to its true row and line.
  const parseRejects = await count(c, `SELECT count(DISTINCT line) FROM ${rejTable}`)
  const linesBefore = plan.source.linesBeforeData
  let rowExpr = 's.__rn'
  let rowJoin = ''
  if (parseRejects > 0) {
    const rejpos = temp('rejpos')
    tempTables.push(rejpos)
    await c.run(`CREATE OR REPLACE TEMP TABLE ${rejpos} AS
      SELECT good_before, max(j) AS j FROM (
        SELECT line - ${linesBefore} - row_number() OVER (ORDER BY line) AS good_before, row_number() OVER (ORDER BY line) AS j
        FROM (SELECT DISTINCT line FROM ${rejTable})) GROUP BY good_before`)
    rowExpr = 's.__rn + coalesce(rp.j, 0)'
    rowJoin = `ASOF LEFT JOIN ${rejpos} rp ON s.__rn > rp.good_before`
  }

  // Each distinct number is normalised once by libphonenumber and joined back: numbers repeat, parsing is costly.
  const phoneJoins: string[] = []
  const phoneColumns: string[] = []
  if (compiled.phones.length > 0) {
    const texts = temp('phone_texts')
    const phones = temp('phones')
    tempTables.push(texts, phones)
    await c.run(
      `CREATE OR REPLACE TEMP TABLE ${texts} AS ${compiled.phones
        .map((p) => `SELECT DISTINCT ${p.raw} AS raw FROM ${stage} WHERE ${p.raw} IS NOT NULL`)
        .join(' UNION ')}`,
    )
    // Mobile numbers in the country's own plain forms are settled in SQL (same plan data as the normaliser); the
    // rest, whatever their form, go through libphonenumber.
    const fast = mobileFastPath(compiled.numberCountry)
    await c.run(`CREATE OR REPLACE TEMP TABLE ${phones} AS
      SELECT raw, e164, 'e164' AS kind FROM (SELECT raw, ${fast ?? 'NULL::VARCHAR'} AS e164 FROM ${texts}) WHERE e164 IS NOT NULL`)
    const distinct = (
      await c.runAndReadAll(`SELECT raw FROM ${texts} ANTI JOIN ${phones} USING (raw) ORDER BY raw`)
    )
      .getRows()
      .map((r) => String(r[0]))
    for (let i = 0; i < distinct.length; i += 50_000) {
      const batch = distinct.slice(i, i + 50_000)
      const parsed = batch.map((raw) => normalisePhone(raw, compiled.numberCountry))
      await c.run(
        `INSERT INTO ${phones} SELECT unnest($raw::VARCHAR[]), unnest($e164::VARCHAR[]), unnest($kind::VARCHAR[])`,
        {
          raw: listValue(batch),
          e164: listValue(parsed.map((p) => p.e164)),
          kind: listValue(parsed.map((p) => p.kind)),
        },
      )
    }
    compiled.phones.forEach((p, i) => {
      phoneJoins.push(`LEFT JOIN ${phones} p${i} ON p${i}.raw = s.${p.raw}`)
      phoneColumns.push(`p${i}.e164 AS ${p.alias}_e164`, `p${i}.kind AS ${p.alias}_kind`)
    })
  }

  // Values that repeat (cell ids, IMEIs) are parsed once per distinct text by SQL and joined back.
  const lookupJoins: string[] = []
  const lookupColumns: string[] = []
  for (const [i, l] of compiled.lookups.entries()) {
    const outputs = Object.entries(l.outputs)
    const lookup = temp(`lookup_${i}`)
    tempTables.push(lookup)
    await c.run(`CREATE OR REPLACE TEMP TABLE ${lookup} AS
      SELECT raw, ${outputs.map(([name, expr]) => `${expr} AS ${name}`).join(', ')}
      FROM (SELECT DISTINCT ${l.raw} AS raw FROM ${stage} WHERE ${l.raw} IS NOT NULL)`)
    lookupJoins.push(`LEFT JOIN ${lookup} k${i} ON k${i}.raw = s.${l.raw}`)
    lookupColumns.push(...outputs.map(([name]) => `k${i}.${name} AS ${l.alias}_${name}`))
  }

  const tzJoins: string[] = []
  const tzColumns: string[] = []
  const lateChecks = [...compiled.lateChecks]
  for (const [i, t] of compiled.localTimes.entries()) {
    const tz = temp(`tz_${i}`)
    tempTables.push(tz)
    tzJoins.push(`LEFT JOIN ${tz} t${i} ON date_trunc('minute', s.${t.parsed}) = t${i}.m`)
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
    await c.run(`CREATE OR REPLACE TEMP TABLE ${tz} AS
      SELECT m, a, b, ls_utc_to_local(a, ${literal(t.zone)}) = m AS va, ls_utc_to_local(b, ${literal(t.zone)}) = m AS vb
      FROM (SELECT m, ls_local_to_utc_early(m, ${literal(t.zone)}) AS a, ls_local_to_utc_late(m, ${literal(t.zone)}) AS b
            FROM (SELECT DISTINCT date_trunc('minute', ${t.parsed}) AS m FROM ${stage} WHERE ${t.parsed} IS NOT NULL))`)
  }
  const late = (part: 'reason' | 'field' | 'rawValue'): string =>
    lateChecks.length === 0
      ? 'NULL'
      : `CASE ${lateChecks.map((k) => `WHEN coalesce(${k.failWhen}, false) THEN ${part === 'reason' ? k.reason : part === 'field' ? literal(k.field) : k.rawValue}`).join(' ')} END`
  // One joined view of the stage: every stage column plus UTC times, normalised numbers and the late verdict.
  const joined = `(SELECT *, ${late('reason')} AS __late_reason, ${late('field')} AS __late_field, ${late('rawValue')} AS __late_raw FROM (
      SELECT s.*, ${[...tzColumns, ...phoneColumns, ...lookupColumns, `${rowExpr} AS __row`].join(', ')}
      FROM ${stage} s ${rowJoin} ${tzJoins.join(' ')} ${phoneJoins.join(' ')} ${lookupJoins.join(' ')}))`
  const provenance = `${literal(fileId)} || ':' || coalesce(${sheet}, '') || ':' || __row AS id,
    ${literal(fileId)} AS source_file_id, ${sheet} AS source_sheet, __row AS source_row, __row + ${linesBefore} AS source_line`
  const table = compiled.table
  const outputCols = compiled.output.map((o) => o.name)
  const good = `SELECT ${provenance}, ${compiled.output.map((o) => `${o.expr} AS ${o.name}`).join(', ')}
    FROM ${joined} WHERE __reason IS NULL AND __late_reason IS NULL`

  const rejects = temp('rejected')
  tempTables.push(rejects)
  await c.run(`CREATE OR REPLACE TEMP TABLE ${rejects} AS
    SELECT ${literal(fileId)} AS source_file_id, ${sheet} AS source_sheet, __row AS source_row, __row + ${linesBefore} AS source_line,
      coalesce(__field, __late_field) AS field, coalesce(__raw_value, __late_raw) AS raw_value,
      coalesce(__raw_record, '(see source row)') AS raw_record, coalesce(__reason, __late_reason) AS reason
    FROM ${joined} WHERE __reason IS NOT NULL OR __late_reason IS NOT NULL
    UNION ALL
    SELECT ${literal(fileId)}, ${sheet}, line - ${linesBefore}, line, column_name, NULL, left(csv_line, ${RAW_RECORD_LIMIT}),
      CASE error_type
        WHEN 'MISSING COLUMNS' THEN 'too few fields: ' || error_message
        WHEN 'TOO MANY COLUMNS' THEN 'too many fields: ' || error_message
        WHEN 'UNQUOTED VALUE' THEN 'unterminated quote; the record runs on to the end of the file: ' || error_message
        WHEN 'LINE SIZE OVER MAXIMUM' THEN 'line longer than ${MAX_LINE_BYTES} bytes (first ${RAW_RECORD_LIMIT} kept)'
        ELSE lower(error_type) || ': ' || error_message END
    FROM ${rejTable} QUALIFY row_number() OVER (PARTITION BY line ORDER BY column_idx NULLS LAST) = 1`)
  const read = (await count(c, `SELECT count(*) FROM ${stage}`)) + parseRejects

  if (compiled.eventKey === null)
    return {
      fileId,
      sheet,
      table,
      insertSql: `INSERT INTO ${table} (id, source_file_id, source_row, ${outputCols.join(', ')})
        SELECT id, source_file_id, source_row, ${outputCols.join(', ')} FROM (${good})`,
      rejectsTable: rejects,
      keysTable: null,
      dupsTable: null,
      read,
      tempTables,
    }
  const key = `md5(concat_ws('|', ${compiled.eventKey.map((k) => `coalesce(CAST(${k} AS VARCHAR), '')`).join(', ')}))`
  const keys = temp('keys')
  const prior = temp('prior')
  const dups = temp('dups')
  tempTables.push(keys, prior, dups)
  await withProgress(c, 'normalising', onProgress, async () => {
    await c.run(
      `CREATE OR REPLACE TEMP TABLE ${keys} AS SELECT id, source_row, target_msisdn, ${key} AS event_key FROM (${good})`,
    )
    await findDuplicates(c, keys, prior, dups, fileId, sheet, earlier)
  })
  return {
    fileId,
    sheet,
    table,
    insertSql: `INSERT INTO events (id, source_file_id, source_sheet, source_row, source_line, profile_id, profile_version,
        ${outputCols.join(', ')}, event_key, duplicate_of)
      SELECT id, source_file_id, source_sheet, source_row, source_line, ${literal(plan.profile.id)}, ${literal(plan.profile.version)},
        ${outputCols.join(', ')}, ${key}, __dup.first_id
      FROM (${good}) LEFT JOIN ${dups} __dup ON __dup.dup_row = source_row`,
    rejectsTable: rejects,
    keysTable: keys,
    dupsTable: dups,
    read,
    tempTables,
  }
}

/** Writes a prepared plan inside the caller's transaction and accounts for every row it read. */
export async function writeImport(
  c: DuckDBConnection,
  prepared: PreparedImport,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportOutcome> {
  const { fileId, sheet, table, rejectsTable } = prepared
  await withProgress(c, 'normalising', onProgress, async () => {
    // Stored order does not matter (every row carries its source row and analyses order explicitly), so the
    // engine may insert in parallel.
    await c.run('SET preserve_insertion_order = false')
    try {
      await withJoinsAsWritten(c, () => c.run(prepared.insertSql))
    } finally {
      await c.run('SET preserve_insertion_order = true')
    }
  })
  await c.run(`INSERT INTO rejects SELECT * FROM ${rejectsTable}`)

  const rejected = await count(c, `SELECT count(*) FROM ${rejectsTable}`)
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
    await c.runAndReadAll(`SELECT * FROM ${rejectsTable} ORDER BY source_row NULLS LAST, reason LIMIT 20`)
  ).getRowObjectsJson()
  const reasons = (
    await c.runAndReadAll(`SELECT regexp_replace(reason, '"[^"]*"', '"…"', 'g') AS reason, count(*) AS n FROM ${rejectsTable}
      GROUP BY 1 ORDER BY n DESC, reason`)
  ).getRowObjectsJson()

  if (imported + rejected !== prepared.read)
    throw new Error(
      `import accounting failed for ${fileId}: read ${prepared.read}, imported ${imported}, rejected ${rejected}`,
    )
  return {
    read: prepared.read,
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

/** Drops a prepared plan's temporary tables, whether it was written or not. */
export async function dropPrepared(c: DuckDBConnection, prepared: readonly PreparedImport[]): Promise<void> {
  for (const p of prepared) for (const t of p.tempTables) await c.run(`DROP TABLE IF EXISTS ${t}`)
}
