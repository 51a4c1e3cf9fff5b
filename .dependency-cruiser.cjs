// Imports point inward: core imports nothing of ours; engine imports core only; adapters
// import both; only compose.ts, cli/ and http/ wire adapters together.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core imports nothing else of ours and no I/O modules.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: '^src/core/|^data/[^/]+/[^/]+\\.json$|node_modules|^(node:)?(crypto)$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-no-io',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(node:)?(fs|fs/promises|net|http|https|child_process|sqlite|dgram|tls)$' },
    },
    {
      name: 'engine-uses-core-only',
      comment: 'The engine declares ports; adapters implement them.',
      severity: 'error',
      from: { path: '^src/engine/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/', pathNot: '^src/(core|engine)/' },
    },
    {
      name: 'adapters-do-not-wire-each-other',
      comment: 'Only compose.ts, cli/ and http/ put adapters together.',
      severity: 'error',
      from: { path: '^src/(store|import|cash|inbound|channels|demo)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(cli|http|compose\\.ts)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
