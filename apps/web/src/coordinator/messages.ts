import type { Shape } from '../i18n/shape';

/** The coordinator console's words (i18n key prefix `coordinator.`), English. */
export const en = {};

/** Spanish: the same keys (the type and a test check). */
export const es: Shape<typeof en> = {};
