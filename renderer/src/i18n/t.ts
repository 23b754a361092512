/**
 * A typed `t(key, params)`: keys come from the catalogue, and the params a message needs are read
 * from its `{placeholders}` at compile time, so a missing or misspelt param is a type error.
 * Plural messages are `{ one, other }` chosen by `Intl.PluralRules` on `count`.
 */
import { catalogue } from './en.ts';

type Strings = typeof catalogue.strings;
export type MessageKey = keyof Strings;

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type EntryParams<E> = E extends { one: infer A; other: infer B } ? Placeholders<A> | Placeholders<B> | 'count' : Placeholders<E>;
type ParamsArg<K extends MessageKey> = [EntryParams<Strings[K]>] extends [never]
  ? []
  : [params: Record<EntryParams<Strings[K]>, string | number>];

/** Keys whose message takes no params: what a table of labels may hold and pass to `t` as is. */
export type PlainMessageKey = {
  [K in MessageKey]: [EntryParams<Strings[K]>] extends [never] ? K : never;
}[MessageKey];

const plurals = new Intl.PluralRules(catalogue.lang);
const numbers = new Intl.NumberFormat(catalogue.lang);

export function t<K extends MessageKey>(key: K, ...args: ParamsArg<K>): string {
  const entry: string | { one: string; other: string } = catalogue.strings[key];
  const params = (args[0] ?? {}) as Record<string, string | number>;
  const template =
    typeof entry === 'string' ? entry : plurals.select(Number(params.count)) === 'one' ? entry.one : entry.other;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

export const uiLang = catalogue.lang;
export const uiDir = catalogue.dir;
