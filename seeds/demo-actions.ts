import type { Knex } from 'knex';
import type { ActionStatus } from '../server/src/domain/action-plan';
import { ActionRepository } from '../server/src/repositories/action.repository';
import { toAction } from '../server/src/services/action.service';

/**
 * Synthetic local action plans for the demo network (issue 16): a handful of
 * plausible actions per city, labelled synthetic like the rest of the demo
 * content. Titles and effect sizes are illustrative, in the order of
 * magnitude that evaluations of such measures report; they describe no real
 * city's plan.
 */
interface Template {
  title: string;
  description: string;
  department: string;
  targets: string[];
  indicator: string;
  /** Expected effect on the indicator, in its unit, signed. */
  effect: number;
  /** Years after the start year by which the effect is expected. */
  lag: number;
  budget: number;
  note: string;
}

const TEMPLATES: readonly Template[] = [
  {
    title: 'Low-emission zone in the city centre',
    description: 'Older diesel vehicles kept out of the centre; enforcement by camera.',
    department: 'Mobility',
    targets: ['11.6', '3.9'],
    indicator: 'pm25-annual-mean',
    effect: -1.5,
    lag: 4,
    budget: 2_500_000,
    note: 'Order of magnitude reported by evaluations of European low-emission zones.',
  },
  {
    title: 'Energy retrofit of municipal buildings',
    description: 'Insulation, heat pumps and solar panels on schools and offices.',
    department: 'Property and energy',
    targets: ['7.3', '13.2'],
    indicator: 'ghg-emissions-per-capita',
    effect: -0.3,
    lag: 6,
    budget: 18_000_000,
    note: 'Estimated from the buildings’ share of the city’s emissions.',
  },
  {
    title: 'Door-to-door separate collection of bio-waste',
    description: 'Bins for bio-waste in every household, pay-as-you-throw pricing.',
    department: 'Waste management',
    targets: ['11.6', '12.5'],
    indicator: 'municipal-waste-recycling-rate',
    effect: 6,
    lag: 3,
    budget: 4_000_000,
    note: 'Typical gain reported by cities that introduced door-to-door collection.',
  },
  {
    title: 'Protected cycle lanes on the main radials',
    description: 'Forty kilometres of protected lanes connecting the districts to the centre.',
    department: 'Mobility',
    targets: ['11.2', '3.6'],
    indicator: 'cycling-network-length',
    effect: 2,
    lag: 4,
    budget: 12_000_000,
    note: 'From the length of the planned network.',
  },
  {
    title: 'Youth guarantee one-stop shop',
    description: 'Guidance, training and placements for young people not in work or education.',
    department: 'Employment and social affairs',
    targets: ['8.6'],
    indicator: 'youth-neet-rate',
    effect: -1.5,
    lag: 3,
    budget: 1_200_000,
    note: 'Evaluation of a comparable programme in a partner city.',
  },
  {
    title: 'Electric buses for the municipal fleet',
    description: 'Replacing diesel buses at the end of their life with battery-electric ones.',
    department: 'Public transport company',
    targets: ['11.2', '11.6'],
    indicator: 'zero-emission-bus-share',
    effect: 30,
    lag: 5,
    budget: 35_000_000,
    note: 'From the fleet renewal schedule.',
  },
  {
    title: 'Urban tree planting programme',
    description: 'Ten thousand street and park trees, chosen for heat and drought.',
    department: 'Parks and green spaces',
    targets: ['11.7', '13.1', '15.1'],
    indicator: 'tree-canopy-cover',
    effect: 2,
    lag: 7,
    budget: 3_000_000,
    note: 'Canopy of the planted trees at maturity, partly reached by the effect year.',
  },
  {
    title: 'Leak detection in the water network',
    description: 'Pressure management and acoustic leak detection in the oldest districts.',
    department: 'Water utility',
    targets: ['6.4'],
    indicator: 'water-network-losses',
    effect: -4,
    lag: 4,
    budget: 2_000_000,
    note: 'Utility’s own estimate from a pilot district.',
  },
  {
    title: 'Community solar on public roofs',
    description: 'Citizens’ energy cooperative installing solar panels on public roofs.',
    department: 'Property and energy',
    targets: ['7.2'],
    indicator: 'renewable-energy-share',
    effect: 3,
    lag: 4,
    budget: 5_000_000,
    note: 'From the planned capacity and the city’s consumption.',
  },
  {
    title: 'New nurseries in the growing districts',
    description: 'Four nurseries with 400 places for children under three.',
    department: 'Education',
    targets: ['4.2', '5.4'],
    indicator: 'childcare-enrolment-under-3',
    effect: 5,
    lag: 3,
    budget: 9_000_000,
    note: 'Places created divided by the number of children under three.',
  },
];

