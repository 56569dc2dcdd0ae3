/**
 * `text.lastIndexOf(needle)`, remembered for the text last asked about: a scan asks it of one long
 * text at many places, and each answer would otherwise read the text again.
 */
export function rememberedLastIndexOf(needle: string): (text: string) => number {
  let lastText: string | undefined;
  let last = -1;
  return (text) => {
    if (text !== lastText) {
      lastText = text;
      last = text.lastIndexOf(needle);
    }
    return last;
  };
}
