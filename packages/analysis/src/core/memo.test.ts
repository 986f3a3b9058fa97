import { describe, expect, it } from 'vitest'
import { canonicalJson, createAnalysisMemo, memoized } from './memo.js'

describe('canonicalJson', () => {
  it('sorts object keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}')
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }))
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]))
  })
})

describe('createAnalysisMemo', () => {
  it('computes a step once for equal inputs, whatever their key order', async () => {
    const memo = createAnalysisMemo()
    let calls = 0
    const compute = async (): Promise<number> => ++calls
    expect(await memo.get('step', { x: 1, y: [1, 2] }, compute)).toBe(1)
    expect(await memo.get('step', { y: [1, 2], x: 1 }, compute)).toBe(1)
    expect(await memo.get('step', { x: 1, y: [2, 1] }, compute)).toBe(2)
    expect(await memo.get('other', { x: 1, y: [1, 2] }, compute)).toBe(3)
    expect(memo.stats()).toEqual({ entries: 3, hits: 1, misses: 3 })
  })

  it('shares a computation still running and forgets one that failed', async () => {
    const memo = createAnalysisMemo()
    let calls = 0
    const slow = async (): Promise<number> => {
      calls++
      await new Promise((r) => setTimeout(r, 10))
      return calls
    }
    const [a, b] = await Promise.all([memo.get('s', {}, slow), memo.get('s', {}, slow)])
    expect([a, b, calls]).toEqual([1, 1, 1])
    await expect(memo.get('f', {}, () => Promise.reject(new Error('no')))).rejects.toThrow('no')
    expect(await memo.get('f', {}, async () => 'second try')).toBe('second try')
  })

  it('computes every time without a memo', async () => {
    let calls = 0
    const compute = async (): Promise<number> => ++calls
    await memoized(undefined, 's', {}, compute)
    await memoized({}, 's', {}, compute)
    expect(calls).toBe(2)
  })
})
