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
  /** Roles not counted until the user sets up a second factor (the configuration requires one). */
  heldBackRoles: Type.Array(RoleName),
  /**
   * Set by a sign-in whose password was right when the account has a second
   * factor: send it with the code to /auth/sign-in/second-factor.
   */
  secondFactorChallenge: Type.Union([Type.String(), Type.Null()]),
});
export type SessionResponse = Static<typeof SessionResponse>;

export const SecondFactorSignInBody = Type.Object(
  {
    challenge: Type.String({ minLength: 1, maxLength: 100 }),
    code: Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'The 6-digit code from the authenticator app, or a recovery code.',
    }),
  },
  { additionalProperties: false },
);

export const CodeBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
);

export const SecondFactorDisableBody = Type.Object(
  {
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    code: Type.String({ minLength: 1, maxLength: 40 }),
  },
  { additionalProperties: false },
);

export const SecondFactorStatus = Type.Object({
  enabled: Type.Boolean(),
  requiredFor: Type.Array(RoleName, {
    description: 'Your roles that the installation lets count only with a second factor.',
  }),
  heldBack: Type.Array(RoleName, { description: 'Roles not counted now: no second factor yet.' }),
  recoveryCodesLeft: Type.Integer(),
});

export const SecondFactorSetup = Type.Object({
  secret: Type.String({ description: 'Type it into the app if you cannot scan the QR code.' }),
  uri: Type.String({ description: 'The otpauth:// address in the QR code.' }),
  qrSvg: Type.String({ description: 'The QR code as an SVG document.' }),
});

export const RecoveryCodes = Type.Object({
  recoveryCodes: Type.Array(Type.String(), {
    description: 'Shown this once: each signs in once when the app is not at hand.',
  }),
});

export const ApiToken = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String({ description: 'The token’s first characters, to recognise it.' }),
  access: Type.Union([Type.Literal('read'), Type.Literal('roles')]),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revoked: Type.Boolean(),
});

export const ApiTokenList = Type.Object({ tokens: Type.Array(ApiToken) });

export const ApiTokenCreateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: 'What the token is for.' }),
    access: Type.Union([Type.Literal('read'), Type.Literal('roles')], {
      description: 'read: reads what you may read; roles: also changes what your roles allow.',
    }),
    expiresInDays: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1, maximum: 3650 }), Type.Null()], {
        description: 'Days until the token stops working; null or absent: never.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ApiTokenCreated = Type.Object({
  token: Type.String({ description: 'The token itself: shown this once, store it safely.' }),
  apiToken: ApiToken,
});

export const ApiTokenParams = Type.Object({
  token: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
});

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
  secondFactor: Type.Boolean({ description: 'Two-factor authentication (TOTP) is on.' }),
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

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const UserParams = Type.Object({ user: Id });
export const GrantParams = Type.Object({ user: Id, grant: Id });

export const GrantBody = Type.Object(
  {
    role: RoleName,
    network: Type.Optional(Slug),
    city: Type.Optional(Slug),
  },
  { additionalProperties: false },
);
