import { ClientCapabilities, FeatureState, StaticFeature } from 'vscode-languageclient';

/**
 * Leaves the capability to pull diagnostics out of the client's capabilities, so that the server
 * pushes the diagnostics of every file, open or not. vscode-languageclient drops a pulled
 * document's diagnostics when its tab closes (a preview tab replaced by the next file is enough)
 * while the document stays open for the server, which then pushes nothing: the file's problems
 * would vanish from the Problems view until VS Code disposes the document.
 */
export class PushedDiagnosticsOnly implements StaticFeature {
  fillClientCapabilities(capabilities: ClientCapabilities): void {
    // Registered features fill the capabilities after the built-in ones, so this runs last.
    delete capabilities.textDocument?.diagnostic;
    delete capabilities.workspace?.diagnostics;
  }

  initialize(): void {}

  getState(): FeatureState {
    return { kind: 'static' };
  }

  clear(): void {}
}
