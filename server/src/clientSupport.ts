import { CodeActionKind, InitializeParams, PrepareSupportDefaultBehavior, ServerCapabilities, TextDocumentSyncKind } from 'vscode-languageserver';
import { fixAllKind, sentencesOnNewLinesKind } from './features/codeActions';
import { linkMentionsKind } from './features/mentionLinks';
import { Markup, markupFor, plainTextMarkup } from './features/markdownText';
import { ServerCommands } from './protocol';
import { DiagnosticShape } from './features/diagnostics';

/** What the client's workspace edits can hold. */
export interface ClientEdits {
  /** Versioned `documentChanges`. */
  readonly documentChanges: boolean;
  /** Files created among them. */
  readonly createsFiles: boolean;
  /** Files renamed among them. */
  readonly renamesFiles: boolean;
  /** Snippets (`SnippetTextEdit`). */
  readonly snippets: boolean;
}

/** What the client can watch for the server. */
export interface ClientWatching {
  /** It registers file watchers when asked (`workspace/didChangeWatchedFiles` with dynamic registration). */
  readonly registersWatchers: boolean;
  /** It takes glob patterns relative to a folder. */
  readonly relativePatterns: boolean;
}

/** What the editor at the other end can do, as its initialize request tells. */
export interface ClientSupport {
  /** It answers `workspace/configuration`; else the settings are those it pushes. */
  readonly pullsSettings: boolean;
  /** It applies the workspace edits the server sends (`workspace/applyEdit`); its edits' abilities (`edits`) count for those only then. */
  readonly appliesEdits: boolean;
  /**
   * It pulls diagnostics and can be asked to pull again. A client that pulls but cannot be asked
   * would keep what it pulled during the load, or before another file's change, until the next
   * keystroke: it is pushed to instead.
   */
  readonly pullsDiagnostics: boolean;
  readonly watching: ClientWatching;
  readonly edits: ClientEdits;
  /** It tells of workspace folders added and removed. */
  readonly workspaceFolders: boolean;
  /**
   * It tells of files and folders it deleted (`workspace/didDeleteFiles`, VS Code for its Explorer
   * and workspace edits): a file created and deleted at once may reach no watcher, whose events
   * VS Code merges.
   */
  readonly reportsDeletes: boolean;
  /**
   * It tells of files and folders it renamed (`workspace/didRenameFiles`): a rename that moves an
   * entry's file too (F2) is known at once, where a watcher's events may come seconds later, with
   * the old file's problems listed until then.
   */
  readonly reportsRenames: boolean;
  /** It opens a document when asked (`window/showDocument`). */
  readonly showsDocuments: boolean;
  /** It takes the outline as a tree of `DocumentSymbol`s; else as a flat list. */
  readonly hierarchicalSymbols: boolean;
  /** It shows a completion item's `labelDetails` (VS Code does). */
  readonly completionLabelDetails: boolean;
  /** How it shows hovers (`contentFormat`): Markdown, or plain text for a client that asks for that first. */
  readonly hoverMarkup: Markup;
  /** How it shows a completion item's documentation (`documentationFormat`). */
  readonly completionMarkup: Markup;
  /** It takes a completion edit with two ranges, to insert at the cursor or to replace the word there (`InsertReplaceEdit`). */
  readonly completionInsertReplace: boolean;
  /**
   * It inserts completion text of several lines, as it says by how it indents them
   * (`insertTextModeSupport`, VS Code). Neovim 0.7's omnifunc takes an item's text as a word, in
   * which a line break is written as a NUL byte.
   */
  readonly completionLineBreaks: boolean;
  /**
   * It orders completion items by its own fuzzy match of the typed text, `sortText` only breaking
   * ties (VS Code, which ranks "trainingsansätze" above "Vision-Transformer" for "Trans"): the
   * extension's client says so (see `rescoredFilterText`).
   */
  readonly completionRescores: boolean;
  /** It asks for an action's edit when the writer picks the action (`codeAction/resolve`). */
  readonly resolvesActionEdits: boolean;
  /** It takes code actions (`codeActionLiteralSupport`); else only commands, which an action then becomes (see `actionsForClient`). */
  readonly codeActionLiterals: boolean;
  /** It marks the preferred quick fix, which Auto Fix applies (`isPreferredSupport`). */
  readonly preferredActions: boolean;
  /** What the diagnostics it is sent may carry besides their message. */
  readonly diagnostics: DiagnosticShape;
  /** It asks `textDocument/prepareRename` before a rename. */
  readonly preparesRename: boolean;
  /** It takes `{ defaultBehavior: true }` from prepareRename: the editor's own rename then goes on (VS Code's client turns null into a refusal). */
  readonly renameDefaultBehavior: boolean;
  /** It asks for the `#Id`s of links as document links (the extension's client does; see `documentLinks`). */
  readonly documentLinks: boolean;
  /** It shows the tooltips of document links. */
  readonly linkTooltips: boolean;
  /**
   * It refuses an edit of `.glossary.json` over unsaved changes and saves it (the extension's
   * client does): only such a client gets the edit, else the server writes the file.
   */
  readonly settingsEdits: boolean;
}

