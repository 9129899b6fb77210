// Operator tools log one JSON line per step on stderr (stdout carries the command's JSON result). Fields are
// counts, names of collections and functions, ids of jobs — never document contents, secrets or personal data.
import { jsonLogger } from '../../cloudfunctions/common/log'
import type { Logger } from '../../cloudfunctions/common/ports'

export function opsLogger(tool: string): Logger {
  return jsonLogger({ tool }, (line) => process.stderr.write(line + '\n'))
}
