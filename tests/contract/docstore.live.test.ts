// Opt-in: the DocStore contract against a REAL CloudBase environment through @cloudbase/node-sdk.
// Runs only when GW_LIVE_CLOUDBASE_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY are all set; it
// uses collections named contract_test_* and empties them before and after every test. See
// docs/cloudbase-live-tests.md. Without those variables the contract is reported as skipped, with the reason.
// (This file never installs the offline stub: that would capture the live handle's requests too.)
import * as tcb from '@cloudbase/node-sdk'
import type { SdkDatabase } from '../../cloudfunctions/common/cloudbase/sdk'
import { LIVE_ENV_VARS, liveHarness, liveSettings } from '../support/cloudbase-live'
import { describeDocStoreContract } from './docstore.contract'

const settings = liveSettings()
const app = settings ? tcb.init(settings) : null

test('the live run is switched on by exactly GW_LIVE_CLOUDBASE_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY', () => {
  const all = { GW_LIVE_CLOUDBASE_ENV: 'env-1', TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key' }
  expect(liveSettings(all)).toEqual({ env: 'env-1', secretId: 'id', secretKey: 'key' })
  for (const name of LIVE_ENV_VARS) expect(liveSettings({ ...all, [name]: ' ' })).toBeNull()
  expect(liveSettings({})).toBeNull()
})

if (app && settings) {
  describeDocStoreContract(
    `DocStore contract: LIVE CloudBase env ${settings.env} via @cloudbase/node-sdk`,
    liveHarness(() => app.database() as unknown as SdkDatabase),
    { timeoutMs: 180_000 },
  )
} else {
  describe.skip(`DocStore contract: live CloudBase — skipped, set ${LIVE_ENV_VARS.join(', ')} to run`, () => {
    describeDocStoreContract(
      'against a real CloudBase environment (docs/cloudbase-live-tests.md)',
      async () => {
        throw new Error('not reached: skipped')
      },
    )
  })
}
