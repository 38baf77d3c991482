import type { Principal } from '../auth/principal';
import { AppError, notFound, validationFailed } from '../errors';
import {
  LOCKED_STATES,
  type ReviewCommentRecord,
  type ReviewPeriodRecord,
  type ReviewState,
} from '../repositories/review.repository';
import type { Repositories, UnitOfWork } from '../repositories/unit-of-work';
import type {
  CityReviews,
  ReviewAction,
  ReviewChecklist,
  ReviewComment,
  ReviewPeriod,
  ReviewQueue,
} from '../schemas/review.schema';
import type { Action } from '../auth/policy';
import type { SdgLanguage } from '../domain/languages';
import type { NotificationKind } from '../schemas/notification.schema';
import { describeSeries, seriesDimensions } from '../domain/series';
import type { AccessService } from './access.service';
import { requireCity, requireIndicator, requireNetwork } from './lookup';
import type { MailMessage } from './mailer';
import type { NotificationService } from './notification.service';

/** Which states each step starts from, where it leads, who takes it, and whether it needs a comment. */
const STEPS: Readonly<
  Record<
    ReviewAction,
    {
      from: readonly ReviewState[];
      to: ReviewState;
      by: 'editor' | 'coordinator';
      needsComment: boolean;
      done: string;
    }
  >
> = {
  submit: {
    from: ['draft', 'returned'],
    to: 'submitted',
    by: 'editor',
    needsComment: false,
    done: 'submitted',
  },
  withdraw: {
    from: ['submitted'],
    to: 'draft',
    by: 'editor',
    needsComment: false,
    done: 'withdrawn',
  },
  return: {
    from: ['submitted'],
    to: 'returned',
    by: 'coordinator',
    needsComment: true,
    done: 'returned',
  },
  approve: {
    from: ['submitted'],
    to: 'approved',
    by: 'coordinator',
    needsComment: false,
    done: 'approved',
  },
  reopen: {
    from: ['approved'],
    to: 'draft',
    by: 'coordinator',
    needsComment: true,
    done: 'reopened',
  },
};

/** What the reader may do about a city's year. */
interface Abilities {
  canSubmit: boolean;
  canDecide: boolean;
}

/** The steps the reader may take now (what the interface offers; the server checks again). */
function stepsFor(state: ReviewState, values: number, you: Abilities): ReviewAction[] {
  return (Object.keys(STEPS) as ReviewAction[]).filter((action) => {
    const step = STEPS[action];
    if (!step.from.includes(state)) return false;
    if (action === 'submit' && values === 0) return false;
    return step.by === 'editor' ? you.canSubmit : you.canDecide;
  });
}

const STATE_WORDS: Readonly<Record<ReviewState, string>> = {
  draft: 'a draft',
  submitted: 'submitted for review',
  returned: 'returned to the city',
  approved: 'approved',
};

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

function toComment(c: ReviewCommentRecord): ReviewComment {
  return {
    id: c.id,
    year: c.year,
    indicator: c.indicatorSlug,
    author: c.author,
    body: c.body,
    at: c.createdAt.toISOString(),
  };
}

/** The policy action behind a step: editors submit and withdraw, coordinators decide. */
export function stepAction(action: ReviewAction): Action {
  return STEPS[action].by === 'editor' ? 'review.submit' : 'review.decide';
}

/** The message of a write refused because the year is locked. */
export function lockedMessage(cityName: string, year: number, state: ReviewState): string {
  return state === 'approved'
    ? `${cityName}’s figures for ${year} are approved and locked. Ask a coordinator to reopen the year to change them.`
    : `${cityName}’s figures for ${year} are submitted for review and locked. Withdraw the submission to change them, or wait for the coordinators’ answer.`;
}

/** Refuses a write into a submitted or approved year (409), after locking the period it touches. */
export async function requireWritable(
  repos: Repositories,
  cityName: string,
  period: { networkId: number; cityId: number; year: number },
): Promise<void> {
  const { state, year } = await repos.reviews.lockForWrite(period);
  if (LOCKED_STATES.has(state))
    throw new AppError('conflict', lockedMessage(cityName, year, state), [{ year, state }]);
}

/**
 * The review workflow of a city's figures, per network and year: editors
 * submit, coordinators return with comments or approve (which publishes the
 * values), and reopen an approved year.
 */
