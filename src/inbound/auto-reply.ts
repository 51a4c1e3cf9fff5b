// Recognises auto-replies (vacation notices, ticket acknowledgements, "no longer in use").
// Headers decide first (RFC 3834 and vendor headers); the subject is the fallback for
// clients that set none.

/** Why a message was taken for an auto-reply, or null when nothing says so. */
export type AutoReplyVerdict = { readonly reason: string } | null;

type HeaderLookup = (name: string) => string | null;

const subjectPrefixes: readonly RegExp[] = [
  /^(out of (the )?office|ooo)\b/i,
  /^(automatic|auto)[ -]?(reply|response|antwort)\b/i,
  /^auto[ -]?respon(se|s|der)\b/i,
  /^autoreply\b/i,
  /^(away|on (vacation|holiday|leave)|vacation( reply)?|absent)\b/i,
  /^abwesenheitsnotiz\b/i,
  /^(automatische antwort|abwesenheit|nicht im b(ü|ue)ro|urlaub|automatische r(ü|ue)ckantwort)\b/i,
  /^(r(é|e)ponse automatique|absence|absent(e)? du bureau|message d'absence|auto-r(é|e)ponse|cong(é|e)s)\b/i,
  /^(afwezig|automatisch antwoord|niet aanwezig)\b/i,
  /^(fuera de la oficina|respuesta autom(á|a)tica|ausente)\b/i,
  /^(risposta automatica|fuori ufficio|assente)\b/i,
  /^(resposta autom(á|a)tica|fora do escrit(ó|o)rio)\b/i,
  /^(automatiskt svar|fr(å|a)nvaro|frav(æ|ae)r|automatisk svar|poissa)\b/i,
];

/** True when a subject line (after Re:/AW:/TR: prefixes are dropped) reads as an auto-reply. */
export function isAutoReplySubject(subject: string): boolean {
  const bare = subject.replace(/^\s*((re|aw|sv|tr|wg|fw|fwd|r(é|e)f)\s*:\s*)+/i, '').trim();
  return subjectPrefixes.some((p) => p.test(bare));
}

function autoSubmitted(value: string | null): AutoReplyVerdict | 'human' {
  if (value === null) return null;
  const v = value.trim().toLowerCase();
  if (v === '' ) return null;
  // RFC 3834 §5: "no" explicitly marks a message written by a person.
  if (v.startsWith('no')) return 'human';
  return { reason: `Auto-Submitted: ${v}` };
}

/**
 * Decides from headers and subject whether a message was sent by a machine on someone's
 * behalf. Bounces are recognised separately (bounce.ts) and take precedence.
 */
export function detectAutoReply(header: HeaderLookup, subject: string): AutoReplyVerdict {
  const submitted = autoSubmitted(header('auto-submitted'));
  if (submitted === 'human') return null;
  if (submitted) return submitted;
  if (header('x-autoreply') !== null) return { reason: 'X-Autoreply header' };
  if (header('x-autorespond') !== null) return { reason: 'X-Autorespond header' };
  if (header('x-autoresponder') !== null) return { reason: 'X-Autoresponder header' };
  const suppress = header('x-auto-response-suppress');
  // Exchange sets this on auto-replies, but also on some ordinary mail; only trust the
  // values an out-of-office reply carries.
  if (suppress !== null && /\b(all|oof|autoreply)\b/i.test(suppress)) {
    return { reason: `X-Auto-Response-Suppress: ${suppress}` };
  }
  const precedence = header('precedence')?.toLowerCase().trim();
  if (precedence === 'auto_reply' || precedence === 'bulk' || precedence === 'junk') {
    return { reason: `Precedence: ${precedence}` };
  }
  if (header('x-precedence')?.toLowerCase().trim() === 'auto_reply') return { reason: 'X-Precedence: auto_reply' };
  if (header('x-ms-exchange-generated-message-source') !== null) return { reason: 'Exchange-generated message' };
  if (/^(yes|true)$/i.test(header('x-fc-machinegenerated') ?? '')) return { reason: 'X-FC-MachineGenerated' };
  if (/^(auto_reply|autoreply)/i.test(header('x-mailgun-autoreply') ?? '')) return { reason: 'X-Mailgun-Autoreply' };
  if (/^(autoreply|auto-reply)/i.test(header('feedback-id') ?? '')) return { reason: 'Feedback-ID: autoreply' };
  if (isAutoReplySubject(subject)) return { reason: `subject: ${subject.trim().slice(0, 60)}` };
  return null;
}
