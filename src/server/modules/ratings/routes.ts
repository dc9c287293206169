/** Routes of this module; see the module's service for what it does. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

export function ratingRoutes(_app: FastifyInstance, _deps: Deps): void {}