export class ReviewService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
    private readonly notifications: NotificationService,
  ) {}

  /** The network and city of a review, after the policy allowed the action on them. */
  private async resolve(
    repos: Repositories,
    principal: Principal,
    action: Action,
    networkSlug: string,
    citySlug: string,
  ) {
    await this.access.check(repos, principal, action, { network: networkSlug, city: citySlug });
    const network = await requireNetwork(repos, networkSlug);
    const city = await requireCity(repos, citySlug);
    if ((await repos.networks.findMember(network.id, city.id)) === undefined)
      throw notFound(`${city.name} is not a member of ${network.name}.`);
    return { network, city };
  }

  /** The network and city of a review the principal may read (outside a transaction). */
  private readable(principal: Principal, networkSlug: string, citySlug: string) {
    return this.resolve(this.uow.repos, principal, 'review.read', networkSlug, citySlug);
  }

  /** Every year of the city in the network with values or a review, newest first, and the comments. */
  async forCity(principal: Principal, networkSlug: string, citySlug: string): Promise<CityReviews> {
    const { repos } = this.uow;
    const { network, city } = await this.readable(principal, networkSlug, citySlug);
    const periods = new Map(
      (await repos.reviews.forCity(city.id, [network.id])).map((p) => [p.year, p]),
    );
    const counts = await repos.reviews.yearCounts(network.id, city.id);
    const comments = await repos.reviews.comments(network.id, city.id);
    const years = [...new Set([...periods.keys(), ...counts.keys()])].sort((a, b) => b - a);
    const you = this.abilities(principal, city.id, network.id);
    return {
      network: { slug: network.slug, name: network.name },
      city: { slug: city.slug, name: city.name },
      years: years.map((year) =>
        this.toPeriod(
          year,
          periods.get(year),
          counts.get(year),
          comments.filter((c) => c.year === year).length,
          you,
        ),
      ),
      comments: comments.map(toComment),
      you,
    };
  }

  private abilities(principal: Principal, cityId: number, networkId: number): Abilities {
    return {
      canSubmit: principal.canEditCity(cityId),
      canDecide: principal.canManageNetwork(networkId),
    };
  }

  private toPeriod(
    year: number,
    period: ReviewPeriodRecord | undefined,
    counts: { values: number; published: number } | undefined,
    comments: number,
    you: Abilities,
  ): ReviewPeriod {
    const state = period?.state ?? 'draft';
    const values = counts?.values ?? 0;
    return {
      year,
      state,
      locked: LOCKED_STATES.has(state),
      steps: stepsFor(state, values, you),
      values,
      published: counts?.published ?? 0,
      submittedAt: iso(period?.submittedAt ?? null),
      submittedBy: period?.submittedBy ?? null,
      decidedAt: iso(period?.decidedAt ?? null),
      decidedBy: period?.decidedBy ?? null,
      approvedAt: iso(period?.approvedAt ?? null),
      comments,
    };
  }

  /** A network's periods waiting for a decision (or in the given state). */
  async queue(
    principal: Principal,
    networkSlug: string,
    state: ReviewState = 'submitted',
  ): Promise<ReviewQueue> {
    const { repos } = this.uow;
    await this.access.check(repos, principal, 'network.members', { network: networkSlug });
    const network = await requireNetwork(repos, networkSlug);
    const periods = await repos.reviews.forNetwork(network.id, [state]);
    const counted = await Promise.all(
      periods.map(async (p) => ({
        city: { slug: p.citySlug, name: p.cityName },
        year: p.year,
        state: p.state,
        submittedAt: iso(p.submittedAt),
        submittedBy: p.submittedBy,
        values: await repos.reviews.valueCount(network.id, p.cityId, p.year),
      })),
    );
    return { network: { slug: network.slug, name: network.name }, periods: counted };
  }

  /**
   * What to check before submitting or approving a year: each value with the
   * previous year's, the change, its flags and whether it changed since the
   * last approval, and the indicators without a value.
   */
  async checklist(
    principal: Principal,
    networkSlug: string,
    citySlug: string,
    year: number,
    lang: SdgLanguage,
  ): Promise<ReviewChecklist> {
    const { repos } = this.uow;
    const { network, city } = await this.readable(principal, networkSlug, citySlug);
    const period = await repos.reviews.find(network.id, city.id, year);
    const approvedBefore = period?.approvedAt !== null && period?.approvedAt !== undefined;
    const local = (translations: unknown, field: 'name' | 'unit', fallback: string): string =>
      (translations as Record<string, Record<string, string> | undefined> | null)?.[lang]?.[
        field
      ] ?? fallback;
    const values = (await repos.reviews.checklistValues(network.id, city.id, year)).map((r) => {
      const flag = (typeof r.flag === 'string' ? JSON.parse(r.flag) : r.flag) as {
        kind: string;
        message: string;
      } | null;
      const changed =
        r.published_value === null
          ? approvedBefore
          : r.published_value !== r.value || (r.published_flags ?? '') !== r.flags;
      return {
        indicator: r.slug,
        name: local(r.translations, 'name', r.name),
        unit: local(r.translations, 'unit', r.unit),
        decimals: r.decimals,
        series: { ...seriesDimensions(r.series) },
        value: r.value,
        flags: r.flags,
        plausibility: flag === null ? null : { kind: flag.kind, message: flag.message },
        previous:
          r.previous_year === null || r.previous_value === null
            ? null
            : { year: r.previous_year, value: r.previous_value },
        change: r.previous_value === null ? null : r.value - r.previous_value,
        publishedValue: r.published_value,
        changedSinceApproval: changed,
      };
    });
    const missing = (await repos.reviews.missingIndicators(network.id, city.id, year)).map((m) => ({
      indicator: m.slug,
      name: local(m.translations, 'name', m.name),
      lastYear: m.last_year,
    }));
    return {
      network: { slug: network.slug, name: network.name },
      city: { slug: city.slug, name: city.name },
      year,
      state: period?.state ?? 'draft',
      approvedBefore,
      values,
      missing,
      counts: {
        values: values.length,
        flagged: values.filter((v) => v.plausibility !== null).length,
        changed: values.filter((v) => v.changedSinceApproval).length,
        missing: missing.length,
      },
    };
  }

  /**
   * Takes one step of the workflow; 409 when the year is not in a state the
   * step starts from. The people concerned are notified in the same
   * transaction; their e-mails leave after it commits.
   */
  async act(
    principal: Principal,
    networkSlug: string,
    citySlug: string,
    year: number,
    action: ReviewAction,
    comment: string | undefined,
    options: { confirmFlagged?: boolean | undefined } = {},
  ): Promise<ReviewPeriod> {
    const step = STEPS[action];
    const text = comment?.trim() || undefined;
    if (step.needsComment && text === undefined)
      throw validationFailed(
        action === 'return'
          ? 'Say what the city should fix: a comment is required to return a year.'
          : 'Say why the year is reopened: a comment is required.',
        [{ path: '/comment', message: 'Required.' }],
      );
    const { period, mail } = await this.uow.transaction(async (repos) => {
      const { network, city } = await this.resolve(
        repos,
        principal,
        stepAction(action),
        networkSlug,
        citySlug,
      );
      const { before, values } = await checkStep(repos, {
        network,
        city,
        year,
        action,
        confirmFlagged: options.confirmFlagged === true,
      });
      const updated = await applyStep(repos, { network, city, year, action, text, principal });
      await repos.audit.record({
        actor: principal.actor,
        action: `review.${action}`,
        entityType: 'review',
        entityKey: `${city.slug}/${network.slug}/${year}`,
        networkId: network.id,
        cityId: city.id,
        year,
        before: { state: before.state },
        after: { state: updated.state, values },
        comment: text ?? null,
      });
      const mail: MailMessage[] = await this.notifications.recordStep(repos, {
        kind: NOTIFIED[action],
        network,
        city,
        year,
        actor: principal.actor,
        comment: text ?? null,
      });
      const counts = (await repos.reviews.yearCounts(network.id, city.id)).get(year);
      const comments = (await repos.reviews.comments(network.id, city.id, year)).length;
      const abilities = this.abilities(principal, city.id, network.id);
      return { period: this.toPeriod(year, updated, counts, comments, abilities), mail };
    });
    this.notifications.send(mail);
    return period;
  }

  /** A comment on a year or on one of its values (recorded in the value's history too). */
  async comment(
    principal: Principal,
    networkSlug: string,
    citySlug: string,
    year: number,
    input: { indicator?: string; body: string },
  ): Promise<ReviewComment> {
    const body = input.body.trim();
    const actor = principal.actor;
    if (body === '')
      throw validationFailed('Write a comment first.', [{ path: '/body', message: 'Empty.' }]);
    return this.uow.transaction(async (repos) => {
      const { network, city } = await this.resolve(
        repos,
        principal,
        'review.comment',
        networkSlug,
        citySlug,
      );
      const indicator =
        input.indicator === undefined ? undefined : await requireIndicator(repos, input.indicator);
      if (indicator !== undefined && indicator.networkId !== network.id)
        throw validationFailed(
          `The indicator "${indicator.slug}" does not belong to ${network.name}.`,
          [{ path: '/indicator', message: 'Not an indicator of this network.' }],
        );
      const id = await repos.reviews.addComment({
        networkId: network.id,
        cityId: city.id,
        year,
        indicatorId: indicator?.id ?? null,
        authorUserId: actor.userId,
        authorLabel: actor.label,
        body,
      });
      await repos.audit.record({
        actor,
        action: 'review.commented',
        entityType: indicator === undefined ? 'review' : 'observation',
        entityKey:
          indicator === undefined
            ? `${city.slug}/${network.slug}/${year}`
            : `${city.slug}/${indicator.slug}/${year}`,
        networkId: network.id,
        cityId: city.id,
        indicatorId: indicator?.id ?? null,
        year,
        comment: body,
      });
      const [saved] = (await repos.reviews.comments(network.id, city.id, year)).filter(
        (c) => c.id === id,
      );
      return toComment(saved!);
    });
  }
}

