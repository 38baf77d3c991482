import { pickTranslation, type SdgLanguage } from '../domain/languages';
import { notFound } from '../errors';
import type { SdgIndicatorRow, SdgTargetRow } from '../db/rows';
import type {
  LinkedIndicatorRow,
  SdgGoalWithCounts,
  SdgRepository,
} from '../repositories/sdg.repository';
import type {
  GoalDetailResponse,
  GoalListResponse,
  IndicatorDetailResponse,
  LinkedIndicator,
  SdgGoal,
  SdgIndicatorSummary,
  SdgTarget,
  TargetDetailResponse,
} from '../schemas/sdg.schema';

function toGoal(row: SdgGoalWithCounts, lang: SdgLanguage): SdgGoal {
  const title = pickTranslation(row.titles, lang);
  return {
    goal: row.goal,
    colour: row.colour,
    shortTitle: pickTranslation(row.short_titles, lang).text,
    title: title.text,
    titleLanguage: title.language,
    targetCount: row.target_count,
    indicatorCount: row.indicator_count,
  };
}

function toIndicator(row: SdgIndicatorRow, lang: SdgLanguage): SdgIndicatorSummary {
  const title = pickTranslation(row.titles, lang);
  return {
    code: row.code,
    target: row.target,
    goal: row.goal,
    title: title.text,
    titleLanguage: title.language,
    translationOutdated: row.translation_outdated && title.language !== 'en',
    unsdCode: row.unsd_code,
    repeatedWith: row.repeated_with,
  };
}

function toLinked(row: LinkedIndicatorRow, lang: SdgLanguage): LinkedIndicator {
  const translated = row.translations[lang];
  return {
    slug: row.slug,
    name: translated?.name ?? row.name,
    unit: translated?.unit ?? row.unit,
    network: row.network_slug,
    networkName: row.network_name,
    sdgTarget: row.sdg_target,
    sdgIndicator: row.sdg_indicator,
  };
}

function toTarget(
  row: SdgTargetRow,
  indicators: readonly SdgIndicatorRow[],
  linked: readonly LinkedIndicatorRow[],
  lang: SdgLanguage,
): SdgTarget {
  const title = pickTranslation(row.titles, lang);
  return {
    code: row.code,
    goal: row.goal,
    title: title.text,
    titleLanguage: title.language,
    note: row.note,
    indicators: indicators.filter((i) => i.target === row.code).map((i) => toIndicator(i, lang)),
    linkedIndicators: linked.filter((l) => l.sdg_target === row.code).map((l) => toLinked(l, lang)),
  };
}

/** Read-only access to the UN framework, localised. */
export class SdgService {
  constructor(private readonly repo: SdgRepository) {}

  async listGoals(lang: SdgLanguage): Promise<GoalListResponse> {
    const rows = await this.repo.listGoals();
    return { language: lang, goals: rows.map((r) => toGoal(r, lang)) };
  }

  private async requireGoal(goal: number): Promise<SdgGoalWithCounts> {
    const row = await this.repo.findGoal(goal);
    if (row === undefined) throw notFound(`There is no SDG ${goal}; goals are numbered 1 to 17.`);
    return row;
  }

  async getGoal(goal: number, lang: SdgLanguage): Promise<GoalDetailResponse> {
    const goalRow = await this.requireGoal(goal);
    const targets = await this.repo.listTargets(goal);
    const codes = targets.map((t) => t.code);
    const [indicators, linked] = await Promise.all([
      this.repo.listIndicatorsOfTargets(codes),
      this.repo.listLinkedIndicators(codes),
    ]);
    return {
      language: lang,
      goal: toGoal(goalRow, lang),
      targets: targets.map((t) => toTarget(t, indicators, linked, lang)),
    };
  }

  async getTarget(code: string, lang: SdgLanguage): Promise<TargetDetailResponse> {
    const target = await this.repo.findTarget(code);
    if (target === undefined)
      throw notFound(`There is no SDG target "${code}" (targets look like 11.6 or 11.a).`);
    const [goalRow, indicators, linked] = await Promise.all([
      this.requireGoal(target.goal),
      this.repo.listIndicatorsOfTargets([code]),
      this.repo.listLinkedIndicators([code]),
    ]);
    return {
      language: lang,
      goal: toGoal(goalRow, lang),
      target: toTarget(target, indicators, linked, lang),
    };
  }

  async getIndicator(code: string, lang: SdgLanguage): Promise<IndicatorDetailResponse> {
    const indicator = await this.repo.findIndicator(code);
    if (indicator === undefined) {
      throw notFound(`There is no SDG indicator "${code}" (indicators look like 11.6.2).`);
    }
    const [goalRow, target, linked] = await Promise.all([
      this.requireGoal(indicator.goal),
      this.repo.findTarget(indicator.target),
      this.repo.listLinkedIndicators([indicator.target]),
    ]);
    if (target === undefined) throw notFound(`SDG target ${indicator.target} is missing.`);
    const targetTitle = pickTranslation(target.titles, lang);
    return {
      language: lang,
      goal: toGoal(goalRow, lang),
      target: { code: target.code, title: targetTitle.text, titleLanguage: targetTitle.language },
      indicator: toIndicator(indicator, lang),
      linkedIndicators: linked
        .filter((l) => l.sdg_indicator === null || l.sdg_indicator === code)
        .map((l) => toLinked(l, lang)),
    };
  }
}
