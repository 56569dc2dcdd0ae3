/**
 * Answers worked out once per key and kept until `clear`; once `limit` are kept, each new one lets
 * the oldest go, so that a long session (every prefix of every link typed is a text asked about)
 * does not collect answers without end.
 */
export class Memo<V> {
  private readonly answers = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.answers.size;
  }

  answer(key: string, workOut: (key: string) => V): V {
    let value = this.answers.get(key);
    if (value === undefined) {
      value = workOut(key);
      if (this.answers.size >= this.limit) this.answers.delete(this.answers.keys().next().value!);
      this.answers.set(key, value);
    }
    return value;
  }

  clear(): void {
    this.answers.clear();
  }
}
