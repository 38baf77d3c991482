/**
 * Indicator catalogue of the demo network "Cities for Sustainability Governance (demo)".
 *
 * 45 urban sustainability indicators covering all 17 SDGs, modelled on what European
 * cities report in Voluntary Local Reviews (JRC European Handbook for SDG Voluntary Local
 * Reviews, URBACT "Global Goals for Cities"): real definitions, units, directions and
 * plausible bounds. The city values of THESE indicators are NOT real: they are generated
 * synthetically from `generate` by `demo-network.ts`, and the indicators are marked
 * synthetic. The network's indicators with real values (Eurostat) are in
 * `demo-real-indicators.ts`.
 *
 * Scoring follows the SDSN method: `bestBound` (an SDG/EU threshold, a science-based value
 * or the average of top performers) scores 100 and `worstBound` scores 0.
 */

export type UiLang = 'fr' | 'de' | 'es' | 'it';
export interface DemoIndicator {
  slug: string; // kebab-case, ^[a-z0-9]+(-[a-z0-9]+)*$, <= 64 chars, unique
  goal: number; // primary SDG goal 1..17 (must equal the goal of the first sdg link)
  name: string; // English, short (<= 80 chars), e.g. "Annual mean PM2.5 concentration"
  description: string; // English, one or two sentences: what is measured and why it matters
  // e.g. "%", "µg/m³", "t CO₂e per capita", "kWh per capita", "per 100,000 inhabitants",
  // "m² per inhabitant", "years", "EUR"; <= 50 chars
  unit: string;
  direction: 'increase' | 'decrease'; // which way is desirable
  decimals: number; // 0..3, display precision
  // 'linear' only for indicators whose ambition is reaching zero (net-zero) or values that
  // can be zero; else 'auto'
  trendType: 'auto' | 'linear';
  // raw value that scores 100 (SDSN method: an SDG threshold, science-based value or
  // top-performer average)
  bestBound: number;
  // raw value that scores 0; for direction 'increase' bestBound > worstBound, for 'decrease'
  // bestBound < worstBound
  worstBound: number;
  // traffic-light thresholds in raw units; for 'increase' green >= yellow >= orange; for
  // 'decrease' green <= yellow <= orange; all strictly between worst and best (inclusive allowed)
  thresholds: { green: number; yellow: number; orange: number };
  allowedMin: number | null; // hard validity range for data entry, e.g. 0 and 100 for a percentage
  allowedMax: number | null;
  // typical data source, e.g. "Municipal air-quality monitoring network (EEA)",
  // "Eurostat Urban Audit"
  source: string;
  // 1..3 links to UN SDG targets (e.g. "11.6") and optionally the official SDG indicator code
  // under THAT target (e.g. "11.6.2")
  sdg: Array<{ target: string; indicator?: string }>;
  // French, German, Spanish, Italian; unit only when it must differ (e.g.
  // "per 100,000 inhabitants" -> "pour 100 000 habitants")
  translations: Record<UiLang, { name: string; description: string; unit?: string }>;
  generate: {
    start: [number, number]; // range of plausible 2015 values across the nine cities [low, high]
    // typical yearly change in the DESIRABLE direction as a fraction of the value (e.g. 0.03 =
    // 3 %/year); for trendType 'linear' it is in raw units per year
    annualChange: number;
    // relative standard deviation of year-to-year noise (e.g. 0.02); small for slow structural
    // indicators (life expectancy ~0.002), larger for volatile ones (road deaths ~0.15)
    noise: number;
  };
  // city target for 2030: 'relative' = fractional change from the baseline in the desirable
  // direction (0.5 = halve a 'decrease' indicator, or +50 % an 'increase' one); 'absolute' =
  // the same raw target value for every city (e.g. 0 for net-zero emissions, 100 for %
  // households connected). null for ~10 % of indicators (no ambition).
  ambition: { kind: 'relative' | 'absolute'; value: number } | null;
}

