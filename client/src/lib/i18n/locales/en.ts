/** English interface texts: the source of truth for every other language. */
const en = {
  app: {
    name: 'SDG City Monitor',
    tagline: 'Cities\u2019 progress towards the UN Sustainable Development Goals',
    skipToContent: 'Skip to main content',
    mainNavigation: 'Main navigation',
    language: 'Language',
  },
  nav: {
    home: 'Home',
    networks: 'Networks',
    cities: 'Cities',
    framework: 'SDG framework',
    apiDocs: 'API documentation',
  },
  state: {
    loading: 'Loading\u2026',
    retry: 'Try again',
    errorTitle: 'This could not be loaded',
    notFoundTitle: 'Not found',
    empty: 'Nothing to show yet.',
    pageNotFound: 'There is no page at this address.',
    backHome: 'Back to the home page',
  },
  home: {
    title: 'Where do our cities stand on the Global Goals?',
    intro:
      'SDG City Monitor stores the indicators European cities measure, compares them with each city\u2019s own ambition and shows the action gap: how far current trends fall short of the targets.',
    networksHeading: 'Networks',
    goalsHeading: 'The 17 Sustainable Development Goals',
    noNetworks: 'No network has been set up yet.',
  },
  network: {
    cities_one: '{{count}} city',
    cities_other: '{{count}} cities',
    indicators_one: '{{count}} indicator',
    indicators_other: '{{count}} indicators',
    years: 'Data {{first}}\u2013{{last}}',
    noData: 'No data yet',
    synthetic: 'Synthetic demo data',
    syntheticNote:
      'The figures in this network are synthetic, generated for demonstration. They are not the cities\u2019 own data.',
    published: 'Published source',
    publishedNote: 'Figures from a published source: {{citation}}',
    membersHeading: 'Partner cities',
    leadPartner: 'Lead partner',
    partner: 'Partner',
    role: 'Role',
    country: 'Country',
    population: 'Population',
    city: 'City',
    goalsCovered: 'Goals covered',
    listTitle: 'Networks',
  },
  city: {
    listTitle: 'Cities',
    networksHeading: 'Networks',
    observations_one: '{{count}} value reported',
    observations_other: '{{count}} values reported',
    coordinates: 'Coordinates',
    name: 'City',
  },
  sdg: {
    frameworkTitle: 'The UN SDG framework',
    frameworkIntro:
      'The global indicator framework adopted by the UN General Assembly: 17 goals, 169 targets and 231 unique indicators (248 codes, as some repeat under several targets).',
    goal: 'Goal {{goal}}',
    goalLabel: 'Goal {{goal}}: {{title}}',
    targets_one: '{{count}} target',
    targets_other: '{{count}} targets',
    indicators_one: '{{count}} indicator',
    indicators_other: '{{count}} indicators',
    target: 'Target {{code}}',
    indicator: 'Indicator {{code}}',
    targetsHeading: 'Targets and indicators',
    noIndicator: 'No indicator for this target.',
    repeatedWith: 'Also listed as {{codes}}',
    alsoListedAs: 'Also listed as',
    linkedHeading: 'Measured by network indicators',
    linkedNone: 'No network indicator is linked yet.',
    englishOnly: 'Not yet translated; shown in English.',
    outdatedTranslation:
      'This translation follows the 2020 wording; the 2023 English title differs.',
    unsdCode: 'UNSD series code',
    belongsTo: 'Part of target {{target}} under goal {{goal}}',
    source: 'Source: United Nations Statistics Division; translations: Open SDG (MIT licence).',
  },
  footer: {
    attribution:
      'UN SDG framework: United Nations Statistics Division. Translations: Open SDG sdg-translations (MIT).',
  },
};

export type Messages = typeof en;

/**
 * What every other language must provide: every English key (checked at
 * compile time), plus plural forms English lacks (`_many` in French, Spanish, Italian).
 */
export type Locale<T = Messages> = {
  [K in keyof T]: T[K] extends string ? string : Locale<T[K]> & Record<string, unknown>;
};
export default en;
