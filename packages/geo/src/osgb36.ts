import { osgb36ToWgs84, wgs84ToOsgb36, type LatLon } from './helmert.js'
import { gridToOsgb36, osgb36ToGrid, type GridRef } from './national-grid.js'

/**
 * A British National Grid coordinate (OSGB36, EPSG:27700) to WGS84 latitude and longitude: the grid's Transverse
 * Mercator inverted on the Airy 1830 ellipsoid, then Ordnance Survey's standard 7-parameter Helmert transformation
 * (`+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489`).
 *
 * Accuracy is that of the Helmert transformation, about 5 m across Great Britain (worse in the far north and
 * west), which is far inside any cell's serving area. Exhibits needing better would use OSTN15.
 *
 * @example
 * osgbToWgs84(651409.903, 313177.27) // { lat: 52.65798, lon: 1.71605 } (Caister water tower)
 */
export function osgbToWgs84(easting: number, northing: number): LatLon {
  if (!Number.isFinite(easting) || !Number.isFinite(northing)) {
    throw new Error(`National Grid easting and northing must be finite numbers, got ${easting}, ${northing}`)
  }
  return osgb36ToWgs84(gridToOsgb36({ easting, northing }))
}

/**
 * WGS84 latitude and longitude to a British National Grid coordinate, the reverse of {@link osgbToWgs84} (same ~5 m
 * accuracy; a round trip returns to within a centimetre, because the reverse Helmert negates the parameters).
 *
 * @example
 * wgs84ToOsgb(52.65798, 1.71605) // { easting: ≈651409.9, northing: ≈313177.3 }
 */
export function wgs84ToOsgb(lat: number, lon: number): GridRef {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90) {
    throw new Error(`WGS84 latitude and longitude must be finite degrees, got ${lat}, ${lon}`)
  }
  return osgb36ToGrid(wgs84ToOsgb36({ lat, lon }))
}
