// Decides whether a phrase match is negated ("not paid yet", "noch nicht bezahlt",
// "pas encore payé") or only announced ("will be paid"), by looking at its clause.

const negators = /n't|(?<!\p{L})(?:not|never|no|didnt|havent|hasnt|wont|dont|cant|nicht|kein\p{L}*|nie|pas|jamais)(?!\p{L})/iu;
const futureMarkers = /'ll|(?<!\p{L})(?:will|to be|be|should|going to|once|when|wird|werden|sera|va|vais|allons|pour|erst)(?!\p{L})/iu;
const clauseBreak = /[.!?;,\n]|(?<!\p{L})(?:but|aber|mais|however|jedoch)(?!\p{L})/giu;

/** The clause text before `index`, back to the previous punctuation or "but"/"aber"/"mais". */
export function clauseBefore(text: string, index: number): string {
  const window = text.slice(Math.max(0, index - 50), index);
  let cut = 0;
  for (const m of window.matchAll(clauseBreak)) cut = m.index + m[0].length;
  return window.slice(cut);
}

const conditional = /(?<!\p{L})(?:before|until|unless|once|bevor|damit|sobald|avant|tant que|dès que)(?!\p{L})/iu;
const whQuestion = /^\s*(?:\p{L}+[,!]?\s+)?(?:what|which|why|how|when|who|where|quel\p{L}*|pourquoi|comment|combien|warum|wieso|weshalb|welche\p{L}*|wie|wann|was|wer)(?!\p{L})[^?]*\?/iu;

/** True when the match sits in a condition ("before we can pay") rather than a commitment. */
export function isConditional(text: string, index: number): boolean {
  return conditional.test(clauseBefore(text, index));
}

/** True when the match sits inside a wh-question ("what is the payment term?"). */
export function inWhQuestion(text: string, index: number): boolean {
  const start = Math.max(text.lastIndexOf('.', index), text.lastIndexOf('\n', index), text.lastIndexOf('?', index - 1), text.lastIndexOf('!', index)) + 1;
  const end = text.indexOf('?', index);
  if (end < 0 || /[.!\n]/.test(text.slice(index, end))) return false;
  return whQuestion.test(text.slice(start, end + 1));
}

/** True when the clause before a match negates it. */
export function isNegated(text: string, index: number): boolean {
  return negators.test(clauseBefore(text, index));
}

/** True when the clause before a match puts it in the future ("will be paid"). */
export function isAnnounced(text: string, index: number): boolean {
  return futureMarkers.test(clauseBefore(text, index));
}
