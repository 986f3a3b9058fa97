import manifest from '../package.json' with { type: 'json' }

/** The software version written into every source entry, audit record and exhibit. */
export const SOFTWARE_VERSION = `linesight ${manifest.version}`
