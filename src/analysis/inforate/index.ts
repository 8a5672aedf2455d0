export { welchPlan, welchPsd, welchPsdVjp, DEFAULT_SEGMENT_LENGTH } from './welch.ts';
export type { WelchOptions, WelchPlan } from './welch.ts';
export { rateFromSnr, rateSpectrum, trapezoidWeight } from './spectralRate.ts';
export type { RateSpectrum } from './spectralRate.ts';
export { repeatSpectra, repeatSpectraVjp } from './snr.ts';
export type { RepeatOptions, RepeatSpectra } from './snr.ts';
export { simulationRate, simulationRateGrad } from './rate.ts';
export { cascadeRate } from './closedForm.ts';
export type { CascadeSpec } from './closedForm.ts';
export { linearRate, linearSpectra, DEFAULT_LINEAR_FREQS } from './linear.ts';
export type { DiscreteLinearSystem, LinearOptions, LinearSpectra } from './linear.ts';
export { perStepVariance, spectralStd, whitePsd } from '../../engine/noiseUnits.ts';
export {
  DEFAULT_INFORMATION_NOISE,
  DEFAULT_INPUT_NOISE_STD,
  DEFAULT_INTRINSIC_NOISE_STD,
  NOISE_CALIBRATION,
  inputNoiseForRate,
} from '../../engine/noiseDefaults.ts';
export { networkLinearRates, NETWORK_LINEAR_DEFAULTS } from './networkLinear.ts';
export type { NetworkLinearOptions, NetworkLinearRates } from './networkLinear.ts';
export { networkSimulationRates, NETWORK_SIMULATION_DEFAULTS } from './networkSimulation.ts';
export type { NetworkSimulationOptions, NetworkSimulationRates } from './networkSimulation.ts';
export { informationRates, INFORMATION_RATES_DEFAULTS, ESTIMATORS } from './informationRates.ts';
export type { Estimator, InformationRates, InformationRatesOptions } from './informationRates.ts';
export { formatInforateCsv, inforateSpectra, rateSpectraArray, INFORATE_COLUMNS } from './inforateTables.ts';
