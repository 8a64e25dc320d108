-- The SQL of check-in.ts, written by `npm run lint:tables -- --write`: do not edit.

-- checkInSecret
INSERT INTO check_in_secret (session_id, secret) VALUES ($1, $2) ON CONFLICT (session_id) DO NOTHING

-- [row]
SELECT secret FROM check_in_secret WHERE session_id = $1

-- [attempt]
INSERT INTO check_in_attempt (session_id, participant_id, attempts, window_started_at) VALUES ($1, $2, 1, now())
   ON CONFLICT (session_id, participant_id) DO UPDATE SET
     attempts = CASE WHEN check_in_attempt.window_started_at < now() - interval '10 minutes' THEN 1 ELSE check_in_attempt.attempts + 1 END,
     window_started_at = CASE WHEN check_in_attempt.window_started_at < now() - interval '10 minutes' THEN now() ELSE check_in_attempt.window_started_at END
   RETURNING attempts, GREATEST(1, CEIL(EXTRACT(EPOCH FROM window_started_at + interval '10 minutes' - now())))::int AS wait

-- clearCheckInAttempts
DELETE FROM check_in_attempt WHERE session_id = $1 AND participant_id = $2

-- [row]
INSERT INTO attendance (session_id, participant_id, status, method, checked_in_at, recorded_by) VALUES ($1, $2, $3, 'self_check_in', now(), $4)
   ON CONFLICT (session_id, participant_id) DO UPDATE
      SET status = EXCLUDED.status, method = 'self_check_in', checked_in_at = now(), recorded_by = EXCLUDED.recorded_by, updated_at = now()
    WHERE attendance.status = 'absent'
   RETURNING status, method, checked_in_at

-- [row]
SELECT status, method, checked_in_at FROM attendance WHERE session_id = $1 AND participant_id = $2
