// Loading, empty and error states, the same everywhere.
import { Button, Text, View } from '@tarojs/components'
import './index.scss'

export type StateViewProps =
  | { kind: 'loading'; text?: string }
  | { kind: 'empty'; text: string; action?: { label: string; onClick: () => void } }
  | { kind: 'error'; text: string; onRetry?: () => void }

export default function StateView(props: StateViewProps) {
  return (
    <View
      className={`state-view state-view--${props.kind}`}
      role={props.kind === 'error' ? 'alert' : 'status'}
    >
      {props.kind === 'loading' && <Text className="state-view__text">{props.text ?? '加载中…'}</Text>}
      {props.kind === 'empty' && (
        <>
          <Text className="state-view__text">{props.text}</Text>
          {props.action && (
            <Button className="btn small secondary state-view__action" onClick={props.action.onClick}>
              {props.action.label}
            </Button>
          )}
        </>
      )}
      {props.kind === 'error' && (
        <>
          <Text className="state-view__text">{props.text}</Text>
          {props.onRetry && (
            <Button className="btn small secondary state-view__action" onClick={props.onRetry}>
              重试
            </Button>
          )}
        </>
      )}
    </View>
  )
}
