import { createContext, useContext, useMemo, useReducer, type Dispatch, type ReactNode } from 'react'
import type { EvidenceValue } from '@linesight/viz'

/** What is selected, shared by every view: select in one, highlight in all. */
export interface Focus {
  readonly number: string | null
  readonly eventId: string | null
  readonly cgi: string | null
  /** Which view made the selection (that view does not scroll to it again). */
  readonly source: 'map' | 'chart' | 'timeline' | 'board' | 'table' | null
}

export interface Workspace {
  readonly caseId: string
  readonly zone: string
  /** Numbers on the map, timeline and chart, in order: a number's colour is its position. */
  readonly numbers: readonly string[]
  /** Time filter (UTC ISO bounds, inclusive); null for open. */
  readonly from: string | null
  readonly to: string | null
  readonly focus: Focus
  /** The figure whose rows the evidence drawer shows: its evidence of any shape (one filter, a list, named parts). */
  readonly evidence: { readonly title: string; readonly evidence: EvidenceValue } | null
}

export type Action =
  | { readonly type: 'numbers'; readonly numbers: readonly string[] }
  | { readonly type: 'toggle-number'; readonly number: string }
  | { readonly type: 'window'; readonly from: string | null; readonly to: string | null }
  | { readonly type: 'focus'; readonly focus: Partial<Focus> }
  | { readonly type: 'evidence'; readonly title: string; readonly evidence: EvidenceValue }
  | { readonly type: 'close-evidence' }

export const NO_FOCUS: Focus = { number: null, eventId: null, cgi: null, source: null }
export const MAX_NUMBERS = 8

export function reduce(state: Workspace, action: Action): Workspace {
  switch (action.type) {
    case 'numbers':
      return { ...state, numbers: [...new Set(action.numbers)].slice(0, MAX_NUMBERS) }
    case 'toggle-number':
      return state.numbers.includes(action.number)
        ? { ...state, numbers: state.numbers.filter((n) => n !== action.number) }
        : { ...state, numbers: [...state.numbers, action.number].slice(-MAX_NUMBERS) }
    case 'window':
      return { ...state, from: action.from, to: action.to }
    case 'focus':
      return { ...state, focus: { ...NO_FOCUS, ...action.focus } }
    case 'evidence':
      return { ...state, evidence: { title: action.title, evidence: action.evidence } }
    case 'close-evidence':
      return { ...state, evidence: null }
  }
}

const Context = createContext<{ state: Workspace; dispatch: Dispatch<Action> } | null>(null)

export function WorkspaceProvider(props: {
  readonly caseId: string
  readonly zone: string
  readonly children: ReactNode
}): ReactNode {
  const [state, dispatch] = useReducer(reduce, {
    caseId: props.caseId,
    zone: props.zone,
    numbers: [],
    from: null,
    to: null,
    focus: NO_FOCUS,
    evidence: null,
  })
  const value = useMemo(() => ({ state, dispatch }), [state])
  return <Context.Provider value={value}>{props.children}</Context.Provider>
}

export function useWorkspace(): { state: Workspace; dispatch: Dispatch<Action> } {
  const v = useContext(Context)
  if (v === null) throw new Error('useWorkspace outside a WorkspaceProvider')
  return v
}
