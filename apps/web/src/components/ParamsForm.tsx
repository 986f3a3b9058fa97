import { useState, type FormEvent, type ReactNode } from 'react'
import type { AnalysisInfo, ParamSpec } from '../api/types.js'

const toText = (v: unknown): string =>
  v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v)

/**
 * A form generated from an analysis's parameter schema: every parameter with its default, unit and meaning.
 * Values go to the server as text and lists; the server validates them against the same schema.
 */
export function ParamsForm(props: {
  readonly analysis: AnalysisInfo
  readonly initial: Readonly<Record<string, unknown>>
  readonly busy: boolean
  readonly onRun: (params: Record<string, unknown>) => void
}): ReactNode {
  const { analysis } = props
  const [values, setValues] = useState<Record<string, string | boolean>>(() =>
    Object.fromEntries(
      Object.entries(analysis.params).map(([k, spec]) => [
        k,
        spec.type === 'boolean'
          ? Boolean(props.initial[k] ?? spec.default)
          : toText(props.initial[k] ?? spec.default),
      ]),
    ),
  )
  const submit = (e: FormEvent): void => {
    e.preventDefault()
    const out: Record<string, unknown> = {}
    for (const [k, spec] of Object.entries(analysis.params)) {
      const v = values[k]
      if (spec.type === 'boolean') out[k] = v === true
      else if (v === '' || v === undefined) continue
      else if (spec.type === 'string-list') out[k] = String(v)
      else out[k] = v
    }
    props.onRun(out)
  }
  return (
    <form className="params-form" onSubmit={submit}>
      {Object.entries(analysis.params).map(([k, spec]) => (
        <Field
          key={k}
          name={k}
          spec={spec}
          value={values[k] ?? ''}
          onChange={(v) => setValues({ ...values, [k]: v })}
        />
      ))}
      <button type="submit" disabled={props.busy}>
        {props.busy ? 'Running …' : `Run ${analysis.title}`}
      </button>
    </form>
  )
}

function Field(props: {
  readonly name: string
  readonly spec: ParamSpec
  readonly value: string | boolean
  readonly onChange: (v: string | boolean) => void
}): ReactNode {
  const { name, spec } = props
  const hint = `${spec.description}${'unit' in spec && spec.unit !== undefined ? ` (${spec.unit})` : ''}`
  if (spec.type === 'boolean')
    return (
      <label className="param" title={hint}>
        <input
          type="checkbox"
          checked={props.value === true}
          onChange={(e) => props.onChange(e.target.checked)}
        />{' '}
        {name}
        <small className="muted">{hint}</small>
      </label>
    )
  if (spec.type === 'enum')
    return (
      <label className="param" title={hint}>
        {name}
        <select value={String(props.value)} onChange={(e) => props.onChange(e.target.value)}>
          {spec.values.map((v) => (
            <option key={v}>{v}</option>
          ))}
        </select>
        <small className="muted">{hint}</small>
      </label>
    )
  return (
    <label className="param" title={hint}>
      {name}
      <input
        type={spec.type === 'integer' || spec.type === 'number' ? 'number' : 'text'}
        step={spec.type === 'integer' ? 1 : 'any'}
        value={String(props.value)}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={spec.type === 'string-list' ? 'comma-separated' : ''}
      />
      <small className="muted">{hint}</small>
    </label>
  )
}
