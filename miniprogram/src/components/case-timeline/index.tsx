// 办理进度 / 办理记录: what happened to the case, in order, as the event catalogue narrates it for this reader.
// Citizens see what they may be told (registered, accepted or not with reason and guidance, visited, extended
// with reason, replied with the reply's sections, reviewed, closed); staff see every entry with every field it
// carries and who acted, by name and post.
import { Text, View } from '@tarojs/components'
import type { CaseTimelineEntry } from '@shared/contracts/cases'
import { CONTENT_HELD_TAG } from '@shared/cases/held-content'
import { formatShanghai } from '@shared/time'
import './index.scss'

export default function CaseTimeline({ entries }: { entries: CaseTimelineEntry[] }) {
  return (
    <View className="case-timeline" data-testid="timeline">
      {entries.map((t, i) => (
        <View
          key={`${t.at}-${i}`}
          className={`case-timeline__entry case-timeline__entry--${t.tone} ${i === entries.length - 1 ? 'last' : ''}`}
          data-kind={t.kind}
          data-testid="timeline-entry"
        >
          <View className="case-timeline__dot" />
          <View className="case-timeline__body">
            <Text className="case-timeline__label">{t.label}</Text>
            <Text className="muted">
              {formatShanghai(t.at)}
              {t.actor ? ` · ${t.actor.name ? `${t.actor.name}（${t.actor.post}）` : t.actor.post}` : ''}
            </Text>
            {t.held && <Text className="tag warn">{CONTENT_HELD_TAG}</Text>}
            {t.detail && <Text className="case-timeline__detail">{t.detail}</Text>}
            {t.lines?.map((l) => (
              <Text key={l.label} className="case-timeline__detail" data-testid="timeline-line">
                {l.label}：{l.value}
              </Text>
            ))}
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
