import { existsSync } from 'node:fs'
import { delimiter, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface ServerOptions {
  /** Interface to bind; 127.0.0.1 unless set (LINESIGHT_HOST). */
  readonly host?: string
  /** Port; 0 picks a free one (LINESIGHT_PORT, default 4173). */
  readonly port?: number
  /** Folders holding case folders, or case folders themselves (LINESIGHT_CASES, `:`-separated). */
  readonly casesDirs: readonly string[]
  /** The built web app; null serves the API only. Defaults to apps/web/dist beside this package. */
  readonly webRoot?: string | null
  /** A local PMTiles basemap (LINESIGHT_PMTILES); the bundled world-atlas outline is used without one. */
  readonly pmtiles?: string | null
  /** Largest file accepted by an upload, in bytes (LINESIGHT_MAX_UPLOAD_MB, default 4096 MB). */
  readonly maxUploadBytes?: number
  /** Where server problems are written; stderr unless set. */
  readonly log?: (message: string) => void
}

export const DEFAULT_PORT = 4173

/** apps/web/dist, found from this module whether it runs from src (tests) or dist. */
export function defaultWebRoot(): string | null {
  const dir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../web/dist')
  return existsSync(resolve(dir, 'index.html')) ? dir : null
}

/** Options from the environment, overridden by what the caller passes. */
export function optionsFromEnv(env: NodeJS.ProcessEnv, given: Partial<ServerOptions> = {}): ServerOptions {
  const port =
    given.port ?? (env['LINESIGHT_PORT'] === undefined ? DEFAULT_PORT : Number(env['LINESIGHT_PORT']))
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`LINESIGHT_PORT must be a port number from 0 to 65535, not "${env['LINESIGHT_PORT']}"`)
  const cases =
    given.casesDirs ?? (env['LINESIGHT_CASES'] ?? 'cases').split(delimiter).filter((d) => d !== '')
  const mb = env['LINESIGHT_MAX_UPLOAD_MB'] === undefined ? 4096 : Number(env['LINESIGHT_MAX_UPLOAD_MB'])
  if (!(mb > 0)) throw new Error(`LINESIGHT_MAX_UPLOAD_MB must be a positive number of megabytes`)
  return {
    host: given.host ?? env['LINESIGHT_HOST'] ?? '127.0.0.1',
    port,
    casesDirs: cases,
    webRoot: given.webRoot === undefined ? (env['LINESIGHT_WEB_ROOT'] ?? defaultWebRoot()) : given.webRoot,
    pmtiles: given.pmtiles ?? env['LINESIGHT_PMTILES'] ?? null,
    maxUploadBytes: given.maxUploadBytes ?? Math.round(mb * 1024 * 1024),
    ...(given.log === undefined ? {} : { log: given.log }),
  }
}
