import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../schemas/common.schema';
import {
  NotificationCount,
  NotificationList,
  NotificationParams,
  NotificationQuery,
} from '../schemas/notification.schema';
import type { Services } from '../services/services';

/** An empty body: marking read takes no input (a missing body counts as `{}`). */
const NoBody = Type.Object({}, { additionalProperties: false });

/** The reader's own review notifications: list, unread count, mark read. */
// A route table: one registration per route; each handler is a line or two calling its service.
export const notificationRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  const { notifications } = services;
  const emptyBody = {
    preValidation: (
      request: { body: unknown },
      _reply: unknown,
      done: (error?: Error) => void,
    ): void => {
      if (request.body === undefined) request.body = {};
      done();
    },
  };

  app.get(
    '/notifications',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['Notifications'],
        summary:
          'The reader’s notifications of review steps (years submitted, withdrawn, returned, approved, reopened), newest first',
        querystring: NotificationQuery,
        response: { 200: NotificationList, ...errorResponses(400, 401) },
      },
    },
    async (request) =>
      notifications.list(request.principal, {
        unreadOnly: request.query.unread === true,
        limit: request.query.limit ?? 50,
      }),
  );

  app.get(
    '/notifications/unread',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['Notifications'],
        summary: 'How many of the reader’s notifications are unread (the header’s badge)',
        response: { 200: NotificationCount, ...errorResponses(401) },
      },
    },
    async (request) => notifications.unread(request.principal),
  );

  app.post(
    '/notifications/read-all',
    {
      config: { access: 'session' },
      ...emptyBody,
      schema: {
        tags: ['Notifications'],
        summary: 'Marks all the reader’s notifications read',
        body: NoBody,
        response: { 200: NotificationCount, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => notifications.markAllRead(request.principal),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { access: 'session' },
      ...emptyBody,
      schema: {
        tags: ['Notifications'],
        summary: 'Marks one of the reader’s notifications read; another person’s answers 404',
        params: NotificationParams,
        body: NoBody,
        response: { 200: NotificationCount, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => notifications.markRead(request.principal, request.params.id),
  );
};
