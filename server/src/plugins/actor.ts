import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { SYSTEM_ACTOR, type Actor } from '../services/actor';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is making the request; services receive it on every write. */
    actor: Actor;
  }
}

const ACTOR = Symbol('actor');
type WithActor = FastifyRequest & { [ACTOR]?: Actor };

/**
 * Gives every request an actor: the system actor until an authentication
 * hook assigns the signed-in user (`request.actor = …`).
 */
async function actorPlugin(app: FastifyInstance): Promise<void> {
  app.decorateRequest('actor', {
    getter(this: WithActor): Actor {
      return this[ACTOR] ?? SYSTEM_ACTOR;
    },
    setter(this: WithActor, value: Actor): void {
      this[ACTOR] = value;
    },
  });
}

export default fp(actorPlugin, { name: 'actor' });
