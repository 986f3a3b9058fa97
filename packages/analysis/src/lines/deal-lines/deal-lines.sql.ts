import type { QuerySpec } from '@linesight/store'
import { localTimeSql, ZONE_QUARTERS_CTE } from '../../core/local-time.sql.js'
import { flareCtes } from '../shared/sql.js'
import { isContactTypeSql } from '../../core/one-of.sql.js'

/** One target number's behaviour, every figure the deal-line score reads. */
export interface BehaviourRow {
  readonly n: string
  readonly first_day: string
  readonly last_day: string
  /** Calendar days from the first to the last local day with a record, inclusive. */
  readonly span_days: number
  readonly active_days: number
  readonly events: number
  readonly contacts: number
  readonly inbound_contacts: number
  readonly voice: number
  readonly out_texts: number
  readonly bursts: number
  readonly burst_days: number
  readonly flare_messages: number
  readonly mean_recipients: number | null
  /** Mean share of a burst's recipients who also received the previous burst; null with fewer than 2 bursts. */
  readonly recurrence: number | null
  /** Distinct valid-number flare recipients, and how many of them later contacted the number. */
  readonly flare_recipients: number
  readonly initiating_recipients: number
  /** Distinct valid inbound numbers per active day. */
  readonly fan_median: number
  readonly fan_p90: number
  readonly fan_max: number
  readonly connected_calls: number
  readonly short_calls: number
  readonly long_calls: number
  readonly out_of_hours: number
  readonly cells: number
  readonly cells_per_day: number
  readonly distinct_contacts: number
  readonly personal_contacts: number
  readonly account_types: readonly string[]
  readonly subscriber_records: readonly { readonly id: string; readonly file: string; readonly row: number }[]
}

export type BehaviourParam =
  | 'targets'
  | 'zone'
  | 'flare_types'
  | 'gap_us'
  | 'min_recipients'
  | 'short_s'
  | 'long_s'
  | 'personal_long_calls'
  | 'personal_weeks'
  | 'hours_start'
  | 'hours_end'

const TARGETS = `target_msisdn IS NOT NULL AND (len($targets::VARCHAR[]) = 0 OR list_contains($targets::VARCHAR[], target_msisdn))`

