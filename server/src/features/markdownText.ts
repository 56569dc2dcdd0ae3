import { MarkupKind } from 'vscode-languageserver';

/**
 * Writer text put into Markdown shown by the editor: every character Markdown could read as
 * markup (links, HTML, emphasis, code) is escaped, so that the text shows as written.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&"']/g, (character) => `\\${character}`);
}

/** An id written as inline code; backticks inside cannot occur in an id, but are dropped to be safe. */
function codeSpan(text: string): string {
  return `\`${text.replace(/`/g, '')}\``;
}

/**
 * How a hover or an item's documentation is written for the client: in Markdown, or in plain text
 * for a client that asks for that (`contentFormat`, `documentationFormat`). Each part is given
 * unescaped and shows as written.
 */
export interface Markup {
  readonly kind: MarkupKind;
  text(text: string): string;
  /** An id. */
  code(id: string): string;
  strong(text: string): string;
  emphasis(text: string): string;
}

export const markdownMarkup: Markup = {
  kind: MarkupKind.Markdown,
  text: escapeMarkdown,
  code: codeSpan,
  strong: (text) => `**${escapeMarkdown(text)}**`,
  emphasis: (text) => `*${escapeMarkdown(text)}*`,
};

export const plainTextMarkup: Markup = {
  kind: MarkupKind.PlainText,
  text: (text) => text,
  // Without code's type, the id after a title shows as a link target.
  code: (id) => `#${id}`,
  strong: (text) => text,
  emphasis: (text) => text,
};

/**
 * The markup of the first format the client names that the server writes; plain text when it names
 * neither, which every client shows as it is (one that names no format may show Markdown's marks).
 */
export function markupFor(formats: readonly string[] | undefined): Markup {
  const kind = formats?.find((format) => format === MarkupKind.Markdown || format === MarkupKind.PlainText);
  return kind === MarkupKind.Markdown ? markdownMarkup : plainTextMarkup;
}
