// 《举报须知与保密说明》: what the citizen agrees to, in plain words, readable on its own page.
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { CONSENT_EVENT } from '../../events'
import './index.scss'

const SECTIONS: Array<{ title: string; lines: string[] }> = [
  {
    title: '一、可以反映什么',
    lines: [
      '噪声扰民、废气异味、污水偷排、乱倒垃圾和固体废物、危险废物、辐射、破坏生态等生态环境问题，都可以在这里反映。',
      '不属于生态环境部门管的事，我们也会登记，并告诉您应当向哪个部门反映。',
    ],
  },
  {
    title: '二、请如实反映',
    lines: [
      '请如实描述您看到、听到、闻到的情况，照片请拍现场。',
      '不得捏造、歪曲事实，不得诬告陷害他人；故意捏造事实诬告陷害他人的，要依法承担法律责任。',
      '请不要上传与问题无关的照片，不要填写他人的身份证号、电话等个人信息。',
    ],
  },
  {
    title: '三、我们如何为您保密',
    lines: [
      '依照《中华人民共和国环境保护法》第五十七条，接受举报的机关应当对举报人的相关信息予以保密。',
      '您的姓名和手机号加密保存，只有办理本件的工作人员可以查看，工作人员列表中也只显示部分（如 张*、138****8000）。',
      '您的身份绝不会告诉被反映的单位或个人，也不会公开。',
    ],
  },
  {
    title: '四、匿名反映',
    lines: [
      '匿名反映不需要填写姓名和电话。提交后会给您一个查询码，请截图或复制保存，凭它查看办理进度和答复。',
      '匿名反映无法电话回访，如情况复杂，可能影响核实，建议尽量详细描述并拍照。',
    ],
  },
  {
    title: '五、办理和答复',
    lines: [
      '有报必接、件件有回音：每条反映都会登记，是否受理都会告诉您；不予受理的，会说明理由并告诉您可以怎么办。',
      '受理后交由属地生态环境部门办理，在规定期限内答复。提交前页面会显示办理单位和预计答复日期。',
      '答复会写明调查核实情况、处理意见，以及您不满意时的救济渠道。',
    ],
  },
  {
    title: '六、对答复不满意怎么办',
    lines: [
      '收到答复后可以评价。满意的，可以直接确认办结。',
      '有异议的，可以在规定期限内申请复查；对复查意见仍有异议的，可以在规定期限内申请复核。详情页会显示截止日期。',
    ],
  },
  {
    title: '七、照片和位置',
    lines: ['照片在手机上压缩后上传，位置只在您选择时获取一次。两者只用于办理本次反映，会经过内容安全检查。'],
  },
  {
    title: '八、紧急情况',
    lines: ['正在发生的严重污染或突发环境事件，请立即拨打 12369 环保举报热线；危及人身安全的，请拨打 110。'],
  },
]

export default function NoticePage() {
  const { params } = useRouter()
  const fromReport = params.from === 'report'
  return (
    <View className="page notice">
      {SECTIONS.map((s) => (
        <View key={s.title} className="card">
          <Text className="card-title">{s.title}</Text>
          {s.lines.map((line) => (
            <Text key={line} className="notice__line">
              {line}
            </Text>
          ))}
        </View>
      ))}
      {fromReport ? (
        <Button
          className="btn"
          onClick={() => {
            Taro.eventCenter.trigger(CONSENT_EVENT)
            void Taro.navigateBack()
          }}
          data-testid="agree-notice"
        >
          我已阅读并同意
        </Button>
      ) : (
        <Button className="btn secondary" onClick={() => void Taro.navigateBack()}>
          返回
        </Button>
      )}
    </View>
  )
}
