// Notifier for local mode: subscribe messages go to the `outbox` collection, viewable in the local app.
import {
  DuplicateKeyError,
  type Clock,
  type DocStore,
  type Notifier,
  type SubscribeMessage,
} from '../../cloudfunctions/common/ports'
import { toShanghaiIso } from '../../shared/time'

export interface OutboxEntry {
  to: string
  template: string
  page: string
  data: Record<string, string>
  createdAt: string
}

export class OutboxNotifier implements Notifier {
  constructor(
    private readonly db: DocStore,
    private readonly clock: Clock,
  ) {}

  async send(message: SubscribeMessage): Promise<{ delivered: boolean; reason?: string }> {
    const entry: OutboxEntry = {
      to: message.to,
      template: message.template,
      page: message.page,
      data: message.data,
      createdAt: toShanghaiIso(this.clock.now()),
    }
    try {
      await this.db.insert('outbox', { _id: message.dedupeKey, ...entry })
      return { delivered: true }
    } catch (error) {
      if (error instanceof DuplicateKeyError) return { delivered: false, reason: 'duplicate' }
      throw error
    }
  }
}
