import type { EntityManager } from 'typeorm';

/** Last month's report for a sponsor that wants to hear of it. */
export interface MonthlyReportDue {
  sponsorId: string;
  /** YYYY-MM, by the database's clock */
  month: string;
}

/** Every sponsor with an endpoint that wants `sponsorship.report_ready`, with last month (YYYY-MM). */
export function monthlyReportsDue(db: EntityManager): Promise<MonthlyReportDue[]> {
  return db.query(
    `SELECT DISTINCT w.sponsor_id AS "sponsorId", to_char(date_trunc('month', now()) - interval '1 month', 'YYYY-MM') AS month
       FROM webhook_endpoint w WHERE 'sponsorship.report_ready' = ANY(w.events)`,
  );
}
