// Guesses the language of a short reply by counting common function words.

/** Languages the intent rules cover; anything else is reported as 'other'. */
export const ReplyLanguage = { en: 'en', de: 'de', fr: 'fr', other: 'other' } as const;
export type ReplyLanguage = (typeof ReplyLanguage)[keyof typeof ReplyLanguage];

const stopWords: Record<'en' | 'de' | 'fr', ReadonlySet<string>> = {
  en: new Set(('the a an and or is are was were we you i it this that to of for on in with be will have has ' +
    'not please thanks thank your our my can could would next sorry paid pay hi hello').split(' ')),
  de: new Set(('der die das und oder ist sind war wir sie ich es nicht bitte danke ihr ihre unser unsere ' +
    'mit für auf zu von den dem des ein eine einen wurde wird haben hat noch am im bis guten tag hallo gruß grüße sehr').split(' ')),
  fr: new Set(('le la les un une et ou est sont nous vous je il elle ce cette pas ne merci votre notre ' +
    'de des du pour sur avec en au aux sera été avons bonjour cordialement facture madame monsieur par').split(' ')),
};

/** The language with the most stop-word hits; ties and empty texts fall back to `fallback`. */
export function detectLanguage(text: string, fallback: ReplyLanguage = ReplyLanguage.en): ReplyLanguage {
  const words = text.toLowerCase().split(/[^a-zà-ÿäöüß']+/).flatMap((w) => w.split("'")).filter((w) => w !== '');
  const score = { en: 0, de: 0, fr: 0 };
  for (const w of words) {
    for (const lang of ['en', 'de', 'fr'] as const) if (stopWords[lang].has(w)) score[lang] += 1;
  }
  if (/[äöüß]/.test(text)) score.de += 2;
  if (/[éèêàçœù]/.test(text)) score.fr += 2;
  const ranked = (['en', 'de', 'fr'] as const).map((l) => [l, score[l]] as const).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] === 0 || (second && best[1] === second[1])) return fallback;
  return best[0];
}
