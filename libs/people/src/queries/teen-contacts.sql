-- The SQL of teen-contacts.ts, written by `npm run lint:tables -- --write`: do not edit.

-- teenContacts
(SELECT pt.id, pt.first_name, COALESCE(pt.contact_email, u.email, pt.guardian_email) AS email
           FROM participant pt LEFT JOIN ${accounts()} u ON u.id = pt.user_id WHERE pt.erased_at IS NULL)

-- [teen]
SELECT t.id, t.first_name, t.email FROM ${teenContacts()} t WHERE t.id = $1

-- [row]
SELECT first_name AS teen_first_name, birth_date::text AS birth_date, guardian_name, guardian_email, guardian_language
     FROM participant WHERE id = $1 AND erased_at IS NULL