/** Behaviour of every chosen target number (all when none are named), from its own records. */
export const behaviourQuery: QuerySpec<BehaviourRow, BehaviourParam> = {
  id: 'deal-lines-behaviour',
  sql: {
    duckdb: `WITH ${ZONE_QUARTERS_CTE}, ${flareCtes(TARGETS)},
      ev AS (
        -- Flags instead of the type and direction text: a narrower row to keep and re-read.
        SELECT target_msisdn AS n, coalesce(other_msisdn, other_raw) AS other, other_kind = 'e164' AS e164,
          ${isContactTypeSql('event_type')} AS contact, event_type = 'voice' AS voice, direction = 'in' AS inbound,
          direction = 'out' AS outbound, duration_s, start_cgi, epoch_us(start_utc) AS us, local_ts::DATE AS d,
          hour(local_ts) AS hour
        FROM (SELECT *, ${localTimeSql('start_utc')} AS local_ts FROM events_unique WHERE ${TARGETS})
      ),
      bursts AS (
        SELECT b.sender AS n, b.chain, b.recipients, ${localTimeSql('b.start_utc')}::DATE AS day,
          row_number() OVER (PARTITION BY b.sender ORDER BY b.start_us, b.chain) AS k
        FROM burst_chains b
      ),
      flare_rcpt AS (SELECT DISTINCT f.sender AS n, b.k, f.recipient FROM flares f JOIN bursts b ON b.n = f.sender AND b.chain = f.chain),
      recur AS (
        -- A recipient is again in burst k when it also received burst k - 1: a lookup, not a window sort per recipient.
        SELECT c.n, c.k, count(*) AS r, count(p.k) AS again
        FROM flare_rcpt c LEFT JOIN flare_rcpt p ON p.n = c.n AND p.recipient = c.recipient AND p.k = c.k - 1
        GROUP BY c.n, c.k
      ),
      bstat AS (
        SELECT b.n, count(*) AS bursts, count(DISTINCT b.day) AS burst_days, avg(b.recipients) AS mean_recipients,
          -- Summed in burst order: a parallel sum of fractions may differ in the last digit from run to run.
          avg(CASE WHEN b.k > 1 THEN r.again / r.r END ORDER BY b.k) AS recurrence
        FROM bursts b JOIN recur r ON r.n = b.n AND r.k = b.k GROUP BY b.n
      ),
      fstat AS (SELECT sender AS n, count(*) AS flare_messages FROM flares GROUP BY 1),
      texts AS (SELECT sender AS n, count(*) AS out_texts FROM out_texts GROUP BY 1),
      -- Contacts per (number, other party, ISO week of the local day): fan-in, personal pairs and customer
      -- initiation all read these groups instead of each re-reading every contact record.
      contact_weeks AS (
        SELECT n, other, date_trunc('week', d) AS week,
          bool_or(e164 AND inbound) AS in_e164, bool_or(e164 AND outbound) AS out_e164,
          bool_or(e164) AS any_e164,
          count(*) FILTER (WHERE e164 AND voice AND duration_s >= $long_s) AS long_calls,
          max(us) FILTER (WHERE inbound) AS last_in_us,
          -- Bit (ISO weekday - 1) set for each day of the week with an inbound contact from this valid number.
          bit_or(1::BIGINT << (isodow(d) - 1)) FILTER (WHERE e164 AND inbound) AS in_days
        FROM ev WHERE contact GROUP BY n, other, week
      ),
      base AS (
        SELECT sender AS n, recipient, min(us) AS first_us FROM flares WHERE other_kind = 'e164' GROUP BY 1, 2
      ),
      last_in AS (
        SELECT n, other, max(last_in_us) AS last_in_us FROM contact_weeks WHERE last_in_us IS NOT NULL GROUP BY n, other
      ),
      init AS (
        -- A recipient initiated when any inbound contact from it is at or after its first flare.
        SELECT b.n, count(DISTINCT b.recipient) AS flare_recipients,
          count(DISTINCT b.recipient) FILTER (WHERE l.last_in_us >= b.first_us) AS initiating_recipients
        FROM base b LEFT JOIN last_in l ON l.n = b.n AND l.other = b.recipient GROUP BY b.n
      ),
      day_cells AS (
        SELECT n, d, start_cgi, count(*) AS events,
          count(*) FILTER (WHERE contact) AS contacts,
          count(*) FILTER (WHERE contact AND inbound) AS inbound_contacts,
          count(*) FILTER (WHERE voice) AS voice,
          count(*) FILTER (WHERE voice AND duration_s > 0) AS connected_calls,
          count(*) FILTER (WHERE voice AND duration_s > 0 AND duration_s <= $short_s) AS short_calls,
          count(*) FILTER (WHERE voice AND duration_s >= $long_s) AS long_calls,
          count(*) FILTER (WHERE contact AND (hour < $hours_start OR hour >= $hours_end)) AS off_hours_contacts
        FROM ev GROUP BY n, d, start_cgi
      ),
      days AS (
        SELECT n, d, sum(events) AS events, sum(contacts) AS contacts,
          sum(inbound_contacts) AS inbound_contacts, sum(voice) AS voice, sum(connected_calls) AS connected_calls,
          sum(short_calls) AS short_calls, sum(long_calls) AS long_calls,
          -- The weekday is the day's: at weekends every contact is out of hours.
          CASE WHEN isodow(d) >= 6 THEN sum(contacts) ELSE sum(off_hours_contacts) END AS out_of_hours,
          count(start_cgi) AS cells
        FROM day_cells GROUP BY n, d
      ),
      act AS (
        SELECT n, min(d) AS first_day, max(d) AS last_day, count(d) AS active_days,
          sum(events)::BIGINT AS events, sum(contacts)::BIGINT AS contacts, sum(inbound_contacts)::BIGINT AS inbound_contacts,
          sum(voice)::BIGINT AS voice, sum(connected_calls)::BIGINT AS connected_calls, sum(short_calls)::BIGINT AS short_calls,
          sum(long_calls)::BIGINT AS long_calls, sum(out_of_hours)::BIGINT AS out_of_hours, avg(cells) AS cells_per_day
        FROM days GROUP BY n
      ),
      cells AS (SELECT n, count(DISTINCT start_cgi) AS cells FROM day_cells GROUP BY n),
      fan AS (
        SELECT n, median(c) AS fan_median, quantile_cont(c, 0.9) AS fan_p90, max(c) AS fan_max
        FROM (
          SELECT a.n, a.d, coalesce(i.c[isodow(a.d)], 0)::BIGINT AS c
          FROM days a
          LEFT JOIN (
            -- Per (number, week): for each weekday, the valid numbers with an inbound contact that day.
            SELECT n, week, [${[0, 1, 2, 3, 4, 5, 6].map((bit) => `sum((in_days >> ${bit}) & 1)`).join(', ')}] AS c
            FROM contact_weeks WHERE in_days IS NOT NULL AND other IS NOT NULL GROUP BY n, week
          ) i ON i.n = a.n AND i.week = date_trunc('week', a.d)
        ) GROUP BY n
      ),
      pers AS (
        SELECT n, count(*) AS distinct_contacts,
          count(*) FILTER (WHERE long_calls >= $personal_long_calls AND directions = 2 AND weeks >= $personal_weeks)
            AS personal_contacts
        FROM (
          SELECT n, other, sum(long_calls) AS long_calls,
            bool_or(in_e164)::INTEGER + bool_or(out_e164)::INTEGER AS directions,
            count(*) AS weeks
          FROM contact_weeks WHERE any_e164 GROUP BY n, other
        ) GROUP BY n
      ),
      acct AS (
        SELECT s.msisdn AS n, list(DISTINCT s.account_type ORDER BY s.account_type) FILTER (WHERE s.account_type IS NOT NULL)
            AS account_types,
          list({'id': s.id, 'file': f.original_name, 'row': s.source_row} ORDER BY s.id) AS subscriber_records
        FROM subscribers s JOIN source_files f ON f.id = s.source_file_id
        WHERE s.msisdn IN (SELECT n FROM act) GROUP BY s.msisdn
      )
      SELECT a.n, strftime(a.first_day, '%Y-%m-%d') AS first_day, strftime(a.last_day, '%Y-%m-%d') AS last_day,
        (a.last_day - a.first_day) + 1 AS span_days, a.active_days, a.events, a.contacts, a.inbound_contacts, a.voice,
        coalesce(t.out_texts, 0) AS out_texts, coalesce(bs.bursts, 0) AS bursts, coalesce(bs.burst_days, 0) AS burst_days,
        coalesce(fs.flare_messages, 0) AS flare_messages, bs.mean_recipients, bs.recurrence,
        coalesce(i.flare_recipients, 0) AS flare_recipients, coalesce(i.initiating_recipients, 0) AS initiating_recipients,
        coalesce(f.fan_median, 0) AS fan_median, coalesce(f.fan_p90, 0) AS fan_p90, coalesce(f.fan_max, 0) AS fan_max,
        a.connected_calls, a.short_calls, a.long_calls, a.out_of_hours, ce.cells, coalesce(a.cells_per_day, 0) AS cells_per_day,
        coalesce(p.distinct_contacts, 0) AS distinct_contacts, coalesce(p.personal_contacts, 0) AS personal_contacts,
        coalesce(ac.account_types, []) AS account_types, coalesce(ac.subscriber_records, []) AS subscriber_records
      FROM act a
      LEFT JOIN texts t USING (n) LEFT JOIN bstat bs USING (n) LEFT JOIN fstat fs USING (n) LEFT JOIN init i USING (n)
      LEFT JOIN fan f USING (n) LEFT JOIN cells ce USING (n) LEFT JOIN pers p USING (n) LEFT JOIN acct ac USING (n)
      ORDER BY a.n`,
  },
  params: [
    'targets',
    'zone',
    'flare_types',
    'gap_us',
    'min_recipients',
    'short_s',
    'long_s',
    'personal_long_calls',
    'personal_weeks',
    'hours_start',
    'hours_end',
  ],
  row: (r) => {
    const num = (k: string): number => Number(r[k])
    const opt = (k: string): number | null => (r[k] === null ? null : Number(r[k]))
    return {
      n: String(r['n']),
      first_day: String(r['first_day']),
      last_day: String(r['last_day']),
      span_days: num('span_days'),
      active_days: num('active_days'),
      events: num('events'),
      contacts: num('contacts'),
      inbound_contacts: num('inbound_contacts'),
      voice: num('voice'),
      out_texts: num('out_texts'),
      bursts: num('bursts'),
      burst_days: num('burst_days'),
      flare_messages: num('flare_messages'),
      mean_recipients: opt('mean_recipients'),
      recurrence: opt('recurrence'),
      flare_recipients: num('flare_recipients'),
      initiating_recipients: num('initiating_recipients'),
      fan_median: num('fan_median'),
      fan_p90: num('fan_p90'),
      fan_max: num('fan_max'),
      connected_calls: num('connected_calls'),
      short_calls: num('short_calls'),
      long_calls: num('long_calls'),
      out_of_hours: num('out_of_hours'),
      cells: num('cells'),
      cells_per_day: num('cells_per_day'),
      distinct_contacts: num('distinct_contacts'),
      personal_contacts: num('personal_contacts'),
      account_types: r['account_types'] as readonly string[],
      subscriber_records: (
        r['subscriber_records'] as readonly { id: string; file: string; row: unknown }[]
      ).map((s) => ({ id: String(s.id), file: String(s.file), row: Number(s.row) })),
    }
  },
}
