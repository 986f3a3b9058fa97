/** Shapes of the server's document endpoints (`GET /api/reports`, `POST /api/cases/:id/reports`). */

export type DocumentFormat = 'pdf' | 'xlsx'

export interface DocumentOption {
  readonly name: string
  readonly label: string
  readonly type:
    | 'number'
    | 'numbers'
    | 'bound'
    | 'date'
    | 'text'
    | 'exhibit-ref'
    | 'exhibits'
    | 'params'
    | 'metres'
    | 'zone'
    | 'time'
  readonly description: string
  readonly required: boolean
  readonly advanced: boolean
}

export interface DocumentKindInfo {
  readonly kind: string
  readonly version: string
  readonly title: string
  readonly selection: 'numbers' | 'line' | 'case'
  readonly needs: readonly string[]
  readonly options: readonly DocumentOption[]
}

export interface DocumentKinds {
  readonly formats: readonly DocumentFormat[]
  readonly kinds: readonly DocumentKindInfo[]
}

/** What the server says it produced (the `X-Linesight-Document` header). */
export interface ProducedDocument {
  readonly kind: string
  readonly title: string
  readonly ref: string
  readonly fileName: string
  readonly bytes: number
  readonly sha256: string
  readonly complete: boolean
  readonly missing: readonly { readonly id: string; readonly purpose: string; readonly reason: string }[]
  readonly refusals: readonly string[]
  readonly reviewer: string | null
}
