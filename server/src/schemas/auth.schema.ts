import { Type, type Static } from 'typebox';
import { Slug } from './common.schema';

export const RoleName = Type.Union(
  [
    Type.Literal('admin'),
    Type.Literal('coordinator'),
    Type.Literal('editor'),
    Type.Literal('viewer'),
  ],
  {
    description:
      'admin: the whole installation; coordinator: a network (catalogue, members, review); editor: a city (values, ambitions, imports); viewer: reads a private network.',
  },
);

export const RoleGrant = Type.Object({
  id: Type.Integer(),
  role: RoleName,
  network: Type.Union([Type.Object({ slug: Type.String(), name: Type.String() }), Type.Null()]),
  city: Type.Union([Type.Object({ slug: Type.String(), name: Type.String() }), Type.Null()]),
});

export const SessionUser = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  displayName: Type.String(),
});

export const SessionResponse = Type.Object({
  user: Type.Union([SessionUser, Type.Null()]),
  roles: Type.Array(RoleGrant),
  /** Send as X-CSRF-Token with every change while signed in. */
  csrfToken: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  idleTimeoutSeconds: Type.Integer(),
});
export type SessionResponse = Static<typeof SessionResponse>;

const Email = Type.String({ minLength: 3, maxLength: 254, description: 'Email address.' });
const Password = Type.String({ minLength: 1, maxLength: 1024 });

export const SignInBody = Type.Object(
  { email: Email, password: Password },
  { additionalProperties: false },
);

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Password,
    newPassword: Type.String({
      minLength: 1,
      maxLength: 1024,
      description: 'At least 12 characters, not a common password.',
    }),
  },
  { additionalProperties: false },
);

export const InvitationAcceptBody = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

export const User = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  displayName: Type.String(),
  disabled: Type.Boolean(),
  hasPassword: Type.Boolean({ description: 'False until an invited user sets a password.' }),
  createdAt: Type.String({ format: 'date-time' }),
  lastSignInAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  roles: Type.Array(RoleGrant),
});

export const Invitation = Type.Object({
  path: Type.String({
    description: 'Page where the user chooses a password; append it to the site address.',
  }),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const UserListResponse = Type.Object({ users: Type.Array(User) });

export const UserCreateBody = Type.Object(
  {
    email: Email,
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    password: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1024,
        description: 'Leave out to get an invitation link instead.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const UserCreateResponse = Type.Object({
  user: User,
  invitation: Type.Union([Invitation, Type.Null()]),
});

export const UserPatchBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    disabled: Type.Optional(
      Type.Boolean({ description: 'Disabling ends the user’s sessions at once.' }),
    ),
  },
  { additionalProperties: false },
);

export const UserParams = Type.Object({ user: Type.Integer({ minimum: 1 }) });
export const GrantParams = Type.Object({
  user: Type.Integer({ minimum: 1 }),
  grant: Type.Integer({ minimum: 1 }),
});

export const GrantBody = Type.Object(
  {
    role: RoleName,
    network: Type.Optional(Slug),
    city: Type.Optional(Slug),
  },
  { additionalProperties: false },
);
