import type { DemoIndicator } from './demo-indicators';

/**
 * The demo network's indicators with REAL values: Eurostat City statistics
 * (seeds/data/eurostat, reshaped; see its README) imported through the
 * application's own Eurostat import, for the partner cities Eurostat covers.
 * Their ambitions are illustrative (marked so); the other indicators of the
 * network stay synthetic and say so.
 */
type RealIndicator = Omit<DemoIndicator, 'generate'> & { eurostat: string };

const RESPONDENTS = {
  en: '% of respondents',
  fr: '% des personnes interrogées',
  de: '% der Befragten',
  es: '% de encuestados',
  it: '% degli intervistati',
} as const;

const SURVEY =
  'Eurostat, City statistics: Perception survey on quality of life in European cities (urb_percep)';
const TRANSPORT = 'Eurostat, City statistics: transport (urb_ctran)';

export const DEMO_REAL_INDICATORS: readonly RealIndicator[] = [
  {
    slug: 'road-traffic-deaths',
    eurostat: 'urb_ctran:TT1060I',
    goal: 3,
    name: 'Road traffic deaths',
    description:
      'People killed in road accidents per 10,000 inhabitants (Eurostat City statistics). Safer ' +
      'street design and lower speeds work towards Vision Zero.',
    unit: 'per 10,000 inhabitants',
    direction: 'decrease',
    decimals: 2,
    trendType: 'linear',
    bestBound: 0,
    worstBound: 1,
    thresholds: { green: 0.2, yellow: 0.35, orange: 0.5 },
    allowedMin: 0,
    allowedMax: 10,
    source: TRANSPORT,
    sdg: [{ target: '3.6', indicator: '3.6.1' }, { target: '11.2' }],
    translations: {
      fr: {
        name: 'Décès dus aux accidents de la route',
        description:
          'Personnes tuées dans des accidents de la route pour 10 000 habitants (statistiques ' +
          'urbaines d’Eurostat). Des rues plus sûres visent l’objectif « Vision zéro ».',
        unit: 'pour 10 000 habitants',
      },
      de: {
        name: 'Verkehrstote',
        description:
          'Im Straßenverkehr getötete Personen je 10.000 Einwohner (Städtestatistik von ' +
          'Eurostat). Sicherere Straßen verfolgen das Ziel „Vision Zero“.',
        unit: 'je 10.000 Einwohner',
      },
      es: {
        name: 'Muertes por accidentes de tráfico',
        description:
          'Personas fallecidas en accidentes de tráfico por cada 10.000 habitantes ' +
          '(estadísticas urbanas de Eurostat). Unas calles más seguras persiguen «Visión Cero».',
        unit: 'por cada 10.000 habitantes',
      },
      it: {
        name: 'Morti per incidenti stradali',
        description:
          'Persone decedute in incidenti stradali ogni 10.000 abitanti (statistiche urbane di ' +
          'Eurostat). Strade più sicure perseguono l’obiettivo «Vision Zero».',
        unit: 'ogni 10.000 abitanti',
      },
    },
    ambition: { kind: 'relative', value: 0.5 },
  },
  {
    slug: 'public-transport-modal-share',
    eurostat: 'urb_ctran:TT1010V',
    goal: 11,
    name: 'Journeys to work by public transport',
    description:
      'Share of journeys to work made by rail, metro, bus or tram (Eurostat City statistics).',
    unit: '%',
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 40,
    worstBound: 5,
    thresholds: { green: 30, yellow: 20, orange: 12 },
    allowedMin: 0,
    allowedMax: 100,
    source: TRANSPORT,
    sdg: [{ target: '11.2' }],
    translations: {
      fr: {
        name: 'Trajets domicile-travail en transports publics',
        description:
          'Part des trajets domicile-travail effectués en train, métro, bus ou tram ' +
          '(statistiques urbaines d’Eurostat).',
      },
      de: {
        name: 'Arbeitswege mit öffentlichen Verkehrsmitteln',
        description:
          'Anteil der Arbeitswege mit Bahn, U-Bahn, Bus oder Straßenbahn (Städtestatistik von ' +
          'Eurostat).',
      },
      es: {
        name: 'Desplazamientos al trabajo en transporte público',
        description:
          'Proporción de desplazamientos al trabajo en tren, metro, autobús o tranvía ' +
          '(estadísticas urbanas de Eurostat).',
      },
      it: {
        name: 'Spostamenti casa-lavoro con il trasporto pubblico',
        description:
          'Quota degli spostamenti casa-lavoro in treno, metropolitana, autobus o tram ' +
          '(statistiche urbane di Eurostat).',
      },
    },
    ambition: { kind: 'relative', value: 0.25 },
  },
  {
    slug: 'journeys-to-work-by-bicycle',
    eurostat: 'urb_ctran:TT1007V',
    goal: 11,
    name: 'Journeys to work by bicycle',
    description: 'Share of journeys to work made by bicycle (Eurostat City statistics).',
    unit: '%',
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 25,
    worstBound: 0,
    thresholds: { green: 15, yellow: 8, orange: 4 },
    allowedMin: 0,
    allowedMax: 100,
    source: TRANSPORT,
    sdg: [{ target: '11.2' }],
    translations: {
      fr: {
        name: 'Trajets domicile-travail à vélo',
        description:
          'Part des trajets domicile-travail effectués à vélo (statistiques urbaines d’Eurostat).',
      },
      de: {
        name: 'Arbeitswege mit dem Fahrrad',
        description: 'Anteil der Arbeitswege mit dem Fahrrad (Städtestatistik von Eurostat).',
      },
      es: {
        name: 'Desplazamientos al trabajo en bicicleta',
        description:
          'Proporción de desplazamientos al trabajo en bicicleta (estadísticas urbanas de ' +
          'Eurostat).',
      },
      it: {
        name: 'Spostamenti casa-lavoro in bicicletta',
        description:
          'Quota degli spostamenti casa-lavoro in bicicletta (statistiche urbane di Eurostat).',
      },
    },
    ambition: { kind: 'relative', value: 0.5 },
  },
  {
    slug: 'satisfied-with-public-transport',
    eurostat: 'urb_percep:PS1012V+PS1013V',
    goal: 11,
    name: 'Residents satisfied with public transport',
    description:
      'Residents very or rather satisfied with public transport in their city (Eurostat ' +
      'perception survey, the two answers added).',
    unit: RESPONDENTS.en,
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 90,
    worstBound: 30,
    thresholds: { green: 75, yellow: 60, orange: 45 },
    allowedMin: 0,
    allowedMax: 100,
    source: SURVEY,
    sdg: [{ target: '11.2' }],
    translations: {
      fr: {
        name: 'Habitants satisfaits des transports publics',
        description:
          'Habitants très ou plutôt satisfaits des transports publics de leur ville (enquête ' +
          'de perception d’Eurostat, les deux réponses additionnées).',
        unit: RESPONDENTS.fr,
      },
      de: {
        name: 'Mit dem öffentlichen Verkehr zufriedene Einwohner',
        description:
          'Einwohner, die mit dem öffentlichen Verkehr ihrer Stadt sehr oder eher zufrieden ' +
          'sind (Eurostat-Wahrnehmungsumfrage, beide Antworten addiert).',
        unit: RESPONDENTS.de,
      },
      es: {
        name: 'Residentes satisfechos con el transporte público',
        description:
          'Residentes muy o bastante satisfechos con el transporte público de su ciudad ' +
          '(encuesta de percepción de Eurostat, ambas respuestas sumadas).',
        unit: RESPONDENTS.es,
      },
      it: {
        name: 'Residenti soddisfatti del trasporto pubblico',
        description:
          'Residenti molto o abbastanza soddisfatti del trasporto pubblico della loro città ' +
          '(indagine di percezione di Eurostat, le due risposte sommate).',
        unit: RESPONDENTS.it,
      },
    },
    ambition: { kind: 'relative', value: 0.1 },
  },
  {
    slug: 'satisfied-with-green-spaces',
    eurostat: 'urb_percep:PS1052V+PS1053V',
    goal: 11,
    name: 'Residents satisfied with green spaces',
    description:
      'Residents very or rather satisfied with green spaces such as parks and gardens (Eurostat ' +
      'perception survey, the two answers added).',
    unit: RESPONDENTS.en,
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 95,
    worstBound: 40,
    thresholds: { green: 85, yellow: 70, orange: 55 },
    allowedMin: 0,
    allowedMax: 100,
    source: SURVEY,
    sdg: [{ target: '11.7' }],
    translations: {
      fr: {
        name: 'Habitants satisfaits des espaces verts',
        description:
          'Habitants très ou plutôt satisfaits des espaces verts tels que parcs et jardins ' +
          '(enquête de perception d’Eurostat, les deux réponses additionnées).',
        unit: RESPONDENTS.fr,
      },
      de: {
        name: 'Mit Grünflächen zufriedene Einwohner',
        description:
          'Einwohner, die mit Grünflächen wie Parks und Gärten sehr oder eher zufrieden sind ' +
          '(Eurostat-Wahrnehmungsumfrage, beide Antworten addiert).',
        unit: RESPONDENTS.de,
      },
      es: {
        name: 'Residentes satisfechos con las zonas verdes',
        description:
          'Residentes muy o bastante satisfechos con zonas verdes como parques y jardines ' +
          '(encuesta de percepción de Eurostat, ambas respuestas sumadas).',
        unit: RESPONDENTS.es,
      },
      it: {
        name: 'Residenti soddisfatti degli spazi verdi',
        description:
          'Residenti molto o abbastanza soddisfatti degli spazi verdi come parchi e giardini ' +
          '(indagine di percezione di Eurostat, le due risposte sommate).',
        unit: RESPONDENTS.it,
      },
    },
    ambition: { kind: 'relative', value: 0.05 },
  },
  {
    slug: 'good-housing-at-reasonable-price',
    eurostat: 'urb_percep:PS2032V',
    goal: 11,
    name: 'Residents finding good housing at a reasonable price easy',
    description:
      'Residents who strongly agree that good housing at a reasonable price is easy to find in ' +
      'their city (Eurostat perception survey).',
    unit: RESPONDENTS.en,
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 30,
    worstBound: 0,
    thresholds: { green: 20, yellow: 10, orange: 5 },
    allowedMin: 0,
    allowedMax: 100,
    source: SURVEY,
    sdg: [{ target: '11.1' }],
    translations: {
      fr: {
        name: 'Habitants trouvant facilement un bon logement à prix raisonnable',
        description:
          'Habitants tout à fait d’accord pour dire qu’il est facile de trouver un bon logement ' +
          'à un prix raisonnable dans leur ville (enquête de perception d’Eurostat).',
        unit: RESPONDENTS.fr,
      },
      de: {
        name: 'Einwohner, die guten Wohnraum zu vernünftigem Preis leicht finden',
        description:
          'Einwohner, die voll zustimmen, dass guter Wohnraum zu einem vernünftigen Preis in ' +
          'ihrer Stadt leicht zu finden ist (Eurostat-Wahrnehmungsumfrage).',
        unit: RESPONDENTS.de,
      },
      es: {
        name: 'Residentes que encuentran fácilmente buena vivienda a precio razonable',
        description:
          'Residentes totalmente de acuerdo en que es fácil encontrar buena vivienda a un precio ' +
          'razonable en su ciudad (encuesta de percepción de Eurostat).',
        unit: RESPONDENTS.es,
      },
      it: {
        name: 'Residenti che trovano facilmente un buon alloggio a prezzo ragionevole',
        description:
          'Residenti pienamente d’accordo sul fatto che nella loro città sia facile trovare un ' +
          'buon alloggio a un prezzo ragionevole (indagine di percezione di Eurostat).',
        unit: RESPONDENTS.it,
      },
    },
    ambition: { kind: 'relative', value: 0.5 },
  },
  {
    slug: 'population-connected-to-sewage-treatment',
    eurostat: 'urb_cenv:EN3013V',
    goal: 6,
    name: 'Population connected to sewage treatment',
    description:
      'Share of the population connected to a sewage treatment system (Eurostat City ' +
      'statistics, environment).',
    unit: '%',
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 100,
    worstBound: 80,
    thresholds: { green: 99, yellow: 95, orange: 90 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Eurostat, City statistics: environment (urb_cenv)',
    sdg: [{ target: '6.2' }],
    translations: {
      fr: {
        name: 'Population raccordée au traitement des eaux usées',
        description:
          'Part de la population raccordée à un système de traitement des eaux usées ' +
          '(statistiques urbaines d’Eurostat, environnement).',
      },
      de: {
        name: 'An die Abwasserbehandlung angeschlossene Bevölkerung',
        description:
          'Anteil der Bevölkerung mit Anschluss an eine Abwasserbehandlung (Städtestatistik von ' +
          'Eurostat, Umwelt).',
      },
      es: {
        name: 'Población conectada al tratamiento de aguas residuales',
        description:
          'Proporción de la población conectada a un sistema de tratamiento de aguas residuales ' +
          '(estadísticas urbanas de Eurostat, medio ambiente).',
      },
      it: {
        name: 'Popolazione allacciata al trattamento delle acque reflue',
        description:
          'Quota della popolazione allacciata a un sistema di trattamento delle acque reflue ' +
          '(statistiche urbane di Eurostat, ambiente).',
      },
    },
    ambition: { kind: 'absolute', value: 100 },
  },
  {
    slug: 'easy-to-find-a-good-job',
    eurostat: 'urb_percep:PS2012V',
    goal: 8,
    name: 'Residents finding a good job easy',
    description:
      'Residents who strongly agree that it is easy to find a good job in their city (Eurostat ' +
      'perception survey).',
    unit: RESPONDENTS.en,
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 40,
    worstBound: 2,
    thresholds: { green: 25, yellow: 15, orange: 8 },
    allowedMin: 0,
    allowedMax: 100,
    source: SURVEY,
    sdg: [{ target: '8.5' }],
    translations: {
      fr: {
        name: 'Habitants trouvant facilement un bon emploi',
        description:
          'Habitants tout à fait d’accord pour dire qu’il est facile de trouver un bon emploi ' +
          'dans leur ville (enquête de perception d’Eurostat).',
        unit: RESPONDENTS.fr,
      },
      de: {
        name: 'Einwohner, die leicht eine gute Arbeit finden',
        description:
          'Einwohner, die voll zustimmen, dass man in ihrer Stadt leicht eine gute Arbeit findet ' +
          '(Eurostat-Wahrnehmungsumfrage).',
        unit: RESPONDENTS.de,
      },
      es: {
        name: 'Residentes que encuentran fácilmente un buen empleo',
        description:
          'Residentes totalmente de acuerdo en que es fácil encontrar un buen empleo en su ' +
          'ciudad (encuesta de percepción de Eurostat).',
        unit: RESPONDENTS.es,
      },
      it: {
        name: 'Residenti che trovano facilmente un buon lavoro',
        description:
          'Residenti pienamente d’accordo sul fatto che nella loro città sia facile trovare un ' +
          'buon lavoro (indagine di percezione di Eurostat).',
        unit: RESPONDENTS.it,
      },
    },
    ambition: { kind: 'relative', value: 0.3 },
  },
  {
    slug: 'residents-feeling-safe',
    eurostat: 'urb_percep:PS3290V|PS3514V',
    goal: 16,
    name: 'Residents who feel safe',
    description:
      'Residents who strongly agree that they feel safe in their city (Eurostat perception ' +
      'survey; from 2019 the question asks about walking alone at night, a break in the series).',
    unit: RESPONDENTS.en,
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 70,
    worstBound: 10,
    thresholds: { green: 50, yellow: 35, orange: 20 },
    allowedMin: 0,
    allowedMax: 100,
    source: SURVEY,
    sdg: [{ target: '16.1', indicator: '16.1.4' }],
    translations: {
      fr: {
        name: 'Habitants qui se sentent en sécurité',
        description:
          'Habitants tout à fait d’accord pour dire qu’ils se sentent en sécurité dans leur ' +
          'ville (enquête de perception d’Eurostat ; depuis 2019 la question porte sur la marche ' +
          'seul la nuit, une rupture de série).',
        unit: RESPONDENTS.fr,
      },
      de: {
        name: 'Einwohner, die sich sicher fühlen',
        description:
          'Einwohner, die voll zustimmen, sich in ihrer Stadt sicher zu fühlen ' +
          '(Eurostat-Wahrnehmungsumfrage; seit 2019 fragt sie nach dem Gehen allein bei Nacht, ' +
          'ein Bruch in der Reihe).',
        unit: RESPONDENTS.de,
      },
      es: {
        name: 'Residentes que se sienten seguros',
        description:
          'Residentes totalmente de acuerdo en que se sienten seguros en su ciudad (encuesta de ' +
          'percepción de Eurostat; desde 2019 pregunta por caminar solo de noche, una ruptura ' +
          'de serie).',
        unit: RESPONDENTS.es,
      },
      it: {
        name: 'Residenti che si sentono sicuri',
        description:
          'Residenti pienamente d’accordo sul fatto di sentirsi sicuri nella loro città ' +
          '(indagine di percezione di Eurostat; dal 2019 la domanda riguarda il camminare da ' +
          'soli di notte, un’interruzione di serie).',
        unit: RESPONDENTS.it,
      },
    },
    ambition: { kind: 'relative', value: 0.2 },
  },
  {
    slug: 'satisfaction-with-local-administration',
    eurostat: 'urb_percep:PS2042V|PS3587V',
    goal: 16,
    name: 'Residents finding the city administration efficient',
    description:
      'Residents who strongly agree that the city’s administrative services help them ' +
      'efficiently (Eurostat perception survey; the 2019 wave asks about the time a request ' +
      'takes).',
    unit: RESPONDENTS.en,
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 40,
    worstBound: 5,
    thresholds: { green: 30, yellow: 20, orange: 12 },
    allowedMin: 0,
    allowedMax: 100,
    source: SURVEY,
    sdg: [{ target: '16.6', indicator: '16.6.2' }],
    translations: {
      fr: {
        name: 'Habitants jugeant l’administration municipale efficace',
        description:
          'Habitants tout à fait d’accord pour dire que les services administratifs de la ville ' +
          'les aident efficacement (enquête de perception d’Eurostat ; en 2019, sur le délai de ' +
          'traitement des demandes).',
        unit: RESPONDENTS.fr,
      },
      de: {
        name: 'Einwohner, die die Stadtverwaltung effizient finden',
        description:
          'Einwohner, die voll zustimmen, dass die Verwaltung der Stadt ihnen effizient hilft ' +
          '(Eurostat-Wahrnehmungsumfrage; 2019 zur Bearbeitungsdauer von Anliegen).',
        unit: RESPONDENTS.de,
      },
      es: {
        name: 'Residentes que consideran eficiente la administración municipal',
        description:
          'Residentes totalmente de acuerdo en que los servicios administrativos de la ciudad ' +
          'les ayudan con eficiencia (encuesta de percepción de Eurostat; en 2019, sobre el ' +
          'tiempo de respuesta).',
        unit: RESPONDENTS.es,
      },
      it: {
        name: 'Residenti che ritengono efficiente l’amministrazione comunale',
        description:
          'Residenti pienamente d’accordo sul fatto che i servizi amministrativi della città li ' +
          'aiutano in modo efficiente (indagine di percezione di Eurostat; nel 2019 sui tempi ' +
          'di risposta).',
        unit: RESPONDENTS.it,
      },
    },
    ambition: { kind: 'relative', value: 0.3 },
  },
];

/** The Eurostat files the demo imports, with the dataset of a bulk TSV. */
export const DEMO_EUROSTAT_FILES = [
  { file: 'urb_percep_csg.tsv', dataset: 'urb_percep' },
  { file: 'urb_ctran_csg.csv', dataset: undefined },
  { file: 'urb_cenv_csg.tsv', dataset: 'urb_cenv' },
] as const;
