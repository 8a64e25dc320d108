-- The SQL of session-writes.ts, written by `npm run lint:tables -- --write`: do not edit.

-- [row]
SELECT other.session_id FROM session_mentor other
    WHERE other.active AND other.session_id <> $1 AND tstzrange(other.starts_at, other.ends_at) && tstzrange($2, $3)
      AND (other.mentor_id = $4::uuid OR ($4::uuid IS NULL AND other.mentor_id IN (SELECT mentor_id FROM session_mentor WHERE session_id = $1)))
    LIMIT 1

-- [row]
SELECT s.id, p.title, s.starts_at FROM session s JOIN program p ON p.id = s.program_id WHERE s.id = $1
