export { startServer, type RunningServer } from './server.js'
export { optionsFromEnv, defaultWebRoot, DEFAULT_PORT, type ServerOptions } from './config.js'
export { CaseDirectory } from './cases/case-directory.js'
