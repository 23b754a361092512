/**
 * A first reading of a figure the analyst marks as a quantity ("at least 40", "hundreds of
 * millions of dollars", "32 كغم", "700 ألف"), so the panel can show a normalised value at once. It
 * follows the reference guidelines (vague multiples take twice the base: hundreds 200, thousands
 * 2000, millions 2e6); the analyst corrects it in the panel when it guesses wrong. Pure.
 */
import type { SpanData } from '../../../shared/annotation-schemas.ts';

const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
const toAscii = (s: string) =>
  s.replace(ARABIC_DIGITS, (d) => String((d.codePointAt(0)! - (d >= '\u06f0' ? 0x06f0 : 0x0660)) % 10));

const SCALES: Array<[RegExp, number]> = [
  [/\b(billion|bn)\b|مليار/i, 1e9],
  [/\b(million|mn)\b|مليون/i, 1e6],
  [/\bthousand\b|ألف|الف|آلاف/i, 1e3],
];
const VAGUE: Array<[RegExp, number]> = [
  [/\bmulti-billion\b/i, 2e9],
  [/\bhundreds of millions\b/i, 2e8],
  [/\bmillions\b/i, 2e6],
  [/\bthousands\b/i, 2000],
  [/\bhundreds\b/i, 200],
  [/\bdozens\b/i, 24],
  [/\ba dozen\b/i, 12],
];
const APPROX = /\b(at least|more than|over|nearly|almost|around|about|roughly|approximately|exceeds?|up to)\b|نحو|حوالي|أكثر من|قرابة|زهاء/i;
const UNITS: Array<[RegExp, string]> = [
  [/\$|\bdollars?\b|\bUSD\b|دولار/i, 'USD'],
  [/(?<![a-z])km\b|\bkilomet(er|re)s?\b|كيلومتر/i, 'km'],
  [/(?<![a-z])kg\b|\bkilo(gram)?s?\b|كغم|كيلوغرام|كيلو/i, 'kg'],
  [/%|\bper ?cent\b|بالمئة|بالمائة/i, '%'],
  [/\btons?\b|\btonnes?\b|طن/i, 't'],
  [/\bmonths?\b|شهر|أشهر/i, 'months'],
  [/\byears?\b|سنة|سنوات|عام|أعوام/i, 'years'],
];

export function parseFigure(exact: string): SpanData | null {
  const text = toAscii(exact);
  const unit = UNITS.find(([re]) => re.test(text))?.[1] ?? null;
  const number = /\d[\d,]*(\.\d+)?/.exec(text);
  if (number) {
    let value = Number(number[0].replace(/,/g, ''));
    const scale = SCALES.find(([re]) => re.test(text));
    if (scale) value *= scale[1];
    if (!Number.isFinite(value)) return null;
    return { value, unit, approx: APPROX.test(text), quantityKind: kindOf(unit) };
  }
  const vague = VAGUE.find(([re]) => re.test(text));
  if (vague) return { value: vague[1], unit, approx: true, quantityKind: kindOf(unit) };
  return null;
}

const kindOf = (unit: string | null) =>
  unit === 'USD' ? 'money' : unit === 'km' ? 'length' : unit === 'months' || unit === 'years' ? 'duration' : 'count';
