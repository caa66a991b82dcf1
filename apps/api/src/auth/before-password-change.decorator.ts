import { SetMetadata } from '@nestjs/common';

export const BEFORE_PASSWORD_CHANGE_KEY = 'allowedBeforePasswordChange';

/**
 * Routes an account that must change its password may still use: the change itself, who am I,
 * and signing out. Every other route answers 403 password_change_required.
 */
export const AllowedBeforePasswordChange = (): MethodDecorator & ClassDecorator => SetMetadata(BEFORE_PASSWORD_CHANGE_KEY, true);
