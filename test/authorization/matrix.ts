/**
 * Who may call each route: the source of truth the authorization test holds the app to. Every route
 * the app registers must be listed here (the test fails on a route missing from it), so a new route
 * is covered the day it is added. `sponsorKey` is a sponsor machine's X-API-Key, `sponsor` a sponsor user.
 */
export const PRINCIPALS = ['admin', 'coordinator', 'mentor', 'participant', 'sponsor', 'sponsorKey'] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

const EVERYONE: PrincipalName[] = [...PRINCIPALS];
const STAFF: PrincipalName[] = ['admin', 'coordinator'];


export const MATRIX: Record<string, PrincipalName[] | 'public'> = {
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'POST /v1/auth/login': 'public',
  'POST /v1/auth/signup': 'public',
  'POST /v1/auth/session': 'public',
  'DELETE /v1/auth/session': 'public',
  'DELETE /v1/auth/sessions': ['admin', 'coordinator', 'mentor', 'participant', 'sponsor'],
  'GET /v1/consents/{token}': 'public',
  'POST /v1/consents/{token}': 'public',
  'GET /v1/me': EVERYONE,
  'GET /v1/me/participant': ['participant'],
  'POST /v1/me/consent-request': ['participant'],
  'POST /v1/participants/{id}/consent-request': STAFF,
  'GET /v1/me/mentor': ['mentor'],
  'POST /v1/me/calendar-token': ['admin', 'coordinator', 'mentor', 'participant'],
  'GET /v1/me/calendar.ics': 'public',
  'GET /v1/me/enrollments': ['participant'],
  'GET /v1/me/schedule': ['participant', 'mentor'],

  'POST /v1/programs/{id}/enrollments': ['admin', 'coordinator', 'participant'],
  'GET /v1/programs/{id}/enrollments': ['admin', 'coordinator', 'mentor'],
  'GET /v1/enrollments/{id}': ['admin', 'coordinator', 'participant'],
  'POST /v1/enrollments/{id}/withdraw': ['admin', 'coordinator', 'participant'],
  'POST /v1/enrollments/{id}/accept': ['admin', 'coordinator', 'participant'],
  'POST /v1/enrollments/{id}/decline': ['admin', 'coordinator', 'participant'],
  'POST /v1/enrollments/{id}/prioritize': STAFF,

  'GET /v1/sessions/{id}/attendance': ['admin', 'coordinator', 'mentor'],
  'PUT /v1/sessions/{id}/attendance': ['admin', 'coordinator', 'mentor'],
  'POST /v1/sessions/{id}/check-in-code': ['admin', 'coordinator', 'mentor'],
  'POST /v1/sessions/{id}/check-ins': ['participant'],
  'GET /v1/programs/{id}/attendance': STAFF,
  'GET /v1/attendance/flagged': STAFF,
  'GET /v1/participants/{id}/attendance': ['admin', 'coordinator', 'participant'],
  'GET /v1/mentors/{id}/hours': ['admin', 'coordinator', 'mentor'],

  'POST /v1/sessions/{id}/feedback': ['participant'],
  'GET /v1/me/feedback': ['participant'],
  'GET /v1/sessions/{id}/feedback': ['admin', 'coordinator', 'mentor'],
  'GET /v1/programs/{id}/feedback': ['admin', 'coordinator', 'mentor'],

  'POST /v1/programs/{id}/certificates': STAFF,
  'GET /v1/programs/{id}/certificates': STAFF,
  'POST /v1/certificates/{id}/revoke': STAFF,
  // The teen's own, or the staff of the branch: a sponsor counts certificates in the report, never reads one.
  'GET /v1/certificates/{id}/pdf': [...STAFF, 'participant'],
  'GET /v1/me/certificates': ['participant'],
  'GET /v1/certificates/verify/{code}': 'public',

  'POST /v1/branches': ['admin'],
  'GET /v1/branches': 'public',
  'GET /v1/branches/{id}': 'public',
  'PATCH /v1/branches/{id}': STAFF,

  'GET /v1/branches/{id}/rooms': 'public',
  'POST /v1/branches/{id}/rooms': STAFF,
  'PATCH /v1/branches/{id}/rooms/{roomId}': STAFF,
  'GET /v1/branches/{id}/schools': STAFF,
  'POST /v1/branches/{id}/schools': STAFF,
  'PATCH /v1/branches/{id}/schools/{schoolId}': STAFF,
  'POST /v1/branches/{id}/roster-imports': STAFF,
  'GET /v1/branches/{id}/closures': 'public',
  'POST /v1/branches/{id}/closures': STAFF,
  'DELETE /v1/branches/{id}/closures/{closureId}': STAFF,

  'POST /v1/programs': STAFF,
  'GET /v1/programs': 'public',
  'GET /v1/programs/{id}': 'public',
  'PATCH /v1/programs/{id}': STAFF,
  'POST /v1/programs/{id}/publish': STAFF,
  'POST /v1/programs/{id}/archive': STAFF,

  'GET /v1/programs/{id}/sessions': 'public',
  'GET /v1/programs/{id}/calendar.ics': 'public',
  'POST /v1/programs/{id}/sessions': STAFF,
  'POST /v1/programs/{id}/series': STAFF,
  'POST /v1/programs/{id}/series/preview': STAFF,
  'GET /v1/sessions': STAFF,
  'GET /v1/sessions/{id}': 'public',
  'PATCH /v1/sessions/{id}': STAFF,
  'POST /v1/sessions/{id}/cancel': STAFF,

  'POST /v1/mentors': STAFF,
  'GET /v1/mentors': STAFF,
  'GET /v1/mentors/{id}': [...STAFF, 'mentor'],
  'POST /v1/mentors/{id}/clearances': STAFF,
  'PUT /v1/sessions/{id}/mentors/{mentorId}': STAFF,
  'GET /v1/sessions/{id}/mentors': STAFF,
  'DELETE /v1/sessions/{id}/mentors/{mentorId}': STAFF,

  'POST /v1/sponsors': ['admin'],
  'GET /v1/sponsors': [...STAFF, 'sponsor', 'sponsorKey'],
  'GET /v1/sponsors/{id}': [...STAFF, 'sponsor', 'sponsorKey'],
  'PATCH /v1/sponsors/{id}': ['admin'],
  'POST /v1/sponsors/{id}/sponsorships': STAFF,
  'GET /v1/sponsors/{id}/sponsorships': [...STAFF, 'sponsor', 'sponsorKey'],

  'POST /v1/internships': [...STAFF, 'sponsor'],
  'GET /v1/internships': [...STAFF, 'sponsor', 'sponsorKey', 'participant'],
  'GET /v1/internships/{id}': [...STAFF, 'sponsor', 'sponsorKey', 'participant'],
  'PATCH /v1/internships/{id}': [...STAFF, 'sponsor'],
  'POST /v1/internships/{id}/open': [...STAFF, 'sponsor'],
  'POST /v1/internships/{id}/close': [...STAFF, 'sponsor'],
  'POST /v1/internships/{id}/applications': ['participant'],
  'GET /v1/internships/{id}/applications': [...STAFF, 'sponsor', 'sponsorKey'],
  'GET /v1/me/applications': ['participant'],
  // The sponsor's steps are the sponsor's (an admin may act for it), the teen's the teen's: a coordinator takes none.
  'PATCH /v1/applications/{id}': ['admin', 'sponsor', 'participant'],

  'GET /v1/reports/sponsors/{id}/outcomes': [...STAFF, 'sponsor', 'sponsorKey'],
  'GET /v1/reports/programs/{id}/summary': STAFF,
  'GET /v1/reports/mentor-hours': [...STAFF, 'sponsor', 'sponsorKey'],

  'POST /v1/sponsors/{id}/webhooks': ['admin', 'sponsor'],
  'GET /v1/sponsors/{id}/webhooks': ['admin', 'sponsor'],
  'DELETE /v1/sponsors/{id}/webhooks/{webhookId}': ['admin', 'sponsor'],
  'GET /v1/sponsors/{id}/webhooks/{webhookId}/deliveries': ['admin', 'sponsor'],
  'POST /v1/sponsors/{id}/webhooks/{webhookId}/rotate-secret': ['admin', 'sponsor'],

  'GET /v1/admin/outbox': ['admin'],
  'POST /v1/admin/outbox/{id}/retry': ['admin'],

  'GET /v1/participants': STAFF,
  'POST /v1/participants': STAFF,
  'GET /v1/participants/{id}': [...STAFF, 'participant'],
  'PATCH /v1/participants/{id}': [...STAFF, 'participant'],
  'DELETE /v1/participants/{id}': [...STAFF, 'participant'],
  // A teen never records their own guardian's consent.
  'PUT /v1/participants/{id}/consent': STAFF,

  'POST /v1/users': ['admin'],
  'GET /v1/users': ['admin'],
  'GET /v1/users/{id}': ['admin'],
  'PATCH /v1/users/{id}': ['admin'],

  // A sponsor key may not mint keys: only a signed-in sponsor user or an admin.
  'POST /v1/sponsors/{sponsorId}/api-keys': ['admin', 'sponsor'],
  'GET /v1/sponsors/{sponsorId}/api-keys': ['admin', 'sponsor'],
  'DELETE /v1/sponsors/{sponsorId}/api-keys/{keyId}': ['admin', 'sponsor'],
  'POST /v1/sponsors/{sponsorId}/api-keys/{keyId}/rotate': ['admin', 'sponsor'],
};
