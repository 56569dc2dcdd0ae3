import type { Anchor, Heading, IdAfterHash, Link, Position, Range, Section } from './model';

/*
 * The model objects the index holds by the hundred thousand (links, headings, anchors, sections)
 * keep their ranges as the two shared positions (see `positionAt`) and put a Range together when
 * one is asked for: a Range object costs 40 bytes, and a link has three, a heading four. A range
 * asked for is a new object each time, equal in value; positions are the shared ones. The label
 * range of a reference link's definition is kept as a Range: few links have one, and one field
 * costs every other link less than two.
 */

function rangeOf(start: Position, end: Position): Range {
  return { start, end };
}

function optionalRangeOf(start: Position | undefined, end: Position | undefined): Range | undefined {
  return start === undefined || end === undefined ? undefined : { start, end };
}

export class CompactLink implements Link {
  private readonly start: Position;
  private readonly end: Position;
  private readonly labelStart: Position;
  private readonly labelEnd: Position;
  private readonly idStart: Position | undefined;
  private readonly idEnd: Position | undefined;

  constructor(
    readonly target: string,
    readonly kind: Link['kind'],
    readonly label: string,
    range: Range,
    labelRange: Range,
    idRange: Range | undefined,
    readonly listed: boolean,
    readonly definitionLabelRange: Range | undefined,
  ) {
    this.start = range.start;
    this.end = range.end;
    this.labelStart = labelRange.start;
    this.labelEnd = labelRange.end;
    this.idStart = idRange?.start;
    this.idEnd = idRange?.end;
  }

  get range(): Range {
    return rangeOf(this.start, this.end);
  }

  get labelRange(): Range {
    return rangeOf(this.labelStart, this.labelEnd);
  }

  get idRange(): Range | undefined {
    return optionalRangeOf(this.idStart, this.idEnd);
  }
}

export class CompactHeading implements Heading {
  readonly level: number;
  readonly text: string;
  readonly plainText: string;
  readonly id: string;
  readonly explicitId: boolean;
  readonly idAfterHash: IdAfterHash | undefined;
  readonly classes: readonly string[];
  readonly keyValues: readonly (readonly [string, string])[];
  private readonly start: Position;
  private readonly end: Position;
  private readonly textStart: Position;
  private readonly textEnd: Position;
  private readonly idStart: Position | undefined;
  private readonly idEnd: Position | undefined;
  private readonly attributesStart: Position | undefined;
  private readonly attributesEnd: Position | undefined;

  constructor(fields: Heading) {
    this.level = fields.level;
    this.text = fields.text;
    this.plainText = fields.plainText;
    this.id = fields.id;
    this.explicitId = fields.explicitId;
    this.idAfterHash = fields.idAfterHash;
    this.classes = fields.classes;
    this.keyValues = fields.keyValues;
    this.start = fields.range.start;
    this.end = fields.range.end;
    this.textStart = fields.textRange.start;
    this.textEnd = fields.textRange.end;
    this.idStart = fields.idRange?.start;
    this.idEnd = fields.idRange?.end;
    this.attributesStart = fields.attributesRange?.start;
    this.attributesEnd = fields.attributesRange?.end;
  }

  get range(): Range {
    return rangeOf(this.start, this.end);
  }

  get textRange(): Range {
    return rangeOf(this.textStart, this.textEnd);
  }

  get idRange(): Range | undefined {
    return optionalRangeOf(this.idStart, this.idEnd);
  }

  get attributesRange(): Range | undefined {
    return optionalRangeOf(this.attributesStart, this.attributesEnd);
  }
}

/** A heading's anchor: everything it says is the heading's. */
export class HeadingAnchor implements Anchor {
  constructor(readonly heading: Heading) {}

  get id(): string {
    return this.heading.id;
  }

  get explicit(): boolean {
    return this.heading.explicitId;
  }

  get idRange(): Range {
    return this.heading.idRange ?? this.heading.textRange;
  }

  get writtenIdRange(): Range | undefined {
    return this.heading.explicitId ? this.heading.idRange : undefined;
  }

  get idAfterHash(): IdAfterHash | undefined {
    return this.heading.idAfterHash;
  }

  get element(): 'heading' {
    return 'heading';
  }

  get range(): Range {
    return this.heading.range;
  }

  get label(): string {
    return this.heading.plainText;
  }

  get classes(): readonly string[] {
    return this.heading.classes;
  }
}

export class CompactSection implements Section {
  private readonly start: Position;
  private readonly end: Position;

  constructor(
    readonly heading: Heading,
    range: Range,
  ) {
    this.start = range.start;
    this.end = range.end;
  }

  get range(): Range {
    return rangeOf(this.start, this.end);
  }
}
