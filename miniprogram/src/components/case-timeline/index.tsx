// 办理进度: what happened to the report, in order — registered, accepted or not (with reason and guidance),
// assigned, visited, extended (with reason), replied (with the reply's sections), reviewed, closed.
import { Text, View } from '@tarojs/components'
import type { CaseTimelineEntry } from '@shared/contracts/cases'
import { formatShanghai } from '@shared/time'
import './index.scss'

/** Tone of an entry's dot: decisions the citizen should notice stand out. */
function toneOf(kind: string): string {
  if (kind === 'not-accept' || kind === 'request-supplement') return 'warn'
  if (kind === 'send-reply' || kind.startsWith('decide-')) return 'reply'
  if (kind === 'accept-reply' || kind === 'deem-closed') return 'done'
  return 'step'
}

export default function CaseTimeline({ entries }: { entries: CaseTimelineEntry[] }) {
  return (
    <View className="case-timeline" data-testid="timeline">
      {entries.map((t, i) => (
        <View
          key={`${t.at}-${i}`}
          className={`case-timeline__entry case-timeline__entry--${toneOf(t.kind)} ${i === entries.length - 1 ? 'last' : ''}`}
          data-kind={t.kind}
        >
          <View className="case-timeline__dot" />
          <View className="case-timeline__body">
            <Text className="case-timeline__label">{t.label}</Text>
            <Text className="muted">{formatShanghai(t.at)}</Text>
            {t.detail && <Text className="case-timeline__detail">{t.detail}</Text>}
            {t.sections && t.sections.length > 0 && (
              <View className="case-timeline__sections">
                {t.sections.map((s) => (
                  <View key={s.title} className="case-timeline__section">
                    <Text className="case-timeline__section-title">{s.title}</Text>
                    <Text className="case-timeline__section-body">{s.body}</Text>
                  </View>
                ))}
              </View>
            )}
          </View>
        </View>
      ))}
    </View>
  )
}