const STATUSES: readonly ActionStatus[] = ['in_progress', 'planned', 'done', 'delayed'];

export interface DemoActionCounts {
  actions: number;
  goodPractices: number;
}

/**
 * Up to four actions per city, each linked to an indicator the city has an
 * ambition for (mostly its largest gaps); approved (public) except Košice's newest (a draft) and
 * València's newest (waiting in the coordinators' queue). Two approved
 * actions are the network's good practices.
 */
export async function seedDemoActions(
  trx: Knex.Transaction,
  networkId: number,
  cities: ReadonlyArray<{ slug: string; id: number }>,
  indicatorIds: ReadonlyMap<string, number>,
  gapShares: ReadonlyMap<string, number>,
): Promise<DemoActionCounts> {
  const repo = new ActionRepository(trx);
  const actor = 'Demo data';
  let count = 0;
  const approved: number[] = [];
  for (const [c, city] of cities.entries()) {
    // Three actions on the city's largest gaps among the templates' indicators,
    // and one on an indicator already on course (a city plans those too).
    const share = (t: Template): number | undefined =>
      gapShares.get(`${city.id}/${indicatorIds.get(t.indicator)}`);
    const withGap = TEMPLATES.filter((t) => (share(t) ?? 0) > 0).sort(
      (a, b) => share(b)! - share(a)! || a.indicator.localeCompare(b.indicator),
    );
    const onCourse = TEMPLATES.filter((t) => share(t) === 0);
    const chosen = [...withGap.slice(0, 3), ...onCourse.slice(c % 2, (c % 2) + 1)];
    for (const [i, t] of chosen.entries()) {
      const status = STATUSES[(c + i) % STATUSES.length]!;
      const startYear = 2020 + ((c + i) % 4);
      const id = await repo.insert(
        city.id,
        {
          title: t.title,
          description: t.description,
          department: t.department,
          budgetAmount: t.budget,
          budgetCurrency: 'EUR',
          startYear,
          endYear: startYear + t.lag,
          status,
        },
        { synthetic: true, actor },
      );
      await repo.setTargets(id, t.targets);
      await repo.setEffects(id, [
        {
          indicatorId: indicatorIds.get(t.indicator)!,
          effect: t.effect,
          effectYear: startYear + t.lag,
          note: t.note,
          realised: false,
        },
      ]);
      await repo.addStatusChange(id, 'planned', actor);
      if (status !== 'planned') await repo.addStatusChange(id, status, actor);
      count++;
      const newest = i === chosen.length - 1;
      if (newest && city.slug === 'kosice') continue;
      const record = (await repo.find(id))!;
      if (newest && city.slug === 'valencia') {
        await repo.setReview(id, record.version, { state: 'submitted', comment: null, actor });
        continue;
      }
      await repo.setReview(id, record.version, {
        state: 'approved',
        comment: null,
        published: {
          ...toAction(record),
          review: { state: 'approved', comment: null, publishedAt: null, draft: false },
        },
        actor,
      });
      approved.push(id);
    }
  }
  const practices = [approved[0], approved[5]].filter((id): id is number => id !== undefined);
  for (const id of practices)
    await repo.markGoodPractice(
      networkId,
      id,
      'Synthetic demo: shown to illustrate the good-practice library.',
      actor,
    );
  return { actions: count, goodPractices: practices.length };
}
