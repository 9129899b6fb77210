// What each notice says. The transition table decides when an event notifies and whom (its effects name a
// notice); the words, and the template a reporter's notice goes through, are here. Staff notices go through the
// task template.
import type { SubscribeTemplateKey } from '../vocabulary/subscribe-templates'
import { TERMS } from '../vocabulary/terms'
import type { ReporterNotice, StaffNotice } from './machine-types'

export const REPORTER_NOTICES: Record<ReporterNotice, { template: SubscribeTemplateKey; text: string }> = {
  registered: { template: 'case-progress', text: '已登记' },
  'supplement-requested': { template: 'case-info-request', text: '请补充材料' },
  accepted: { template: 'case-progress', text: '已受理' },
  'not-accepted': { template: 'case-progress', text: '不予受理，请查看理由' },
  merged: { template: 'case-progress', text: '已与同一问题合并办理' },
  transferred: { template: 'case-progress', text: '已转交有关部门办理' },
  'extension-granted': { template: 'case-progress', text: '办理期限已延长' },
  reply: { template: 'case-reply', text: '已答复，请查看并评价' },
  'review-decision': { template: 'case-reply', text: '复查意见已出' },
  're-review-decision': { template: 'case-reply', text: '复核意见已出' },
  reopened: { template: 'case-progress', text: '已重新办理' },
  closed: { template: 'case-progress', text: '已办结' },
  'stepped-up': { template: 'case-progress', text: '多次反映，已加强办理' },
  mediated: { template: 'case-progress', text: '经调解达成协议，已办结' },
}

export const STAFF_NOTICE_TEMPLATE: SubscribeTemplateKey = 'staff-task'

export const STAFF_NOTICES: Record<StaffNotice, string> = {
  'new-case': '新案件待受理',
  'supplement-received': `${TERMS.reporter}已补充材料`,
  'to-assign': '案件待交办',
  'out-of-remit': '案件需转办',
  'important-case': '重要案件',
  assigned: '新交办案件',
  'approval-needed': '答复待审核',
  'reply-approved': '答复已审批，待发送',
  'reply-sent-back': '答复被退回修改',
  'extension-requested': '延期申请待审批',
  'extension-decided': '延期申请已审批',
  reminder: '办理期限将到，请抓紧办理',
  supervision: '案件已被督办',
  escalated: '案件提级办理',
  'leader-case': '案件列入领导包案',
  'review-requested': `${TERMS.reporter}申请复查`,
  're-review-requested': `${TERMS.reporter}申请复核`,
  reopened: '案件重新办理',
  'supervision-order': '督办单待办理，请按期上报结果',
  'supervision-result': '督办结果已上报，待审核',
  'supervision-sent-back': '督办结果被退回，请重新办理',
  'supervision-closed': '督办结果审核通过',
  'tell-reporter': `请电话告知${TERMS.reporter}`,
  'urgent-case': '紧急案件，请立即到现场处置',
  recused: '承办人已回避，请重新指定',
  'co-handling': '新协办案件',
}
