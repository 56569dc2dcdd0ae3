import * as l10n from '@vscode/l10n';
import { ReadResult } from './workspace';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/**
 * Decodes a file's bytes as an editor would: UTF-8 without its byte order mark, invalid sequences
 * replaced by U+FFFD (with a warning). Bytes containing NUL are taken for a binary file.
 */
export function decodeFileBytes(bytes: Uint8Array): ReadResult {
  if (bytes.includes(0)) {
    return { kind: 'failure', reason: 'binary', message: l10n.t('skipped: binary file (contains NUL bytes)') };
  }
  try {
    return { kind: 'text', text: strictUtf8.decode(bytes), warning: undefined };
  } catch {
    return {
      kind: 'text',
      text: lenientUtf8.decode(bytes),
      warning: l10n.t('invalid UTF-8; read with replacement characters (U+FFFD)'),
    };
  }
}
