-- The SQL of mentors.ts, written by `npm run lint:tables -- --write`: do not edit.

-- whereClearanceExpiresBy
EXISTS (SELECT 1 FROM mentor_clearance c WHERE c.mentor_id = m.id AND c.status = 'cleared' AND c.expires_on BETWEEN CURRENT_DATE AND :by)

-- upcomingMentorSessions
SELECT "mentorId", "sessionId", "programId", "programTitle", "startsAt", "endsAt", timezone, role FROM (
     SELECT sm.mentor_id AS "mentorId", s.id AS "sessionId", p.id AS "programId", p.title AS "programTitle", s.starts_at AS "startsAt",
            s.ends_at AS "endsAt", b.timezone, sm.role, row_number() OVER (PARTITION BY sm.mentor_id ORDER BY s.starts_at) AS n
       FROM session_mentor sm JOIN session s ON s.id = sm.session_id JOIN program p ON p.id = s.program_id JOIN branch b ON b.id = p.branch_id
      WHERE sm.mentor_id = ANY($1) AND s.status = 'scheduled' AND s.ends_at > now()
        AND (p.status <> 'draft' OR $2 OR p.branch_id = ANY($3))
   ) coming WHERE n <= $4 ORDER BY "startsAt"

-- [row]
SELECT m.id FROM session_mentor sm JOIN mentor m ON m.id = sm.mentor_id JOIN session s ON s.id = sm.session_id
    WHERE m.user_id = $1 AND ${scope} = $2 AND s.status = 'scheduled' AND s.ends_at > now() - make_interval(days => $3)
    LIMIT 1

-- upsertSessionMentor
INSERT INTO session_mentor (session_id, mentor_id, role, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (session_id, mentor_id) DO UPDATE SET role = EXCLUDED.role
