import { CancellationToken, Location, Position } from 'vscode-languageserver';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { idAt } from './locate';

/**
 * Every link in the workspace to the id at a position (a link's target, or the id of a heading or
 * element), and, when asked, the ids of the headings and elements that define it, declarations first.
 */
export function findReferences(
  index: WorkspaceIndex,
  uri: string,
  position: Position,
  includeDeclaration: boolean,
  token: CancellationToken,
): Location[] {
  const document = index.document(uri);
  const id = document && idAt(document, position);
  if (id === undefined || token.isCancellationRequested) {
    return [];
  }
  const declarations = includeDeclaration
    ? index.anchorsOf(id).map((located) => Location.create(located.uri, located.anchor.idRange))
    : [];
  const links = index.linksTo(id).map((located) => Location.create(located.uri, located.link.range));
  return [...declarations, ...links];
}
