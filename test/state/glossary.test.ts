import { describe, expect, it } from 'vitest';
import { GLOSS_ASIDES, GLOSSARY, messages } from '../../src/state/i18n';
import { LESSON } from '../../src/state/lesson';

const zhStrings = [...Object.entries(messages('zh')), ...LESSON.flatMap((s, i) => [[`lesson ${i + 1} title`, s.title.zh], [`lesson ${i + 1} body`, s.body.zh]])];

describe('Chinese terminology', () => {
  it('uses the glossary words for the two scenarios', () => {
    expect(messages('zh')['scenario.local']).toBe(GLOSSARY.localControl.zh);
    expect(messages('zh')['scenario.regional']).toBe(GLOSSARY.regionalControl.zh);
    expect(messages('zh')['rule.shapley']).toBe(GLOSSARY.shapley.zh);
  });

  it('puts an explanatory phrase only beside its term, never instead of it', () => {
    for (const { phrase, term } of GLOSS_ASIDES)
      for (const [key, text] of zhStrings) {
        if (!text.includes(phrase)) continue;
        // Beside the term: the term comes just before it, the phrase in brackets or quotes.
        const beside = new RegExp(`${term}（[^）]*${phrase}[^）]*）`);
        expect(beside.test(text), `${key}: “${phrase}” stands without “${term}” beside it: ${text}`).toBe(true);
      }
  });

  it('says 夏普利值, not Shapley, in Chinese text', () => {
    for (const [key, text] of zhStrings) expect(text, key).not.toMatch(/Shapley/);
  });
});
