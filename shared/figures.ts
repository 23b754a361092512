/**
 * Figures in claims ("20 million captagon tablets", "$10 billion annually", "at least 40
 * infiltrators", "32 كغم") normalised to value, unit, period and approximation, following the
 * reference guidelines (§7): vague multiples take twice their base ("dozens" 24, "hundreds" 200,
 * "millions" 2e6), hedges make a figure approximate, a rate word gives the period.
 * Pure: used by the core to propose a normalisation and by the renderer to show one.
 */
export interface NormalisedFigure {
  value: number | null;
  unit: string | null;
  period: string | null;
  approx: boolean;
}

const HEDGES = /^(?:at least|more than|over|nearly|almost|around|roughly|approximately|about|some|up to|exceeds?|exceeding|close to|an estimated|estimated|حوالي|نحو|أكثر من|اكثر من)\s+/i;
const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, a: 1, an: 1,
};
const SCALES: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, dozen: 12, decade: 10, decades: 10, century: 100, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12,
  'ألف': 1e3, 'الف': 1e3, 'آلاف': 1e3, 'مليون': 1e6, 'مليار': 1e9,
};
/** "dozens", "hundreds of millions", "multi-billion": twice the base, always approximate. */
const VAGUE: Array<[RegExp, number]> = [
  [/^hundreds of millions\b/i, 2e8],
  [/^tens of thousands\b/i, 2e4],
  [/^multi-?billion\b/i, 2e9],
  [/^multi-?million\b/i, 2e6],
  [/^a dozen\b/i, 12],
  [/^dozens\b/i, 24],
  [/^hundreds\b/i, 200],
  [/^thousands\b/i, 2000],
  [/^millions\b/i, 2e6],
  [/^billions\b/i, 2e9],
];
const CURRENCIES: Array<[RegExp, string]> = [
  [/^\$|\b(?:us )?dollars?\b|\busd\b/i, 'USD'],
  [/^€|\beuros?\b/i, 'EUR'],
  [/^£|\bpounds?\b/i, 'GBP'],
  [/\bdinars?\b|دينار/i, 'IQD'],
];
const UNITS: Array<[RegExp, string]> = [
  [/^(?:km|kilomet(?:er|re)s?)\b/i, 'km'],
  [/^(?:kg|kilo(?:gram(?:me)?s?)?)\b|^(?:كغم|كغ|كيلو|كيلوغرام)/i, 'kg'],
  [/^(?:tons?|tonnes?)\b|^طن/i, 'tons'],
  [/^(?:m|met(?:er|re)s?)\b/i, 'm'],
  [/^(?:months?)\b/i, 'months'],
  [/^(?:decades?|century)\b/i, 'years'],
  [/^(?:years?)\b/i, 'years'],
  [/^(?:days?)\b/i, 'days'],
  [/^(?:tablets?|pills?)\b|^حب/i, 'tablets'],
  [/^%|^per ?cent\b/i, '%'],
];
const PERIODS: Array<[RegExp, string]> = [
  [/\b(?:annually|a year|per year|each year|every year|yearly|per annum)\b|سنويا/i, 'per year'],
  [/\b(?:a month|per month|monthly|each month|every month)\b|شهريا/i, 'per month'],
  [/\b(?:a week|per week|weekly)\b/i, 'per week'],
  [/\b(?:a day|per day|daily)\b/i, 'per day'],
  [/\bper (truck|vehicle|shipment|person|kilo(?:gram)?|tablet|pill)\b/i, 'per $1'],
];

const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const toLatinDigits = (s: string) =>
  s.replace(ARABIC_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10)).replace(/[\u066B]/g, '.').replace(/[\u066C]/g, ',');

/** Normalises the text of a figure; anything it cannot read comes back with `value: null`. */
export function normaliseFigure(exact: string, context = ''): NormalisedFigure {
  let rest = toLatinDigits(exact.trim()).replace(/[()]/g, '').replace(/\s+/g, ' ');
  let approx = false;
  let hedge = HEDGES.exec(rest);
  while (hedge) {
    approx = true;
    rest = rest.slice(hedge[0].length);
    hedge = HEDGES.exec(rest);
  }
  let unit: string | null = null;
  for (const [re, code] of CURRENCIES) {
    if (re.test(rest)) {
      unit = code;
      rest = rest.replace(/^[$€£]\s*/, '');
      break;
    }
  }
  let value: number | null = null;
  for (const [re, v] of VAGUE) {
    const m = re.exec(rest);
    if (m) {
      value = v;
      approx = true;
      rest = rest.slice(m[0].length).replace(/^ of\b/i, '').trim();
      break;
    }
  }
  if (value === null) {
    const num = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/.exec(rest);
    if (num) {
      value = Number(num[1]!.replace(/,/g, '') + (num[2] ? `.${num[2]}` : ''));
      rest = rest.slice(num[0].length).trim();
    } else {
      const word = /^([a-z]+)\b/i.exec(rest);
      if (word && WORDS[word[1]!.toLowerCase()] !== undefined) {
        value = WORDS[word[1]!.toLowerCase()]!;
        rest = rest.slice(word[0].length).trim();
      }
    }
    const scale = /^([a-zA-Z]+|[\u0600-\u06FF]+)/.exec(rest);
    if (value !== null && scale && SCALES[scale[1]!.toLowerCase()] !== undefined) {
      value *= SCALES[scale[1]!.toLowerCase()]!;
      if (/^(?:decades?|century)$/i.test(scale[1]!)) unit = 'years';
      rest = rest.slice(scale[0].length).trim();
    }
  }
  if (unit === null) {
    for (const [re, code] of CURRENCIES) if (re.test(rest)) unit = code;
  }
  if (unit === null) {
    // The unit is the first word that names one: "20 million captagon tablets" → tablets.
    const words = rest.split(' ').slice(0, 4);
    for (let i = 0; i < words.length && unit === null; i++) {
      const tail = words.slice(i).join(' ');
      for (const [re, code] of UNITS) {
        if (re.test(tail) && (i === 0 || code === 'tablets' || code === 'tons' || code === 'kg')) {
          unit = code;
          break;
        }
      }
    }
  }
  let period: string | null = null;
  const around = `${rest} ${context}`;
  for (const [re, p] of PERIODS) {
    const m = re.exec(around);
    if (m) {
      period = p.replace('$1', (m[1] ?? '').toLowerCase());
      break;
    }
  }
  return { value: value === null ? null : Math.round(value * 1e6) / 1e6, unit, period, approx };
}

/**
 * Whether two figures about the same thing disagree: same unit and period, and values further apart
 * than the figures' own precision allows (10% when either is approximate, else any difference).
 */
export function figuresDiffer(a: NormalisedFigure, b: NormalisedFigure): boolean {
  if (a.value === null || b.value === null) return false;
  if ((a.unit ?? '') !== (b.unit ?? '') || (a.period ?? '') !== (b.period ?? '')) return false;
  const tolerance = a.approx || b.approx ? 0.1 : 0;
  const larger = Math.max(Math.abs(a.value), Math.abs(b.value));
  return Math.abs(a.value - b.value) > tolerance * larger;
}
