import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { documentTables, type Cell, type ReportDocument } from '../core/document.js'
import { STANDARD_LIMITATIONS } from '../core/limitations.js'
import { utcText } from '../core/time.js'
import { neutraliseFormula } from './safe-cell.js'
import { fixZipTimestamps } from './zip-timestamps.js'

const safe = (v: Cell): string | number | null => (typeof v === 'string' ? neutraliseFormula(v) : v)

/** Sheet names: at most 31 characters, none of []:*?/\, not Excel's reserved "History", unique in the workbook. */
function sheetNamer(): (name: string) => string {
  const used = new Set<string>()
  return (name) => {
    const clean = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet'
    const base = clean.toLowerCase() === 'history' ? `${clean} (table)` : clean
    let out = base
    for (let n = 2; used.has(out.toLowerCase()); n++) out = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`
    used.add(out.toLowerCase())
    return out
  }
}

const widthOf = (header: string, rows: readonly (readonly Cell[])[], i: number): number => {
  let w = header.length
  for (const r of rows.slice(0, 500)) w = Math.max(w, String(r[i] ?? '').length)
  return Math.min(70, Math.max(8, w + 2))
}

/**
 * Exports every table of a document to XLSX, one sheet each (printed columns first, then the columns kept for the
 * spreadsheet only), after an "About" sheet with the provenance, completeness, refusals and limitations. Every text
 * cell passes through `neutraliseFormula`. Written with exceljs's streaming writer (large schedules stay flat in
 * memory); workbook dates are the stated generation time and ZIP entry times are fixed, so the bytes are
 * deterministic.
 */
export async function renderXlsx(doc: ReportDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  const stream = new PassThrough()
  stream.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve)
    stream.on('error', reject)
  })
  const p = doc.provenance
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false })
  const when = new Date(p.generatedAt)
  wb.creator = p.analyst
  wb.lastModifiedBy = p.analyst
  wb.created = when
  wb.modified = when
  wb.title = `${doc.ref} ${doc.title}`
  const name = sheetNamer()

  const about = wb.addWorksheet(name('About'))
  about.columns = [
    { header: neutraliseFormula('Item'), width: 30 },
    { header: neutraliseFormula('Value'), width: 110 },
  ]
  const facts: [string, string][] = [
    ['Document', doc.title],
    ['Subtitle', doc.subtitle],
    ['Exhibit reference', doc.ref],
    ['Document kind', `${doc.kind} v${doc.kindVersion}`],
    ['Case', p.caseName === null ? p.caseId : `${p.caseId} (${p.caseName})`],
    ['Produced by', p.analyst],
    [
      'Critical-findings check',
      p.reviewer === null ? 'Not yet reviewed (draft)' : `Reviewed by ${p.reviewer}`,
    ],
    ['Generated', utcText(p.generatedAt)],
    ['Local times are given in', p.zone],
    ['Software', p.softwareVersion],
    ['Input digest', p.inputDigest],
    ['Complete', doc.complete ? 'yes' : 'NO: see the notes below'],
    ...doc.missing.map((m): [string, string] => [`Not available: ${m.id}`, `${m.purpose}. ${m.reason}`]),
    ...doc.refusals.map((r): [string, string] => ['Refused', r]),
    ...[...STANDARD_LIMITATIONS, ...doc.limitations].map((l, i): [string, string] => [
      `Limitation ${i + 1}`,
      l,
    ]),
    ...documentTables(doc).flatMap((t): [string, string][] =>
      t.note === undefined ? [] : [[`Note to "${t.title}"`, t.note]],
    ),
  ]
  about.getRow(1).font = { bold: true }
  for (const [k, v] of facts) about.addRow([neutraliseFormula(k), neutraliseFormula(v)]).commit()
  about.commit()

  for (const t of documentTables(doc)) {
    const headers = [...t.columns.map((c) => c.header), ...(t.extraColumns ?? [])]
    const rows = t.rows.map((r, i) => [...r, ...(t.extraRows?.[i] ?? [])])
    const ws = wb.addWorksheet(name(t.sheet), { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = headers.map((h, i) => ({ header: neutraliseFormula(h), width: widthOf(h, rows, i) }))
    ws.getRow(1).font = { bold: true }
    for (const r of rows) ws.addRow(r.map(safe)).commit()
    ws.commit()
  }
  await wb.commit()
  await done
  return fixZipTimestamps(Buffer.concat(chunks))
}
