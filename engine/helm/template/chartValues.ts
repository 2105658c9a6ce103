import type { LoadedChart, LoadProblem } from './chartLoader';
import { cloneValues, coalesceDefaults, coalesceGlobals, registerFresh, setKey } from './coalesce';
import { isMap } from './values';

/**
 * The values each chart renders with, as Helm computes them: the user's values coalesced over the
 * chart's values.yaml and, under each subchart's name, over the subchart's, with `global` copied
 * down. Dependencies whose `condition` is false (or whose `tags` are all false) are dropped first,
 * judged on the values coalesced with every dependency, as Helm judges them.
 */
export function chartValues(root: LoadedChart, user: Record<string, unknown>, problems: LoadProblem[]): { chart: LoadedChart; values: Record<string, unknown> } {
  const everything = cloneValues(user) as Record<string, unknown>;
  coalesceChart(root, everything, []);
  const tags = isMap(everything.tags) ? everything.tags : {};
  const chart = prune(root, everything, tags, '');
  const values = cloneValues(user) as Record<string, unknown>;
  coalesceChart(chart, values, problems);
  return { chart, values };
}

function coalesceChart(chart: LoadedChart, dest: Record<string, unknown>, problems: LoadProblem[]): void {
  coalesceDefaults(dest, chart.defaults);
  for (const subchart of chart.subcharts) {
    let values = Object.hasOwn(dest, subchart.name) ? dest[subchart.name] : undefined;
    if (values === undefined || values === null) {
      values = registerFresh({});
      setKey(dest, subchart.name, values);
    } else if (!isMap(values)) {
      problems.push({ kind: 'values', message: `type mismatch on ${subchart.name}: the values for a subchart must be a mapping`, file: `${chart.prefix}Chart.yaml`, start: 0, end: 0 });
      continue;
    }
    coalesceGlobals(values as Record<string, unknown>, dest);
    coalesceChart(subchart, values as Record<string, unknown>, problems);
  }
}

/** The value at a dotted path (`redis.enabled`), if every step is a mapping. */
function pathValue(values: Record<string, unknown>, path: string): unknown {
  let current: unknown = values;
  for (const key of path.split('.')) {
    if (!isMap(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

function prune(chart: LoadedChart, values: Record<string, unknown>, tags: Record<string, unknown>, prefix: string): LoadedChart {
  const subcharts = chart.subcharts
    .filter((subchart) => {
      const dependency = chart.dependencies.find((candidate) => (candidate.alias ?? candidate.name) === subchart.name);
      if (!dependency) return true;
      let enabled = true;
      const tagValues = dependency.tags.map((tag) => tags[tag]).filter((value): value is boolean => typeof value === 'boolean');
      if (tagValues.length > 0 && !tagValues.includes(true)) enabled = false;
      for (const condition of (dependency.condition ?? '').trim().split(',')) {
        if (condition === '') continue;
        const value = pathValue(values, prefix + condition);
        if (typeof value === 'boolean') {
          enabled = value;
          break;
        }
      }
      return enabled;
    })
    .map((subchart) => prune(subchart, values, tags, `${prefix}${subchart.name}.`));
  return { ...chart, subcharts };
}
