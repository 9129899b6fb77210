// The shape of the code, checked in `npm test` (`npm run deps`): no import cycles anywhere, and `shared/` built
// in floors — a module imports only from its own floor or the floors below it. From the ground up:
//
//   vocabulary/, time.ts,      words everything speaks: request types, categories, staff posts, units, the zod wrapper;
//   months.ts                  instants and days; months and quarters
//   calendar/, geo/            working days (State Council notices); coordinates, boundaries, cells
//   policy/                    each jurisdiction's rules as cited data (profiles/<id>/: limits, intake values)
//   workflow/ words            the case's words: states, actors, grounds, events and their catalogue
//   deadlines/                 legal clocks from a profile and a case's history
//   workflow/ machine          transitions, guards, the pure transition function
//   routing/                   territory → handling unit
//   deployment/                a jurisdiction: territory + staff + routing table, and its checks
//   intake/                    duplicates, repeats, importance, early warning
//   cases/                     the case document: building a new one, the views each audience may see
//   rewards/                   whistleblower rewards: a report's eligibility, the award, the views of a claim
//   stats/, oversight/         (the floor of rewards/) statistics from case histories (contributions, months,
//                              reports, export tables); the supervisor's desk fields, spot-check samples, receptions
//   analysis/, disclosure/,    figures, charts, the case map and the quarterly report; what is published
//   sharing/                   (monthly figures, typical cases); copies to business sections, judicial referrals
//   contracts/                 the API of every cloud function (top: nothing in shared/ imports it)
//
// shared/ never imports the platform (cloud functions, the mini-program, local mode).
const WORKFLOW_WORDS = 'workflow/(states|actors|events|grounds|catalogue)(\\.ts$|/)'
const FLOORS = [
  ['vocabulary', 'time\\.ts$', 'months\\.ts$'],
  ['calendar', 'geo'],
  ['policy'],
  [WORKFLOW_WORDS],
  ['deadlines'],
  [`(?!${WORKFLOW_WORDS})workflow`],
  ['routing'],
  ['deployment'],
  ['intake'],
  ['cases'],
  ['rewards', 'stats', 'oversight'],
  ['analysis', 'disclosure', 'sharing'],
  ['contracts'],
]

const pathOf = (names) => `^shared/(${names.join('|')})`

/** For each floor: nothing on it may import from any floor above. */
const upwardImports = FLOORS.slice(0, -1).map((floor, i) => ({
  name: `shared-floor-${i + 1}`,
  comment: `shared/${floor.join(', ')} sits on floor ${i + 1}: it may import only from its own floor or below.`,
  severity: 'error',
  from: { path: pathOf(floor) },
  to: { path: pathOf(FLOORS.slice(i + 1).flat()) },
}))

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment:
        'Modules that import each other (directly or through others) cannot be understood one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upwardImports,
    {
      name: 'shared-is-pure',
      comment: 'shared/ is pure domain code: it never reaches into the platform or local mode.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(cloudfunctions|miniprogram|local|scripts|tests)/' },
    },
    {
      name: 'shared-floors-are-known',
      comment:
        'Every module of shared/ sits on a named floor (add a new folder to FLOORS in .dependency-cruiser.cjs).',
      severity: 'error',
      from: { path: '^shared/', pathNot: pathOf(FLOORS.flat()) },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
}
