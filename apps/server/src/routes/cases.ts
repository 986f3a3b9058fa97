import type { CaseDirectory } from '../cases/case-directory.js'
import { readJson } from '../http/body.js'
import { HttpError } from '../http/errors.js'
import type { Router } from '../http/router.js'
import { caseId, identifierList, integer, isoTime, isRecord, zone } from '../http/validate.js'
import {
  cellsQuery,
  eventsQuery,
  identitiesQuery,
  linksQuery,
  periodQuery,
  rejectsQuery,
  sourcesQuery,
  subscribersQuery,
  targetsQuery,
} from '../queries/case-queries.js'

const MAX_EVENTS = 50_000
const MAX_LINKS = 100_000

/** Cases: list, create, what one holds, and the data the map, timeline and link chart draw. */
export function registerCaseRoutes(router: Router, cases: CaseDirectory): void {
  router.on('GET', '/api/cases', async () => {
    const folders = await cases.list()
    return {
      cases: folders.map((f) => ({
        id: f.manifest.id,
        name: f.manifest.name,
        createdAt: f.manifest.createdAt,
        createdBy: f.manifest.createdBy,
        defaultTimeZone: f.manifest.defaultTimeZone,
        purpose: f.manifest.purpose ?? null,
      })),
    }
  })

  router.on('POST', '/api/cases', async ({ req }) => {
    const body = await readJson(req, 16_384)
    if (!isRecord(body)) throw new HttpError(400, 'expected an object { id, name?, zone?, purpose? }')
    const id = caseId(typeof body['id'] === 'string' ? body['id'] : undefined)
    const text = (k: string): string | undefined => {
      const v = body[k]
      if (v === undefined || v === null || v === '') return undefined
      if (typeof v !== 'string' || v.length > 500)
        throw new HttpError(400, 'expected text of at most 500 characters', k)
      return v
    }
    const name = text('name')
    const purpose = text('purpose')
    const z = body['zone'] === undefined ? undefined : zone(body['zone'], 'zone')
    const folder = await cases.create({
      id,
      ...(name === undefined ? {} : { name }),
      ...(purpose === undefined ? {} : { purpose }),
      ...(z === undefined ? {} : { defaultTimeZone: z }),
    })
    return { case: folder.manifest }
  })

  router.on('GET', '/api/cases/:id', async ({ params }) => {
    const id = caseId(params['id'])
    const session = await cases.session(id)
    const store = session.store
    const [counts, sources, period] = [
      await store.counts(),
      await store.run(sourcesQuery, {}),
      await store.run(periodQuery, {}),
    ]
    return {
      case: { ...session.folder.manifest, root: session.folder.root },
      schemaVersion: await store.schemaVersion(),
      counts,
      period: period[0] ?? null,
      sources,
    }
  })

  router.on('GET', '/api/cases/:id/targets', async ({ params }) => {
    const session = await cases.session(caseId(params['id']))
    return { targets: await session.store.run(targetsQuery, {}) }
  })

  router.on('GET', '/api/cases/:id/rejects', async ({ params, query }) => {
    const session = await cases.session(caseId(params['id']))
    const file = query.get('file')
    if (file !== null && (file.length > 256 || file === ''))
      throw new HttpError(400, 'bad file id or name', 'file')
    const limit = integer(query, 'limit', 1000, 1, 50_000)
    const offset = integer(query, 'offset', 0, 0, 1e12)
    const rows = await session.store.run(rejectsQuery, { file, limit, offset })
    const total = rows.length === 0 ? 0 : Number(rows[0]!['total'])
    return { total, offset, rejects: rows.map(({ total: _, ...r }) => r) }
  })

  router.on('GET', '/api/cases/:id/cells', async ({ params, query }) => {
    const session = await cases.session(caseId(params['id']))
    const all = query.get('all') === '1' || query.get('all') === 'true'
    const limit = integer(query, 'limit', 100_000, 1, 500_000)
    const cells = await session.store.run(cellsQuery, { all, limit })
    return { cells, truncated: cells.length === limit }
  })

  router.on('GET', '/api/cases/:id/events', async ({ params, query }) => {
    const session = await cases.session(caseId(params['id']))
    const numbers = identifierList(query, 'numbers', 50)
    if (numbers.length === 0) throw new HttpError(400, 'name at least one number: ?numbers=+447…', 'numbers')
    const limit = integer(query, 'limit', 20_000, 1, MAX_EVENTS)
    const rows = await session.store.run(eventsQuery, {
      numbers,
      from: isoTime(query, 'from'),
      to: isoTime(query, 'to'),
      limit: limit + 1,
    })
    return { events: rows.slice(0, limit), truncated: rows.length > limit }
  })

  router.on('GET', '/api/cases/:id/links', async ({ params, query }) => {
    const session = await cases.session(caseId(params['id']))
    const numbers = identifierList(query, 'numbers', 500)
    const limit = integer(query, 'limit', 20_000, 1, MAX_LINKS)
    const from = isoTime(query, 'from')
    const to = isoTime(query, 'to')
    const contacts = await session.store.run(linksQuery, { numbers, from, to, limit: limit + 1 })
    const identities = await session.store.run(identitiesQuery, { numbers, limit: 20_000 })
    const shown = contacts.slice(0, limit)
    // People: whoever the drawn numbers are registered to, from the subscriber records.
    const drawn = new Set([...shown.flatMap((c) => [c.a, c.b]), ...identities.flatMap((l) => l.msisdn ?? [])])
    const subscribers = await session.store.run(subscribersQuery, { numbers: [...drawn], limit: 50_000 })
    return { contacts: shown, identities, subscribers, truncated: contacts.length > limit }
  })
}
