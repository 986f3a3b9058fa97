// The package graph points inward: apps → analysis → store → model. Only store-duckdb imports the engine.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'model-is-the-bottom',
      severity: 'error',
      from: { path: '^packages/model/' },
      to: { path: '^(packages/(?!model/)|apps/|fixtures/)' },
    },
    {
      name: 'engine-only-in-store-duckdb',
      severity: 'error',
      comment: 'Ask the CaseStore port instead.',
      from: { pathNot: '^packages/store-duckdb/' },
      to: { path: '@duckdb/node-api' },
    },
    {
      name: 'store-port-imports-no-engine',
      severity: 'error',
      from: { path: '^packages/store/' },
      to: { path: '^packages/(ingest|analysis|store-duckdb)/|^apps/' },
    },
    {
      name: 'analysis-below-apps',
      severity: 'error',
      from: { path: '^packages/analysis/' },
      to: { path: '^packages/(ingest|store-duckdb)/|^apps/' },
    },
    {
      name: 'ingest-has-no-store',
      severity: 'error',
      from: { path: '^packages/ingest/' },
      to: { path: '^packages/(store|store-duckdb|analysis)/|^apps/' },
    },
    {
      name: 'packages-never-import-apps',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    combinedDependencies: true,
  },
}
