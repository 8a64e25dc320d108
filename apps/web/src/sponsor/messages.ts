import type { Shape } from '../i18n/shape';

/** The sponsor console's words (i18n key prefix `sponsor.`), English. */
export const en = {};

/** Spanish: the same keys (the type and a test check). */
export const es: Shape<typeof en> = {};
