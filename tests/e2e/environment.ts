// The browser tests' jest environment: Node's, plus — when a test fails — what each phone the test opened showed
// at that moment (browser.ts keeps them): its address, the text of the page on screen, and the last touches and
// clicks it received with the element each landed on. A test that fails once under load is a defect to find, and
// this is the evidence: the failure itself says only what did not appear.
import NodeEnvironment from 'jest-environment-node'

/** What browser.ts puts in the test file's global scope. */
export interface E2EGlobals {
  /** When the running test started (ms since the epoch): the phones opened since are the test's own. */
  __e2eTestStart?: number
  __e2eFailureReport?: () => Promise<string>
}

interface TestEvent {
  name: string
}

export default class E2EEnvironment extends NodeEnvironment {
  async handleTestEvent(event: TestEvent): Promise<void> {
    const globals = this.global as unknown as E2EGlobals
    if (event.name === 'test_start') globals.__e2eTestStart = Date.now()
    if (event.name !== 'test_fn_failure' || !globals.__e2eFailureReport) return
    try {
      process.stderr.write(`${await globals.__e2eFailureReport()}\n`)
    } catch (error) {
      process.stderr.write(`(no report from the browser: ${String(error)})\n`)
    }
  }
}
