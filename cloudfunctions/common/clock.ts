import type { Clock } from './ports'

export const systemClock: Clock = { now: () => new Date() }

/** A clock tests and demos can set and advance. */
export class ControlledClock implements Clock {
  private current: number

  constructor(start: Date | string) {
    this.current = new Date(start).getTime()
  }

  now(): Date {
    return new Date(this.current)
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime()
  }

  advance(ms: number): void {
    this.current += ms
  }
}