/** Before the initialize request: nothing is known of the client. */
export const unknownClient: ClientSupport = {
  pullsSettings: false,
  appliesEdits: false,
  pullsDiagnostics: false,
  watching: { registersWatchers: false, relativePatterns: false },
  edits: { documentChanges: false, createsFiles: false, renamesFiles: false, snippets: false },
  workspaceFolders: false,
  reportsDeletes: false,
  reportsRenames: false,
  showsDocuments: false,
  hierarchicalSymbols: false,
  completionLabelDetails: false,
  hoverMarkup: plainTextMarkup,
  completionMarkup: plainTextMarkup,
  completionInsertReplace: false,
  completionLineBreaks: false,
  completionRescores: false,
  resolvesActionEdits: false,
  codeActionLiterals: false,
  preferredActions: false,
  diagnostics: { relatedInformation: false },
  preparesRename: false,
  renameDefaultBehavior: false,
  documentLinks: false,
  linkTooltips: false,
  settingsEdits: false,
};

/** What the client can do, read from its capabilities and the extension's initialization options. */
export function clientSupportOf(params: InitializeParams): ClientSupport {
  const { workspace, textDocument, window } = params.capabilities;
  const options = params.initializationOptions as { documentLinks?: unknown; settingsEdits?: unknown; rescoresCompletions?: unknown } | undefined;
  const workspaceEdit = workspace?.workspaceEdit;
  const documentChanges = workspaceEdit?.documentChanges === true;
  const codeAction = textDocument?.codeAction;
  return {
    pullsSettings: workspace?.configuration === true,
    appliesEdits: workspace?.applyEdit === true,
    pullsDiagnostics: textDocument?.diagnostic !== undefined && workspace?.diagnostics?.refreshSupport === true,
    watching: {
      registersWatchers: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      relativePatterns: workspace?.didChangeWatchedFiles?.relativePatternSupport === true,
    },
    edits: {
      documentChanges,
      createsFiles: documentChanges && workspaceEdit?.resourceOperations?.includes('create') === true,
      renamesFiles: documentChanges && workspaceEdit?.resourceOperations?.includes('rename') === true,
      snippets: documentChanges && workspaceEdit?.snippetEditSupport === true,
    },
    workspaceFolders: workspace?.workspaceFolders === true,
    reportsDeletes: workspace?.fileOperations?.didDelete === true,
    reportsRenames: workspace?.fileOperations?.didRename === true,
    showsDocuments: window?.showDocument?.support === true,
    hierarchicalSymbols: textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    completionLabelDetails: textDocument?.completion?.completionItem?.labelDetailsSupport === true,
    hoverMarkup: markupFor(textDocument?.hover?.contentFormat),
    completionMarkup: markupFor(textDocument?.completion?.completionItem?.documentationFormat),
    completionInsertReplace: textDocument?.completion?.completionItem?.insertReplaceSupport === true,
    completionLineBreaks: (textDocument?.completion?.completionItem?.insertTextModeSupport?.valueSet?.length ?? 0) > 0,
    completionRescores: options?.rescoresCompletions === true,
    resolvesActionEdits: codeAction?.dataSupport === true && codeAction.resolveSupport?.properties?.includes('edit') === true,
    codeActionLiterals: codeAction?.codeActionLiteralSupport !== undefined,
    preferredActions: codeAction?.isPreferredSupport === true,
    diagnostics: { relatedInformation: textDocument?.publishDiagnostics?.relatedInformation === true },
    preparesRename: textDocument?.rename?.prepareSupport === true,
    renameDefaultBehavior: textDocument?.rename?.prepareSupportDefaultBehavior === PrepareSupportDefaultBehavior.Identifier,
    documentLinks: options?.documentLinks === true,
    linkTooltips: textDocument?.documentLink?.tooltipSupport === true,
    settingsEdits: options?.settingsEdits === true,
  };
}

/** The files and folders whose deletions and renames the server asks to be told of: all of the workspace's on disk. */
const everyFile = { filters: [{ scheme: 'file', pattern: { glob: '**/*' } }] };

/** What the server offers this client. */
export function serverCapabilities(client: ClientSupport): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    definitionProvider: true,
    referencesProvider: true,
    hoverProvider: true,
    completionProvider: { triggerCharacters: ['#', '['], resolveProvider: true },
    documentSymbolProvider: true,
    workspaceSymbolProvider: true,
    // Only for the extension's client (VS Code), which asks for them and reads their `#L` targets.
    ...(client.documentLinks ? { documentLinkProvider: { resolveProvider: true } } : {}),
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind, sentencesOnNewLinesKind, linkMentionsKind], ...(client.resolvesActionEdits ? { resolveProvider: true } : {}) },
    // prepareRename only for a client that asks it (the LSP allows the option only then).
    renameProvider: client.preparesRename ? { prepareProvider: true } : true,
    // applyEdit only for a client that takes no code action, whose quick fixes with an edit are that command.
    executeCommandProvider: { commands: Object.values(ServerCommands).filter((command) => command !== ServerCommands.applyEdit || !client.codeActionLiterals) },
    workspace: {
      ...(client.workspaceFolders ? { workspaceFolders: { supported: true, changeNotifications: true } } : {}),
      ...(client.reportsDeletes || client.reportsRenames
        ? {
            fileOperations: {
              ...(client.reportsDeletes ? { didDelete: everyFile } : {}),
              ...(client.reportsRenames ? { didRename: everyFile } : {}),
            },
          }
        : {}),
    },
    ...(client.pullsDiagnostics ? { diagnosticProvider: { identifier: 'glossary', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
  };
}
