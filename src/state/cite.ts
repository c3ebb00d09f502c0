/**
 * Citing a view: a ready citation (the app's and the dataset's versions, the view's link, the
 * date it was read) and a sourced sentence (the headline with its numbers and, once the Monte
 * Carlo has run, its interval, then the citation), in the page's language, for a journalist to
 * paste. Pure: the caller passes the link, the date and the headline.
 */
import type { Dataset, Lang } from '../model/types';
import { translate } from './i18n';

/** The app's version (package.json), set by the build (vite.config.ts, `define`). */
export const APP_VERSION: string = __APP_VERSION__;

export interface CiteInput {
  lang: Lang;
  appVersion: string;
  dataset: Pick<Dataset['meta'], 'title' | 'version' | 'license'>;
  /** The view's link. */
  url: string;
  accessed: Date;
}

/** The reader's calendar date (not UTC: in Beijing the day starts eight hours earlier), ISO 8601 in both languages. */
export function accessDate(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

export function citation({ lang, appVersion, dataset, url, accessed }: CiteInput): string {
  return translate(lang, 'cite.citation', { app: appVersion, title: dataset.title[lang], version: dataset.version, url, date: accessDate(accessed), license: dataset.license });
}

/** The headline, its interval when there is one, and the citation, as one paragraph. */
export function sourcedSentence(input: CiteInput & { headline: string; interval: string }): string {
  const text = [input.headline, input.interval].filter(Boolean).join(input.lang === 'zh' ? '' : ' ');
  return translate(input.lang, 'cite.sentence', { text, citation: citation(input) });
}
