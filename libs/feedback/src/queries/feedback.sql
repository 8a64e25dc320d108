-- The SQL of feedback.ts, written by `npm run lint:tables -- --write`: do not edit.

-- [row]
SELECT EXISTS (SELECT 1 FROM ${sessions()} s JOIN ${seatHolders()} e ON e.program_id = s.program_id
                   WHERE s.id = $1 AND e.participant_id = $2 AND e.enrolled_at < s.ends_at) AS seated,
          EXISTS (SELECT 1 FROM ${attendanceMarks()} a WHERE a.session_id = $1 AND a.participant_id = $2 AND NOT ${attendedSql('a.status')}) AS away

-- [row]
INSERT INTO session_feedback (session_id, participant_id, rating, comment) VALUES ($1, $2, $3, $4)
   ON CONFLICT ON CONSTRAINT session_feedback_once DO NOTHING RETURNING session_id, rating, comment, created_at

-- feedbackRequests
SELECT s.id AS session_id, s.program_id, p.title, s.topic, s.starts_at, s.ends_at, p.timezone,
          s.ends_at + make_interval(days => $2) AS closes_at, f.rating, f.comment
     FROM ${seatHolders()} e
     JOIN ${sessions()} s ON s.program_id = e.program_id AND s.ends_at > e.enrolled_at
     JOIN ${programTerms()} p ON p.id = s.program_id
     LEFT JOIN ${attendanceMarks()} a ON a.session_id = s.id AND a.participant_id = e.participant_id
     LEFT JOIN session_feedback f ON f.session_id = s.id AND f.participant_id = e.participant_id
    WHERE e.participant_id = $1 AND s.held AND p.status = 'published' AND (a.status IS NULL OR ${attendedSql('a.status')})
      AND s.ends_at <= now() AND s.ends_at > now() - make_interval(days => $2)
    ORDER BY s.ends_at DESC, s.id

-- sessionRatings
SELECT s.id AS session_id, s.starts_at, s.topic,
          ARRAY[count(*) FILTER (WHERE f.rating = 1), count(*) FILTER (WHERE f.rating = 2), count(*) FILTER (WHERE f.rating = 3),
                count(*) FILTER (WHERE f.rating = 4), count(*) FILTER (WHERE f.rating = 5)]::int[] AS counts,
          count(f.comment)::int AS commenters
     FROM ${sessions()} s JOIN session_feedback f ON f.session_id = s.id
    WHERE ${scope}
    GROUP BY s.id, s.starts_at, s.topic
    ORDER BY s.starts_at, s.id

-- commentsOf
SELECT f.session_id, s.starts_at, f.comment FROM session_feedback f JOIN ${sessions()} s ON s.id = f.session_id
    WHERE f.session_id = ANY($1::uuid[]) AND f.comment IS NOT NULL ORDER BY s.starts_at, f.session_id, f.id

-- [row]
SELECT p.branch_id FROM ${programTerms()} p WHERE p.id = $1

-- eraseFeedbackComments
UPDATE session_feedback SET comment = NULL WHERE participant_id = $1 AND comment IS NOT NULL
