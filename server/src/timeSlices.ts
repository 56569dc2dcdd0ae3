/** How long a long task of the server runs before other work (requests, edits, cancellation) gets its turn. */
const timeSliceMs = 20;

/**
 * Splits a long loop into slices of about 20 ms between which the server handles other messages:
 * `if (slices.due) await slices.pause();` once per step. The loop runs on synchronously while its
 * slice lasts, so that what a caller does right after starting it comes after the first slice.
 */
export class TimeSlices {
  private sliceStart = performance.now();

  /** Whether the slice has run out. */
  get due(): boolean {
    return performance.now() - this.sliceStart > timeSliceMs;
  }

  /** Lets the messages waiting in, then starts the next slice; what the loop relies on may have changed meanwhile. */
  async pause(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
  }
}
