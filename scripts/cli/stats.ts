// `npm run -s cli -- stats --data-dir <dir> --deployment <id> --month YYYY-MM [--unit <id>] [--format json|xlsx]
// [--out <file>]`: a month's statistics from a local data directory's store, summed from the cases' stored
// contributions by the code the functions use (shared/stats), counted as of today. Prints the monthly report's
// figures (total and by unit, county, category, request type, channel, outcome) as one JSON object; with
// `--format xlsx --out <file>` writes them as a workbook and prints where. Reads only: nothing is written to the
// store. Counts only: no reporter field is read. `complete: false`: cases stored before statistics existed are not
// all counted yet (the timers function's backfill has not been through them).
import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { sumMonth } from '../../cloudfunctions/common/stats/months'
import { BACKFILL_RECORD_ID, type BackfillRecord } from '../../cloudfunctions/common/stats/backfill'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { statNames } from '../../cloudfunctions/common/stats/names'
import { toXlsx } from '../../cloudfunctions/common/stats/exports'
import { unitScopeOf } from '../../cloudfunctions/common/staff-records'
import { buildMonthlyReport, DIMENSIONS, figuresTable, REPORT_BREAKDOWNS } from '../../shared/stats'
import { localDateOf } from '../../shared/time'
import { loadBoundaries, loadDeployment } from '../../local/deployments'
import { SqliteDocStore } from '../../local/adapters/sqlite-docstore'
import { CliError, parseOptions, requireOption } from './args'
import { isMonth } from '../../shared/months'

export async function run(argv: string[]): Promise<unknown> {
  const values = parseOptions(argv, {
    'data-dir': { type: 'string' },
    deployment: { type: 'string' },
    month: { type: 'string' },
    unit: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  })
  const dataDir = requireOption(values['data-dir'], 'data-dir')
  const deploymentId = requireOption(values.deployment, 'deployment')
  const month = requireOption(values.month, 'month')
  if (!isMonth(month)) throw new CliError(`--month must be YYYY-MM, got ${JSON.stringify(month)}`)
  const format = values.format ?? 'json'
  if (format !== 'json' && format !== 'xlsx') throw new CliError('--format must be json or xlsx')
  if (format === 'xlsx' && !values.out) throw new CliError('--format xlsx needs --out <file>')
  const file = path.join(dataDir, 'greenwhistle.sqlite')
  if (!existsSync(file)) throw new CliError(`no local store in ${dataDir} (expected greenwhistle.sqlite)`)
  let deployment
  try {
    deployment = loadDeployment(deploymentId)
  } catch {
    throw new CliError(`unknown deployment ${JSON.stringify(deploymentId)} (a folder of deployments/)`)
  }
  const unitId = values.unit ?? null
  if (unitId !== null && !deployment.units.some((u) => u.id === unitId)) {
    throw new CliError(`unknown unit ${JSON.stringify(unitId)} in deployment ${deploymentId}`)
  }
  const units =
    unitId === null
      ? null
      : new Set(
          unitScopeOf(deployment.units, {
            _id: 'cli',
            _version: 1,
            openid: null,
            name: 'cli',
            title: '',
            roles: [],
            unitIds: [unitId],
            active: true,
          }),
        )
  const names = statNames({ deployment, boundaries: loadBoundaries(deployment) })
  const db = new SqliteDocStore(file)
  try {
    const { cells, contributions } = await sumMonth(db, month, localDateOf(new Date()))
    const backfill = await db.get<BackfillRecord>(COLLECTIONS.jobs, BACKFILL_RECORD_ID)
    const complete = !!backfill?.casesDoneAt && backfill.casesFailed === 0
    const report = buildMonthlyReport(month, cells, names, units)
    const output = {
      deployment: deployment.id,
      month,
      unitId,
      unitName: unitId ? names.unit(unitId) : deployment.name,
      dueOn: report.dueOn,
      basis: report.basis,
      contributions,
      complete,
      total: report.total,
      by: report.by,
    }
    if (format === 'json') {
      if (values.out) writeFileSync(values.out, JSON.stringify(output, null, 2) + '\n')
      return output
    }
    const sheets = REPORT_BREAKDOWNS.map((by) => ({
      name: `按${DIMENSIONS[by]}`,
      ...figuresTable(DIMENSIONS[by], report.by[by], report.total),
    }))
    writeFileSync(values.out!, await toXlsx(sheets, { creator: deployment.name, created: new Date() }))
    return { ok: true, month, unitId, complete, out: values.out, sheets: sheets.map((s) => s.name) }
  } finally {
    db.close()
  }
}
