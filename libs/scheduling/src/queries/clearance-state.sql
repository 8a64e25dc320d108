-- The SQL of clearance-state.ts, written by `npm run lint:tables -- --write`: do not edit.

-- [gap]
SELECT k.kind, latest.status, latest.id
     FROM unnest($3::text[]) AS k(kind)
     LEFT JOIN LATERAL (
       SELECT c.id, c.status, c.expires_on FROM mentor_clearance c
        WHERE c.mentor_id = $1 AND c.kind = k.kind AND c.valid_from <= $2::date
        ORDER BY c.valid_from DESC, c.created_at DESC LIMIT 1
     ) latest ON true
    WHERE latest.status IS DISTINCT FROM 'cleared' OR latest.expires_on < $2::date
    ORDER BY k.kind LIMIT 1
