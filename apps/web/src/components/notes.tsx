import type { ReactNode } from 'react'

export function ErrorNote(props: {
  readonly error: Error | string | null
  readonly title?: string
}): ReactNode {
  if (props.error === null) return null
  const message = typeof props.error === 'string' ? props.error : props.error.message
  const path =
    typeof props.error === 'object' && 'path' in props.error
      ? (props.error as { path?: string }).path
      : undefined
  return (
    <div className="note error" role="alert">
      {props.title === undefined ? null : <strong>{props.title}: </strong>}
      {message}
      {path === undefined ? null : <span className="path"> (at {path})</span>}
    </div>
  )
}

export function Loading(props: { readonly what: string }): ReactNode {
  return (
    <div className="note loading" role="status" aria-live="polite">
      Loading {props.what} …
    </div>
  )
}

export function Note(props: { readonly children: ReactNode; readonly kind?: 'info' | 'warn' }): ReactNode {
  return <div className={`note ${props.kind ?? 'info'}`}>{props.children}</div>
}
