import type { Locale } from './en';

const es: Locale = {
  app: {
    name: 'SDG City Monitor',
    tagline: 'El avance de las ciudades hacia los Objetivos de Desarrollo Sostenible de la ONU',
    skipToContent: 'Saltar al contenido principal',
    mainNavigation: 'Navegación principal',
    language: 'Idioma',
  },
  nav: {
    home: 'Inicio',
    networks: 'Redes',
    cities: 'Ciudades',
    framework: 'Marco de los ODS',
    apiDocs: 'Documentación de la API',
  },
  state: {
    loading: 'Cargando\u2026',
    retry: 'Reintentar',
    errorTitle: 'No se ha podido cargar',
    notFoundTitle: 'No encontrado',
    empty: 'Todavía no hay nada que mostrar.',
    pageNotFound: 'No hay ninguna página en esta dirección.',
    backHome: 'Volver al inicio',
  },
  home: {
    title: '¿Dónde están nuestras ciudades respecto a los Objetivos Globales?',
    intro:
      'SDG City Monitor guarda los indicadores que miden las ciudades europeas, los compara con la ambición de cada ciudad y muestra la brecha de acción: cuánto se quedan cortas las tendencias actuales frente a las metas.',
    networksHeading: 'Redes',
    goalsHeading: 'Los 17 Objetivos de Desarrollo Sostenible',
    noNetworks: 'Todavía no se ha creado ninguna red.',
  },
  network: {
    cities_one: '{{count}} ciudad',
    cities_many: '{{count}} ciudades',
    cities_other: '{{count}} ciudades',
    indicators_one: '{{count}} indicador',
    indicators_many: '{{count}} indicadores',
    indicators_other: '{{count}} indicadores',
    years: 'Datos {{first}}\u2013{{last}}',
    noData: 'Aún sin datos',
    synthetic: 'Datos sintéticos de demostración',
    syntheticNote:
      'Las cifras de esta red son sintéticas, generadas para la demostración. No son datos de las ciudades.',
    published: 'Fuente publicada',
    publishedNote: 'Cifras de una fuente publicada: {{citation}}',
    membersHeading: 'Ciudades socias',
    leadPartner: 'Socio principal',
    partner: 'Socio',
    role: 'Función',
    country: 'País',
    population: 'Población',
    city: 'Ciudad',
    goalsCovered: 'Objetivos cubiertos',
    listTitle: 'Redes',
  },
  city: {
    listTitle: 'Ciudades',
    networksHeading: 'Redes',
    observations_one: '{{count}} valor comunicado',
    observations_many: '{{count}} valores comunicados',
    observations_other: '{{count}} valores comunicados',
    coordinates: 'Coordenadas',
    name: 'Ciudad',
  },
  sdg: {
    frameworkTitle: 'El marco de los ODS de la ONU',
    frameworkIntro:
      'El marco mundial de indicadores aprobado por la Asamblea General de la ONU: 17 objetivos, 169 metas y 231 indicadores únicos (248 códigos, porque algunos se repiten en varias metas).',
    goal: 'Objetivo {{goal}}',
    goalLabel: 'Objetivo {{goal}}: {{title}}',
    targets_one: '{{count}} meta',
    targets_many: '{{count}} metas',
    targets_other: '{{count}} metas',
    indicators_one: '{{count}} indicador',
    indicators_many: '{{count}} indicadores',
    indicators_other: '{{count}} indicadores',
    target: 'Meta {{code}}',
    indicator: 'Indicador {{code}}',
    targetsHeading: 'Metas e indicadores',
    noIndicator: 'Ningún indicador para esta meta.',
    repeatedWith: 'También figura como {{codes}}',
    alsoListedAs: 'También figura como',
    linkedHeading: 'Medido por indicadores de las redes',
    linkedNone: 'Todavía no hay ningún indicador de red vinculado.',
    englishOnly: 'Aún sin traducir; se muestra en inglés.',
    outdatedTranslation:
      'Esta traducción sigue la redacción de 2020; el título inglés de 2023 es diferente.',
    unsdCode: 'Código de serie de UNSD',
    belongsTo: 'Forma parte de la meta {{target}} del objetivo {{goal}}',
    source:
      'Fuente: División de Estadística de las Naciones Unidas; traducciones: Open SDG (licencia MIT).',
  },
  footer: {
    attribution:
      'Marco de los ODS: División de Estadística de las Naciones Unidas. Traducciones: Open SDG sdg-translations (MIT).',
  },
};

export default es;
