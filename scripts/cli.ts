// Operator CLI: `npm run -s cli -- <command> [options]`. Each command prints one JSON object on stdout.
// Bad arguments exit with code 2 and a one-line error on stderr; a command that found problems (a deployment
// check, a backup that does not verify) exits with code 1 after printing them.
import { format } from 'node:util'
import { CliError } from './cli/args'

interface Command {
  run(argv: string[]): Promise<unknown>
  /** The exit code for an output (default 0). */
  exitCode?(output: unknown): number
}

const COMMANDS: Record<string, () => Promise<Command>> = {
  deadline: () => import('./cli/deadline'),
  route: () => import('./cli/route'),
  deployment: () => import('./cli/deployment'),
  backup: () => import('./cli/backup'),
  restore: () => import('./cli/restore'),
  rewards: () => import('./cli/rewards'),
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  const load = name ? COMMANDS[name] : undefined
  if (!load) {
    throw new CliError(
      `unknown command ${JSON.stringify(name ?? '')}; expected one of: ${Object.keys(COMMANDS).join(', ')}`,
    )
  }
  const command = await load()
  const output = await command.run(rest)
  process.stdout.write(JSON.stringify(output) + '\n')
  return command.exitCode?.(output) ?? 0
}

// stdout carries one JSON object; SDKs that narrate on console.log are sent to stderr with the logs.
console.log = (...args: unknown[]) => process.stderr.write(format(...args) + '\n')

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CliError) {
      process.stderr.write(`error: ${error.message}\n`)
      process.exit(2)
    }
    process.stderr.write(
      `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exit(1)
  },
)
