// Test projects (all run by `npm test`):
//   unit         pure shared/ domain code, table tests with legal citations
//   integration  cloud functions + local gateway against the real embedded SQLite store
//   contract     the DocStore/BlobStore/... contract suite, run against every adapter
//   simulate     miniprogram-simulate on the real weapp build output (dist/weapp)
//   e2e          headless Chromium on the H5 build served by the local gateway
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
]
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  // supercluster and its kdbush ship as ES modules only: compiled like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(supercluster|kdbush)/)'],
  moduleNameMapper: {
    '^@shared/(.*)$': '<rootDir>/shared/$1',
    '^@deployment$': '<rootDir>/deployments/jiaozuo/deployment.json',
    '^@deployment-boundaries$': '<rootDir>/deployments/jiaozuo/boundaries.topo.json',
  },
  testEnvironment: 'node',
}
const project = (name, extra = {}) => ({
  ...common,
  displayName: name,
  testMatch: [`<rootDir>/tests/${name}/**/*.test.ts`],
  ...extra,
})

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    project('unit'),
    project('integration'),
    project('contract'),
    project('simulate', { testEnvironment: 'jsdom' }),
    project('e2e', { slowTestThreshold: 30, testEnvironment: '<rootDir>/tests/e2e/environment.ts' }),
  ],
}
