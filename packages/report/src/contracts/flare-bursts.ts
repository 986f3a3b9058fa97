import type { EventEvidence } from '@linesight/analysis'
import { eventEvidence, list, nullable, num, shape, text, type Reader } from '../core/contract.js'

/** One flare burst: outbound texts from one sender to many recipients within minutes. */
export interface FlareBurst {
  readonly sender: string
  readonly start: string
  readonly end: string
  readonly messages: number
  readonly recipients: number
  readonly evidence: EventEvidence | null
}

export interface FlareSender {
  readonly sender: string
  readonly bursts: number
  readonly burstDays: number
  readonly firstBurst: string | null
  readonly lastBurst: string | null
}

/** What the documents read from the `flare-bursts` analysis result. */
export interface FlareBurstsFigures {
  readonly senders: readonly FlareSender[]
  readonly bursts: readonly FlareBurst[]
}

export const readFlareBursts: Reader<FlareBurstsFigures> = shape({
  senders: list(
    shape({
      sender: text,
      bursts: num,
      burstDays: num,
      firstBurst: nullable(text),
      lastBurst: nullable(text),
    }),
  ),
  bursts: list(
    shape({
      sender: text,
      start: text,
      end: text,
      messages: num,
      recipients: num,
      evidence: nullable(eventEvidence),
    }),
  ),
})
