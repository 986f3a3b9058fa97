import type { ReactNode } from 'react'
import type { DocumentOption } from './types.js'
import type { LineChoice } from './use-lines.js'

/**
 * One field of a document form, drawn from the option's type as the server lists it. Values stay text; the
 * server reads and checks them exactly as the CLI reads its flags.
 */
export function OptionField(props: {
  readonly option: DocumentOption
  readonly value: string
  readonly onChange: (v: string) => void
  readonly zone: string
  readonly lines: readonly LineChoice[]
  readonly linesLoading: boolean
  readonly invalid: boolean
}): ReactNode {
  const { option, value } = props
  const hint = `${option.description}${option.type === 'bound' ? ` (${props.zone})` : ''}`
  const common = {
    name: option.name,
    value,
    'aria-invalid': props.invalid || undefined,
    'aria-required': option.required || undefined,
  }
  let input: ReactNode
  switch (option.type) {
    case 'number': {
      // A line chosen elsewhere (the board) stays selectable even if the lists do not name it.
      const choices = props.lines.some((l) => l.number === value)
        ? props.lines
        : value === ''
          ? props.lines
          : [{ number: value, label: value }, ...props.lines]
      input = (
        <select {...common} onChange={(e) => props.onChange(e.target.value)}>
          {choices.length === 0 ? (
            <option value="">{props.linesLoading ? 'Loading the lines …' : 'No numbers in this case'}</option>
          ) : null}
          {choices.map((l) => (
            <option key={l.number} value={l.number}>
              {l.label}
            </option>
          ))}
        </select>
      )
      break
    }
    case 'exhibits':
    case 'params':
      input = (
        <textarea
          {...common}
          rows={option.type === 'params' ? 3 : 4}
          placeholder={
            option.type === 'params'
              ? 'one per line, e.g. transactions.callbackWindowMinutes=30'
              : '[{ "ref": "JS/2", "title": "Phone seized", "persons": ["…"], "numbers": ["+44…"] }]'
          }
          onChange={(e) => props.onChange(e.target.value)}
        />
      )
      break
    default:
      input = (
        <input
          {...common}
          type={
            option.type === 'bound' || option.type === 'date'
              ? 'date'
              : option.type === 'metres'
                ? 'number'
                : 'text'
          }
          min={option.type === 'metres' ? 1 : undefined}
          placeholder={
            option.type === 'numbers'
              ? '+447700900123, +447700900456'
              : option.type === 'exhibit-ref'
                ? 'JS/1'
                : option.type === 'zone'
                  ? props.zone
                  : option.type === 'time'
                    ? '2026-01-02T10:00:00Z'
                    : ''
          }
          onChange={(e) => props.onChange(e.target.value)}
        />
      )
  }
  return (
    <label className={`param${props.invalid ? ' invalid' : ''}`} title={hint}>
      {option.label}
      {option.required ? ' *' : ''}
      {input}
      <small className="muted">{hint}</small>
    </label>
  )
}
