import type { OriginSegment, RenderedTemplate } from './render';

/** The segment of rendered text that holds `offset`, found by binary search. */
export function originAt(template: Pick<RenderedTemplate, 'origins'>, offset: number): OriginSegment | undefined {
  const segments = template.origins;
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const segment = segments[mid]!;
    if (offset < segment.start) high = mid - 1;
    else if (offset >= segment.end) low = mid + 1;
    else return segment;
  }
  return undefined;
}
