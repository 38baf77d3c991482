import { Type, type Static } from 'typebox';

export const NotificationKind = Type.Union(
  [
    Type.Literal('review.submitted'),
    Type.Literal('review.withdrawn'),
    Type.Literal('review.returned'),
    Type.Literal('review.approved'),
    Type.Literal('review.reopened'),
  ],
  {
    description:
      'What happened to a city’s year: submitted or withdrawn (told to the network’s coordinators); returned, approved or reopened (told to the city’s editors).',
  },
);
export type NotificationKind = Static<typeof NotificationKind>;

const Ref = Type.Object({ slug: Type.String(), name: Type.String() });

export const Notification = Type.Object({
  id: Type.Integer(),
  kind: NotificationKind,
  network: Ref,
  city: Ref,
  year: Type.Integer(),
  actor: Type.String({ description: 'Who took the step.' }),
  comment: Type.Union([Type.String(), Type.Null()], {
    description: 'The comment given with the step (the reason a year was returned or reopened).',
  }),
  at: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
});
export type Notification = Static<typeof Notification>;

export const NotificationList = Type.Object({
  unread: Type.Integer({ description: 'How many of the reader’s notifications are unread.' }),
  items: Type.Array(Notification, { description: 'Newest first.' }),
});
export type NotificationList = Static<typeof NotificationList>;

export const NotificationCount = Type.Object({
  unread: Type.Integer({ description: 'How many of the reader’s notifications are unread.' }),
});
export type NotificationCount = Static<typeof NotificationCount>;

export const NotificationQuery = Type.Object(
  {
    unread: Type.Optional(
      Type.Boolean({ description: 'Only unread notifications (default: all).' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type NotificationQuery = Static<typeof NotificationQuery>;

export const NotificationParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 9007199254740991 }),
});
