import ExcelJS from 'exceljs'
import { neutraliseFormula } from '@linesight/viz'
import { readJson } from '../http/body.js'
import { HttpError } from '../http/errors.js'
import { SECURITY_HEADERS } from '../http/respond.js'
import { STREAMED, type Router } from '../http/router.js'
import { isRecord } from '../http/validate.js'

const MAX_ROWS = 200_000

/**
 * Tables as XLSX, written on the server with exceljs (the browser sends what it shows). Text cells that a
 * spreadsheet would run as a formula get a leading apostrophe; numbers stay numbers.
 */
export function registerExportRoutes(router: Router): void {
  router.on('POST', '/api/export/xlsx', async ({ req, res }) => {
    const body = await readJson(req, 64 * 1024 * 1024)
    if (!isRecord(body)) throw new HttpError(400, 'expected { title, columns, rows }')
    const { title, columns, rows } = body
    if (typeof title !== 'string' || title.length > 200) throw new HttpError(400, 'expected a title', 'title')
    if (
      !Array.isArray(columns) ||
      columns.length === 0 ||
      columns.length > 500 ||
      !columns.every((c) => typeof c === 'string')
    )
      throw new HttpError(400, 'expected a list of column labels', 'columns')
    if (!Array.isArray(rows) || rows.length > MAX_ROWS)
      throw new HttpError(400, `expected at most ${MAX_ROWS} rows`, 'rows')
    const workbook = new ExcelJS.Workbook()
    workbook.creator = 'Linesight'
    const sheet = workbook.addWorksheet(title.replace(/[\\/*?:[\]]/g, ' ').slice(0, 31) || 'Sheet1')
    sheet.addRow((columns as string[]).map(neutraliseFormula)).font = { bold: true }
    sheet.views = [{ state: 'frozen', ySplit: 1 }]
    for (const [i, row] of rows.entries()) {
      if (!Array.isArray(row) || row.length > columns.length)
        throw new HttpError(400, 'each row is a list of cells', `rows[${i}]`)
      sheet.addRow(
        row.map((v: unknown) =>
          typeof v === 'number' && Number.isFinite(v)
            ? v
            : v === null || v === undefined
              ? null
              : neutraliseFormula(String(v)),
        ),
      )
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
    const safe = title.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80) || 'table'
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${safe}.xlsx"`,
      'Content-Length': buffer.length,
      'Cache-Control': 'no-store',
    })
    res.end(buffer)
    return STREAMED
  })
}
