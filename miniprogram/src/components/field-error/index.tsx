// A field's error message, next to the field (client check or `error.fields` from the server).
import { Text } from '@tarojs/components'

/** The first message for `name` or any of its sub-fields (`location` covers `location.address`). */
export function errorFor(errors: Record<string, string>, ...names: string[]): string | null {
  for (const name of names) {
    if (errors[name]) return errors[name]!
    const sub = Object.keys(errors).find((k) => k.startsWith(`${name}.`))
    if (sub) return errors[sub]!
  }
  return null
}

export default function FieldError({ errors, names }: { errors: Record<string, string>; names: string[] }) {
  const message = errorFor(errors, ...names)
  return message ? (
    <Text className="error-text" data-testid={`error-${names[0]}`}>
      {message}
    </Text>
  ) : null
}