/** The notification each step sends. */
const NOTIFIED: Readonly<Record<ReviewAction, NotificationKind>> = {
  submit: 'review.submitted',
  withdraw: 'review.withdrawn',
  return: 'review.returned',
  approve: 'review.approved',
  reopen: 'review.reopened',
};

/** Publishing an implausible value takes a second, informed click: 409 naming the flagged values. */
async function refuseUnconfirmedFlags(
  repos: Repositories,
  networkId: number,
  city: { id: number; name: string },
  year: number,
): Promise<void> {
  const flagged = (await repos.reviews.checklistValues(networkId, city.id, year)).filter(
    (r) => r.flag !== null,
  );
  if (flagged.length === 0) return;
  const named = flagged
    .slice(0, 5)
    .map((r) => `${r.name}${r.series === '' ? '' : ` (${describeSeries(r.series)})`}: ${r.value}`)
    .join('; ');
  const n = flagged.length;
  throw new AppError(
    'conflict',
    `${n} of ${city.name}’s values for ${year} ${n === 1 ? 'is' : 'are'} flagged as implausible (${named}${n > 5 ? '; …' : ''}). Check ${n === 1 ? 'it' : 'them'}, then approve with "confirmFlagged": true to publish ${n === 1 ? 'it' : 'them'} anyway, or return the year.`,
    {
      flagged: flagged.map((r) => ({
        indicator: r.slug,
        series: { ...seriesDimensions(r.series) },
        value: r.value,
      })),
    },
  );
}

