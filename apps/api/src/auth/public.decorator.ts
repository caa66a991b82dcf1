import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'duban:isPublic';

/** Opens a route to callers without a token (login, health). Everything else needs one. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
