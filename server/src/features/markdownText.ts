/**
 * Writer text put into Markdown shown by the editor: every character Markdown could read as
 * markup (links, HTML, emphasis, code) is escaped, so that the text shows as written.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&"']/g, (character) => `\\${character}`);
}

/** An id written as inline code; backticks inside cannot occur in an id, but are dropped to be safe. */
export function codeSpan(text: string): string {
  return `\`${text.replace(/`/g, '')}\``;
}
