import type { Locale } from './en';

const de: Locale = {
  app: {
    name: 'SDG City Monitor',
    tagline: 'Fortschritte der Städte bei den UN-Nachhaltigkeitszielen',
    skipToContent: 'Zum Hauptinhalt springen',
    mainNavigation: 'Hauptnavigation',
    language: 'Sprache',
  },
  nav: {
    home: 'Start',
    networks: 'Netzwerke',
    cities: 'Städte',
    framework: 'SDG-Rahmenwerk',
    apiDocs: 'API-Dokumentation',
  },
  state: {
    loading: 'Wird geladen\u2026',
    retry: 'Erneut versuchen',
    errorTitle: 'Das konnte nicht geladen werden',
    notFoundTitle: 'Nicht gefunden',
    empty: 'Noch nichts anzuzeigen.',
    pageNotFound: 'Unter dieser Adresse gibt es keine Seite.',
    backHome: 'Zurück zur Startseite',
  },
  home: {
    title: 'Wo stehen unsere Städte bei den globalen Zielen?',
    intro:
      'SDG City Monitor speichert die Indikatoren, die europäische Städte erheben, vergleicht sie mit dem Anspruch jeder Stadt und zeigt die Handlungslücke: wie weit die aktuellen Trends hinter den Zielen zurückbleiben.',
    networksHeading: 'Netzwerke',
    goalsHeading: 'Die 17 Ziele für nachhaltige Entwicklung',
    noNetworks: 'Es wurde noch kein Netzwerk angelegt.',
  },
  network: {
    cities_one: '{{count}} Stadt',
    cities_other: '{{count}} Städte',
    indicators_one: '{{count}} Indikator',
    indicators_other: '{{count}} Indikatoren',
    years: 'Daten {{first}}\u2013{{last}}',
    noData: 'Noch keine Daten',
    synthetic: 'Synthetische Demodaten',
    syntheticNote:
      'Die Zahlen dieses Netzwerks sind synthetisch und zu Demonstrationszwecken erzeugt. Es sind nicht die Daten der Städte.',
    published: 'Veröffentlichte Quelle',
    publishedNote: 'Zahlen aus einer veröffentlichten Quelle: {{citation}}',
    membersHeading: 'Partnerstädte',
    leadPartner: 'Leitpartner',
    partner: 'Partner',
    role: 'Rolle',
    country: 'Land',
    population: 'Einwohner',
    city: 'Stadt',
    goalsCovered: 'Abgedeckte Ziele',
    listTitle: 'Netzwerke',
  },
  city: {
    listTitle: 'Städte',
    networksHeading: 'Netzwerke',
    observations_one: '{{count}} gemeldeter Wert',
    observations_other: '{{count}} gemeldete Werte',
    coordinates: 'Koordinaten',
    name: 'Stadt',
  },
  sdg: {
    frameworkTitle: 'Das SDG-Rahmenwerk der Vereinten Nationen',
    frameworkIntro:
      'Der von der UN-Generalversammlung beschlossene globale Indikatorrahmen: 17 Ziele, 169 Unterziele und 231 eindeutige Indikatoren (248 Codes, da einige unter mehreren Unterzielen stehen).',
    goal: 'Ziel {{goal}}',
    goalLabel: 'Ziel {{goal}}: {{title}}',
    targets_one: '{{count}} Unterziel',
    targets_other: '{{count}} Unterziele',
    indicators_one: '{{count}} Indikator',
    indicators_other: '{{count}} Indikatoren',
    target: 'Unterziel {{code}}',
    indicator: 'Indikator {{code}}',
    targetsHeading: 'Unterziele und Indikatoren',
    noIndicator: 'Kein Indikator für dieses Unterziel.',
    repeatedWith: 'Auch geführt als {{codes}}',
    alsoListedAs: 'Auch geführt als',
    linkedHeading: 'Gemessen durch Netzwerk-Indikatoren',
    linkedNone: 'Noch kein Netzwerk-Indikator verknüpft.',
    englishOnly: 'Noch nicht übersetzt; auf Englisch angezeigt.',
    outdatedTranslation:
      'Diese Übersetzung folgt der Fassung von 2020; der englische Titel von 2023 weicht ab.',
    unsdCode: 'UNSD-Seriencode',
    belongsTo: 'Gehört zu Unterziel {{target}} von Ziel {{goal}}',
    source:
      'Quelle: Statistikabteilung der Vereinten Nationen; Übersetzungen: Open SDG (MIT-Lizenz).',
  },
  footer: {
    attribution:
      'SDG-Rahmenwerk: Statistikabteilung der Vereinten Nationen. Übersetzungen: Open SDG sdg-translations (MIT).',
  },
};

export default de;
