// Letters handed to a print service by dropping PDFs in a folder it watches. The file name is
// derived from the touch's idempotency key, and a letter is linked into place only if no file
// of that name exists yet: a retry after a crash can never print the same letter twice, and a
// half-written file is never visible under its final name.
import { createHash, randomUUID } from 'node:crypto';
import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SendResult } from '../delivery.ts';

/** One letter to drop: its PDF bytes and the touch's key. */
export type LetterDrop = { readonly idempotencyKey: string; readonly pdf: Buffer };

/** Delivers letters; `sent` carries the file name as messageId. */
export type LetterProvider = { readonly send: (letter: LetterDrop) => Promise<SendResult> };

/** The file name for a key: a readable prefix plus a hash, the same for the same key. */
export function letterFileName(idempotencyKey: string): string {
  const readable = idempotencyKey
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const hash = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 16);
  return `${readable === '' ? 'letter' : readable}.${hash}.pdf`;
}

/** A LetterProvider writing to `dir` (created when missing). */
export function fileDropLetterProvider(dir: string): LetterProvider {
  return {
    async send({ idempotencyKey, pdf }) {
      const name = letterFileName(idempotencyKey);
      const target = join(dir, name);
      const temp = join(dir, `.${name}.${randomUUID()}.tmp`);
      try {
        await mkdir(dir, { recursive: true });
        await writeFile(temp, pdf, { flag: 'wx' });
        try {
          await link(temp, target);
          return { kind: 'sent', messageId: name, response: `written to ${target}` };
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
            return { kind: 'sent', messageId: name, response: `already present at ${target}` };
          }
          throw error;
        } finally {
          await unlink(temp).catch(() => undefined);
        }
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        // A full disk or a missing mount may heal; a path we may not write will not (EEXIST
        // here comes from mkdir: a file stands where the folder should be).
        const permanent = ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST'].includes(code);
        const reason = `${code}: ${(error as Error).message}`;
        return permanent ? { kind: 'permanent', reason } : { kind: 'transient', reason };
      }
    },
  };
}
