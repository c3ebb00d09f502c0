/**
 * The source line under every chart and the map, and in every exported chart (as Our World in
 * Data charts carry one): the dataset's title and version, the study it is based on (from the
 * dataset's publishedResult reference, if any) and the licence. Pure: no DOM.
 */
import type { Dataset, Lang, Reference } from '../model/types';
import { translate } from './i18n';

export interface Study {
  /** A short citation ("Wu et al. (2015), Journal of Environmental Management 149: 27-36") or the reference's first clause. */
  text: string;
  url?: string;
}

export interface SourceParts {
  /** "Beijing-Tianjin-Hebei ozone control, … v2.0.0" */
  dataset: string;
  study: Study | null;
  license: string;
}

/** "Wu D., Xu Y., Zhang S. (2015) Title, Journal 149: 27-36" in a reference's text, shortened to "Wu et al. (2015), Journal 149: 27-36". */
const CITATION = /([A-Z][\p{L}'-]+) [A-Z]\.(?:[- ]?[A-Z]\.)*((?:,? (?:and |& )?[A-Z][\p{L}'-]+ [A-Z]\.(?:[- ]?[A-Z]\.)*)*),? \((\d{4})\) ([^()]*?)(?=\s*\(|$)/u;

export function studyOf(reference: Reference | undefined): Study | null {
  if (!reference) return null;
  const text = reference.text.trim();
  const match = CITATION.exec(text);
  let short: string;
  if (match) {
    const [, first, others, year, rest] = match;
    const authors = others ? `${first} et al.` : first;
    // The venue: what follows the title's last comma ("Journal of ... 149: 27-36").
    const venue = rest.includes(', ') ? rest.slice(rest.lastIndexOf(', ') + 2).replace(/[.;]$/, '') : '';
    short = `${authors} (${year})${venue ? `, ${venue}` : ''}`;
  } else {
    // No citation in it: the first clause of the text (up to ';' or a sentence end).
    short = text.split(/;\s|\.\s/)[0].replace(/\.$/, '');
    if (short.length > 160) short = `${short.slice(0, 157).trimEnd()}…`;
  }
  return { text: short, url: reference.url };
}

export function sourceParts(dataset: Dataset, lang: Lang): SourceParts {
  const published = dataset.meta.publishedResult;
  return {
    dataset: `${dataset.meta.title[lang]} v${dataset.meta.version}`,
    study: published ? studyOf(dataset.meta.references[published.ref]) : null,
    license: dataset.meta.license,
  };
}

/** The source line as one string: "Source: Airshed; data: … v2.0.0; based on Wu et al. (2015) …, https://doi.org/…". */
export function sourceText(dataset: Dataset, lang: Lang): string {
  const parts = sourceParts(dataset, lang);
  const study = parts.study ? translate(lang, 'source.study', { study: parts.study.url ? `${parts.study.text}, ${parts.study.url}` : parts.study.text }) : '';
  return translate(lang, 'source.line', { dataset: parts.dataset }) + study;
}

/** The licence line of an export: "Licence: CC BY 4.0 … · https://…/?…". */
export const licenseText = (dataset: Dataset, lang: Lang) => translate(lang, 'source.license', { license: dataset.meta.license });
