// What the pickers of a workflow form offer, asked of the server as the form needs it: the officers of the lead
// unit (assign, designate an officer; the case's recused staff left out), where a case may be transferred, the
// cases it may be merged into, the reply templates of its category merged with its facts.
import { useAnswer } from '../../hooks/use-answer'
import {
  getMergeCandidates,
  getReplyTemplateDrafts,
  getTransferOptions,
  listColleagues,
} from '../../services/staff'
import type { Colleagues } from '../../components/form-field'

export function useColleagues(
  unitId: string | null,
  caseId: string,
  wanted: boolean,
): Colleagues | undefined {
  const { state } = useAnswer(wanted && unitId ? unitId : null, (unit) =>
    listColleagues({ unitId: unit, role: 'officer', caseId }),
  )
  if (!wanted) return undefined
  if (!unitId) return { list: null, error: null, waiting: '请先选择承办单位（多个单位时选择牵头单位）' }
  if (state.status === 'ready') return { list: state.data, error: null }
  if (state.status === 'error') return { list: null, error: `人员列表加载失败：${state.message}` }
  return { list: null, error: null }
}

export function useTransferOptions(wanted: boolean) {
  return useAnswer(wanted ? 'transfer' : null, () => getTransferOptions()).state
}

export function useMergeCandidates(caseId: string, wanted: boolean) {
  return useAnswer(wanted ? caseId : null, (id) => getMergeCandidates(id)).state
}

export function useReplyTemplates(caseId: string, wanted: boolean) {
  return useAnswer(wanted ? caseId : null, (id) => getReplyTemplateDrafts(id)).state
}
