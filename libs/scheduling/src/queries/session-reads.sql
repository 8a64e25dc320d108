-- The SQL of session-reads.ts, written by `npm run lint:tables -- --write`: do not edit.

-- MENTOR_FIRST_NAMES
COALESCE((
SELECT json_agg(json_build_object('firstName', sm.first_name, 'role', sm.role) ORDER BY sm.role = 'lead' DESC, sm.display_name, sm.mentor_id)
  FROM ${sessionMentors()} sm WHERE sm.session_id = s.id AND sm.active), '[]'::json) AS mentors

-- select
${SESSION_COLUMNS}, p.title AS "programTitle", p.branch_id AS "branchId", r.name AS "roomName",
      ARRAY(SELECT m.user_id FROM session_mentor sm JOIN mentor m ON m.id = sm.mentor_id
             WHERE sm.session_id = s.id AND sm.active ORDER BY sm.role DESC, m.id) AS "mentorUserIds"
