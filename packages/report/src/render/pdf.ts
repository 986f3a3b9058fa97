import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import pdfmake from 'pdfmake'
import type { Block, ReportDocument, ReportTable } from '../core/document.js'
import { utcText } from '../core/time.js'
import { barChartSvg } from './bar-chart.js'
import { wedgeMapSvg } from './wedge-map.js'

type Content = Readonly<Record<string, unknown>>

const ROBOTO = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const

let ready = false

/**
 * pdfmake is one module-wide instance: its fonts go into its virtual file system once (read from the installed
 * package, never fetched), and both access policies refuse everything, so a document can neither fetch a URL nor
 * read a local file. SVG text uses the standard Helvetica, which needs no file at all.
 */
function setUp(): void {
  if (ready) return
  const require = createRequire(import.meta.url)
  const dir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto')
  for (const file of Object.values(ROBOTO))
    pdfmake.virtualfs.writeFileSync(file, readFileSync(join(dir, file)))
  pdfmake.setFonts({
    Roboto: ROBOTO,
    Helvetica: {
      normal: 'Helvetica',
      bold: 'Helvetica-Bold',
      italics: 'Helvetica-Oblique',
      bolditalics: 'Helvetica-BoldOblique',
    },
  })
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy(() => false)
  ready = true
}

const NOTICE = {
  warning: { fill: '#fff1c7', label: 'Warning' },
  refusal: { fill: '#f8d4d4', label: 'Refused' },
  info: { fill: '#e3edf8', label: 'Note' },
} as const

// Built fresh for every render: pdfmake writes layout state into the objects (and arrays) it is given.
function table(t: ReportTable, landscape: boolean): Content[] {
  const title: Content = { text: t.title, style: 'tableTitle' }
  if (t.rows.length === 0) return [title, { text: t.empty, italics: true, margin: [0, 0, 0, 6] }]
  const header = t.columns.map((c) => ({ text: c.header, style: 'th' }))
  const body = t.rows.map((r) =>
    t.columns.map((c, i) => {
      const v = r[i] ?? null
      return {
        text: v === null ? '' : String(v),
        alignment: c.align ?? (typeof v === 'number' ? 'right' : 'left'),
        ...(c.small === true ? { fontSize: 6.2 } : {}),
      }
    }),
  )
  const out: Content[] = [
    title,
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: t.columns.map((c) => c.width),
        body: [header, ...body],
      },
      layout: {
        hLineWidth: (i: number) => (i <= 1 ? 0.7 : 0.25),
        vLineWidth: () => 0,
        hLineColor: () => '#888888',
        paddingLeft: () => 2,
        paddingRight: () => 2,
        paddingTop: () => 1.5,
        paddingBottom: () => 1.5,
      },
      fontSize: landscape ? 7 : 7.5,
      margin: [0, 0, 0, 4],
    },
  ]
  if (t.note !== undefined) out.push({ text: t.note, style: 'note' })
  return out
}

