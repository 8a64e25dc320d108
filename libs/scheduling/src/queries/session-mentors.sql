-- The SQL of session-mentors.ts, written by `npm run lint:tables -- --write`: do not edit.

-- sessionMentors
(SELECT sm.session_id, sm.mentor_id, sm.role, sm.active, u.display_name, (regexp_split_to_array(btrim(u.display_name), '\s+'))[1] AS first_name, u.email
   FROM session_mentor sm JOIN mentor m ON m.id = sm.mentor_id JOIN ${accounts()} u ON u.id = m.user_id)
