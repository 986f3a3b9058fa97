import { expect, it } from 'vitest'
import { buildLinkGraph, edgeInWindow, pathEdgeIds, shortestPath } from './link-graph.js'

const model = buildLinkGraph({
  targets: ['+441', '+442'],
  contacts: [
    {
      a: '+441',
      b: '+449',
      events: 10,
      seconds: 100,
      firstUtc: '2024-01-01T00:00:00Z',
      lastUtc: '2024-01-05T00:00:00Z',
    },
    {
      a: '+442',
      b: '+449',
      events: 2,
      seconds: 0,
      firstUtc: '2024-02-01T00:00:00Z',
      lastUtc: '2024-02-02T00:00:00Z',
    },
    {
      a: '+449',
      b: '+441',
      events: 1,
      seconds: 0,
      firstUtc: '2023-12-01T00:00:00Z',
      lastUtc: '2023-12-01T00:00:00Z',
    },
  ],
  identities: [{ msisdn: '+441', imsi: '2341', imei: '3531', firstUtc: null, lastUtc: null, records: 5 }],
  roles: new Map([['+441', 'deal-line']]),
})

it('merges both directions of a contact into one edge and chains number, SIM and handset', () => {
  const contact = model.edges.find((e) => e.id === 'contact:+441|+449')!
  expect(contact.weight).toBe(11)
  expect(contact.firstUtc).toBe('2023-12-01T00:00:00Z')
  expect(model.edges.filter((e) => e.kind === 'identity').map((e) => e.id)).toEqual([
    'identity:+441|imsi:2341',
    'identity:imei:3531|imsi:2341',
  ])
  const line = model.nodes.find((n) => n.id === '+441')!
  expect(line.role).toBe('deal-line')
  expect(line.isTarget).toBe(true)
  expect(model.nodes.find((n) => n.id === 'imei:3531')!.label).toBe('Handset 3531')
})

it('finds the shortest path, honours an edge filter and is deterministic', () => {
  const path = shortestPath(model, '+442', 'imei:3531')
  expect(path).toEqual(['+442', '+449', '+441', 'imsi:2341', 'imei:3531'])
  expect([...pathEdgeIds(model, path!)]).toHaveLength(4)
  const jan = (e: (typeof model.edges)[number]): boolean => edgeInWindow(e, '2024-01-10T00:00:00Z', null)
  expect(shortestPath(model, '+442', '+441', jan)).toBeNull()
  expect(buildLinkGraph({ targets: ['+441'], contacts: [], identities: [] }).nodes).toHaveLength(1)
})

it('draws the people subscriber records register numbers to, one node per name and date of birth', () => {
  const g = buildLinkGraph({
    targets: ['+441', '+442'],
    contacts: [],
    identities: [],
    subscribers: [
      {
        msisdn: '+441',
        name: 'Jane  Doe',
        dateOfBirth: '1990-01-02',
        address: null,
        postcode: null,
        records: 1,
      },
      {
        msisdn: '+442',
        name: 'JANE DOE',
        dateOfBirth: '1990-01-02',
        address: null,
        postcode: null,
        records: 2,
      },
      { msisdn: '+442', name: 'Jane Doe', dateOfBirth: null, address: null, postcode: null, records: 1 },
    ],
  })
  const people = g.nodes.filter((n) => n.kind === 'person')
  expect(people.map((n) => n.label)).toEqual(['Subscriber Jane Doe', 'Subscriber Jane  Doe (b. 1990-01-02)'])
  expect(people.every((n) => n.role === 'person')).toBe(true)
  expect(g.edges.filter((e) => e.kind === 'subscriber').map((e) => e.id)).toEqual([
    'subscriber:+441|person:JANE DOE|1990-01-02',
    'subscriber:+442|person:JANE DOE|',
    'subscriber:+442|person:JANE DOE|1990-01-02',
  ])
  // The same registered person links the two numbers.
  expect(shortestPath(g, '+441', '+442')).toEqual(['+441', 'person:JANE DOE|1990-01-02', '+442'])
})
