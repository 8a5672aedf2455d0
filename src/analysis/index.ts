// Analysis indices on raw arrays, the held-out checks and the literature tables; one line per export.
export { applyOver, type OutputDim } from './applyOver.ts';
export { centralFromLabeled, centralTrace, type CentralResponses } from './centralResponses.ts';
export { frameTimes } from './frameTimes.ts';
export { flashSample, type FlashSet } from './flashSet.ts';
export { flashResponseIndex } from './fri.ts';
export { flashKinetics, type FlashKinetics } from './flashKinetics.ts';
export { edgePeakResponses, edgeTimeWindow, type EdgeSet } from './edgePeakResponses.ts';
export { directionSelectivity, type DirectionTuning, type EdgeConditions } from './directionSelectivity.ts';
export { tuningCurveCorrelation } from './tuningCurveCorrelation.ts';
export { greyStats, type GreyStats, type GreyTrace } from './greyStats.ts';
export { naturalStats, type NaturalStats } from './naturalStats.ts';
export { pearson } from './pearson.ts';
export { friPolarityCorrelation } from './heldOut.ts';
export { polaritySignAgreement } from './heldOut.ts';
export { dsiCorrelationToKnown } from './heldOut.ts';
export { dsiContrast } from './heldOut.ts';
export { pdErrorToKnown } from './heldOut.ts';
export { greySpread } from './heldOut.ts';
export * as groundtruth from './groundtruth.ts';
export {
  formatSummaryCsv,
  formatSummaryJson,
  summaryRows,
  SUMMARY_COLUMNS,
  type SummaryRow,
} from './summaryTable.ts';
