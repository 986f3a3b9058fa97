import type { StyleSpecification } from 'maplibre-gl'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import countriesUrl from 'world-atlas/countries-10m.json?url'
import { layers, namedFlavor } from '@protomaps/basemaps'
import * as maplibregl from 'maplibre-gl'
import { Protocol } from 'pmtiles'
import type { ServerConfig } from '../api/types.js'

/**
 * The basemap, always local: Natural Earth country outlines bundled with the app (world-atlas, coarse: coastlines
 * and borders only), or a PMTiles file the site configured on the server. Never tiles from the internet.
 */
export async function basemapStyle(config: ServerConfig['basemap']): Promise<StyleSpecification> {
  if (config.kind === 'pmtiles') return pmtilesStyle(new URL(config.url, window.location.href).href)
  const topology = (await (await fetch(countriesUrl)).json()) as Topology<{ countries: GeometryCollection }>
  const countries = feature(topology, topology.objects.countries)
  return {
    version: 8,
    name: 'world-atlas (Natural Earth 1:10m, offline)',
    sources: { countries: { type: 'geojson', data: countries } },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#dfe8ef' } },
      { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f6f4ee' } },
      {
        id: 'borders',
        type: 'line',
        source: 'countries',
        paint: { 'line-color': '#9aa3ab', 'line-width': 0.8 },
      },
    ],
  }
}

let protocolAdded = false

function pmtilesStyle(url: string): StyleSpecification {
  if (!protocolAdded) {
    maplibregl.addProtocol('pmtiles', new Protocol().tile)
    protocolAdded = true
  }
  // Labels need glyph files this app does not ship; the basemap is drawn without them.
  const drawn = layers('basemap', namedFlavor('light'), { lang: 'en' }).filter((l) => l.type !== 'symbol')
  return {
    version: 8,
    name: 'local PMTiles basemap',
    sources: { basemap: { type: 'vector', url: `pmtiles://${url}`, attribution: '© OpenStreetMap' } },
    layers: drawn,
  }
}
