-- The SQL of jwt-secret.ts, written by `npm run lint:tables -- --write`: do not edit.

-- keptSigningSecret
INSERT INTO jwt_signing_secret (secret) VALUES ($1) ON CONFLICT DO NOTHING

-- [{ secret }]
SELECT secret FROM jwt_signing_secret
