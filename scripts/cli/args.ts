import { parseArgs, type ParseArgsConfig } from 'node:util'

/** A usage error: the CLI prints it on one line and exits with code 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '))
    this.name = 'CliError'
  }
}

/** `node:util` parseArgs in strict mode, with its errors turned into one-line CliErrors. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error))
  }
}

export function requireOption(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new CliError(`--${name} is required`)
  return value
}
