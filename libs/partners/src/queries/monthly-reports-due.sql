-- The SQL of monthly-reports-due.ts, written by `npm run lint:tables -- --write`: do not edit.

-- monthlyReportsDue
SELECT DISTINCT w.sponsor_id AS "sponsorId", to_char(date_trunc('month', now()) - interval '1 month', 'YYYY-MM') AS month
     FROM webhook_endpoint w WHERE 'sponsorship.report_ready' = ANY(w.events)
