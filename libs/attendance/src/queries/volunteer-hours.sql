-- The SQL of volunteer-hours.ts, written by `npm run lint:tables -- --write`: do not edit.

-- volunteerHours
(SELECT ma.mentor_id, ma.session_id, s.program_id, s.starts_at, s.ends_at, EXTRACT(EPOCH FROM s.ends_at - s.starts_at) AS seconds
   FROM mentor_attendance ma JOIN ${sessions()} s ON s.id = ma.session_id
  WHERE ma.status = 'present' AND s.status = 'scheduled')
