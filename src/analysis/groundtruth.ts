/**
 * Literature ground truth about the 65 flyvis cell types: the facts of flyvis's groundtruth tables
 * (flyvis v1.1.3, `flyvis/utils/groundtruth_utils.py`, curated for Lappalainen et al. 2024), written
 * here as lists with their sources, and expanded into flyvis's per-type records.
 *
 * This module sits in analysis/ on purpose: targets/ lies to the left of analysis/ in the dependency
 * order and cannot import it, so no training target can use what the held-out checks score
 * (polarity, direction selectivity, preferred directions, tuning curves). Keep it that way.
 */

/** The 65 node types in flyvis (connectome JSON) order. */
export const CELL_TYPES = [
  ...['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'L1', 'L2', 'L3', 'L4', 'L5', 'Lawf1', 'Lawf2', 'Am'],
  ...['C2', 'C3', 'CT1(Lo1)', 'CT1(M10)', 'Mi1', 'Mi2', 'Mi3', 'Mi4', 'Mi9', 'Mi10', 'Mi11', 'Mi12', 'Mi13'],
  ...['Mi14', 'Mi15', 'T1', 'T2', 'T2a', 'T3', 'T4a', 'T4b', 'T4c', 'T4d', 'T5a', 'T5b', 'T5c', 'T5d', 'Tm1'],
  ...['Tm2', 'Tm3', 'Tm4', 'Tm5Y', 'Tm5a', 'Tm5b', 'Tm5c', 'Tm9', 'Tm16', 'Tm20', 'Tm28', 'Tm30', 'TmY3'],
  ...['TmY4', 'TmY5a', 'TmY9', 'TmY10', 'TmY13', 'TmY14', 'TmY15', 'TmY18'],
];

export const REFERENCES = {
  Hardie1985:
    'Hardie RC (1985) Functional organization of the fly retina. Progress in Sensory Physiology 5:1–79',
  Reiff2010:
    'Reiff DF, Plett J, Mank M, Griesbeck O, Borst A (2010) Visualizing retinotopic half-wave rectified input to the motion detection circuitry of Drosophila. Nat Neurosci 13:973–978',
  Clark2011:
    'Clark DA, Bursztyn L, Horowitz MA, Schnitzer MJ, Clandinin TR (2011) Defining the computational structure of the motion detector in Drosophila. Neuron 70:1165–1177',
  Silies2013:
    'Silies M, Gohl DM, Fisher YE, Freifeld L, Clark DA, Clandinin TR (2013) Modular use of peripheral input channels tunes motion-detecting circuitry. Neuron 79:111–127',
  Maisak2013:
    'Maisak MS, Haag J, Ammer G, Serbe E, Meier M, Leonhardt A, et al., Borst A (2013) A directional tuning map of Drosophila elementary motion detectors. Nature 500:212–216',
  Meier2014:
    'Meier M, Serbe E, Maisak MS, Haag J, Dickson BJ, Borst A (2014) Neural circuit components of the Drosophila OFF motion vision pathway. Curr Biol 24:385–392',
  Behnia2014:
    'Behnia R, Clark DA, Carter AG, Clandinin TR, Desplan C (2014) Processing properties of ON and OFF pathways for Drosophila motion detection. Nature 512:427–430',
  Strother2014:
    'Strother JA, Nern A, Reiser MB (2014) Direct observation of ON and OFF pathways in the Drosophila visual system. Curr Biol 24:976–983',
  BorstHelmstaedter2015:
    'Borst A, Helmstaedter M (2015) Common circuit design in fly and mammalian motion vision. Nat Neurosci 18:1067–1076',
  Serbe2016:
    'Serbe E, Meier M, Leonhardt A, Borst A (2016) Comprehensive characterization of the major presynaptic elements to the Drosophila OFF motion detector. Neuron 89:829–841',
  Arenz2017:
    'Arenz A, Drews MS, Richter FG, Ammer G, Borst A (2017) The temporal tuning of the Drosophila motion detectors is determined by the dynamics of their input elements. Curr Biol 27:929–944',
  Strother2017:
    'Strother JA, Wu ST, Wong AM, Nern A, Rogers EM, Le JQ, Rubin GM, Reiser MB (2017) The emergence of directional selectivity in the visual motion pathway of Drosophila. Neuron 94:168–182',
  Takemura2017:
    "Takemura SY, Nern A, Chklovskii DB, Scheffer LK, Rubin GM, Meinertzhagen IA (2017) The comprehensive connectome of a neural substrate for 'ON' motion detection in Drosophila. eLife 6:e24394",
  Shinomiya2019:
    'Shinomiya K, Huang G, Lu Z, et al. (2019) Comparisons between the ON- and OFF-edge motion pathways in the Drosophila brain. eLife 8:e40025',
  MeierBorst2019:
    'Meier M, Borst A (2019) Extreme compartmentalization in a Drosophila amacrine cell. Curr Biol 29:1545–1550',
  Drews2020:
    'Drews MS, Leonhardt A, Pirogova N, et al., Borst A (2020) Dynamic signal compression for robust motion vision in flies. Curr Biol 30:209–221',
  Matulis2020:
    'Matulis CA, Chen J, Gonzalez-Suarez AD, Behnia R, Clark DA (2020) Heterogeneous temporal contrast adaptation in Drosophila direction-selective circuits. Curr Biol 30:222–236',
  Lappalainen2024:
    'Lappalainen JK, Tschopp FD, Prakhya S, et al., Turaga SC (2024) Connectome-constrained networks predict neural activity across the fly visual system. Nature 634:1132–1140 (tables: flyvis v1.1.3, flyvis/utils/groundtruth_utils.py)',
} as const;
export type ReferenceKey = keyof typeof REFERENCES;

const known = (polarity: 1 | -1, types: string[], sources: ReferenceKey[]) =>
  types.map((t) => [t, { polarity, sources }] as const);
/**
 * Contrast preference of the 32 types with a known polarity (+1 ON, −1 OFF). flyvis names a source
 * only for L5; the other attributions are ours (L4 and C3 least certain) — the values are flyvis's.
 */
export const KNOWN_POLARITY: Record<string, { polarity: 1 | -1; sources: ReferenceKey[] }> =
  Object.fromEntries([
    ...known(1, ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8'], ['Hardie1985']),
    ...known(-1, ['L1'], ['Clark2011']),
    ...known(-1, ['L2'], ['Reiff2010', 'Clark2011']),
    ...known(-1, ['L3'], ['Silies2013']),
    ...known(-1, ['L4'], ['Meier2014']),
    ...known(1, ['L5'], ['Drews2020', 'Matulis2020']),
    ...known(1, ['C3'], ['Strother2017']),
    ...known(-1, ['CT1(Lo1)'], ['MeierBorst2019']),
    ...known(1, ['CT1(M10)'], ['MeierBorst2019']),
    ...known(1, ['Mi1'], ['Behnia2014', 'Strother2014', 'Arenz2017']),
    ...known(1, ['Mi4'], ['Strother2017', 'Arenz2017']),
    ...known(-1, ['Mi9'], ['Strother2017', 'Arenz2017']),
    ...known(1, ['T4a', 'T4b', 'T4c', 'T4d'], ['Maisak2013']),
    ...known(-1, ['T5a', 'T5b', 'T5c', 'T5d'], ['Maisak2013']),
    ...known(-1, ['Tm1', 'Tm2'], ['Behnia2014', 'Strother2014', 'Serbe2016']),
    ...known(1, ['Tm3'], ['Behnia2014', 'Strother2014', 'Arenz2017']),
    ...known(-1, ['Tm4', 'Tm9'], ['Strother2014', 'Serbe2016']),
  ]);

const record = <T>(f: (type: string) => T): Record<string, T> =>
  Object.fromEntries(CELL_TYPES.map((t) => [t, f(t)]));
const indicator = (types: string[]) => record((t) => (types.includes(t) ? 1 : 0));

/** +1 ON, −1 OFF, 0 unknown, for all 65 types. */
export const POLARITY: Record<string, 1 | -1 | 0> = record((t) => KNOWN_POLARITY[t]?.polarity ?? 0);
export const KNOWN_PREFERRED_CONTRASTS = Object.fromEntries(
  Object.entries(POLARITY).filter(([, p]) => p !== 0),
);

/** Inputs of T4 (ON) and T5 (OFF) (Takemura2017, Shinomiya2019, BorstHelmstaedter2015); plotting only. */
export const ON_PATHWAY = [
  'L1',
  'L3',
  'L5',
  'Mi1',
  'Tm3',
  'Mi4',
  'Mi9',
  'CT1(M10)',
  'T4a',
  'T4b',
  'T4c',
  'T4d',
];
export const OFF_PATHWAY = [
  'L2',
  'L3',
  'L4',
  'Tm1',
  'Tm2',
  'Tm4',
  'Tm9',
  'CT1(Lo1)',
  'T5a',
  'T5b',
  'T5c',
  'T5d',
];

/** Figure layout: retina (R1–R8), output (T*, Tm*, TmY*), intermediate (the rest). */
export const LAYOUT = record((t) => (/^R\d$/.test(t) ? 'retina' : /^T/.test(t) ? 'output' : 'intermediate'));

/** Preferred directions in degrees, motion-direction convention of MODEL_SPEC §4.3 (Maisak2013). */
export const PREFERRED_DIRECTIONS_DEG: Record<string, number> = {
  T4a: 180,
  T4b: 0,
  T4c: 90,
  T4d: 270,
  T5a: 180,
  T5b: 0,
  T5c: 90,
  T5d: 270,
};
export const ON_MOTION_TUNING = ['T4a', 'T4b', 'T4c', 'T4d'];
export const OFF_MOTION_TUNING = ['T5a', 'T5b', 'T5c', 'T5d'];
export const MOTION_TUNING = [...OFF_MOTION_TUNING, ...ON_MOTION_TUNING];
/** T4/T5 inputs recorded without direction selectivity (Behnia2014, Serbe2016, Arenz2017, Strother2017). */
export const NO_MOTION_TUNING = [
  'Tm1',
  'Tm2',
  'Tm4',
  'Tm9',
  'CT1(Lo1)',
  'Mi1',
  'Tm3',
  'Mi4',
  'Mi9',
  'CT1(M10)',
];
export const KNOWN_DSI_TYPES = [...NO_MOTION_TUNING, ...MOTION_TUNING];

/** Types whose connectome inputs are spatially asymmetric (Lappalainen2024). */
export const ASYMMETRIC_INPUT_TYPES = [
  ...['T2', 'T2a', 'T3', 'T4a', 'T4b', 'T4c', 'T4d', 'T5a', 'T5b', 'T5c', 'T5d', 'Tm3', 'Tm4'],
  ...['TmY3', 'TmY4', 'TmY5a', 'TmY14', 'TmY15', 'TmY18'],
];
/** flyvis's spelling kept: types with too few reconstructions, and with noisy data (Lappalainen2024). */
export const UNSUFFICIENT_DATA = ['Tm5a', 'Tm5b', 'Tm5c', 'Tm16', 'Tm28', 'Tm30', 'TmY9', 'TmY10', 'TmY13'];
export const NOISY_DATA = ['Tm1', 'Tm2', 'Tm5Y', 'Tm9'];
export const SYMMETRIC_INPUTS = CELL_TYPES.filter(
  (t) => !ASYMMETRIC_INPUT_TYPES.includes(t) && !UNSUFFICIENT_DATA.includes(t) && !NOISY_DATA.includes(t),
);

/** Angles (degrees) of the Maisak2013 tuning curves. */
export const TUNING_CURVE_ANGLES_DEG = Array.from({ length: 12 }, (_, i) => 30 * i);
/** Normalised responses at TUNING_CURVE_ANGLES_DEG, read from Maisak2013 Fig. 3g,h (MODEL_SPEC §8). */
export const TUNING_CURVES: Record<string, number[]> = {
  T4a: [0.04, 0.05, 0.165, 0.19, 0.29, 0.5, 1.0, 0.585, 0.31, 0.11, 0.06, 0.04],
  T4b: [0.745, 0.785, 0.305, 0.265, 0.25, 0.335, 0.285, 0.23, 0.14, 0.11, 0.26, 0.775],
  T4c: [0.04, 0.2, 0.57, 0.775, 0.715, 0.325, 0.22, 0.13, 0.13, 0.22, 0.155, 0.11],
  T4d: [0.07, 0.07, 0.12, 0.17, 0.21, 0.14, 0.21, 0.29, 0.67, 0.655, 0.7, 0.51],
  T5a: [0.2, 0.295, 0.265, 0.2, 0.25, 0.65, 1.0, 0.59, 0.29, 0.21, 0.2, 0.22],
  T5b: [0.83, 0.855, 0.405, 0.16, 0.175, 0.24, 0.3, 0.25, 0.13, 0.2, 0.3, 0.655],
  T5c: [0.2, 0.44, 0.69, 0.595, 0.745, 0.525, 0.34, 0.255, 0.34, 0.295, 0.26, 0.28],
  T5d: [0.17, 0.21, 0.21, 0.2, 0.19, 0.15, 0.185, 0.42, 0.85, 0.79, 0.685, 0.565],
};

/** All tables under flyvis's names, as `groundtruth_utils.py` exposes them (for export and comparison). */
export const GROUNDTRUTH = {
  polarity: POLARITY,
  on_pathway: ON_PATHWAY,
  off_pathway: OFF_PATHWAY,
  layout: LAYOUT,
  preferred_directions: PREFERRED_DIRECTIONS_DEG,
  on_direction_selective: indicator(ON_MOTION_TUNING),
  off_direction_selective: indicator(OFF_MOTION_TUNING),
  not_direction_selective: indicator(NO_MOTION_TUNING),
  asymmetric_input: indicator(ASYMMETRIC_INPUT_TYPES),
  unsufficient_data: UNSUFFICIENT_DATA,
  noisy_data: NOISY_DATA,
  symmetric_inputs: SYMMETRIC_INPUTS,
  no_motion_tuning: NO_MOTION_TUNING,
  motion_tuning: MOTION_TUNING,
  on_motion_tuning: ON_MOTION_TUNING,
  off_motion_tuning: OFF_MOTION_TUNING,
  known_dsi_types: KNOWN_DSI_TYPES,
  known_preferred_contrasts: KNOWN_PREFERRED_CONTRASTS,
  tuning_curves: TUNING_CURVES,
};
