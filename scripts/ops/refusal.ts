/** An operator tool refused to act: nothing was written. `code` is machine-readable, `message` Chinese. */
export class OpsRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message)
    this.name = 'OpsRefusal'
  }
}