function block(b: Block, landscape: boolean, width: number): Content[] {
  switch (b.kind) {
    case 'heading':
      return [{ text: b.text, style: b.level === 1 ? 'h1' : 'h2' }]
    case 'paragraph':
      return [{ text: b.text, style: b.tone === 'note' ? 'note' : 'p' }]
    case 'notice':
      return [
        {
          table: {
            widths: ['*'],
            body: [
              [
                {
                  text: [{ text: `${NOTICE[b.severity].label}: `, bold: true }, b.text],
                  fillColor: NOTICE[b.severity].fill,
                },
              ],
            ],
          },
          layout: {
            hLineWidth: () => 0.5,
            vLineWidth: () => 0.5,
            hLineColor: () => '#999999',
            vLineColor: () => '#999999',
          },
          margin: [0, 2, 0, 6],
        },
      ]
    case 'facts':
      return [
        {
          table: { widths: [130, '*'], body: b.rows.map(([k, v]) => [{ text: k, bold: true }, { text: v }]) },
          layout: 'noBorders',
          margin: [0, 0, 0, 6],
        },
      ]
    case 'list':
      return [{ ul: [...b.items], style: 'p' }]
    case 'table':
      return table(b.table, landscape)
    case 'map': {
      const out: Content[] = [{ text: b.map.title, style: 'tableTitle' }]
      if (b.map.cells.length > 0)
        out.push({
          svg: wedgeMapSvg(b.map, width, Math.round(width * 0.6)),
          font: 'Helvetica',
          margin: [0, 0, 0, 3],
        })
      else out.push({ text: 'No cell with a network position to draw.', italics: true })
      out.push({
        text: 'Approximate. Each wedge is drawn from the network cell list (mast position, azimuth, beamwidth) with the assumed radius stated; a circle means the list gives no azimuth or beamwidth. A phone using a cell was somewhere in its serving area, which has no hard edge and may reach beyond the drawing. No background map is used.',
        style: 'note',
      })
      if (b.map.excluded.length > 0)
        out.push({
          text: `Not drawn: ${b.map.excluded.map((e) => `${e.cgi} (${e.reason})`).join('; ')}.`,
          style: 'note',
        })
      return out
    }
    case 'chart':
      return [
        { text: b.chart.title, style: 'tableTitle' },
        b.chart.bars.length > 0
          ? { svg: barChartSvg(b.chart, width, 170), font: 'Helvetica', margin: [0, 0, 0, 6] }
          : { text: 'No values to chart.', italics: true },
      ]
    case 'page-break':
      return [{ text: '', pageBreak: 'after' }]
  }
}

/**
 * Renders a framed document to PDF bytes: A4, the exhibit reference and title on every page, "Page x of y", the
 * software version and stated generation time in the footer. Deterministic: the PDF's creation and modification
 * dates are the stated generation time, the producer is the software version, and fonts are embedded from the
 * package, so the same document gives the same bytes.
 */
export async function renderPdf(doc: ReportDocument): Promise<Uint8Array> {
  setUp()
  const landscape = doc.orientation === 'landscape'
  const margins = 36
  const width = (landscape ? 841.89 : 595.28) - 2 * margins
  const p = doc.provenance
  const when = new Date(p.generatedAt)
  const definition = {
    pageSize: 'A4',
    pageOrientation: doc.orientation,
    pageMargins: [margins, 40, margins, 40],
    info: {
      title: `${doc.ref} ${doc.title}`,
      author: p.analyst,
      subject: doc.subtitle,
      creator: 'Linesight',
      producer: p.softwareVersion,
      creationDate: when,
      modDate: when,
    },
    header: (): Content => ({
      columns: [
        { text: `Exhibit ${doc.ref}`, bold: true },
        { text: doc.title, alignment: 'right' },
      ],
      margin: [margins, 18, margins, 0],
      fontSize: 7.5,
      color: '#333333',
    }),
    footer: (page: number, pages: number): Content => ({
      columns: [
        {
          text: `${p.softwareVersion} - generated ${utcText(p.generatedAt)}${p.reviewer === null ? ' - DRAFT, not reviewed' : ` - reviewed by ${p.reviewer}`}`,
        },
        { text: `Page ${page} of ${pages}`, alignment: 'right' },
      ],
      margin: [margins, 12, margins, 0],
      fontSize: 7.5,
      color: '#333333',
    }),
    defaultStyle: { font: 'Roboto', fontSize: 8.5, lineHeight: 1.1 },
    styles: {
      h1: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
      h2: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 3] },
      p: { margin: [0, 0, 0, 5] },
      note: { fontSize: 7.5, italics: true, color: '#333333', margin: [0, 0, 0, 5] },
      tableTitle: { fontSize: 9, bold: true, margin: [0, 6, 0, 3] },
      th: { bold: true },
    },
    content: doc.blocks.flatMap((b) => block(b, landscape, width)),
  }
  const buffer = await pdfmake.createPdf(definition).getBuffer()
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}
