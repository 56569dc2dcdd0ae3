import { CancellationToken, Location, Position } from 'vscode-languageserver';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { locateAt } from './locate';
import { anchorsOfPreferredFirst } from '../index/entryQueries';

/**
 * Where the id at a position is defined: from a link (label or id), every heading or element
 * defining its target (several when the id is duplicated, the entry its hover shows first); from
 * a heading or an element's `{#id}`, itself.
 */
export function findDefinitions(index: WorkspaceIndex, uri: string, position: Position, token: CancellationToken): Location[] {
  const document = index.document(uri);
  const item = document && locateAt(document, position);
  if (item === undefined || token.isCancellationRequested) {
    return [];
  }
  if (item.kind === 'anchor') {
    return [Location.create(uri, item.anchor.range)];
  }
  return anchorsOfPreferredFirst(index, item.link.target).map((located) => Location.create(located.uri, located.anchor.range));
}
