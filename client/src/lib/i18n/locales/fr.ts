import type { Locale } from './en';

const fr: Locale = {
  app: {
    name: 'SDG City Monitor',
    tagline: 'Les progrès des villes vers les objectifs de développement durable de l\u2019ONU',
    skipToContent: 'Aller au contenu principal',
    mainNavigation: 'Navigation principale',
    language: 'Langue',
  },
  nav: {
    home: 'Accueil',
    networks: 'Réseaux',
    cities: 'Villes',
    framework: 'Cadre des ODD',
    apiDocs: 'Documentation de l\u2019API',
  },
  state: {
    loading: 'Chargement\u2026',
    retry: 'Réessayer',
    errorTitle: 'Le chargement a échoué',
    notFoundTitle: 'Introuvable',
    empty: 'Rien à afficher pour le moment.',
    pageNotFound: 'Aucune page à cette adresse.',
    backHome: 'Retour à l\u2019accueil',
  },
  home: {
    title: 'Où en sont nos villes face aux objectifs mondiaux ?',
    intro:
      'SDG City Monitor conserve les indicateurs mesurés par les villes européennes, les compare à l\u2019ambition de chaque ville et montre l\u2019écart d\u2019action : ce qui manque aux tendances actuelles pour atteindre les cibles.',
    networksHeading: 'Réseaux',
    goalsHeading: 'Les 17 objectifs de développement durable',
    noNetworks: 'Aucun réseau n\u2019a encore été créé.',
  },
  network: {
    cities_one: '{{count}} ville',
    cities_many: '{{count}} villes',
    cities_other: '{{count}} villes',
    indicators_one: '{{count}} indicateur',
    indicators_many: '{{count}} indicateurs',
    indicators_other: '{{count}} indicateurs',
    years: 'Données {{first}}\u2013{{last}}',
    noData: 'Pas encore de données',
    synthetic: 'Données de démonstration synthétiques',
    syntheticNote:
      'Les chiffres de ce réseau sont synthétiques, générés pour la démonstration. Ce ne sont pas les données des villes.',
    published: 'Source publiée',
    publishedNote: 'Chiffres issus d\u2019une source publiée : {{citation}}',
    membersHeading: 'Villes partenaires',
    leadPartner: 'Chef de file',
    partner: 'Partenaire',
    role: 'Rôle',
    country: 'Pays',
    population: 'Population',
    city: 'Ville',
    goalsCovered: 'Objectifs couverts',
    listTitle: 'Réseaux',
  },
  city: {
    listTitle: 'Villes',
    networksHeading: 'Réseaux',
    observations_one: '{{count}} valeur déclarée',
    observations_many: '{{count}} valeurs déclarées',
    observations_other: '{{count}} valeurs déclarées',
    coordinates: 'Coordonnées',
    name: 'Ville',
  },
  sdg: {
    frameworkTitle: 'Le cadre des ODD de l\u2019ONU',
    frameworkIntro:
      'Le cadre mondial d\u2019indicateurs adopté par l\u2019Assemblée générale des Nations unies : 17 objectifs, 169 cibles et 231 indicateurs uniques (248 codes, certains figurant sous plusieurs cibles).',
    goal: 'Objectif {{goal}}',
    goalLabel: 'Objectif {{goal}} : {{title}}',
    targets_one: '{{count}} cible',
    targets_many: '{{count}} cibles',
    targets_other: '{{count}} cibles',
    indicators_one: '{{count}} indicateur',
    indicators_many: '{{count}} indicateurs',
    indicators_other: '{{count}} indicateurs',
    target: 'Cible {{code}}',
    indicator: 'Indicateur {{code}}',
    targetsHeading: 'Cibles et indicateurs',
    noIndicator: 'Aucun indicateur pour cette cible.',
    repeatedWith: 'Figure aussi sous {{codes}}',
    alsoListedAs: 'Figure aussi sous',
    linkedHeading: 'Mesuré par les indicateurs des réseaux',
    linkedNone: 'Aucun indicateur de réseau n\u2019y est encore lié.',
    englishOnly: 'Pas encore traduit ; affiché en anglais.',
    outdatedTranslation:
      'Cette traduction suit la formulation de 2020 ; le titre anglais de 2023 diffère.',
    unsdCode: 'Code de série UNSD',
    belongsTo: 'Relève de la cible {{target}} de l\u2019objectif {{goal}}',
    source:
      'Source : Division de statistique des Nations unies ; traductions : Open SDG (licence MIT).',
  },
  footer: {
    attribution:
      'Cadre des ODD : Division de statistique des Nations unies. Traductions : Open SDG sdg-translations (MIT).',
  },
};

export default fr;
