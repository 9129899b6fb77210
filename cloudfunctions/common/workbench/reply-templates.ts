// Reply templates (答复模板), kept by office heads for their units (collection `reply_templates`, each change audited
// in the same transaction) and offered to the officer drafting a reply: the templates of the case's category from
// the lead unit and the units above it, merged with the case's facts (shared/cases/reply-templates.ts).
import type { StoredCase } from '../../../shared/cases/case-doc'
import {
  mergeReplyTemplate,
  REPLY_FACT_NAMES,
  unknownFacts,
  type ReplyOutcome,
  type ReplyTemplateTexts,
} from '../../../shared/cases/reply-templates'
import type { CasePage } from '../../../shared/contracts/cases'
import { AppError } from '../../../shared/contracts/result'
import type { ReplyTemplate, ReplyTemplateDraft } from '../../../shared/contracts/staff'
import { toShanghaiIso } from '../../../shared/time'
import type { CategoryKey } from '../../../shared/vocabulary/categories'
import type { Colleague } from '../../../shared/workflow'
import { audit } from '../audit'
import { COLLECTIONS } from '../collections'
import { findAcross } from '../db/find-across'
import type { Runtime, WithId } from '../ports'
import { unitNamer, unitScopeOf, type StaffRecord } from '../staff-records'
import { unitInScope, unitsAbove } from './colleagues'

interface ReplyTemplateDoc {
  unitId: string
  category: CategoryKey
  outcome: ReplyOutcome
  title: string
  texts: ReplyTemplateTexts
  updatedAt: string
  updatedBy: Colleague
}

const TEMPLATE_NOT_FOUND = '没有找到该答复模板，或不在您的范围内'

/** Templates offered for one case: at most this many, newest first. */
const OFFERED = 20

function templateView(runtime: Runtime, doc: WithId<ReplyTemplateDoc>): ReplyTemplate {
  return {
    templateId: doc._id,
    version: doc._version,
    unitId: doc.unitId,
    unitName: unitNamer(runtime.deployment.units)(doc.unitId),
    category: doc.category,
    outcome: doc.outcome,
    title: doc.title,
    texts: doc.texts,
    updatedAt: doc.updatedAt,
    updatedBy: doc.updatedBy.name,
  }
}

/** The templates of the case's category kept by its lead unit or a unit above it, merged with its facts. */
export async function replyTemplateDrafts(runtime: Runtime, doc: StoredCase): Promise<ReplyTemplateDraft[]> {
  const lead = doc.flags.assignment?.leadUnitId ?? doc.unitId
  const page = await findAcross<ReplyTemplateDoc>(
    runtime.db,
    COLLECTIONS.replyTemplates,
    'unitId',
    [lead, ...unitsAbove(runtime, lead)],
    { filter: { category: doc.category }, orderBy: [['updatedAt', 'desc']], limit: OFFERED },
  )
  const unitName = unitNamer(runtime.deployment.units)
  return page.items.map((t) => ({
    templateId: t._id,
    title: t.title,
    outcome: t.outcome,
    unitName: unitName(t.unitId),
    reply: mergeReplyTemplate(t.texts, doc),
  }))
}

/** A page of the templates of the units in the caller's scope, newest first. */
export async function listReplyTemplates(
  runtime: Runtime,
  staff: StaffRecord,
  page: { cursor?: string | null; limit: number },
): Promise<CasePage<ReplyTemplate>> {
  const found = await findAcross<ReplyTemplateDoc>(
    runtime.db,
    COLLECTIONS.replyTemplates,
    'unitId',
    unitScopeOf(runtime.deployment.units, staff),
    { orderBy: [['updatedAt', 'desc']], limit: page.limit, after: page.cursor },
  )
  return { items: found.items.map((t) => templateView(runtime, t)), next: found.next }
}

const CHANGED = '模板刚被其他人修改过，请刷新后再操作'

