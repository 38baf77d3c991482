/**
 * The API's answers as the server's contract types them, for the client
 * tests' fake API (render.tsx): a fake can only answer with a body some route
 * of the server sends, and with an error code (and its status) the server's
 * error vocabulary has.
 */
import type { Static } from 'typebox';
import { ERROR_STATUS, type ErrorCode } from '../../server/src/errors';
import type {
  Action,
  ActionListResponse,
  GoodPracticeListResponse,
} from '../../server/src/schemas/action.schema';
import type {
  ApiTokenCreated,
  ApiTokenList,
  RecoveryCodes,
  RoleGrant,
  SecondFactorSetup,
  SecondFactorStatus,
  SessionResponse,
  User,
  UserCreateResponse,
  UserListResponse,
} from '../../server/src/schemas/auth.schema';
import type {
  EurostatCodeList,
  Indicator,
  IndicatorListResponse,
  Invitation,
  InvitationList,
  MembershipResponse,
} from '../../server/src/schemas/catalogue.schema';
import type { CityDetail, CityListResponse } from '../../server/src/schemas/city.schema';
import type { CityDistricts } from '../../server/src/schemas/district.schema';
import type { NetworkDetail, NetworkListResponse } from '../../server/src/schemas/network.schema';
import type {
  NotificationCount,
  NotificationList,
} from '../../server/src/schemas/notification.schema';
import type {
  Ambition,
  AmbitionListResponse,
  HistoryResponse,
  ImportReport,
  Observation,
  ObservationListResponse,
  RepositoryReport,
} from '../../server/src/schemas/observation.schema';
import type {
  Assessment,
  CityProgressResponse,
  ComparisonResponse,
  IndicatorDetailResponse,
  NetworkRankingResponse,
  NetworkScoresResponse,
  PeersResponse,
} from '../../server/src/schemas/progress.schema';
import type {
  CityReviews,
  ReviewChecklist,
  ReviewComment,
  ReviewPeriod,
  ReviewQueue,
} from '../../server/src/schemas/review.schema';
import type {
  GoalDetailResponse,
  GoalListResponse,
  IndicatorDetailResponse as SdgIndicatorDetailResponse,
  TargetDetailResponse,
} from '../../server/src/schemas/sdg.schema';

/** Every body a route of the API answers with on success (its 200 and 201 response schemas). */
export type ApiBody =
  | Static<typeof Action>
  | Static<typeof ActionListResponse>
  | Static<typeof GoodPracticeListResponse>
  | Static<typeof ApiTokenCreated>
  | Static<typeof ApiTokenList>
  | Static<typeof RecoveryCodes>
  | Static<typeof RoleGrant>
  | Static<typeof SecondFactorSetup>
  | Static<typeof SecondFactorStatus>
  | Static<typeof SessionResponse>
  | Static<typeof User>
  | Static<typeof UserCreateResponse>
  | Static<typeof UserListResponse>
  | Static<typeof EurostatCodeList>
  | Static<typeof Indicator>
  | Static<typeof IndicatorListResponse>
  | Static<typeof CityDetail>
  | Static<typeof CityListResponse>
  | Static<typeof Invitation>
  | Static<typeof InvitationList>
  | Static<typeof CityDistricts>
  | Static<typeof MembershipResponse>
  | Static<typeof NetworkDetail>
  | Static<typeof NetworkListResponse>
  | Static<typeof NotificationCount>
  | Static<typeof NotificationList>
  | Static<typeof Ambition>
  | Static<typeof AmbitionListResponse>
  | Static<typeof HistoryResponse>
  | Static<typeof ImportReport>
  | Static<typeof Observation>
  | Static<typeof ObservationListResponse>
  | Static<typeof RepositoryReport>
  | Static<typeof Assessment>
  | Static<typeof CityProgressResponse>
  | Static<typeof ComparisonResponse>
  | Static<typeof IndicatorDetailResponse>
  | Static<typeof NetworkRankingResponse>
  | Static<typeof NetworkScoresResponse>
  | Static<typeof PeersResponse>
  | Static<typeof CityReviews>
  | Static<typeof ReviewChecklist>
  | Static<typeof ReviewComment>
  | Static<typeof ReviewPeriod>
  | Static<typeof ReviewQueue>
  | Static<typeof GoalDetailResponse>
  | Static<typeof GoalListResponse>
  | Static<typeof SdgIndicatorDetailResponse>
  | Static<typeof TargetDetailResponse>;

/** An error answer as the server sends it: a code of its vocabulary, with that code's status. */
export type ApiError = {
  [C in ErrorCode]: {
    status: (typeof ERROR_STATUS)[C];
    body: { error: { code: C; message: string; details?: unknown } };
  };
}[ErrorCode];

/** Builds an error answer (the status follows from the code). */
export function apiError<C extends ErrorCode>(
  code: C,
  message: string,
  details?: unknown,
): Extract<ApiError, { body: { error: { code: C } } }> {
  return {
    status: ERROR_STATUS[code],
    body: { error: { code, message, ...(details === undefined ? {} : { details }) } },
  } as Extract<ApiError, { body: { error: { code: C } } }>;
}
