import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'codeshelf:public';

/** Marks a route that needs no principal; every other route does, by the global guard. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
