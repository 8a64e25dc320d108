-- The SQL of program-seats.ts, written by `npm run lint:tables -- --write`: do not edit.

-- [row]
SELECT p.id, p.branch_id AS "branchId", p.status, p.min_age AS "minAge", p.max_age AS "maxAge", p.starts_on::text AS "startsOn",
          p.ends_on::text AS "endsOn", p.enrollment_opens_at AS "enrollmentOpensAt", p.enrollment_closes_at AS "enrollmentClosesAt",
          p.capacity, p.waitlist_enabled AS "waitlistEnabled", b.timezone
     FROM program p JOIN branch b ON b.id = p.branch_id WHERE p.id = $1

-- takeSeatOrPlace
UPDATE program SET
    enrolled_count = enrolled_count + CASE WHEN enrolled_count < capacity AND waitlisted_count = 0 THEN 1 ELSE 0 END,
    waitlisted_count = waitlisted_count + CASE WHEN enrolled_count < capacity AND waitlisted_count = 0 THEN 0 ELSE 1 END
  WHERE id = ${programId} AND status = 'published' AND ((enrolled_count < capacity AND waitlisted_count = 0) OR waitlist_enabled)
  RETURNING id, waitlisted_count

-- [row]
SELECT capacity, enrolled_count AS "enrolledCount", waitlisted_count AS "waitlistedCount" FROM program WHERE id = $1 FOR UPDATE

-- [[row]]
UPDATE program SET enrolled_count = enrolled_count - 1 WHERE id = $1
   RETURNING capacity, enrolled_count AS "enrolledCount", waitlisted_count AS "waitlistedCount"

-- releasePlace
UPDATE program SET waitlisted_count = waitlisted_count - 1 WHERE id = $1

-- addPromoted
UPDATE program SET enrolled_count = enrolled_count + $2, waitlisted_count = waitlisted_count - $2 WHERE id = $1