function checkVersion(stored: { _version: number } | null, expected: number): void {
  if (stored?._version !== expected) throw new AppError('CONFLICT', CHANGED)
}

/** A template of the caller's scope; any other answers like one that does not exist. */
async function ownTemplate(
  runtime: Runtime,
  staff: StaffRecord,
  templateId: string,
): Promise<WithId<ReplyTemplateDoc>> {
  const doc = await runtime.db.get<ReplyTemplateDoc>(COLLECTIONS.replyTemplates, templateId)
  if (!doc || !unitScopeOf(runtime.deployment.units, staff).includes(doc.unitId)) {
    throw new AppError('NOT_FOUND', TEMPLATE_NOT_FOUND)
  }
  return doc
}

export interface SaveTemplate {
  templateId?: string
  expectedVersion?: number
  unitId: string
  category: CategoryKey
  outcome: ReplyOutcome
  title: string
  texts: ReplyTemplateTexts
}

/** Creates or changes a template of a unit of the caller's scope; audited with the change. */
export async function saveReplyTemplate(
  runtime: Runtime,
  staff: StaffRecord,
  input: SaveTemplate,
  now: Date,
): Promise<ReplyTemplate> {
  unitInScope(runtime, staff, input.unitId)
  const fields: Record<string, string> = {}
  for (const [key, text] of Object.entries(input.texts)) {
    const unknown = unknownFacts(text)
    if (unknown.length) {
      fields[`texts.${key}`] =
        `没有这项案件信息：${unknown.map((n) => `{${n}}`).join('、')}（可用：${REPLY_FACT_NAMES.join('、')}）`
    }
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', Object.values(fields)[0]!, fields)
  if (!Object.values(input.texts).some((t) => t.trim())) {
    throw new AppError('VALIDATION_FAILED', '模板至少要有一段内容')
  }
  const at = toShanghaiIso(now)
  const doc: ReplyTemplateDoc = {
    unitId: input.unitId,
    category: input.category,
    outcome: input.outcome,
    title: input.title,
    texts: input.texts,
    updatedAt: at,
    updatedBy: { id: staff._id, name: staff.name },
  }
  if (input.templateId) {
    const stored = await ownTemplate(runtime, staff, input.templateId)
    if (input.expectedVersion === undefined)
      throw new AppError('VALIDATION_FAILED', '缺少版本号，请刷新后重试')
    checkVersion(stored, input.expectedVersion)
    const id = stored._id
    await runtime.db.transaction(async (tx) => {
      await tx.update<ReplyTemplateDoc>(COLLECTIONS.replyTemplates, id, doc, stored._version)
      await audit(tx, 'save-reply-template', id, staff, at, { unitId: doc.unitId, title: doc.title })
    })
    return templateView(runtime, { ...doc, _id: id, _version: stored._version + 1 })
  }
  const id = await runtime.db.transaction(async (tx) => {
    const inserted = await tx.insert<ReplyTemplateDoc>(COLLECTIONS.replyTemplates, doc)
    await audit(tx, 'save-reply-template', inserted, staff, at, { unitId: doc.unitId, title: doc.title })
    return inserted
  })
  return templateView(runtime, { ...doc, _id: id, _version: 1 })
}

export async function removeReplyTemplate(
  runtime: Runtime,
  staff: StaffRecord,
  input: { templateId: string; expectedVersion: number },
  now: Date,
): Promise<void> {
  const stored = await ownTemplate(runtime, staff, input.templateId)
  checkVersion(stored, input.expectedVersion)
  await runtime.db.transaction(async (tx) => {
    checkVersion(await tx.get(COLLECTIONS.replyTemplates, stored._id), stored._version)
    await tx.remove(COLLECTIONS.replyTemplates, stored._id)
    await audit(tx, 'remove-reply-template', stored._id, staff, toShanghaiIso(now), {
      unitId: stored.unitId,
      title: stored.title,
    })
  })
}
