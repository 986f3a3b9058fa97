import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import type { ReportDocument } from '../core/document.js'

const run = promisify(execFile)

/** The stated generation time as documents print it, replaced before comparing. */
export function normaliseTime(text: string, generatedAt: string): string {
  const iso = new Date(generatedAt).toISOString()
  const printed = `${iso.slice(0, 19).replace('T', ' ')} UTC`
  return text.split(printed).join('<GENERATED>').split(iso).join('<GENERATED>')
}

/**
 * A PDF as text for golden comparison: poppler's `pdftotext -layout` per page (trailing spaces trimmed), with the
 * page count and the metadata Linesight sets (pdfinfo), after normalising the generation time.
 */
export async function pdfText(
  pdf: Uint8Array,
  generatedAt: string,
): Promise<{ text: string; pages: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'linesight-pdf-'))
  try {
    const file = join(dir, 'doc.pdf')
    await writeFile(file, pdf)
    const info = (await run('pdfinfo', [file])).stdout
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN)
    const meta = info
      .split('\n')
      .filter((l) => /^(Title|Author|Creator|Producer|Pages|Page size):/.test(l))
      .map((l) => l.replace(/\s+/g, ' ').trim())
    const body = (await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 }))
      .stdout
    const sheets = body.split('\f')
    if (sheets.at(-1)?.trim() === '') sheets.pop()
    const text = sheets
      .map(
        (page, i) =>
          `=== page ${i + 1} ===\n${page
            .replace(/[ \t]+$/gm, '')
            .replace(/\n{3,}/g, '\n\n')
            .trim()}`,
      )
      .join('\n')
    return { text: normaliseTime(`${meta.join('\n')}\n${text}\n`, generatedAt), pages }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** An XLSX read back with exceljs: every sheet, every row, cells tab-separated (numbers marked with #). */
export async function xlsxText(xlsx: Uint8Array, generatedAt: string): Promise<string> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer)
  const out: string[] = []
  wb.eachSheet((ws) => {
    out.push(`=== sheet ${ws.name} ===`)
    ws.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = []
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = row.getCell(c).value
        cells.push(v === null || v === undefined ? '' : typeof v === 'number' ? `#${v}` : String(v))
      }
      out.push(cells.join('\t').replace(/\t+$/, ''))
    })
  })
  return normaliseTime(out.join('\n') + '\n', generatedAt)
}

/** Cells of one sheet as values (for assertions). */
export async function xlsxSheet(xlsx: Uint8Array, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer)
  const ws = wb.getWorksheet(name)
  if (ws === undefined) throw new Error(`no sheet "${name}"`)
  const rows: unknown[][] = []
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: unknown[] = []
    for (let c = 1; c <= ws.columnCount; c++) cells.push(row.getCell(c).value ?? null)
    rows.push(cells)
  })
  return rows
}

/**
 * Compares text with `<dir>/__golden__/<name>`. A mismatch writes `<name minus .txt>-changed.txt` next to it (the
 * golden is left alone) and fails; `LINESIGHT_UPDATE_GOLDEN=1` rewrites the golden instead. A missing golden is
 * written and the comparison fails, so a new golden is always looked at once.
 */
export async function expectGolden(dir: string, name: string, actual: string): Promise<void> {
  const path = join(dir, '__golden__', name)
  const changed = path.replace(/\.txt$/, '-changed.txt')
  await mkdir(dirname(path), { recursive: true })
  if (process.env['LINESIGHT_UPDATE_GOLDEN'] === '1') {
    await writeFile(path, actual)
    await rm(changed, { force: true })
    return
  }
  if (!existsSync(path)) {
    await writeFile(path, actual)
    throw new Error(`golden ${path} did not exist: written now, check it and run again`)
  }
  const expected = await readFile(path, 'utf8')
  if (expected === actual) {
    await rm(changed, { force: true })
    return
  }
  await writeFile(changed, actual)
  const a = expected.split('\n')
  const b = actual.split('\n')
  const line = a.findIndex((l, i) => l !== b[i])
  throw new Error(
    `${name} differs from its golden at line ${line + 1}:\n  golden:  ${a[line] ?? '(end)'}\n  actual:  ${b[line] ?? '(end)'}\nWritten ${changed}; if the change is intended, run with LINESIGHT_UPDATE_GOLDEN=1.`,
  )
}

/** Renders a document and compares its PDF text and XLSX cells with `<name>.pdf.txt` and `<name>.xlsx.txt`. */
export async function expectDocumentGolden(
  dir: string,
  name: string,
  doc: ReportDocument,
): Promise<{
  readonly pdf: Uint8Array
  readonly xlsx: Uint8Array
  readonly text: string
  readonly pages: number
}> {
  const { renderDocument } = await import('../produce.js')
  const { pdf, xlsx } = await renderDocument(doc)
  const { text, pages } = await pdfText(pdf, doc.provenance.generatedAt)
  const cells = await xlsxText(xlsx, doc.provenance.generatedAt)
  const errors: string[] = []
  for (const [file, actual] of [
    [`${name}.pdf.txt`, text],
    [`${name}.xlsx.txt`, cells],
  ] as const)
    await expectGolden(dir, file, actual).catch((e: unknown) =>
      errors.push(e instanceof Error ? e.message : String(e)),
    )
  if (errors.length > 0) throw new Error(errors.join('\n\n'))
  return { pdf, xlsx, text, pages }
}
