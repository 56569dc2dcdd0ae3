import { singularOf } from '../diagnostics/closestIds';
import { abbreviates, endingsOf, isEnding, longestEnding } from '../mentions/lexicon';
import { Entry } from '../parse/model';

/**
 * A name as entry titles and broken links are compared by it: lower case, hyphens and underscores
 * as spaces, a plural ending as none ("Diffusion Models" and `#Diffusion-Model` are one name).
 */
export function nameOf(text: string): string {
  return singularOf(text.replace(/[-_\s]+/g, ' ').trim().toLowerCase());
}

/**
 * The names an entry goes by: its title, and for "X (Y)" where one abbreviates the other, X and Y
 * too ("Generative Adversarial Network (GAN)" is "GAN"; "Bedrock (Amazon)" is no "Amazon").
 */
export function namesOf(entry: Entry): string[] {
  const parts = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(entry.title);
  const titles = parts && (abbreviates(parts[1]!, parts[2]!) || abbreviates(parts[2]!, parts[1]!)) ? [entry.title, parts[1]!, parts[2]!] : [entry.title];
  return titles.map(nameOf);
}

/**
 * Whether two names (`nameOf`) are one, allowing the German endings mentions take too: "kognitive
 * architektur" is "kognitive architekturen".
 */
export function sameName(a: string, b: string): boolean {
  return a === b || inflects(a, b) || inflects(b, a);
}

function inflects(base: string, inflected: string): boolean {
  const ending = inflected.slice(base.length);
  // Most names end in no ending at all: told before the last word's endings are looked up.
  return inflected.startsWith(base) && isEnding(ending) && endingsOf(base.slice(base.lastIndexOf(' ') + 1)).includes(ending);
}

/**
 * The keys a name is filed and looked up under in a map, so that two names that are `sameName`
 * share one: the name, and the name without each ending it may bear ("architekturen" is filed
 * under "architektur" too, and found when "architektur" is looked up, and the other way round).
 */
export function nameKeys(name: string): string[] {
  const keys = [name];
  for (let cut = 1; cut <= longestEnding && cut < name.length; cut++) {
    const base = name.slice(0, -cut);
    if (inflects(base, name)) keys.push(base);
  }
  return keys;
}
