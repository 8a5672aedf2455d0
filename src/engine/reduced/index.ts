export { buildReducedStructure, type ReducedStructure, type ReducedOptions } from './structure.ts';
export { groupWeightsF32, reducedWeights, denseWeights, unitBiasAndRate } from './weights.ts';
export { simulateReduced, reducedSteadyState } from './simulate.ts';
export type { ReducedSimulateInput, ReducedSimulateResult, ReducedSteadyStateInput } from './simulate.ts';
export {
  solveFixedPoint,
  type FixedPointOptions,
  type FixedPointResult,
  type FixedPointCandidate,
} from './fixedPoint.ts';
export {
  findFixedPoint,
  fixedPointSystem,
  type FixedPointSystem,
  type FindOptions,
} from './findFixedPoint.ts';
export { fixedPointVJP, type FixedPointGradients } from './fixedPointVJP.ts';
export {
  eulerMapMatrix,
  eulerSpectrum,
  unitRates,
  type EulerSpectrum,
  type Wavevector,
} from './linearize.ts';
export { latticeSpectralRadius, type LatticeSpectrum, type LatticeSpectrumOptions } from './bloch.ts';
export {
  discreteTransfer,
  reducedTransfer,
  type ComplexArray,
  type ReducedTransferOptions,
} from './transfer.ts';
export { eigenvalues, spectralRadius, type Spectrum } from './eigenvalues.ts';
export { realEigenvalues, hessenbergEigenvalues } from './realEigenvalues.ts';
export { realHessenberg } from './realHessenberg.ts';
export { arnoldiEigenpair, type ArnoldiOptions, type RealOperator, type RitzPair } from './arnoldi.ts';
export { dominantEigenpair, type DominantEigenpair, type ComplexVector } from './dominantEigenpair.ts';
export { shiftedHessenbergLu, solveShiftedLu, hessenbergEigenvector } from './hessenbergLu.ts';
export { reluGain, activeEulerOperator, denseEulerMap, type ActiveEulerOperator } from './eulerOperator.ts';
export {
  eulerDominantMode,
  eulerRadiusVJP,
  type EulerMode,
  type EulerModeOptions,
  type EulerModeGradient,
} from './eulerRadius.ts';
export { spectralRadiusGradient } from './radiusGradient.ts';
export { uniformStability, type UniformStability } from './uniformStability.ts';
export {
  complexMatrix,
  hessenberg,
  solveShiftedHessenberg,
  cdiv,
  type ComplexMatrix,
  type HessenbergForm,
} from './hessenberg.ts';
export { luFactor, luSolve, luSolveTransposed, type LuFactors } from './denseLu.ts';