/** Moves the year to the step's state (publishing on approval) and keeps the step's comment. */
async function applyStep(
  repos: Repositories,
  step: {
    network: { id: number };
    city: { id: number };
    year: number;
    action: ReviewAction;
    text: string | undefined;
    principal: Principal;
  },
): Promise<ReviewPeriodRecord> {
  const { network, city, year, action, text } = step;
  const actor = step.principal.actor;
  const now = new Date();
  const updated = await repos.reviews.update(network.id, city.id, year, {
    state: STEPS[action].to,
    ...(action === 'submit'
      ? { submitted_at: now, submitted_by: actor.label }
      : action === 'withdraw'
        ? {}
        : { decided_at: now, decided_by: actor.label }),
    ...(action === 'approve' ? { approved_at: now } : {}),
  });
  if (action === 'approve') await repos.reviews.publish(network.id, city.id, year, actor.label);
  if (text !== undefined)
    await repos.reviews.addComment({
      networkId: network.id,
      cityId: city.id,
      year,
      indicatorId: null,
      authorUserId: actor.userId,
      authorLabel: actor.label,
      body: text,
    });
  return updated;
}

/**
 * Locks the year's review row and checks the step may be taken now: 409 when
 * the year is in another state, when approving would publish flagged values
 * unconfirmed, or when submitting a year without values. Returns the state
 * before and the number of values.
 */
async function checkStep(
  repos: Repositories,
  step: {
    network: { id: number; name: string };
    city: { id: number; name: string };
    year: number;
    action: ReviewAction;
    confirmFlagged: boolean;
  },
): Promise<{ before: ReviewPeriodRecord; values: number }> {
  const { network, city, year, action } = step;
  const rule = STEPS[action];
  const before = (await repos.reviews.find(network.id, city.id, year, { lock: true }))!;
  if (!rule.from.includes(before.state))
    throw new AppError(
      'conflict',
      `${city.name}’s figures for ${year} are ${STATE_WORDS[before.state]}; they cannot be ${rule.done} now.`,
      { state: before.state },
    );
  if (action === 'approve' && !step.confirmFlagged)
    await refuseUnconfirmedFlags(repos, network.id, city, year);
  const values = await repos.reviews.valueCount(network.id, city.id, year);
  if (action === 'submit' && values === 0)
    throw new AppError(
      'conflict',
      `${city.name} has no values for ${year} in ${network.name}: enter some before submitting.`,
    );
  return { before, values };
}
