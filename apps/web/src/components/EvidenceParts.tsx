import type { ReactNode } from 'react'
import type { EvidenceResponse } from '../api/types.js'

/**
 * The count check of each part of a figure's evidence (a pair's records of each side and the copies seen in both, a
 * signal's filters): what the figure counts against what the case holds now, and the rows shown of all the parts.
 */
export function EvidenceParts(props: { readonly answer: EvidenceResponse }): ReactNode {
  const a = props.answer
  const n = (x: number): string => x.toLocaleString('en-GB')
  return (
    <div className="evidence-parts">
      <table data-testid="evidence-parts">
        <caption className="sr-only">Evidence parts and their count checks</caption>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col" className="num">
              Figure counts
            </th>
            <th scope="col" className="num">
              Case holds
            </th>
            <th scope="col">Check</th>
          </tr>
        </thead>
        <tbody>
          {a.parts.map((p) => (
            <tr key={p.path} className={p.matches ? '' : 'mismatch'}>
              <td>{p.path}</td>
              <td className="num">{n(p.count)}</td>
              <td className="num">{n(p.held)}</td>
              <td>{p.matches ? '✓ matches' : '✗ differs'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p
        className="muted"
        data-testid="evidence-summary"
        data-rows={a.rows.length}
        data-rows-held={a.rowsHeld}
      >
        {a.truncated
          ? `Showing the first ${n(a.rows.length)} of ${n(a.rowsHeld)} source rows (each once, in time order).`
          : `${n(a.rowsHeld)} source rows, each once, in time order; the Parts column names the parts that hold each.`}
      </p>
    </div>
  )
}