export const DEMO_INDICATORS: readonly DemoIndicator[] = [
  {
    slug: 'at-risk-of-poverty-or-social-exclusion',
    goal: 1,
    name: 'People at risk of poverty or social exclusion',
    description:
      'Share of residents who are at risk of poverty, severely materially and socially deprived ' +
      'or living in a household with very low work intensity (EU AROPE indicator). It is the ' +
      'headline EU measure of poverty and social exclusion.',
    unit: '%',
    direction: 'decrease',
    decimals: 1,
    trendType: 'auto',
    bestBound: 10,
    worstBound: 40,
    thresholds: { green: 15, yellow: 20, orange: 25 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Eurostat EU-SILC (ilc_peps11n); national statistical office',
    sdg: [{ target: '1.2', indicator: '1.2.2' }, { target: '10.2' }],
    translations: {
      fr: {
        name: 'Personnes menacées de pauvreté ou d’exclusion sociale',
        description:
          'Part des habitants exposés au risque de pauvreté, en situation de privation ' +
          'matérielle et sociale grave ou vivant dans un ménage à très faible intensité de ' +
          'travail (indicateur AROPE de l’UE). C’est l’indicateur phare de l’UE en matière de ' +
          'pauvreté et d’exclusion sociale.',
      },
      de: {
        name: 'Von Armut oder sozialer Ausgrenzung bedrohte Menschen',
        description:
          'Anteil der Einwohnerinnen und Einwohner, die armutsgefährdet sind, unter erheblicher ' +
          'materieller und sozialer Deprivation leiden oder in einem Haushalt mit sehr niedriger ' +
          'Erwerbsintensität leben (EU-Indikator AROPE). Er ist der zentrale EU-Indikator für ' +
          'Armut und soziale Ausgrenzung.',
      },
      es: {
        name: 'Personas en riesgo de pobreza o exclusión social',
        description:
          'Porcentaje de residentes en riesgo de pobreza, en situación de carencia material y ' +
          'social severa o que viven en hogares con muy baja intensidad de empleo (indicador ' +
          'AROPE de la UE). Es el principal indicador de la UE sobre pobreza y exclusión social.',
      },
      it: {
        name: 'Persone a rischio di povertà o esclusione sociale',
        description:
          'Quota di residenti a rischio di povertà, in condizione di grave deprivazione ' +
          'materiale e sociale o che vivono in famiglie a intensità di lavoro molto bassa ' +
          '(indicatore AROPE dell’UE). È il principale indicatore dell’UE su povertà ed ' +
          'esclusione sociale.',
      },
    },
    generate: { start: [12, 38], annualChange: 0.02, noise: 0.04 },
    ambition: { kind: 'relative', value: 0.3 },
  },
  {
    slug: 'long-term-unemployment-rate',
    goal: 1,
    name: 'Long-term unemployment rate',
    description:
      'Persons unemployed for 12 months or more as a share of the labour force aged 15–74. Long ' +
      'spells without work are a major driver of poverty and loss of skills.',
    unit: '%',
    direction: 'decrease',
    decimals: 1,
    trendType: 'auto',
    bestBound: 1,
    worstBound: 15,
    thresholds: { green: 2, yellow: 4, orange: 7 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Eurostat Labour Force Survey (lfst_r_lfu2ltu); national employment agency',
    sdg: [{ target: '1.2' }, { target: '8.5', indicator: '8.5.2' }],
    translations: {
      fr: {
        name: 'Taux de chômage de longue durée',
        description:
          'Personnes au chômage depuis 12 mois ou plus, en part de la population active âgée de ' +
          '15 à 74 ans. Les longues périodes sans emploi sont un facteur majeur de pauvreté et ' +
          'de perte de compétences.',
      },
      de: {
        name: 'Langzeitarbeitslosenquote',
        description:
          'Personen, die seit 12 Monaten oder länger arbeitslos sind, als Anteil an den ' +
          'Erwerbspersonen im Alter von 15 bis 74 Jahren. Lange Phasen ohne Arbeit sind ein ' +
          'wesentlicher Treiber von Armut und Qualifikationsverlust.',
      },
      es: {
        name: 'Tasa de desempleo de larga duración',
        description:
          'Personas desempleadas durante 12 meses o más, como porcentaje de la población activa ' +
          'de 15 a 74 años. Los periodos prolongados sin trabajo son un factor clave de pobreza ' +
          'y pérdida de competencias.',
      },
      it: {
        name: 'Tasso di disoccupazione di lunga durata',
        description:
          'Persone disoccupate da 12 mesi o più, in percentuale delle forze di lavoro di 15-74 ' +
          'anni. I lunghi periodi senza lavoro sono un fattore determinante di povertà e perdita ' +
          'di competenze.',
      },
    },
    generate: { start: [0.8, 18], annualChange: 0.06, noise: 0.08 },
    ambition: { kind: 'relative', value: 0.4 },
  },
  {
    slug: 'severe-material-and-social-deprivation',
    goal: 1,
    name: 'Severe material and social deprivation rate',
    description:
      'Share of residents who cannot afford at least 7 of 13 items considered necessary for an ' +
      'adequate life, such as paying bills on time or keeping the home warm. It captures poverty ' +
      'that income measures alone miss.',
    unit: '%',
    direction: 'decrease',
    decimals: 1,
    trendType: 'auto',
    bestBound: 2,
    worstBound: 25,
    thresholds: { green: 4, yellow: 7, orange: 12 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Eurostat EU-SILC (ilc_mdsd11); national statistical office',
    sdg: [{ target: '1.2', indicator: '1.2.2' }],
    translations: {
      fr: {
        name: 'Taux de privation matérielle et sociale grave',
        description:
          'Part des habitants qui ne peuvent pas se permettre au moins 7 des 13 éléments jugés ' +
          'nécessaires à une vie décente, comme payer leurs factures à temps ou chauffer ' +
          'correctement leur logement. Il mesure une pauvreté que les seuls indicateurs de ' +
          'revenu ne saisissent pas.',
      },
      de: {
        name: 'Quote der erheblichen materiellen und sozialen Deprivation',
        description:
          'Anteil der Einwohnerinnen und Einwohner, die sich mindestens 7 von 13 für ein ' +
          'angemessenes Leben notwendigen Dingen nicht leisten können, etwa Rechnungen pünktlich ' +
          'zu bezahlen oder die Wohnung angemessen zu heizen. Sie erfasst Armut, die reine ' +
          'Einkommensindikatoren übersehen.',
      },
      es: {
        name: 'Tasa de carencia material y social severa',
        description:
          'Porcentaje de residentes que no pueden permitirse al menos 7 de los 13 elementos ' +
          'considerados necesarios para una vida digna, como pagar las facturas a tiempo o ' +
          'mantener la vivienda a una temperatura adecuada. Refleja una pobreza que los ' +
          'indicadores de renta por sí solos no captan.',
      },
      it: {
        name: 'Tasso di grave deprivazione materiale e sociale',
        description:
          'Quota di residenti che non possono permettersi almeno 7 dei 13 elementi considerati ' +
          'necessari per una vita adeguata, come pagare puntualmente le bollette o riscaldare ' +
          'adeguatamente la casa. Coglie forme di povertà che i soli indicatori di reddito non ' +
          'rilevano.',
      },
    },
    generate: { start: [1.5, 30], annualChange: 0.06, noise: 0.08 },
    ambition: { kind: 'relative', value: 0.5 },
  },
  {
    slug: 'adult-obesity',
    goal: 2,
    name: 'Obesity among adults',
    description:
      'Share of adults (18 and over) with a body mass index of 30 or more. Obesity is a leading ' +
      'risk factor for diabetes, cardiovascular disease and several cancers.',
    unit: '%',
    direction: 'decrease',
    decimals: 1,
    trendType: 'auto',
    bestBound: 10,
    worstBound: 30,
    thresholds: { green: 15, yellow: 20, orange: 25 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'European Health Interview Survey (EHIS); regional health survey',
    sdg: [{ target: '2.2' }, { target: '3.4' }],
    translations: {
      fr: {
        name: 'Obésité chez les adultes',
        description:
          'Part des adultes (18 ans et plus) dont l’indice de masse corporelle est égal ou ' +
          'supérieur à 30. L’obésité est un facteur de risque majeur de diabète, de maladies ' +
          'cardiovasculaires et de plusieurs cancers.',
      },
      de: {
        name: 'Adipositas bei Erwachsenen',
        description:
          'Anteil der Erwachsenen (ab 18 Jahren) mit einem Body-Mass-Index von 30 oder mehr. ' +
          'Adipositas ist ein Hauptrisikofaktor für Diabetes, Herz-Kreislauf-Erkrankungen und ' +
          'mehrere Krebsarten.',
      },
      es: {
        name: 'Obesidad en adultos',
        description:
          'Porcentaje de adultos (18 años o más) con un índice de masa corporal igual o superior ' +
          'a 30. La obesidad es un factor de riesgo principal de diabetes, enfermedades ' +
          'cardiovasculares y varios tipos de cáncer.',
      },
      it: {
        name: 'Obesità negli adulti',
        description:
          'Quota di adulti (18 anni e oltre) con un indice di massa corporea pari o superiore a ' +
          '30. L’obesità è uno dei principali fattori di rischio per diabete, malattie ' +
          'cardiovascolari e diversi tumori.',
      },
    },
    generate: { start: [12, 26], annualChange: 0.005, noise: 0.03 },
    ambition: null,
  },
  {
    slug: 'urban-farming-area',
    goal: 2,
    name: 'Urban farming area',
    description:
      'Area of community gardens, allotments and other urban or peri-urban food-growing plots ' +
      'per inhabitant. Local food growing strengthens food security, short supply chains and ' +
      'social cohesion.',
    unit: 'm² per inhabitant',
    direction: 'increase',
    decimals: 2,
    trendType: 'auto',
    bestBound: 5,
    worstBound: 0,
    thresholds: { green: 3, yellow: 1.5, orange: 0.5 },
    allowedMin: 0,
    allowedMax: 1000,
    source: 'Municipal land register; parks and green-space department',
    sdg: [{ target: '2.4' }, { target: '11.a' }],
    translations: {
      fr: {
        name: 'Surface d’agriculture urbaine',
        description:
          'Surface de jardins partagés, jardins familiaux et autres parcelles de production ' +
          'alimentaire urbaines ou périurbaines par habitant. La production alimentaire locale ' +
          'renforce la sécurité alimentaire, les circuits courts et la cohésion sociale.',
        unit: 'm² par habitant',
      },
      de: {
        name: 'Fläche für urbane Landwirtschaft',
        description:
          'Fläche von Gemeinschaftsgärten, Kleingärten und anderen städtischen oder stadtnahen ' +
          'Flächen für den Anbau von Lebensmitteln je Einwohner. Lokaler Anbau stärkt die ' +
          'Ernährungssicherheit, kurze Lieferketten und den sozialen Zusammenhalt.',
        unit: 'm² je Einwohner',
      },
      es: {
        name: 'Superficie de agricultura urbana',
        description:
          'Superficie de huertos comunitarios, huertos urbanos y otras parcelas de cultivo de ' +
          'alimentos urbanas o periurbanas por habitante. La producción local de alimentos ' +
          'refuerza la seguridad alimentaria, los circuitos cortos y la cohesión social.',
        unit: 'm² por habitante',
      },
      it: {
        name: 'Superficie di agricoltura urbana',
        description:
          'Superficie di orti comunitari, orti urbani e altri appezzamenti urbani o periurbani ' +
          'destinati alla produzione di cibo per abitante. La produzione alimentare locale ' +
          'rafforza la sicurezza alimentare, le filiere corte e la coesione sociale.',
        unit: 'm² per abitante',
      },
    },
    generate: { start: [0.2, 5], annualChange: 0.03, noise: 0.04 },
    ambition: { kind: 'relative', value: 0.5 },
  },
  {
    slug: 'life-expectancy-at-birth',
    goal: 3,
    name: 'Life expectancy at birth',
    description:
      'Average number of years a newborn is expected to live under current mortality conditions. ' +
      'It summarises the overall health of the population and the quality of health services.',
    unit: 'years',
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 84,
    worstBound: 72,
    thresholds: { green: 82, yellow: 80, orange: 77 },
    allowedMin: 40,
    allowedMax: 110,
    source: 'Eurostat mortality statistics (demo_r_mlifexp); national statistical office',
    sdg: [{ target: '3.4' }, { target: '3.8' }],
    translations: {
      fr: {
        name: 'Espérance de vie à la naissance',
        description:
          'Nombre moyen d’années qu’un nouveau-né peut espérer vivre dans les conditions de ' +
          'mortalité actuelles. Elle résume l’état de santé global de la population et la ' +
          'qualité des services de santé.',
        unit: 'ans',
      },
      de: {
        name: 'Lebenserwartung bei Geburt',
        description:
          'Durchschnittliche Anzahl der Jahre, die ein Neugeborenes unter den aktuellen ' +
          'Sterblichkeitsverhältnissen voraussichtlich lebt. Sie fasst den allgemeinen ' +
          'Gesundheitszustand der Bevölkerung und die Qualität der Gesundheitsversorgung ' +
          'zusammen.',
        unit: 'Jahre',
      },
      es: {
        name: 'Esperanza de vida al nacer',
        description:
          'Número medio de años que se espera que viva un recién nacido según las condiciones de ' +
          'mortalidad actuales. Resume el estado general de salud de la población y la calidad ' +
          'de los servicios sanitarios.',
        unit: 'años',
      },
      it: {
        name: 'Speranza di vita alla nascita',
        description:
          'Numero medio di anni che un neonato può aspettarsi di vivere nelle attuali condizioni ' +
          'di mortalità. Sintetizza lo stato di salute complessivo della popolazione e la ' +
          'qualità dei servizi sanitari.',
        unit: 'anni',
      },
    },
    generate: { start: [73.5, 84], annualChange: 0.002, noise: 0.002 },
    ambition: { kind: 'relative', value: 0.02 },
  },
  {
    slug: 'premature-ncd-mortality',
    goal: 3,
    name: 'Premature mortality from non-communicable diseases',
    description:
      'Age-standardised deaths before age 75 from cardiovascular disease, cancer, diabetes and ' +
      'chronic respiratory disease per 100,000 inhabitants. Most of these deaths can be ' +
      'prevented through healthier environments and lifestyles.',
    unit: 'per 100,000 inhabitants',
    direction: 'decrease',
    decimals: 0,
    trendType: 'auto',
    bestBound: 150,
    worstBound: 450,
    thresholds: { green: 200, yellow: 260, orange: 350 },
    allowedMin: 0,
    allowedMax: 5000,
    source: 'Eurostat causes of death (hlth_cd_asdr2); regional public-health institute',
    sdg: [{ target: '3.4', indicator: '3.4.1' }],
    translations: {
      fr: {
        name: 'Mortalité prématurée due aux maladies non transmissibles',
        description:
          'Décès avant 75 ans dus aux maladies cardiovasculaires, aux cancers, au diabète et aux ' +
          'maladies respiratoires chroniques, standardisés selon l’âge, pour 100 000 habitants. ' +
          'La plupart de ces décès peuvent être évités grâce à des environnements et des modes ' +
          'de vie plus sains.',
        unit: 'pour 100 000 habitants',
      },
      de: {
        name: 'Vorzeitige Sterblichkeit durch nichtübertragbare Krankheiten',
        description:
          'Altersstandardisierte Todesfälle vor dem 75. Lebensjahr durch ' +
          'Herz-Kreislauf-Erkrankungen, Krebs, Diabetes und chronische Atemwegserkrankungen je ' +
          '100.000 Einwohner. Die meisten dieser Todesfälle lassen sich durch gesündere ' +
          'Lebensbedingungen und Lebensweisen vermeiden.',
        unit: 'je 100.000 Einwohner',
      },
      es: {
        name: 'Mortalidad prematura por enfermedades no transmisibles',
        description:
          'Defunciones antes de los 75 años por enfermedades cardiovasculares, cáncer, diabetes ' +
          'y enfermedades respiratorias crónicas, estandarizadas por edad, por cada 100.000 ' +
          'habitantes. La mayoría de estas muertes pueden evitarse con entornos y estilos de ' +
          'vida más saludables.',
        unit: 'por cada 100.000 habitantes',
      },
      it: {
        name: 'Mortalità prematura per malattie non trasmissibili',
        description:
          'Decessi prima dei 75 anni per malattie cardiovascolari, tumori, diabete e malattie ' +
          'respiratorie croniche, standardizzati per età, ogni 100.000 abitanti. La maggior ' +
          'parte di questi decessi è evitabile grazie ad ambienti e stili di vita più sani.',
        unit: 'ogni 100.000 abitanti',
      },
    },
    generate: { start: [160, 480], annualChange: 0.02, noise: 0.03 },
    ambition: { kind: 'relative', value: 0.33 },
  },
  {
    slug: 'no2-annual-mean',
    goal: 3,
    name: 'Annual mean NO₂ concentration',
    description:
      'Population-weighted annual mean concentration of nitrogen dioxide, mainly from road ' +
      'traffic. The WHO 2021 guideline is 10 µg/m³ and the EU limit value falls to 20 µg/m³ in ' +
      '2030.',
    unit: 'µg/m³',
    direction: 'decrease',
    decimals: 1,
    trendType: 'auto',
    bestBound: 10,
    worstBound: 40,
    thresholds: { green: 10, yellow: 20, orange: 30 },
    allowedMin: 0,
    allowedMax: 400,
    source: 'Municipal air-quality monitoring network (EEA Air Quality e-Reporting)',
    sdg: [{ target: '3.9', indicator: '3.9.1' }, { target: '11.6' }],
    translations: {
      fr: {
        name: 'Concentration moyenne annuelle de NO₂',
        description:
          'Concentration moyenne annuelle de dioxyde d’azote, pondérée par la population, ' +
          'principalement issue du trafic routier. La valeur guide de l’OMS (2021) est de 10 ' +
          'µg/m³ et la valeur limite de l’UE passe à 20 µg/m³ en 2030.',
      },
      de: {
        name: 'Jahresmittelwert der NO₂-Konzentration',
        description:
          'Bevölkerungsgewichteter Jahresmittelwert der Stickstoffdioxidkonzentration, die vor ' +
          'allem aus dem Straßenverkehr stammt. Der WHO-Richtwert von 2021 liegt bei 10 µg/m³, ' +
          'der EU-Grenzwert sinkt 2030 auf 20 µg/m³.',
      },
      es: {
        name: 'Concentración media anual de NO₂',
        description:
          'Concentración media anual de dióxido de nitrógeno, ponderada por población, ' +
          'procedente sobre todo del tráfico rodado. El valor guía de la OMS (2021) es de 10 ' +
          'µg/m³ y el valor límite de la UE baja a 20 µg/m³ en 2030.',
      },
      it: {
        name: 'Concentrazione media annua di NO₂',
        description:
          'Concentrazione media annua di biossido di azoto, ponderata per la popolazione, dovuta ' +
          'soprattutto al traffico stradale. Il valore guida dell’OMS (2021) è di 10 µg/m³ e il ' +
          'valore limite dell’UE scende a 20 µg/m³ nel 2030.',
      },
    },
    generate: { start: [11, 38], annualChange: 0.04, noise: 0.06 },
    ambition: { kind: 'absolute', value: 20 },
  },
  {
    slug: 'early-leavers-from-education',
    goal: 4,
    name: 'Early leavers from education and training',
    description:
      'Share of 18–24-year-olds who have at most lower secondary education and are not in ' +
      'further education or training. Leaving school early sharply raises the risk of ' +
      'unemployment and poverty.',
    unit: '%',
    direction: 'decrease',
    decimals: 1,
    trendType: 'auto',
    bestBound: 3,
    worstBound: 20,
    thresholds: { green: 6, yellow: 9, orange: 12 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Eurostat Labour Force Survey (edat_lfse_16); regional education authority',
    sdg: [{ target: '4.1' }],
    translations: {
      fr: {
        name: 'Jeunes ayant quitté prématurément l’éducation et la formation',
        description:
          'Part des 18-24 ans ayant au plus un diplôme du premier cycle de l’enseignement ' +
          'secondaire et ne suivant ni études ni formation. Le décrochage scolaire accroît ' +
          'fortement le risque de chômage et de pauvreté.',
      },
      de: {
        name: 'Frühe Schul- und Ausbildungsabgänger',
        description:
          'Anteil der 18- bis 24-Jährigen, die höchstens über einen Abschluss der Sekundarstufe ' +
          'I verfügen und sich nicht in Bildung oder Ausbildung befinden. Ein früher ' +
          'Bildungsabbruch erhöht das Risiko von Arbeitslosigkeit und Armut deutlich.',
      },
      es: {
        name: 'Abandono temprano de la educación y la formación',
        description:
          'Porcentaje de jóvenes de 18 a 24 años que tienen como máximo la primera etapa de ' +
          'educación secundaria y no cursan ningún tipo de estudios o formación. El abandono ' +
          'escolar temprano aumenta considerablemente el riesgo de desempleo y pobreza.',
      },
      it: {
        name: 'Abbandono precoce di istruzione e formazione',
        description:
          'Quota di giovani di 18-24 anni con al massimo la licenza media che non frequentano ' +
          'corsi di istruzione o formazione. L’abbandono scolastico precoce aumenta fortemente ' +
          'il rischio di disoccupazione e povertà.',
      },
    },
    generate: { start: [4, 22], annualChange: 0.04, noise: 0.08 },
    ambition: { kind: 'relative', value: 0.3 },
  },
  {
    slug: 'tertiary-attainment-25-34',
    goal: 4,
    name: 'Tertiary educational attainment (age 25–34)',
    description:
      'Share of 25–34-year-olds who have completed tertiary education (ISCED 5–8). The EU aims ' +
      'for at least 45 % by 2030.',
    unit: '%',
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 60,
    worstBound: 20,
    thresholds: { green: 45, yellow: 40, orange: 30 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Eurostat Labour Force Survey (edat_lfs_9918); national census',
    sdg: [{ target: '4.3' }, { target: '4.4' }],
    translations: {
      fr: {
        name: 'Diplômés de l’enseignement supérieur (25-34 ans)',
        description:
          'Part des 25-34 ans ayant achevé des études supérieures (CITE 5-8). L’UE vise au moins ' +
          '45 % d’ici à 2030.',
      },
      de: {
        name: 'Tertiärer Bildungsabschluss (25–34 Jahre)',
        description:
          'Anteil der 25- bis 34-Jährigen mit abgeschlossener Tertiärbildung (ISCED 5–8). Die EU ' +
          'strebt bis 2030 mindestens 45 % an.',
      },
      es: {
        name: 'Nivel de educación terciaria (25-34 años)',
        description:
          'Porcentaje de personas de 25 a 34 años que han completado la educación terciaria ' +
          '(CINE 5-8). La UE aspira a alcanzar al menos el 45 % en 2030.',
      },
      it: {
        name: 'Istruzione terziaria (25-34 anni)',
        description:
          'Quota di persone di 25-34 anni che hanno completato l’istruzione terziaria (ISCED ' +
          '5-8). L’UE punta ad almeno il 45 % entro il 2030.',
      },
    },
    generate: { start: [24, 58], annualChange: 0.012, noise: 0.03 },
    ambition: { kind: 'relative', value: 0.1 },
  },
  {
    slug: 'childcare-enrolment-under-3',
    goal: 4,
    name: 'Children under 3 in formal childcare',
    description:
      'Share of children under three enrolled in formal early childhood education and care. ' +
      'Affordable childcare supports child development and parents’ (especially mothers’) ' +
      'employment.',
    unit: '%',
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 60,
    worstBound: 5,
    thresholds: { green: 45, yellow: 33, orange: 20 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Eurostat EU-SILC (ilc_caindformal); municipal education department',
    sdg: [{ target: '4.2' }, { target: '5.4' }],
    translations: {
      fr: {
        name: 'Enfants de moins de 3 ans en accueil formel',
        description:
          'Part des enfants de moins de trois ans inscrits dans une structure formelle ' +
          'd’éducation et d’accueil de la petite enfance. Un accueil abordable favorise le ' +
          'développement de l’enfant et l’emploi des parents, en particulier des mères.',
      },
      de: {
        name: 'Kinder unter 3 Jahren in formaler Kinderbetreuung',
        description:
          'Anteil der Kinder unter drei Jahren in formaler frühkindlicher Bildung und Betreuung. ' +
          'Bezahlbare Kinderbetreuung fördert die kindliche Entwicklung und die Erwerbstätigkeit ' +
          'der Eltern, insbesondere der Mütter.',
      },
      es: {
        name: 'Menores de 3 años en educación infantil formal',
        description:
          'Porcentaje de niños y niñas menores de tres años matriculados en servicios formales ' +
          'de educación y atención a la primera infancia. Una atención infantil asequible ' +
          'favorece el desarrollo infantil y el empleo de los progenitores, especialmente de las ' +
          'madres.',
      },
      it: {
        name: 'Bambini sotto i 3 anni nei servizi educativi per l’infanzia',
        description:
          'Quota di bambini di età inferiore a tre anni iscritti a servizi formali di educazione ' +
          'e cura della prima infanzia. Servizi accessibili favoriscono lo sviluppo dei bambini ' +
          'e l’occupazione dei genitori, in particolare delle madri.',
      },
    },
    generate: { start: [3, 55], annualChange: 0.03, noise: 0.05 },
    ambition: { kind: 'absolute', value: 45 },
  },
  {
    slug: 'women-in-city-council',
    goal: 5,
    name: 'Women in the city council',
    description:
      'Share of city council seats held by women after the latest local election. Balanced ' +
      'representation is a core measure of women’s participation in public decision-making.',
    unit: '%',
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 50,
    worstBound: 10,
    thresholds: { green: 45, yellow: 40, orange: 30 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Municipal election results; EIGE Gender Statistics Database',
    sdg: [
      { target: '5.5', indicator: '5.5.1' },
      { target: '16.7', indicator: '16.7.1' },
    ],
    translations: {
      fr: {
        name: 'Femmes au conseil municipal',
        description:
          'Part des sièges du conseil municipal occupés par des femmes à l’issue des dernières ' +
          'élections locales. Une représentation équilibrée est une mesure essentielle de la ' +
          'participation des femmes à la prise de décision publique.',
      },
      de: {
        name: 'Frauen im Stadtrat',
        description:
          'Anteil der Sitze im Stadtrat, die nach der letzten Kommunalwahl von Frauen besetzt ' +
          'sind. Eine ausgewogene Vertretung ist ein zentrales Maß für die Teilhabe von Frauen ' +
          'an öffentlichen Entscheidungen.',
      },
      es: {
        name: 'Mujeres en el pleno municipal',
        description:
          'Porcentaje de escaños del pleno municipal ocupados por mujeres tras las últimas ' +
          'elecciones locales. Una representación equilibrada es una medida clave de la ' +
          'participación de las mujeres en la toma de decisiones públicas.',
      },
      it: {
        name: 'Donne nel consiglio comunale',
        description:
          'Quota di seggi del consiglio comunale occupati da donne dopo le ultime elezioni ' +
          'amministrative. Una rappresentanza equilibrata è una misura fondamentale della ' +
          'partecipazione delle donne ai processi decisionali pubblici.',
      },
    },
    generate: { start: [15, 46], annualChange: 0.02, noise: 0.02 },
    ambition: { kind: 'absolute', value: 50 },
  },
  {
    slug: 'gender-employment-gap',
    goal: 5,
    name: 'Gender employment gap',
    description:
      'Difference between the employment rates of men and women aged 20–64, in percentage ' +
      'points. The EU aims to at least halve the gap by 2030.',
    unit: 'percentage points',
    direction: 'decrease',
    decimals: 1,
    trendType: 'linear',
    bestBound: 0,
    worstBound: 20,
    thresholds: { green: 3, yellow: 7, orange: 12 },
    allowedMin: -100,
    allowedMax: 100,
    source: 'Eurostat Labour Force Survey (lfst_r_lfe2emprt)',
    sdg: [{ target: '5.1' }, { target: '8.5' }],
    translations: {
      fr: {
        name: 'Écart d’emploi entre les femmes et les hommes',
        description:
          'Différence entre les taux d’emploi des hommes et des femmes âgés de 20 à 64 ans, en ' +
          'points de pourcentage. L’UE vise à réduire cet écart au moins de moitié d’ici à 2030.',
        unit: 'points de pourcentage',
      },
      de: {
        name: 'Geschlechtsspezifisches Beschäftigungsgefälle',
        description:
          'Differenz zwischen den Erwerbstätigenquoten von Männern und Frauen im Alter von 20 ' +
          'bis 64 Jahren in Prozentpunkten. Die EU will das Gefälle bis 2030 mindestens ' +
          'halbieren.',
        unit: 'Prozentpunkte',
      },
      es: {
        name: 'Brecha de género en el empleo',
        description:
          'Diferencia entre las tasas de empleo de hombres y mujeres de 20 a 64 años, en puntos ' +
          'porcentuales. La UE aspira a reducir la brecha al menos a la mitad de aquí a 2030.',
        unit: 'puntos porcentuales',
      },
      it: {
        name: 'Divario di genere nell’occupazione',
        description:
          'Differenza tra i tassi di occupazione di uomini e donne di 20-64 anni, in punti ' +
          'percentuali. L’UE mira almeno a dimezzare il divario entro il 2030.',
        unit: 'punti percentuali',
      },
    },
    generate: { start: [2, 20], annualChange: 0.2, noise: 0.08 },
    ambition: { kind: 'relative', value: 0.5 },
  },
  {
    slug: 'water-network-losses',
    goal: 6,
    name: 'Water losses in the distribution network',
    description:
      'Share of drinking water fed into the supply network that is lost through leaks, bursts ' +
      'and unmetered use (non-revenue water). Reducing losses saves water, energy and money.',
    unit: '%',
    direction: 'decrease',
    decimals: 1,
    trendType: 'auto',
    bestBound: 5,
    worstBound: 50,
    thresholds: { green: 10, yellow: 20, orange: 30 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Water utility annual report; national water regulator',
    sdg: [{ target: '6.4' }],
    translations: {
      fr: {
        name: 'Pertes d’eau dans le réseau de distribution',
        description:
          'Part de l’eau potable introduite dans le réseau qui est perdue par fuites, ruptures ' +
          'de conduites et consommations non comptabilisées (eau non facturée). Réduire les ' +
          'pertes permet d’économiser de l’eau, de l’énergie et de l’argent.',
      },
      de: {
        name: 'Wasserverluste im Verteilungsnetz',
        description:
          'Anteil des in das Versorgungsnetz eingespeisten Trinkwassers, der durch Leckagen, ' +
          'Rohrbrüche und nicht erfasste Entnahmen verloren geht (nicht in Rechnung gestelltes ' +
          'Wasser). Geringere Verluste sparen Wasser, Energie und Geld.',
      },
      es: {
        name: 'Pérdidas de agua en la red de distribución',
        description:
          'Porcentaje del agua potable suministrada a la red que se pierde por fugas, roturas y ' +
          'consumos no medidos (agua no registrada). Reducir las pérdidas ahorra agua, energía y ' +
          'dinero.',
      },
      it: {
        name: 'Perdite idriche nella rete di distribuzione',
        description:
          'Quota dell’acqua potabile immessa in rete che va persa a causa di perdite, rotture e ' +
          'consumi non misurati (acqua non fatturata). Ridurre le perdite consente di ' +
          'risparmiare acqua, energia e denaro.',
      },
    },
    generate: { start: [7, 60], annualChange: 0.03, noise: 0.05 },
    ambition: { kind: 'relative', value: 0.3 },
  },
  {
    slug: 'wastewater-safely-treated',
    goal: 6,
    name: 'Wastewater safely treated',
    description:
      'Share of the urban wastewater load (population equivalents) that receives at least ' +
      'secondary (biological) treatment before discharge. Treatment protects rivers, lakes and ' +
      'coastal waters from pollution.',
    unit: '%',
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 100,
    worstBound: 60,
    thresholds: { green: 98, yellow: 95, orange: 85 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Urban Waste Water Treatment Directive reporting (EEA); water utility',
    sdg: [{ target: '6.3', indicator: '6.3.1' }],
    translations: {
      fr: {
        name: 'Eaux usées traitées de manière sûre',
        description:
          'Part de la charge d’eaux urbaines résiduaires (en équivalents-habitants) faisant ' +
          'l’objet d’au moins un traitement secondaire (biologique) avant rejet. Le traitement ' +
          'protège les rivières, les lacs et les eaux côtières de la pollution.',
      },
      de: {
        name: 'Sicher behandeltes Abwasser',
        description:
          'Anteil der kommunalen Abwasserfracht (in Einwohnerwerten), die vor der Einleitung ' +
          'mindestens biologisch (zweite Reinigungsstufe) behandelt wird. Die Behandlung schützt ' +
          'Flüsse, Seen und Küstengewässer vor Verschmutzung.',
      },
      es: {
        name: 'Aguas residuales tratadas de forma segura',
        description:
          'Porcentaje de la carga de aguas residuales urbanas (en habitantes equivalentes) que ' +
          'recibe al menos un tratamiento secundario (biológico) antes del vertido. El ' +
          'tratamiento protege ríos, lagos y aguas costeras de la contaminación.',
      },
      it: {
        name: 'Acque reflue trattate in modo sicuro',
        description:
          'Quota del carico di acque reflue urbane (in abitanti equivalenti) sottoposto almeno a ' +
          'trattamento secondario (biologico) prima dello scarico. Il trattamento protegge ' +
          'fiumi, laghi e acque costiere dall’inquinamento.',
      },
    },
    generate: { start: [70, 97], annualChange: 0.003, noise: 0.005 },
    ambition: { kind: 'absolute', value: 100 },
  },
  {
    slug: 'household-water-consumption',
    goal: 6,
    name: 'Household water consumption',
    description:
      'Average daily drinking-water consumption of households per resident. Lower consumption ' +
      'eases pressure on water resources, especially during droughts.',
    unit: 'l per person per day',
    direction: 'decrease',
    decimals: 0,
    trendType: 'auto',
    bestBound: 80,
    worstBound: 200,
    thresholds: { green: 100, yellow: 120, orange: 150 },
    allowedMin: 0,
    allowedMax: 1000,
    source: 'Water utility billing data',
    sdg: [{ target: '6.4' }, { target: '12.2' }],
    translations: {
      fr: {
        name: 'Consommation d’eau des ménages',
        description:
          'Consommation quotidienne moyenne d’eau potable des ménages par habitant. Une ' +
          'consommation plus faible réduit la pression sur les ressources en eau, en particulier ' +
          'en période de sécheresse.',
        unit: 'l par personne et par jour',
      },
      de: {
        name: 'Wasserverbrauch der Haushalte',
        description:
          'Durchschnittlicher täglicher Trinkwasserverbrauch der Haushalte je Einwohner. Ein ' +
          'geringerer Verbrauch entlastet die Wasserressourcen, besonders in Dürreperioden.',
        unit: 'l pro Person und Tag',
      },
      es: {
        name: 'Consumo de agua de los hogares',
        description:
          'Consumo medio diario de agua potable de los hogares por habitante. Un menor consumo ' +
          'reduce la presión sobre los recursos hídricos, sobre todo en periodos de sequía.',
        unit: 'l por persona y día',
      },
      it: {
        name: 'Consumo idrico delle famiglie',
        description:
          'Consumo medio giornaliero di acqua potabile delle famiglie per abitante. Consumi più ' +
          'bassi riducono la pressione sulle risorse idriche, soprattutto nei periodi di siccità.',
        unit: 'l per persona al giorno',
      },
    },
    generate: { start: [80, 170], annualChange: 0.01, noise: 0.03 },
    ambition: { kind: 'relative', value: 0.1 },
  },
  {
    slug: 'renewable-energy-share',
    goal: 7,
    name: 'Renewable share of final energy consumption',
    description:
      'Share of renewable sources (renewable electricity and heat, produced locally or supplied ' +
      'from outside, and biofuels) in the city’s gross final energy consumption. The EU target ' +
      'for 2030 is 42.5 %.',
    unit: '%',
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 60,
    worstBound: 5,
    thresholds: { green: 42.5, yellow: 30, orange: 20 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Covenant of Mayors monitoring inventory; energy utilities',
    sdg: [{ target: '7.2', indicator: '7.2.1' }],
    translations: {
      fr: {
        name: 'Part des énergies renouvelables dans la consommation finale d’énergie',
        description:
          'Part des sources renouvelables (électricité et chaleur renouvelables, produites ' +
          'localement ou importées, et biocarburants) dans la consommation finale brute ' +
          'd’énergie de la ville. L’objectif de l’UE pour 2030 est de 42,5 %.',
      },
      de: {
        name: 'Anteil erneuerbarer Energien am Endenergieverbrauch',
        description:
          'Anteil erneuerbarer Quellen (lokal erzeugter oder bezogener erneuerbarer Strom und ' +
          'erneuerbare Wärme sowie Biokraftstoffe) am Bruttoendenergieverbrauch der Stadt. Das ' +
          'EU-Ziel für 2030 liegt bei 42,5 %.',
      },
      es: {
        name: 'Cuota de renovables en el consumo final de energía',
        description:
          'Porcentaje de fuentes renovables (electricidad y calor renovables, de producción ' +
          'local o importados, y biocarburantes) en el consumo final bruto de energía de la ' +
          'ciudad. El objetivo de la UE para 2030 es del 42,5 %.',
      },
      it: {
        name: 'Quota di rinnovabili nei consumi finali di energia',
        description:
          'Quota di fonti rinnovabili (elettricità e calore rinnovabili, prodotti localmente o ' +
          'importati, e biocarburanti) nel consumo finale lordo di energia della città. ' +
          'L’obiettivo dell’UE per il 2030 è del 42,5 %.',
      },
    },
    generate: { start: [6, 40], annualChange: 0.04, noise: 0.04 },
    ambition: { kind: 'absolute', value: 42.5 },
  },
  {
    slug: 'final-energy-consumption-per-capita',
    goal: 7,
    name: 'Final energy consumption per capita',
    description:
      'Total final energy used in buildings, transport and local industry on the city’s ' +
      'territory divided by the number of residents. Lower consumption reflects efficiency gains ' +
      'and lower emissions.',
    unit: 'MWh per capita',
    direction: 'decrease',
    decimals: 1,
    trendType: 'auto',
    bestBound: 10,
    worstBound: 45,
    thresholds: { green: 15, yellow: 20, orange: 28 },
    allowedMin: 0,
    allowedMax: 500,
    source: 'Covenant of Mayors baseline emission inventory; energy utilities',
    sdg: [{ target: '7.3' }],
    translations: {
      fr: {
        name: 'Consommation finale d’énergie par habitant',
        description:
          'Énergie finale totale consommée dans les bâtiments, les transports et l’industrie ' +
          'locale sur le territoire de la ville, divisée par le nombre d’habitants. Une ' +
          'consommation plus faible traduit des gains d’efficacité et des émissions moindres.',
        unit: 'MWh par habitant',
      },
      de: {
        name: 'Endenergieverbrauch pro Kopf',
        description:
          'Gesamter Endenergieverbrauch in Gebäuden, Verkehr und lokaler Industrie auf dem ' +
          'Stadtgebiet, geteilt durch die Zahl der Einwohner. Ein geringerer Verbrauch spiegelt ' +
          'Effizienzgewinne und niedrigere Emissionen wider.',
        unit: 'MWh pro Kopf',
      },
      es: {
        name: 'Consumo de energía final per cápita',
        description:
          'Energía final total consumida en edificios, transporte e industria local en el ' +
          'término municipal, dividida por el número de habitantes. Un menor consumo refleja ' +
          'mejoras de eficiencia y menores emisiones.',
        unit: 'MWh per cápita',
      },
      it: {
        name: 'Consumo di energia finale pro capite',
        description:
          'Energia finale totale consumata negli edifici, nei trasporti e nell’industria locale ' +
          'sul territorio comunale, divisa per il numero di abitanti. Consumi più bassi ' +
          'riflettono guadagni di efficienza e minori emissioni.',
        unit: 'MWh pro capite',
      },
    },
    generate: { start: [12, 38], annualChange: 0.015, noise: 0.03 },
    ambition: { kind: 'relative', value: 0.2 },
  },
  {
    slug: 'households-unable-to-keep-home-warm',
    goal: 7,
    name: 'Households unable to keep their home adequately warm',
    description:
      'Share of residents living in households that cannot afford to keep their home adequately ' +
      'warm, the main EU proxy for energy poverty.',
    unit: '%',
    direction: 'decrease',
    decimals: 1,
    trendType: 'auto',
    bestBound: 2,
    worstBound: 30,
    thresholds: { green: 5, yellow: 10, orange: 20 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Eurostat EU-SILC (ilc_mdes01); Energy Poverty Advisory Hub',
    sdg: [{ target: '7.1' }, { target: '1.4' }],
    translations: {
      fr: {
        name: 'Ménages incapables de chauffer correctement leur logement',
        description:
          'Part des habitants vivant dans un ménage qui n’a pas les moyens de chauffer ' +
          'correctement son logement, principal indicateur indirect de la précarité énergétique ' +
          'dans l’UE.',
      },
      de: {
        name: 'Haushalte, die ihre Wohnung nicht angemessen warm halten können',
        description:
          'Anteil der Einwohnerinnen und Einwohner in Haushalten, die es sich nicht leisten ' +
          'können, ihre Wohnung angemessen warm zu halten – der wichtigste Näherungsindikator ' +
          'der EU für Energiearmut.',
      },
      es: {
        name: 'Hogares que no pueden mantener la vivienda a una temperatura adecuada',
        description:
          'Porcentaje de residentes en hogares que no pueden permitirse mantener la vivienda a ' +
          'una temperatura adecuada, principal indicador aproximado de la pobreza energética en ' +
          'la UE.',
      },
      it: {
        name: 'Famiglie che non riescono a riscaldare adeguatamente l’abitazione',
        description:
          'Quota di residenti in famiglie che non possono permettersi di riscaldare ' +
          'adeguatamente l’abitazione, principale indicatore indiretto della povertà energetica ' +
          'nell’UE.',
      },
    },
    generate: { start: [2, 40], annualChange: 0.05, noise: 0.1 },
    ambition: { kind: 'relative', value: 0.5 },
  },
  {
    slug: 'solar-pv-capacity-per-capita',
    goal: 7,
    name: 'Installed solar photovoltaic capacity',
    description:
      'Peak capacity of solar photovoltaic installations within the city boundary per ' +
      'inhabitant. Rooftop and other local solar power increases renewable supply and energy ' +
      'resilience.',
    unit: 'W per inhabitant',
    direction: 'increase',
    decimals: 0,
    trendType: 'auto',
    bestBound: 1000,
    worstBound: 0,
    thresholds: { green: 500, yellow: 250, orange: 100 },
    allowedMin: 0,
    allowedMax: 20_000,
    source: 'Grid operator connection register; national renewable-energy registry',
    sdg: [{ target: '7.2' }],
    translations: {
      fr: {
        name: 'Puissance photovoltaïque installée',
        description:
          'Puissance crête des installations solaires photovoltaïques situées sur le territoire ' +
          'de la ville, par habitant. Le solaire en toiture et les autres installations locales ' +
          'accroissent l’approvisionnement renouvelable et la résilience énergétique.',
        unit: 'W par habitant',
      },
      de: {
        name: 'Installierte Photovoltaikleistung',
        description:
          'Spitzenleistung der Photovoltaikanlagen im Stadtgebiet je Einwohner. Dachanlagen und ' +
          'andere lokale Solaranlagen erhöhen die erneuerbare Versorgung und die ' +
          'Energieresilienz.',
        unit: 'W je Einwohner',
      },
      es: {
        name: 'Potencia solar fotovoltaica instalada',
        description:
          'Potencia pico de las instalaciones solares fotovoltaicas situadas en el término ' +
          'municipal por habitante. La energía solar en cubiertas y otras instalaciones locales ' +
          'aumentan el suministro renovable y la resiliencia energética.',
        unit: 'W por habitante',
      },
      it: {
        name: 'Potenza fotovoltaica installata',
        description:
          'Potenza di picco degli impianti solari fotovoltaici nel territorio comunale per ' +
          'abitante. Il solare sui tetti e gli altri impianti locali aumentano ' +
          'l’approvvigionamento rinnovabile e la resilienza energetica.',
        unit: 'W per abitante',
      },
    },
    generate: { start: [1, 120], annualChange: 0.1, noise: 0.06 },
    ambition: { kind: 'relative', value: 2 },
  },
  {
    slug: 'unemployment-rate',
    goal: 8,
    name: 'Unemployment rate',
    description:
      'Unemployed persons as a share of the labour force aged 15–74 (ILO definition). Full and ' +
      'productive employment is central to inclusive economic growth.',
    unit: '%',
    direction: 'decrease',
    decimals: 1,
    trendType: 'auto',
    bestBound: 3,
    worstBound: 20,
    thresholds: { green: 5, yellow: 7, orange: 10 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Eurostat Labour Force Survey (lfst_r_lfu3rt); national employment agency',
    sdg: [{ target: '8.5', indicator: '8.5.2' }],
    translations: {
      fr: {
        name: 'Taux de chômage',
        description:
          'Personnes au chômage en part de la population active âgée de 15 à 74 ans (définition ' +
          'du BIT). Le plein emploi productif est au cœur d’une croissance économique inclusive.',
      },
      de: {
        name: 'Arbeitslosenquote',
        description:
          'Arbeitslose als Anteil an den Erwerbspersonen im Alter von 15 bis 74 Jahren ' +
          '(ILO-Definition). Produktive Vollbeschäftigung ist zentral für ein inklusives ' +
          'Wirtschaftswachstum.',
      },
      es: {
        name: 'Tasa de desempleo',
        description:
          'Personas desempleadas como porcentaje de la población activa de 15 a 74 años ' +
          '(definición de la OIT). El pleno empleo productivo es fundamental para un crecimiento ' +
          'económico inclusivo.',
      },
      it: {
        name: 'Tasso di disoccupazione',
        description:
          'Persone disoccupate in percentuale delle forze di lavoro di 15-74 anni (definizione ' +
          'ILO). La piena e produttiva occupazione è centrale per una crescita economica ' +
          'inclusiva.',
      },
    },
    generate: { start: [3.5, 27], annualChange: 0.05, noise: 0.07 },
    ambition: { kind: 'relative', value: 0.3 },
  },
  {
    slug: 'youth-neet-rate',
    goal: 8,
    name: 'Young people not in employment, education or training (NEET)',
    description:
      'Share of 15–29-year-olds who are neither employed nor in education or training. The EU ' +
      'aims to bring the NEET rate below 9 % by 2030.',
    unit: '%',
    direction: 'decrease',
    decimals: 1,
    trendType: 'auto',
    bestBound: 5,
    worstBound: 25,
    thresholds: { green: 9, yellow: 12, orange: 16 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Eurostat Labour Force Survey (edat_lfse_22)',
    sdg: [{ target: '8.6', indicator: '8.6.1' }],
    translations: {
      fr: {
        name: 'Jeunes ni en emploi, ni en études, ni en formation (NEET)',
        description:
          'Part des 15-29 ans qui ne sont ni en emploi, ni en études, ni en formation. L’UE vise ' +
          'un taux de NEET inférieur à 9 % d’ici à 2030.',
      },
      de: {
        name: 'Junge Menschen ohne Arbeit, Ausbildung oder Schulbesuch (NEET)',
        description:
          'Anteil der 15- bis 29-Jährigen, die weder erwerbstätig sind noch sich in Bildung oder ' +
          'Ausbildung befinden. Die EU will die NEET-Quote bis 2030 auf unter 9 % senken.',
      },
      es: {
        name: 'Jóvenes que ni estudian, ni trabajan, ni reciben formación (NEET)',
        description:
          'Porcentaje de jóvenes de 15 a 29 años que no tienen empleo ni participan en ' +
          'actividades de educación o formación. La UE aspira a reducir la tasa NEET por debajo ' +
          'del 9 % en 2030.',
      },
      it: {
        name: 'Giovani che non studiano, non lavorano e non sono in formazione (NEET)',
        description:
          'Quota di giovani di 15-29 anni che non sono occupati né inseriti in un percorso di ' +
          'istruzione o formazione. L’UE punta a portare il tasso di NEET sotto il 9 % entro il ' +
          '2030.',
      },
    },
    generate: { start: [7, 28], annualChange: 0.04, noise: 0.06 },
    ambition: { kind: 'relative', value: 0.3 },
  },
  {
    slug: 'gdp-per-capita-pps',
    goal: 8,
    name: 'GDP per capita in purchasing power standards',
    description:
      'Gross domestic product of the metropolitan area or region per inhabitant, in purchasing ' +
      'power standards (PPS) to remove price-level differences between countries.',
    unit: 'PPS per inhabitant',
    direction: 'increase',
    decimals: 0,
    trendType: 'auto',
    bestBound: 50_000,
    worstBound: 10_000,
    thresholds: { green: 35_000, yellow: 28_000, orange: 20_000 },
    allowedMin: 0,
    allowedMax: null,
    source: 'Eurostat regional and metropolitan accounts (nama_10r_3gdp, met_10r_3gdp)',
    sdg: [{ target: '8.1' }],
    translations: {
      fr: {
        name: 'PIB par habitant en standards de pouvoir d’achat',
        description:
          'Produit intérieur brut de l’aire métropolitaine ou de la région par habitant, exprimé ' +
          'en standards de pouvoir d’achat (SPA) afin d’éliminer les différences de niveau des ' +
          'prix entre pays.',
        unit: 'SPA par habitant',
      },
      de: {
        name: 'BIP pro Kopf in Kaufkraftstandards',
        description:
          'Bruttoinlandsprodukt der Metropolregion bzw. Region je Einwohner in ' +
          'Kaufkraftstandards (KKS), um Preisniveauunterschiede zwischen den Ländern ' +
          'auszugleichen.',
        unit: 'KKS je Einwohner',
      },
      es: {
        name: 'PIB per cápita en estándares de poder adquisitivo',
        description:
          'Producto interior bruto del área metropolitana o de la región por habitante, ' +
          'expresado en estándares de poder adquisitivo (EPA) para eliminar las diferencias de ' +
          'nivel de precios entre países.',
        unit: 'EPA por habitante',
      },
      it: {
        name: 'PIL pro capite in standard di potere d’acquisto',
        description:
          'Prodotto interno lordo dell’area metropolitana o della regione per abitante, espresso ' +
          'in standard di potere d’acquisto (SPA) per eliminare le differenze di livello dei ' +
          'prezzi tra paesi.',
        unit: 'SPA per abitante',
      },
    },
    generate: { start: [10_000, 48_000], annualChange: 0.025, noise: 0.025 },
    ambition: null,
  },
  {
    slug: 'ftth-household-coverage',
    goal: 9,
    name: 'Households covered by fibre to the premises (FTTP)',
    description:
      'Share of households that can subscribe to a fibre-to-the-premises connection. Gigabit ' +
      'connectivity for all households by 2030 is an EU Digital Decade target.',
    unit: '%',
    direction: 'increase',
    decimals: 1,
    trendType: 'linear',
    bestBound: 100,
    worstBound: 0,
    thresholds: { green: 80, yellow: 60, orange: 40 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'National broadband mapping; European Commission Broadband Coverage in Europe study',
    sdg: [{ target: '9.c' }, { target: '17.6', indicator: '17.6.1' }],
    translations: {
      fr: {
        name: 'Ménages raccordables à la fibre optique (FTTP)',
        description:
          'Part des ménages pouvant souscrire un abonnement à une connexion en fibre optique ' +
          'jusqu’à l’abonné. Une connectivité gigabit pour tous les ménages d’ici à 2030 est un ' +
          'objectif de la décennie numérique de l’UE.',
      },
      de: {
        name: 'Haushalte mit Glasfaseranschluss bis ins Gebäude (FTTP)',
        description:
          'Anteil der Haushalte, die einen Glasfaseranschluss bis ins Gebäude oder in die ' +
          'Wohnung buchen können. Gigabit-Konnektivität für alle Haushalte bis 2030 ist ein Ziel ' +
          'der Digitalen Dekade der EU.',
      },
      es: {
        name: 'Hogares con cobertura de fibra hasta el hogar (FTTP)',
        description:
          'Porcentaje de hogares que pueden contratar una conexión de fibra óptica hasta el ' +
          'hogar. La conectividad gigabit para todos los hogares en 2030 es un objetivo de la ' +
          'Década Digital de la UE.',
      },
      it: {
        name: 'Famiglie coperte dalla fibra fino all’abitazione (FTTP)',
        description:
          'Quota di famiglie che possono sottoscrivere una connessione in fibra ottica fino ' +
          'all’abitazione. La connettività gigabit per tutte le famiglie entro il 2030 è un ' +
          'obiettivo del Decennio digitale dell’UE.',
      },
    },
    generate: { start: [2, 50], annualChange: 4, noise: 0.05 },
    ambition: { kind: 'absolute', value: 100 },
  },
  {
    slug: 'rd-expenditure-share-of-gdp',
    goal: 9,
    name: 'Research and development expenditure',
    description:
      'Gross domestic expenditure on research and development (public and private) in the region ' +
      'as a share of regional GDP. The EU target is 3 % of GDP.',
    unit: '% of GDP',
    direction: 'increase',
    decimals: 2,
    trendType: 'auto',
    bestBound: 4,
    worstBound: 0.5,
    thresholds: { green: 3, yellow: 2, orange: 1 },
    allowedMin: 0,
    allowedMax: 20,
    source: 'Eurostat regional R&D statistics (rd_e_gerdreg)',
    sdg: [{ target: '9.5', indicator: '9.5.1' }],
    translations: {
      fr: {
        name: 'Dépenses de recherche et développement',
        description:
          'Dépense intérieure brute de recherche et développement (publique et privée) de la ' +
          'région, en part du PIB régional. L’objectif de l’UE est de 3 % du PIB.',
        unit: '% du PIB',
      },
      de: {
        name: 'Ausgaben für Forschung und Entwicklung',
        description:
          'Bruttoinlandsausgaben für Forschung und Entwicklung (öffentlich und privat) in der ' +
          'Region als Anteil am regionalen BIP. Das EU-Ziel liegt bei 3 % des BIP.',
        unit: '% des BIP',
      },
      es: {
        name: 'Gasto en investigación y desarrollo',
        description:
          'Gasto interior bruto en investigación y desarrollo (público y privado) en la región, ' +
          'como porcentaje del PIB regional. El objetivo de la UE es el 3 % del PIB.',
        unit: '% del PIB',
      },
      it: {
        name: 'Spesa in ricerca e sviluppo',
        description:
          'Spesa interna lorda in ricerca e sviluppo (pubblica e privata) nella regione, in ' +
          'percentuale del PIL regionale. L’obiettivo dell’UE è il 3 % del PIL.',
        unit: '% del PIL',
      },
    },
    generate: { start: [0.3, 4.5], annualChange: 0.02, noise: 0.05 },
    ambition: { kind: 'absolute', value: 3 },
  },
  {
    slug: 'cycling-network-length',
    goal: 9,
    name: 'Cycling network length',
    description:
      'Length of cycle lanes and tracks, including segregated paths shared with pedestrians, per ' +
      '10,000 inhabitants. A connected cycling network enables low-carbon, healthy and ' +
      'affordable mobility.',
    unit: 'km per 10,000 inhabitants',
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 20,
    worstBound: 0,
    thresholds: { green: 10, yellow: 5, orange: 2 },
    allowedMin: 0,
    allowedMax: 500,
    source: 'Municipal mobility department (GIS network inventory); OpenStreetMap',
    sdg: [{ target: '9.1' }, { target: '11.2' }],
    translations: {
      fr: {
        name: 'Longueur du réseau cyclable',
        description:
          'Longueur des bandes et pistes cyclables, y compris les voies séparées partagées avec ' +
          'les piétons, pour 10 000 habitants. Un réseau cyclable continu permet une mobilité ' +
          'bas carbone, saine et abordable.',
        unit: 'km pour 10 000 habitants',
      },
      de: {
        name: 'Länge des Radverkehrsnetzes',
        description:
          'Länge der Radfahrstreifen und Radwege, einschließlich getrennter, mit dem Fußverkehr ' +
          'geteilter Wege, je 10.000 Einwohner. Ein zusammenhängendes Radnetz ermöglicht ' +
          'klimafreundliche, gesunde und bezahlbare Mobilität.',
        unit: 'km je 10.000 Einwohner',
      },
      es: {
        name: 'Longitud de la red ciclista',
        description:
          'Longitud de carriles bici y vías ciclistas, incluidas las sendas segregadas ' +
          'compartidas con peatones, por cada 10.000 habitantes. Una red ciclista conectada ' +
          'permite una movilidad baja en carbono, saludable y asequible.',
        unit: 'km por cada 10.000 habitantes',
      },
      it: {
        name: 'Lunghezza della rete ciclabile',
        description:
          'Lunghezza di corsie e piste ciclabili, compresi i percorsi separati condivisi con i ' +
          'pedoni, ogni 10.000 abitanti. Una rete ciclabile connessa consente una mobilità a ' +
          'basse emissioni, sana ed economica.',
        unit: 'km ogni 10.000 abitanti',
      },
    },
    generate: { start: [0.3, 25], annualChange: 0.04, noise: 0.02 },
    ambition: { kind: 'relative', value: 0.5 },
  },
  {
    slug: 'gini-disposable-income',
    goal: 10,
    name: 'Gini coefficient of equivalised disposable income',
    description:
      'Inequality of household disposable income after taxes and social transfers, from 0 ' +
      '(perfect equality) to 100 (one household receives all income).',
    unit: 'index (0–100)',
    direction: 'decrease',
    decimals: 1,
    trendType: 'auto',
    bestBound: 24,
    worstBound: 40,
    thresholds: { green: 27, yellow: 30, orange: 34 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Eurostat EU-SILC (ilc_di12); national income statistics from tax registers',
    sdg: [{ target: '10.4' }],
    translations: {
      fr: {
        name: 'Coefficient de Gini du revenu disponible équivalent',
        description:
          'Inégalité du revenu disponible des ménages après impôts et transferts sociaux, de 0 ' +
          '(égalité parfaite) à 100 (un seul ménage perçoit la totalité des revenus).',
        unit: 'indice (0-100)',
      },
      de: {
        name: 'Gini-Koeffizient des verfügbaren Äquivalenzeinkommens',
        description:
          'Ungleichheit der verfügbaren Haushaltseinkommen nach Steuern und Sozialtransfers, von ' +
          '0 (vollständige Gleichheit) bis 100 (ein Haushalt erhält das gesamte Einkommen).',
        unit: 'Index (0–100)',
      },
      es: {
        name: 'Coeficiente de Gini de la renta disponible equivalente',
        description:
          'Desigualdad de la renta disponible de los hogares después de impuestos y ' +
          'transferencias sociales, de 0 (igualdad perfecta) a 100 (un solo hogar concentra toda ' +
          'la renta).',
        unit: 'índice (0-100)',
      },
      it: {
        name: 'Indice di Gini del reddito disponibile equivalente',
        description:
          'Disuguaglianza del reddito disponibile delle famiglie al netto di imposte e ' +
          'trasferimenti sociali, da 0 (perfetta uguaglianza) a 100 (una sola famiglia ' +
          'percepisce tutto il reddito).',
        unit: 'indice (0-100)',
      },
    },
    generate: { start: [23, 40], annualChange: 0.005, noise: 0.02 },
    ambition: null,
  },
  {
    slug: 'income-quintile-share-ratio',
    goal: 10,
    name: 'Income quintile share ratio (S80/S20)',
    description:
      'Total income received by the richest 20 % of the population divided by that received by ' +
      'the poorest 20 %. Higher values mean a wider gap between top and bottom incomes.',
    unit: 'ratio',
    direction: 'decrease',
    decimals: 2,
    trendType: 'auto',
    bestBound: 3.3,
    worstBound: 8,
    thresholds: { green: 4, yellow: 5, orange: 6 },
    allowedMin: 1,
    allowedMax: 50,
    source: 'Eurostat EU-SILC (ilc_di11)',
    sdg: [{ target: '10.1' }, { target: '10.4' }],
    translations: {
      fr: {
        name: 'Rapport interquintile de revenu (S80/S20)',
        description:
          'Revenu total perçu par les 20 % les plus riches de la population divisé par celui des ' +
          '20 % les plus pauvres. Plus la valeur est élevée, plus l’écart entre hauts et bas ' +
          'revenus est grand.',
        unit: 'rapport',
      },
      de: {
        name: 'Einkommensquintilverhältnis (S80/S20)',
        description:
          'Gesamteinkommen der reichsten 20 % der Bevölkerung geteilt durch das Gesamteinkommen ' +
          'der ärmsten 20 %. Höhere Werte bedeuten eine größere Kluft zwischen hohen und ' +
          'niedrigen Einkommen.',
        unit: 'Verhältnis',
      },
      es: {
        name: 'Ratio de quintiles de renta (S80/S20)',
        description:
          'Renta total percibida por el 20 % más rico de la población dividida por la del 20 % ' +
          'más pobre. Cuanto mayor es el valor, mayor es la distancia entre las rentas más altas ' +
          'y las más bajas.',
      },
      it: {
        name: 'Rapporto interquintilico di reddito (S80/S20)',
        description:
          'Reddito totale percepito dal 20 % più ricco della popolazione diviso per quello del ' +
          '20 % più povero. Valori più alti indicano un divario maggiore tra redditi alti e ' +
          'bassi.',
        unit: 'rapporto',
      },
    },
    generate: { start: [3.3, 8], annualChange: 0.01, noise: 0.03 },
    ambition: { kind: 'relative', value: 0.1 },
  },
  {
    slug: 'pm25-annual-mean',
    goal: 11,
    name: 'Annual mean PM2.5 concentration',
    description:
      'Population-weighted annual mean concentration of fine particulate matter (PM2.5). The WHO ' +
      '2021 guideline is 5 µg/m³ and the EU limit value falls to 10 µg/m³ in 2030.',
    unit: 'µg/m³',
    direction: 'decrease',
    decimals: 1,
    trendType: 'auto',
    bestBound: 5,
    worstBound: 25,
    thresholds: { green: 5, yellow: 10, orange: 15 },
    allowedMin: 0,
    allowedMax: 500,
    source: 'Municipal air-quality monitoring network (EEA Air Quality e-Reporting)',
    sdg: [
      { target: '11.6', indicator: '11.6.2' },
      { target: '3.9', indicator: '3.9.1' },
    ],
    translations: {
      fr: {
        name: 'Concentration moyenne annuelle de PM2,5',
        description:
          'Concentration moyenne annuelle de particules fines (PM2,5), pondérée par la ' +
          'population. La valeur guide de l’OMS (2021) est de 5 µg/m³ et la valeur limite de ' +
          'l’UE passe à 10 µg/m³ en 2030.',
      },
      de: {
        name: 'Jahresmittelwert der PM2,5-Konzentration',
        description:
          'Bevölkerungsgewichteter Jahresmittelwert der Feinstaubkonzentration (PM2,5). Der ' +
          'WHO-Richtwert von 2021 liegt bei 5 µg/m³, der EU-Grenzwert sinkt 2030 auf 10 µg/m³.',
      },
      es: {
        name: 'Concentración media anual de PM2,5',
        description:
          'Concentración media anual de partículas finas (PM2,5), ponderada por población. El ' +
          'valor guía de la OMS (2021) es de 5 µg/m³ y el valor límite de la UE baja a 10 µg/m³ ' +
          'en 2030.',
      },
      it: {
        name: 'Concentrazione media annua di PM2,5',
        description:
          'Concentrazione media annua di particolato fine (PM2,5), ponderata per la popolazione. ' +
          'Il valore guida dell’OMS (2021) è di 5 µg/m³ e il valore limite dell’UE scende a 10 ' +
          'µg/m³ nel 2030.',
      },
    },
    generate: { start: [5.5, 22], annualChange: 0.03, noise: 0.06 },
    ambition: { kind: 'absolute', value: 10 },
  },
  {
    slug: 'housing-cost-overburden-rate',
    goal: 11,
    name: 'Housing cost overburden rate',
    description:
      'Share of residents living in households whose total housing costs (net of housing ' +
      'allowances) exceed 40 % of disposable income. It is the key EU measure of housing ' +
      'affordability.',
    unit: '%',
    direction: 'decrease',
    decimals: 1,
    trendType: 'auto',
    bestBound: 3,
    worstBound: 30,
    thresholds: { green: 6, yellow: 10, orange: 15 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Eurostat EU-SILC (ilc_lvho07a); municipal housing survey',
    sdg: [{ target: '11.1' }, { target: '1.4' }],
    translations: {
      fr: {
        name: 'Taux de surcharge des coûts du logement',
        description:
          'Part des habitants vivant dans un ménage dont les coûts totaux du logement (après ' +
          'déduction des aides au logement) dépassent 40 % du revenu disponible. C’est le ' +
          'principal indicateur de l’UE sur l’accessibilité financière du logement.',
      },
      de: {
        name: 'Quote der Überbelastung durch Wohnkosten',
        description:
          'Anteil der Einwohnerinnen und Einwohner in Haushalten, deren gesamte Wohnkosten ' +
          '(abzüglich Wohngeld) mehr als 40 % des verfügbaren Einkommens ausmachen. Sie ist der ' +
          'zentrale EU-Indikator für bezahlbares Wohnen.',
      },
      es: {
        name: 'Tasa de sobrecarga por gastos de vivienda',
        description:
          'Porcentaje de residentes en hogares cuyos gastos totales de vivienda (descontadas las ' +
          'ayudas a la vivienda) superan el 40 % de la renta disponible. Es el principal ' +
          'indicador de la UE sobre la asequibilidad de la vivienda.',
      },
      it: {
        name: 'Tasso di sovraccarico dei costi abitativi',
        description:
          'Quota di residenti in famiglie in cui i costi abitativi totali (al netto dei ' +
          'contributi per l’alloggio) superano il 40 % del reddito disponibile. È il principale ' +
          'indicatore dell’UE sull’accessibilità economica delle abitazioni.',
      },
    },
    generate: { start: [4, 40], annualChange: 0.03, noise: 0.07 },
    ambition: { kind: 'relative', value: 0.3 },
  },
  {
    slug: 'public-green-space-per-inhabitant',
    goal: 11,
    name: 'Public green space per inhabitant',
    description:
      'Area of publicly accessible parks, urban forests and other green spaces per resident. ' +
      'Green space improves health, cools the city and supports biodiversity.',
    unit: 'm² per inhabitant',
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 50,
    worstBound: 2,
    thresholds: { green: 25, yellow: 15, orange: 9 },
    allowedMin: 0,
    allowedMax: 10_000,
    source: 'Municipal parks department GIS; Copernicus Urban Atlas',
    sdg: [{ target: '11.7' }],
    translations: {
      fr: {
        name: 'Espaces verts publics par habitant',
        description:
          'Surface de parcs, forêts urbaines et autres espaces verts accessibles au public par ' +
          'habitant. Les espaces verts améliorent la santé, rafraîchissent la ville et ' +
          'favorisent la biodiversité.',
        unit: 'm² par habitant',
      },
      de: {
        name: 'Öffentliche Grünfläche je Einwohner',
        description:
          'Fläche öffentlich zugänglicher Parks, Stadtwälder und sonstiger Grünflächen je ' +
          'Einwohner. Grünflächen fördern die Gesundheit, kühlen die Stadt und unterstützen die ' +
          'Biodiversität.',
        unit: 'm² je Einwohner',
      },
      es: {
        name: 'Zonas verdes públicas por habitante',
        description:
          'Superficie de parques, bosques urbanos y otras zonas verdes de acceso público por ' +
          'habitante. Las zonas verdes mejoran la salud, refrescan la ciudad y favorecen la ' +
          'biodiversidad.',
        unit: 'm² por habitante',
      },
      it: {
        name: 'Verde pubblico per abitante',
        description:
          'Superficie di parchi, boschi urbani e altre aree verdi accessibili al pubblico per ' +
          'abitante. Il verde urbano migliora la salute, raffresca la città e favorisce la ' +
          'biodiversità.',
        unit: 'm² per abitante',
      },
    },
    generate: { start: [3, 60], annualChange: 0.01, noise: 0.015 },
    ambition: { kind: 'relative', value: 0.1 },
  },
  {
    slug: 'municipal-waste-per-capita',
    goal: 12,
    name: 'Municipal waste generated per capita',
    description:
      'Household and similar waste collected by or on behalf of the municipality per resident ' +
      'per year. Waste prevention is the top priority of the EU waste hierarchy.',
    unit: 'kg per capita per year',
    direction: 'decrease',
    decimals: 0,
    trendType: 'auto',
    bestBound: 300,
    worstBound: 700,
    thresholds: { green: 350, yellow: 420, orange: 500 },
    allowedMin: 0,
    allowedMax: 3000,
    source: 'Municipal waste-management statistics; Eurostat (env_wasmun)',
    sdg: [{ target: '12.5' }, { target: '11.6' }],
    translations: {
      fr: {
        name: 'Déchets municipaux produits par habitant',
        description:
          'Déchets ménagers et assimilés collectés par la municipalité ou pour son compte, par ' +
          'habitant et par an. La prévention des déchets est la première priorité de la ' +
          'hiérarchie des déchets de l’UE.',
        unit: 'kg par habitant et par an',
      },
      de: {
        name: 'Siedlungsabfallaufkommen pro Kopf',
        description:
          'Von der Kommune oder in ihrem Auftrag gesammelte Haushaltsabfälle und ' +
          'haushaltsähnliche Abfälle je Einwohner und Jahr. Abfallvermeidung hat in der ' +
          'EU-Abfallhierarchie oberste Priorität.',
        unit: 'kg pro Kopf und Jahr',
      },
      es: {
        name: 'Residuos municipales generados per cápita',
        description:
          'Residuos domésticos y asimilables recogidos por el municipio o en su nombre, por ' +
          'habitante y año. La prevención de residuos es la máxima prioridad de la jerarquía de ' +
          'residuos de la UE.',
        unit: 'kg por habitante y año',
      },
      it: {
        name: 'Rifiuti urbani prodotti pro capite',
        description:
          'Rifiuti domestici e assimilati raccolti dal comune o per suo conto, per abitante ' +
          'all’anno. La prevenzione dei rifiuti è la priorità assoluta della gerarchia dei ' +
          'rifiuti dell’UE.',
        unit: 'kg per abitante all’anno',
      },
    },
    generate: { start: [300, 640], annualChange: 0.01, noise: 0.03 },
    ambition: { kind: 'relative', value: 0.15 },
  },
  {
    slug: 'municipal-waste-recycling-rate',
    goal: 12,
    name: 'Municipal waste recycling rate',
    description:
      'Share of municipal waste prepared for re-use or recycled, including composting and ' +
      'anaerobic digestion. The EU targets are 60 % by 2030 and 65 % by 2035.',
    unit: '%',
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 65,
    worstBound: 15,
    thresholds: { green: 55, yellow: 45, orange: 30 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Municipal waste-management statistics; Eurostat (env_wasmun)',
    sdg: [
      { target: '12.5', indicator: '12.5.1' },
      { target: '11.6', indicator: '11.6.1' },
    ],
    translations: {
      fr: {
        name: 'Taux de recyclage des déchets municipaux',
        description:
          'Part des déchets municipaux préparés en vue du réemploi ou recyclés, y compris par ' +
          'compostage et digestion anaérobie. Les objectifs de l’UE sont de 60 % en 2030 et de ' +
          '65 % en 2035.',
      },
      de: {
        name: 'Recyclingquote der Siedlungsabfälle',
        description:
          'Anteil der Siedlungsabfälle, die zur Wiederverwendung vorbereitet oder recycelt ' +
          'werden, einschließlich Kompostierung und Vergärung. Die EU-Ziele liegen bei 60 % bis ' +
          '2030 und 65 % bis 2035.',
      },
      es: {
        name: 'Tasa de reciclado de residuos municipales',
        description:
          'Porcentaje de residuos municipales preparados para la reutilización o reciclados, ' +
          'incluidos el compostaje y la digestión anaerobia. Los objetivos de la UE son del 60 % ' +
          'en 2030 y del 65 % en 2035.',
      },
      it: {
        name: 'Tasso di riciclaggio dei rifiuti urbani',
        description:
          'Quota di rifiuti urbani preparati per il riutilizzo o riciclati, compresi ' +
          'compostaggio e digestione anaerobica. Gli obiettivi dell’UE sono del 60 % entro il ' +
          '2030 e del 65 % entro il 2035.',
      },
    },
    generate: { start: [8, 56], annualChange: 0.025, noise: 0.04 },
    ambition: { kind: 'absolute', value: 60 },
  },
  {
    slug: 'household-food-waste',
    goal: 12,
    name: 'Household food waste',
    description:
      'Food and inedible parts of food discarded by households per resident per year. SDG target ' +
      '12.3 calls for halving per capita food waste at retail and consumer level by 2030.',
    unit: 'kg per capita per year',
    direction: 'decrease',
    decimals: 0,
    trendType: 'auto',
    bestBound: 35,
    worstBound: 120,
    thresholds: { green: 45, yellow: 60, orange: 80 },
    allowedMin: 0,
    allowedMax: 1000,
    source: 'Municipal waste composition analysis; Eurostat food waste statistics (env_wasfw)',
    sdg: [{ target: '12.3', indicator: '12.3.1' }],
    translations: {
      fr: {
        name: 'Gaspillage alimentaire des ménages',
        description:
          'Aliments et parties non comestibles d’aliments jetés par les ménages, par habitant et ' +
          'par an. La cible 12.3 des ODD prévoit de réduire de moitié le gaspillage alimentaire ' +
          'par habitant au niveau de la distribution et des consommateurs d’ici à 2030.',
        unit: 'kg par habitant et par an',
      },
      de: {
        name: 'Lebensmittelabfälle der Haushalte',
        description:
          'Von Haushalten entsorgte Lebensmittel und nicht essbare Lebensmittelbestandteile je ' +
          'Einwohner und Jahr. Die SDG-Zielvorgabe 12.3 sieht vor, die ' +
          'Pro-Kopf-Lebensmittelverschwendung im Einzelhandel und bei den Verbrauchern bis 2030 ' +
          'zu halbieren.',
        unit: 'kg pro Kopf und Jahr',
      },
      es: {
        name: 'Desperdicio alimentario de los hogares',
        description:
          'Alimentos y partes no comestibles de los alimentos desechados por los hogares, por ' +
          'habitante y año. La meta 12.3 de los ODS pide reducir a la mitad el desperdicio de ' +
          'alimentos per cápita en la venta minorista y entre los consumidores de aquí a 2030.',
        unit: 'kg por habitante y año',
      },
      it: {
        name: 'Spreco alimentare delle famiglie',
        description:
          'Alimenti e parti non commestibili degli alimenti scartati dalle famiglie, per ' +
          'abitante all’anno. Il traguardo 12.3 degli SDG chiede di dimezzare entro il 2030 lo ' +
          'spreco alimentare pro capite nella vendita al dettaglio e nel consumo.',
        unit: 'kg per abitante all’anno',
      },
    },
    generate: { start: [45, 110], annualChange: 0.02, noise: 0.05 },
    ambition: { kind: 'relative', value: 0.5 },
  },
  {
    slug: 'ghg-emissions-per-capita',
    goal: 13,
    name: 'Greenhouse gas emissions per capita',
    description:
      'Territorial greenhouse gas emissions (scopes 1 and 2) from buildings, transport, ' +
      'industry, waste and energy supply, divided by the number of residents. Cities in the EU ' +
      'Mission for climate-neutral and smart cities aim for net zero by 2030.',
    unit: 't CO₂e per capita',
    direction: 'decrease',
    decimals: 1,
    trendType: 'linear',
    bestBound: 0,
    worstBound: 12,
    thresholds: { green: 2, yellow: 4, orange: 7 },
    allowedMin: 0,
    allowedMax: 200,
    source: 'Covenant of Mayors / CDP-ICLEI emission inventory (GPC methodology)',
    sdg: [{ target: '13.2', indicator: '13.2.2' }, { target: '11.6' }],
    translations: {
      fr: {
        name: 'Émissions de gaz à effet de serre par habitant',
        description:
          'Émissions territoriales de gaz à effet de serre (scopes 1 et 2) des bâtiments, des ' +
          'transports, de l’industrie, des déchets et de l’approvisionnement énergétique, ' +
          'divisées par le nombre d’habitants. Les villes de la mission de l’UE pour des villes ' +
          'intelligentes et neutres pour le climat visent la neutralité carbone d’ici à 2030.',
        unit: 't CO₂e par habitant',
      },
      de: {
        name: 'Treibhausgasemissionen pro Kopf',
        description:
          'Territoriale Treibhausgasemissionen (Scope 1 und 2) aus Gebäuden, Verkehr, Industrie, ' +
          'Abfall und Energieversorgung, geteilt durch die Zahl der Einwohner. Die Städte der ' +
          'EU-Mission für klimaneutrale und intelligente Städte streben bis 2030 ' +
          'Klimaneutralität an.',
        unit: 't CO₂e pro Kopf',
      },
      es: {
        name: 'Emisiones de gases de efecto invernadero per cápita',
        description:
          'Emisiones territoriales de gases de efecto invernadero (alcances 1 y 2) de edificios, ' +
          'transporte, industria, residuos y suministro energético, divididas por el número de ' +
          'habitantes. Las ciudades de la Misión de la UE de ciudades inteligentes y ' +
          'climáticamente neutras aspiran a la neutralidad climática en 2030.',
        unit: 't CO₂e per cápita',
      },
      it: {
        name: 'Emissioni di gas serra pro capite',
        description:
          'Emissioni territoriali di gas serra (scope 1 e 2) da edifici, trasporti, industria, ' +
          'rifiuti e approvvigionamento energetico, divise per il numero di abitanti. Le città ' +
          'della missione dell’UE per città intelligenti e a impatto climatico zero puntano alla ' +
          'neutralità climatica entro il 2030.',
        unit: 't CO₂e pro capite',
      },
    },
    generate: { start: [3.5, 11], annualChange: 0.2, noise: 0.04 },
    ambition: { kind: 'absolute', value: 0 },
  },
  {
    slug: 'climate-adaptation-measures-implemented',
    goal: 13,
    name: 'Climate adaptation plan measures implemented',
    description:
      'Share of the measures in the city’s climate adaptation plan that are completed or on ' +
      'schedule. It tracks how fast the city is building resilience to heatwaves, floods and ' +
      'droughts.',
    unit: '%',
    direction: 'increase',
    decimals: 0,
    trendType: 'linear',
    bestBound: 100,
    worstBound: 0,
    thresholds: { green: 75, yellow: 50, orange: 25 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Covenant of Mayors adaptation reporting; municipal climate office',
    sdg: [{ target: '13.1' }, { target: '11.b', indicator: '11.b.2' }],
    translations: {
      fr: {
        name: 'Mesures du plan d’adaptation au changement climatique mises en œuvre',
        description:
          'Part des mesures du plan local d’adaptation au changement climatique achevées ou en ' +
          'cours selon le calendrier prévu. Elle mesure la rapidité avec laquelle la ville ' +
          'renforce sa résilience face aux canicules, aux inondations et aux sécheresses.',
      },
      de: {
        name: 'Umgesetzte Maßnahmen des Klimaanpassungsplans',
        description:
          'Anteil der Maßnahmen des städtischen Klimaanpassungsplans, die abgeschlossen sind ' +
          'oder planmäßig voranschreiten. Er zeigt, wie schnell die Stadt ihre ' +
          'Widerstandsfähigkeit gegenüber Hitzewellen, Hochwasser und Dürren stärkt.',
      },
      es: {
        name: 'Medidas del plan de adaptación al cambio climático ejecutadas',
        description:
          'Porcentaje de las medidas del plan municipal de adaptación al cambio climático ' +
          'finalizadas o en curso según lo previsto. Mide la rapidez con la que la ciudad ' +
          'refuerza su resiliencia frente a olas de calor, inundaciones y sequías.',
      },
      it: {
        name: 'Misure attuate del piano di adattamento climatico',
        description:
          'Quota delle misure del piano comunale di adattamento ai cambiamenti climatici ' +
          'completate o in linea con il cronoprogramma. Misura la rapidità con cui la città ' +
          'rafforza la propria resilienza a ondate di calore, alluvioni e siccità.',
      },
    },
    generate: { start: [0, 25], annualChange: 5, noise: 0.1 },
    ambition: { kind: 'absolute', value: 100 },
  },
  {
    slug: 'zero-emission-bus-share',
    goal: 13,
    name: 'Zero-emission buses in the public transport fleet',
    description:
      'Share of buses in the urban public transport fleet with zero tailpipe emissions ' +
      '(battery-electric, fuel-cell and trolleybuses). Electrifying the fleet cuts transport ' +
      'emissions and local air pollution.',
    unit: '%',
    direction: 'increase',
    decimals: 1,
    trendType: 'linear',
    bestBound: 100,
    worstBound: 0,
    thresholds: { green: 65, yellow: 40, orange: 20 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Public transport operator fleet register',
    sdg: [{ target: '13.2' }, { target: '11.2' }],
    translations: {
      fr: {
        name: 'Bus à zéro émission dans la flotte de transport public',
        description:
          'Part des bus de la flotte urbaine de transport public sans émissions à l’échappement ' +
          '(bus électriques à batterie, bus à pile à combustible et trolleybus). ' +
          'L’électrification de la flotte réduit les émissions des transports et la pollution ' +
          'atmosphérique locale.',
      },
      de: {
        name: 'Emissionsfreie Busse in der ÖPNV-Flotte',
        description:
          'Anteil der Busse in der städtischen ÖPNV-Flotte ohne lokale Abgasemissionen ' +
          '(Batterie- und Brennstoffzellenbusse sowie Oberleitungsbusse). Die Elektrifizierung ' +
          'der Flotte senkt die Verkehrsemissionen und die lokale Luftverschmutzung.',
      },
      es: {
        name: 'Autobuses de cero emisiones en la flota de transporte público',
        description:
          'Porcentaje de autobuses de la flota urbana de transporte público sin emisiones por el ' +
          'tubo de escape (eléctricos de batería, de pila de combustible y trolebuses). La ' +
          'electrificación de la flota reduce las emisiones del transporte y la contaminación ' +
          'atmosférica local.',
      },
      it: {
        name: 'Autobus a emissioni zero nella flotta del trasporto pubblico',
        description:
          'Quota di autobus della flotta urbana del trasporto pubblico senza emissioni allo ' +
          'scarico (elettrici a batteria, a celle a combustibile e filobus). L’elettrificazione ' +
          'della flotta riduce le emissioni dei trasporti e l’inquinamento atmosferico locale.',
      },
    },
    generate: { start: [0, 25], annualChange: 4, noise: 0.06 },
    ambition: { kind: 'absolute', value: 100 },
  },
  {
    slug: 'bathing-water-excellent-quality',
    goal: 14,
    name: 'Bathing water sites of excellent quality',
    description:
      'Share of designated coastal, lake and river bathing sites in and around the city ' +
      'classified as excellent under the EU Bathing Water Directive. It shows how well sewage ' +
      'and stormwater pollution is kept out of surface waters.',
    unit: '%',
    direction: 'increase',
    decimals: 0,
    trendType: 'auto',
    bestBound: 100,
    worstBound: 50,
    thresholds: { green: 95, yellow: 85, orange: 70 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'EEA bathing water quality reporting (Bathing Water Directive)',
    sdg: [{ target: '14.1' }, { target: '6.3', indicator: '6.3.2' }],
    translations: {
      fr: {
        name: 'Sites de baignade d’excellente qualité',
        description:
          'Part des sites de baignade désignés (côtiers, lacustres et fluviaux) dans la ville et ' +
          'ses environs classés « excellents » au titre de la directive européenne sur les eaux ' +
          'de baignade. Elle montre dans quelle mesure la pollution par les eaux usées et ' +
          'pluviales est tenue à l’écart des eaux de surface.',
      },
      de: {
        name: 'Badegewässer mit ausgezeichneter Qualität',
        description:
          'Anteil der ausgewiesenen Badestellen an Küsten, Seen und Flüssen in und um die Stadt, ' +
          'die nach der EU-Badegewässerrichtlinie als „ausgezeichnet“ eingestuft sind. Er zeigt, ' +
          'wie gut Verschmutzungen durch Abwasser und Regenwasser von Oberflächengewässern ' +
          'ferngehalten werden.',
      },
      es: {
        name: 'Zonas de baño de calidad excelente',
        description:
          'Porcentaje de zonas de baño designadas (costeras, lacustres y fluviales) en la ciudad ' +
          'y su entorno clasificadas como «excelentes» según la Directiva europea de aguas de ' +
          'baño. Muestra en qué medida se evita que la contaminación por aguas residuales y ' +
          'pluviales llegue a las aguas superficiales.',
      },
      it: {
        name: 'Siti di balneazione di qualità eccellente',
        description:
          'Quota dei siti di balneazione designati (costieri, lacustri e fluviali) nella città e ' +
          'nei dintorni classificati come «eccellenti» ai sensi della direttiva europea sulle ' +
          'acque di balneazione. Mostra quanto l’inquinamento da acque reflue e meteoriche viene ' +
          'tenuto lontano dalle acque superficiali.',
      },
    },
    generate: { start: [40, 92], annualChange: 0.008, noise: 0.05 },
    ambition: { kind: 'absolute', value: 100 },
  },
  {
    slug: 'stormwater-runoff-treated',
    goal: 14,
    name: 'Urban stormwater runoff treated before discharge',
    description:
      'Share of stormwater runoff from sealed surfaces that is retained, infiltrated or treated ' +
      '(e.g. by sustainable drainage systems) before it reaches rivers or the sea. It limits the ' +
      'flow of plastics, litter and pollutants to marine ecosystems.',
    unit: '%',
    direction: 'increase',
    decimals: 0,
    trendType: 'auto',
    bestBound: 90,
    worstBound: 10,
    thresholds: { green: 70, yellow: 50, orange: 30 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Municipal drainage utility (sewer and stormwater network model)',
    sdg: [{ target: '14.1' }, { target: '6.3' }],
    translations: {
      fr: {
        name: 'Eaux pluviales urbaines traitées avant rejet',
        description:
          'Part des eaux de ruissellement des surfaces imperméabilisées retenues, infiltrées ou ' +
          'traitées (par exemple par des techniques de gestion durable des eaux pluviales) avant ' +
          'd’atteindre les cours d’eau ou la mer. Elle limite l’apport de plastiques, de déchets ' +
          'et de polluants aux écosystèmes marins.',
      },
      de: {
        name: 'Vor der Einleitung behandeltes städtisches Niederschlagswasser',
        description:
          'Anteil des Niederschlagsabflusses von versiegelten Flächen, der zurückgehalten, ' +
          'versickert oder behandelt wird (z. B. durch naturnahe Regenwasserbewirtschaftung), ' +
          'bevor er Flüsse oder das Meer erreicht. Dies begrenzt den Eintrag von Kunststoffen, ' +
          'Abfällen und Schadstoffen in Meeresökosysteme.',
      },
      es: {
        name: 'Escorrentía pluvial urbana tratada antes del vertido',
        description:
          'Porcentaje de la escorrentía pluvial de superficies impermeabilizadas que se retiene, ' +
          'se infiltra o se trata (por ejemplo, mediante sistemas urbanos de drenaje sostenible) ' +
          'antes de llegar a los ríos o al mar. Limita el arrastre de plásticos, basura y ' +
          'contaminantes hacia los ecosistemas marinos.',
      },
      it: {
        name: 'Acque meteoriche urbane trattate prima dello scarico',
        description:
          'Quota del deflusso meteorico proveniente da superfici impermeabilizzate che viene ' +
          'trattenuto, infiltrato o trattato (ad esempio con sistemi di drenaggio urbano ' +
          'sostenibile) prima di raggiungere fiumi o mare. Limita il trasporto di plastica, ' +
          'rifiuti e inquinanti verso gli ecosistemi marini.',
      },
    },
    generate: { start: [10, 60], annualChange: 0.04, noise: 0.04 },
    ambition: { kind: 'relative', value: 0.3 },
  },
  {
    slug: 'tree-canopy-cover',
    goal: 15,
    name: 'Tree canopy cover',
    description:
      'Share of the city’s land area covered by tree crowns, measured from aerial or satellite ' +
      'imagery. The 3-30-300 rule recommends at least 30 % canopy cover in every neighbourhood.',
    unit: '%',
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 40,
    worstBound: 5,
    thresholds: { green: 30, yellow: 20, orange: 12 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Copernicus High Resolution Layer Tree Cover Density; municipal tree inventory',
    sdg: [{ target: '15.1' }, { target: '11.7' }],
    translations: {
      fr: {
        name: 'Couverture de la canopée',
        description:
          'Part de la superficie de la ville couverte par la couronne des arbres, mesurée par ' +
          'imagerie aérienne ou satellitaire. La règle 3-30-300 recommande au moins 30 % de ' +
          'canopée dans chaque quartier.',
      },
      de: {
        name: 'Baumkronenüberdeckung',
        description:
          'Anteil der Stadtfläche, der von Baumkronen überdeckt ist, ermittelt aus Luft- oder ' +
          'Satellitenbildern. Die 3-30-300-Regel empfiehlt in jedem Stadtviertel mindestens 30 % ' +
          'Kronenüberdeckung.',
      },
      es: {
        name: 'Cobertura de copa arbórea',
        description:
          'Porcentaje de la superficie de la ciudad cubierta por copas de árboles, medido ' +
          'mediante imágenes aéreas o de satélite. La regla 3-30-300 recomienda al menos un 30 % ' +
          'de cobertura arbórea en cada barrio.',
      },
      it: {
        name: 'Copertura arborea',
        description:
          'Quota della superficie comunale coperta dalle chiome degli alberi, misurata con ' +
          'immagini aeree o satellitari. La regola 3-30-300 raccomanda almeno il 30 % di ' +
          'copertura arborea in ogni quartiere.',
      },
    },
    generate: { start: [7, 45], annualChange: 0.005, noise: 0.01 },
    ambition: { kind: 'absolute', value: 30 },
  },
  {
    slug: 'protected-natural-areas',
    goal: 15,
    name: 'Protected natural areas',
    description:
      'Share of the municipal territory under legal nature protection (Natura 2000, nature ' +
      'reserves and other protected areas). The EU Biodiversity Strategy aims to protect 30 % of ' +
      'land by 2030.',
    unit: '%',
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 30,
    worstBound: 0,
    thresholds: { green: 25, yellow: 15, orange: 8 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'EEA Natura 2000 and CDDA databases; municipal land-use plan',
    sdg: [{ target: '15.1', indicator: '15.1.2' }, { target: '15.5' }],
    translations: {
      fr: {
        name: 'Espaces naturels protégés',
        description:
          'Part du territoire communal bénéficiant d’une protection juridique de la nature ' +
          '(Natura 2000, réserves naturelles et autres aires protégées). La stratégie de l’UE en ' +
          'faveur de la biodiversité vise à protéger 30 % des terres d’ici à 2030.',
      },
      de: {
        name: 'Geschützte Naturflächen',
        description:
          'Anteil des Gemeindegebiets unter rechtlichem Naturschutz (Natura 2000, ' +
          'Naturschutzgebiete und sonstige Schutzgebiete). Die EU-Biodiversitätsstrategie sieht ' +
          'vor, bis 2030 30 % der Landfläche zu schützen.',
      },
      es: {
        name: 'Espacios naturales protegidos',
        description:
          'Porcentaje del término municipal sujeto a protección legal de la naturaleza (Natura ' +
          '2000, reservas naturales y otros espacios protegidos). La Estrategia de la UE sobre ' +
          'Biodiversidad pretende proteger el 30 % de la superficie terrestre en 2030.',
      },
      it: {
        name: 'Aree naturali protette',
        description:
          'Quota del territorio comunale sottoposta a tutela giuridica della natura (Natura ' +
          '2000, riserve naturali e altre aree protette). La Strategia dell’UE sulla ' +
          'biodiversità mira a proteggere il 30 % della superficie terrestre entro il 2030.',
      },
    },
    generate: { start: [1, 30], annualChange: 0.02, noise: 0.01 },
    ambition: { kind: 'absolute', value: 30 },
  },
  {
    slug: 'reported-crimes',
    goal: 16,
    name: 'Reported crimes',
    description:
      'Criminal offences reported to and recorded by the police per 1,000 inhabitants. Together ' +
      'with victimisation surveys it indicates how safe residents are.',
    unit: 'per 1,000 inhabitants',
    direction: 'decrease',
    decimals: 1,
    trendType: 'auto',
    bestBound: 20,
    worstBound: 120,
    thresholds: { green: 30, yellow: 50, orange: 80 },
    allowedMin: 0,
    allowedMax: 1000,
    source: 'Police crime statistics; Eurostat (crim_gen_reg)',
    sdg: [{ target: '16.1' }, { target: '16.3' }],
    translations: {
      fr: {
        name: 'Infractions enregistrées',
        description:
          'Infractions pénales signalées à la police et enregistrées par celle-ci, pour 1 000 ' +
          'habitants. Avec les enquêtes de victimation, cet indicateur renseigne sur la sécurité ' +
          'des habitants.',
        unit: 'pour 1 000 habitants',
      },
      de: {
        name: 'Polizeilich erfasste Straftaten',
        description:
          'Der Polizei gemeldete und von ihr erfasste Straftaten je 1.000 Einwohner. Zusammen ' +
          'mit Opferbefragungen zeigt der Indikator, wie sicher die Menschen in der Stadt leben.',
        unit: 'je 1.000 Einwohner',
      },
      es: {
        name: 'Infracciones penales registradas',
        description:
          'Infracciones penales denunciadas y registradas por la policía por cada 1.000 ' +
          'habitantes. Junto con las encuestas de victimización, indica el grado de seguridad de ' +
          'los residentes.',
        unit: 'por cada 1.000 habitantes',
      },
      it: {
        name: 'Reati denunciati',
        description:
          'Reati denunciati e registrati dalle forze di polizia ogni 1.000 abitanti. Insieme ' +
          'alle indagini di vittimizzazione, indica il livello di sicurezza dei residenti.',
        unit: 'ogni 1.000 abitanti',
      },
    },
    generate: { start: [15, 110], annualChange: 0.02, noise: 0.06 },
    ambition: null,
  },
  {
    slug: 'local-election-turnout',
    goal: 16,
    name: 'Voter turnout in local elections',
    description:
      'Share of registered voters who cast a ballot in the most recent municipal election. ' +
      'Turnout is a basic measure of participatory and representative local decision-making.',
    unit: '%',
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 80,
    worstBound: 25,
    thresholds: { green: 65, yellow: 50, orange: 40 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Municipal election results (electoral commission)',
    sdg: [{ target: '16.7' }],
    translations: {
      fr: {
        name: 'Participation aux élections municipales',
        description:
          'Part des électeurs inscrits ayant voté lors des dernières élections municipales. La ' +
          'participation est une mesure de base d’une prise de décision locale participative et ' +
          'représentative.',
      },
      de: {
        name: 'Wahlbeteiligung bei Kommunalwahlen',
        description:
          'Anteil der Wahlberechtigten, die bei der letzten Kommunalwahl ihre Stimme abgegeben ' +
          'haben. Die Wahlbeteiligung ist ein grundlegendes Maß für partizipative und ' +
          'repräsentative Entscheidungen vor Ort.',
      },
      es: {
        name: 'Participación en las elecciones municipales',
        description:
          'Porcentaje de electores inscritos que votaron en las últimas elecciones municipales. ' +
          'La participación es una medida básica de una toma de decisiones local participativa y ' +
          'representativa.',
      },
      it: {
        name: 'Affluenza alle elezioni comunali',
        description:
          'Quota di elettori iscritti che hanno votato alle ultime elezioni comunali. ' +
          'L’affluenza è una misura di base di un processo decisionale locale partecipativo e ' +
          'rappresentativo.',
      },
    },
    generate: { start: [25, 70], annualChange: 0.01, noise: 0.03 },
    ambition: null,
  },
  {
    slug: 'sdg-aligned-investment-share',
    goal: 17,
    name: 'Municipal investment budget aligned with the SDGs',
    description:
      'Share of the municipal capital budget tagged as contributing to SDG targets (SDG budget ' +
      'tagging). It shows how far the city steers its own resources towards the 2030 Agenda.',
    unit: '%',
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 100,
    worstBound: 0,
    thresholds: { green: 60, yellow: 40, orange: 20 },
    allowedMin: 0,
    allowedMax: 100,
    source: 'Municipal budget (SDG budget tagging)',
    sdg: [{ target: '17.14' }, { target: '17.1' }],
    translations: {
      fr: {
        name: 'Budget d’investissement municipal aligné sur les ODD',
        description:
          'Part du budget d’investissement municipal identifiée comme contribuant aux cibles des ' +
          'ODD (marquage budgétaire ODD). Elle montre dans quelle mesure la ville oriente ses ' +
          'propres ressources vers le Programme 2030.',
      },
      de: {
        name: 'An den SDGs ausgerichteter kommunaler Investitionshaushalt',
        description:
          'Anteil des kommunalen Investitionshaushalts, der als Beitrag zu SDG-Zielvorgaben ' +
          'gekennzeichnet ist (SDG-Budget-Tagging). Er zeigt, wie stark die Stadt ihre eigenen ' +
          'Mittel auf die Agenda 2030 ausrichtet.',
      },
      es: {
        name: 'Presupuesto municipal de inversiones alineado con los ODS',
        description:
          'Porcentaje del presupuesto municipal de inversiones etiquetado como contribución a ' +
          'las metas de los ODS (etiquetado presupuestario ODS). Muestra en qué medida la ciudad ' +
          'orienta sus propios recursos hacia la Agenda 2030.',
      },
      it: {
        name: 'Bilancio comunale degli investimenti allineato agli SDG',
        description:
          'Quota del bilancio comunale degli investimenti contrassegnata come contributo ai ' +
          'traguardi degli SDG (etichettatura SDG del bilancio). Mostra quanto la città orienta ' +
          'le proprie risorse verso l’Agenda 2030.',
      },
    },
    generate: { start: [5, 35], annualChange: 0.06, noise: 0.05 },
    ambition: { kind: 'relative', value: 1 },
  },
  {
    slug: 'open-datasets-published',
    goal: 17,
    name: 'Open datasets published',
    description:
      'Number of datasets the city publishes under an open licence on its open-data portal. Open ' +
      'data supports transparency, innovation and SDG monitoring.',
    unit: 'datasets',
    direction: 'increase',
    decimals: 0,
    trendType: 'auto',
    bestBound: 500,
    worstBound: 0,
    thresholds: { green: 250, yellow: 100, orange: 30 },
    allowedMin: 0,
    allowedMax: null,
    source: 'Municipal open-data portal (harvested by data.europa.eu)',
    sdg: [{ target: '17.18' }, { target: '16.10' }],
    translations: {
      fr: {
        name: 'Jeux de données ouverts publiés',
        description:
          'Nombre de jeux de données publiés par la ville sous licence ouverte sur son portail ' +
          'de données ouvertes. Les données ouvertes favorisent la transparence, l’innovation et ' +
          'le suivi des ODD.',
        unit: 'jeux de données',
      },
      de: {
        name: 'Veröffentlichte offene Datensätze',
        description:
          'Anzahl der Datensätze, die die Stadt unter einer offenen Lizenz auf ihrem ' +
          'Open-Data-Portal veröffentlicht. Offene Daten fördern Transparenz, Innovation und das ' +
          'SDG-Monitoring.',
        unit: 'Datensätze',
      },
      es: {
        name: 'Conjuntos de datos abiertos publicados',
        description:
          'Número de conjuntos de datos que la ciudad publica con licencia abierta en su portal ' +
          'de datos abiertos. Los datos abiertos favorecen la transparencia, la innovación y el ' +
          'seguimiento de los ODS.',
        unit: 'conjuntos de datos',
      },
      it: {
        name: 'Dataset aperti pubblicati',
        description:
          'Numero di dataset pubblicati dalla città con licenza aperta sul proprio portale open ' +
          'data. I dati aperti favoriscono la trasparenza, l’innovazione e il monitoraggio degli ' +
          'SDG.',
        unit: 'dataset',
      },
    },
    generate: { start: [5, 400], annualChange: 0.1, noise: 0.08 },
    ambition: { kind: 'relative', value: 1 },
  },
];
