import type { EvaluationJson } from '../train/run.ts';
import { figure, type ReportSection } from './html.ts';
import { beforeAfterPanel } from './panels/beforeAfter.ts';
import { lossCurvePanel } from './panels/lossCurve.ts';
import { tablePanel } from './panels/table.ts';

export interface MetricsLine {
  iteration: number;
  total: number;
  targets: Record<string, number>;
}

export interface TrainingReportInput {
  metrics: MetricsLine[];
  before: EvaluationJson;
  after: EvaluationJson;
}

/** One row per target: weight, value before and after, types in band before and after. */
export function targetTable({ before, after }: TrainingReportInput) {
  return Object.entries(before.targets).map(([name, b]) => {
    const a = after.targets[name];
    return {
      target: name,
      weight: b.weight,
      before: b.value,
      after: a.value,
      in_band_before: b.in_band,
      in_band_after: a.in_band,
      readout: b.readout,
    };
  });
}

/** Report sections for a training run: the objective over iterations and each target per cell type. */
export function trainingSections(input: TrainingReportInput): ReportSection[] {
  const rows = input.metrics.flatMap((m) => [
    { iteration: m.iteration, metric: 'total (weighted)', value: m.total },
    ...Object.entries(m.targets).map(([metric, value]) => ({ iteration: m.iteration, metric, value })),
  ]);
  const table = targetTable(input);
  const perTarget = Object.entries(input.before.targets).flatMap(([name, b]) => {
    const a = input.after.targets[name];
    const typeRows = Object.entries(b.per_type)
      .filter(([type, v]) => v.value !== null && a.per_type[type].value !== null)
      .map(([type, v]) => ({
        type,
        before: v.value!,
        after: a.per_type[type].value!,
        ...(v.band ? { band: v.band as [number, number] } : {}),
      }));
    if (typeRows.length === 0) return [];
    const inBand = b.in_band === null ? '' : ` In band: ${b.in_band} types before, ${a.in_band} after.`;
    return [
      figure(
        beforeAfterPanel,
        { rows: typeRows, valueLabel: b.readout },
        {
          title: `${name}: ${b.readout}`,
          caption: `Per cell type before (grey) and after training; the shaded band is the target's.${inBand}`,
        },
      ),
    ];
  });
  return [
    {
      heading: 'Training objective',
      text:
        "Each target's unweighted value per iteration (log axis), and the weighted total that was minimised. " +
        'No task was trained: the objective is the auxiliary targets alone.',
      panels: [
        figure(lossCurvePanel, { rows, valueLabel: 'target value' }, { title: 'Targets over training' }),
        figure(
          tablePanel,
          {
            columns: [
              { key: 'target', label: 'target' },
              { key: 'weight', label: 'weight' },
              { key: 'before', label: 'value before' },
              { key: 'after', label: 'value after' },
              { key: 'in_band_before', label: 'types in band before' },
              { key: 'in_band_after', label: 'types in band after' },
            ],
            rows: table,
          },
          { title: 'Targets before and after training' },
        ),
      ],
    },
    { heading: 'Targets per cell type', panels: perTarget },
  ];
}
