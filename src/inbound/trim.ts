// Keeps only the new text of a reply: drops the quoted original, forwarded messages, reply
// headers ("On ... wrote:"), Outlook header blocks, signatures and closing formulas.

const wroteEnd =
  /(wrote|writes|schrieb|geschrieben|a (é|e)crit|escribi(ó|o)|ha scritto|geschreven|escreveu|skrev|napisa(ł|l)|написал|kirjoitti)\s*:\s*$/i;
const headerStart = /^\s*(on|am|le|el|il|op|em|den|w dniu|dne)\s/i;
// German and Dutch put the name after the verb: "Am 03.02.2016 schrieb Max <m@x.de>:".
const verbFirst = /^\s*(am|op|le|on)\s.*\b(schrieb|wrote|geschreven|a (é|e)crit)\b.*:\s*$/i;
const separator =
  /^\s*(-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht|forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado)\s*-{2,}|begin forwarded message:|anfang der weitergeleiteten nachricht:|début du message réexpédié\s*:|_{10,})\s*$/i;
const fromLine = /^\s*\*?(from|von|de|van|da|från|od)\s*:?\*?\s*:/i;
const headerField = /^\s*\*?(sent|date|gesendet|datum|envoy(é|e)|subject|betreff|objet|to|an|à|cc|verzonden|onderwerp|aan|enviado|asunto|para)\s*:?\*?\s*:/i;
const signatureDelimiter = /^(--|-- |—)\s*$/;
const mobileSignature =
  /^\s*[(<]*\s*(sent (from|with|via|by) |envoy(é|e) (depuis|de) |von meinem .*gesendet|diese nachricht wurde von meinem|gesendet von meinem|get (\[)?outlook for|verzonden (met|vanaf)|enviado desde|inviato da|从我的|iphoneから送信)/i;
const closing =
  /^\s*(mit freundlichen gr(ü|ue)(ß|ss)en|freundliche gr(ü|ue)(ß|ss)e|viele gr(ü|ue)(ß|ss)e|beste gr(ü|ue)(ß|ss)e|liebe gr(ü|ue)(ß|ss)e|sch(ö|oe)ne gr(ü|ue)(ß|ss)e|gru(ß|ss)|mfg|vg|lg|best regards|kind regards|warm regards|regards|best|cheers|thanks|thank you|many thanks|sincerely|yours sincerely|yours faithfully|cordialement|bien cordialement|salutations|meilleures salutations|sinc(è|e)res salutations|bien (à|a) vous|merci)\s*[,.!]?\s*$/i;

const isQuoted = (line: string): boolean => /^\s*>/.test(line);
const isBlank = (line: string): boolean => line.trim() === '';

/** The index of the first line of a reply header ending at line `j`, walking back over wrapped lines. */
function headerStartIndex(lines: readonly string[], j: number): number {
  if (headerStart.test(lines[j] ?? '')) return j;
  let i = j;
  while (i > 0 && j - i < 3) {
    const previous = lines[i - 1] ?? '';
    if (isBlank(previous) || isQuoted(previous) || !/[\d@<]/.test(previous)) break;
    i -= 1;
    if (headerStart.test(previous)) break;
  }
  return i;
}

type Cut = { readonly at: number; readonly quoteHeaderEnd: number | null };

function findCut(lines: readonly string[]): Cut | null {
  for (let j = 0; j < lines.length; j += 1) {
    const line = lines[j] ?? '';
    if (isQuoted(line)) continue;
    if (wroteEnd.test(line) || verbFirst.test(line)) return { at: headerStartIndex(lines, j), quoteHeaderEnd: j };
    if (separator.test(line) || signatureDelimiter.test(line) || mobileSignature.test(line)) {
      return { at: j, quoteHeaderEnd: null };
    }
    if (fromLine.test(line) && lines.slice(j + 1, j + 6).some((l) => headerField.test(l))) {
      return { at: j, quoteHeaderEnd: null };
    }
  }
  return null;
}

function dropTrailingNoise(lines: string[]): string[] {
  const out = [...lines];
  while (out.length > 0) {
    const last = out[out.length - 1] ?? '';
    if (isBlank(last) || isQuoted(last) || /^\s*[-_=*]{3,}\s*$/.test(last)) out.pop();
    else break;
  }
  return out;
}

/** A name, title, company or contact line rather than a sentence. */
function isSignatureLine(line: string): boolean {
  const t = line.trim();
  if (t.length > 70) return false;
  return t.split(/\s+/).length <= 6 || /@|https?:|www\.|\+?\d[\d\s()/-]{6,}/.test(t);
}

/** Drops a closing formula ("Best regards", "Mit freundlichen Grüßen") and the short signature under it. */
function dropClosing(lines: string[]): string[] {
  for (let i = 1; i < lines.length; i += 1) {
    if (!closing.test(lines[i] ?? '')) continue;
    if (!lines.slice(0, i).some((l) => !isBlank(l))) continue;
    const rest = lines.slice(i + 1).filter((l) => !isBlank(l));
    if (rest.length <= 6 && rest.every(isSignatureLine)) return lines.slice(0, i);
  }
  return lines;
}

/** The new text of a reply, without quotes, forwarded originals, reply headers and signatures. */
export function trimReply(text: string): string {
  let lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (;;) {
    const cut = findCut(lines);
    if (cut === null) break;
    const above = lines.slice(0, cut.at);
    if (above.some((l) => !isBlank(l) && !isQuoted(l)) || cut.quoteHeaderEnd === null) {
      lines = above;
      continue;
    }
    // Bottom-posting: the header and quote come first, the new text after them.
    let k = cut.quoteHeaderEnd + 1;
    while (k < lines.length && (isQuoted(lines[k] ?? '') || isBlank(lines[k] ?? ''))) k += 1;
    lines = lines.slice(k);
  }
  const kept = dropTrailingNoise(dropClosing(dropTrailingNoise(lines)));
  while (kept.length > 0 && isBlank(kept[0] ?? '')) kept.shift();
  return kept.join('\n').replace(/\s+$/, '');
}
