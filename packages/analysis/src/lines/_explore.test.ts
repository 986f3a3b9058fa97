import { it } from 'vitest'
import { scenarioCase } from '../test/scenario-case.js'

it('explore', async () => {
  const t0 = performance.now()
  const { session, truth } = await scenarioCase(11, 1)
  console.log(
    'took',
    performance.now() - t0,
    (session as unknown as { root?: string }).root,
    Object.keys(session),
  )
  console.log(
    JSON.stringify(
      truth.lines.map((l) => ({ g: l.generations, r: l.runners.map((r) => r.phones) })),
      null,
      1,
    ).slice(0, 3000),
  )
  console.log(JSON.stringify(truth.decoys))
  await session.close()
}, 120_000)
