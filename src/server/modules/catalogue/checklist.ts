/** Routes of the personalised material list (offline choice); see the handler for what it does. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

export function checklistRoutes(_app: FastifyInstance, _deps: Deps): void {}
