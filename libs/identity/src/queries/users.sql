-- The SQL of users.ts, written by `npm run lint:tables -- --write`: do not edit.

-- rows
SELECT id FROM user_account WHERE role = 'admin' AND NOT disabled AND id <> $1 FOR UPDATE

-- rows
SELECT u.id, u.role, u.display_name, u.sponsor_id,
          COALESCE(array_agg(cb.branch_id) FILTER (WHERE cb.branch_id IS NOT NULL), '{}') AS branch_ids
     FROM user_account u LEFT JOIN coordinator_branch cb ON cb.user_id = u.id
    WHERE u.id = $1 AND NOT u.disabled
    GROUP BY u.id
