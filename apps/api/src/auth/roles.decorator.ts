import { SetMetadata } from '@nestjs/common';
import type { Role } from '@duban/domain';

export const ROLES_KEY = 'duban:roles';

/** Only these roles may call the route. Finer rules (which suggestion, which unit) live in the decider. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
