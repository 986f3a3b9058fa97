import { useMemo, useState, type ReactNode } from 'react'
import {
  cellText,
  filterRows,
  evidenceLabel,
  evidenceSummary,
  formatInZone,
  isEvidence,
  isEvidenceValue,
  sortRows,
  toCsv,
  type ColumnModel,
  type EvidenceValue,
  type Row,
} from '@linesight/viz'
import { api } from '../api/client.js'
import { download, safeFileName } from './download.js'
import { ErrorNote } from './notes.js'

const PAGE = 200

/** An evidence button's tooltip: several parts are opened together, with a count check for each. */
const evidenceTitle = (v: EvidenceValue): string =>
  isEvidence(v)
    ? 'Open the source rows behind this figure'
    : `Open the source rows behind this figure: ${evidenceSummary(v)?.parts ?? 0} evidence parts, each checked against its count (a row named by several parts counts in each)`

export interface DataTableProps {
  readonly title: string
  readonly columns: readonly ColumnModel[]
  readonly rows: readonly Row[]
  readonly zone: string
  readonly onEvidence?: (evidence: EvidenceValue, row: Row, column: ColumnModel) => void
  readonly onRow?: (row: Row) => void
  readonly selectedKey?: (row: Row) => boolean
  readonly compact?: boolean
}

/**
 * Any rows as a sortable, filterable table with CSV and XLSX export. Times show in the case's zone with the zone
 * named; an evidence cell (one filter, a list of them or named parts) is a button that opens the rows behind the
 * figure.
 */
export function DataTable(props: DataTableProps): ReactNode {
  const { columns, rows, zone } = props
  const [sort, setSort] = useState<{ key: string; direction: 'asc' | 'desc' } | null>(null)
  const [query, setQuery] = useState('')
  const [page, setPage] = useState(0)
  const [error, setError] = useState<Error | null>(null)
  const fmt = useMemo(() => (iso: string) => formatInZone(iso, zone), [zone])
  const shown = useMemo(() => {
    const filtered = filterRows(rows, columns, query, fmt)
    const column = sort === null ? null : (columns.find((c) => c.key === sort.key) ?? null)
    return sortRows(filtered, column, sort?.direction ?? 'asc')
  }, [rows, columns, query, sort, fmt])
  const pages = Math.max(1, Math.ceil(shown.length / PAGE))
  const current = Math.min(page, pages - 1)
  const slice = shown.slice(current * PAGE, current * PAGE + PAGE)
  const exportable = columns.filter((c) => c.kind !== 'evidence')

  const exportCsv = (): void =>
    download(
      new Blob([toCsv(exportable, shown, fmt)], { type: 'text/csv;charset=utf-8' }),
      `${safeFileName(props.title)}.csv`,
    )
  const exportXlsx = async (): Promise<void> => {
    setError(null)
    try {
      const blob = await api.xlsx(
        props.title,
        exportable.map((c) => c.label),
        shown.map((r) =>
          exportable.map((c) => (typeof r[c.key] === 'number' ? r[c.key] : cellText(r[c.key], c.kind, fmt))),
        ),
      )
      download(blob, `${safeFileName(props.title)}.xlsx`)
    } catch (e) {
      setError(e as Error)
    }
  }

  return (
    <div className={`data-table${props.compact === true ? ' compact' : ''}`}>
      <div className="table-tools">
        <input
          type="search"
          className="table-filter"
          placeholder="Filter (words, or column:value)"
          aria-label={`Filter ${props.title}`}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value)
            setPage(0)
          }}
        />
        <span className="muted">
          {shown.length.toLocaleString('en-GB')} of {rows.length.toLocaleString('en-GB')} rows
        </span>
        <button type="button" onClick={exportCsv}>
          CSV
        </button>
        <button type="button" onClick={() => void exportXlsx()}>
          XLSX
        </button>
        {pages > 1 ? (
          <span className="pager">
            <button
              type="button"
              disabled={current === 0}
              onClick={() => setPage(current - 1)}
              aria-label="Previous page"
            >
              ‹
            </button>
            {current + 1} / {pages}
            <button
              type="button"
              disabled={current >= pages - 1}
              onClick={() => setPage(current + 1)}
              aria-label="Next page"
            >
              ›
            </button>
          </span>
        ) : null}
      </div>
      <ErrorNote error={error} title="Export failed" />
      <div className="table-scroll">
        <table>
          <caption className="sr-only">{props.title}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.key === c.key
                return (
                  <th
                    key={c.key}
                    scope="col"
                    className={c.kind === 'number' || c.kind === 'evidence' ? 'num' : ''}
                    aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button
                      type="button"
                      className="sort"
                      onClick={() =>
                        setSort(
                          active && sort.direction === 'asc'
                            ? { key: c.key, direction: 'desc' }
                            : active
                              ? null
                              : { key: c.key, direction: 'asc' },
                        )
                      }
                    >
                      {c.label}
                      {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                    </button>
                  </th>
                )
              })}
            </tr>
          </thead>
          <tbody>
            {slice.map((r, i) => (
              <tr
                key={i}
                className={props.selectedKey?.(r) === true ? 'selected' : ''}
                onClick={props.onRow === undefined ? undefined : () => props.onRow?.(r)}
              >
                {columns.map((c) => {
                  const v = r[c.key]
                  if (c.kind === 'evidence' && isEvidenceValue(v))
                    return (
                      <td key={c.key} className="num">
                        <button
                          type="button"
                          className="evidence-link"
                          title={evidenceTitle(v)}
                          onClick={(e) => {
                            e.stopPropagation()
                            props.onEvidence?.(v, r, c)
                          }}
                        >
                          {evidenceLabel(v)}
                        </button>
                      </td>
                    )
                  const text = cellText(v, c.kind, fmt)
                  return (
                    <td
                      key={c.key}
                      className={c.kind === 'number' ? 'num' : ''}
                      title={text.length > 80 ? text : undefined}
                    >
                      {text.length > 80 ? `${text.slice(0, 79)}…` : text}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {slice.length === 0 ? (
          <p className="muted empty">No rows{query === '' ? '' : ' match the filter'}.</p>
        ) : null}
      </div>
    </div>
  )
}
