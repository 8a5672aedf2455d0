/**
 * A small reverse-mode automatic differentiation tape on scalars, so each target states its
 * smooth formula once and gets an exact gradient (checked against finite differences in tests).
 * Every node stores its value and the local partial derivatives w.r.t. at most two parents.
 */
export class Tape {
  private value: number[] = [];
  private parentA: number[] = [];
  private parentB: number[] = [];
  private partialA: number[] = [];
  private partialB: number[] = [];

  private node(v: number, a = -1, da = 0, b = -1, db = 0): number {
    this.value.push(v);
    this.parentA.push(a);
    this.partialA.push(da);
    this.parentB.push(b);
    this.partialB.push(db);
    return this.value.length - 1;
  }

  /** Leaf nodes for an input array; returns the id of the first (ids are consecutive). */
  inputs(values: ArrayLike<number>): number {
    const first = this.value.length;
    for (let i = 0; i < values.length; i++) this.node(values[i]);
    return first;
  }

  constant(c: number): number {
    return this.node(c);
  }

  val(id: number): number {
    return this.value[id];
  }

  add(a: number, b: number): number {
    return this.node(this.value[a] + this.value[b], a, 1, b, 1);
  }

  sub(a: number, b: number): number {
    return this.node(this.value[a] - this.value[b], a, 1, b, -1);
  }

  mul(a: number, b: number): number {
    return this.node(this.value[a] * this.value[b], a, this.value[b], b, this.value[a]);
  }

  div(a: number, b: number): number {
    const vb = this.value[b];
    return this.node(this.value[a] / vb, a, 1 / vb, b, -this.value[a] / (vb * vb));
  }

  scale(a: number, c: number): number {
    return this.node(this.value[a] * c, a, c);
  }

  shift(a: number, c: number): number {
    return this.node(this.value[a] + c, a, 1);
  }

  square(a: number): number {
    const v = this.value[a];
    return this.node(v * v, a, 2 * v);
  }

  exp(a: number): number {
    const e = Math.exp(this.value[a]);
    return this.node(e, a, e);
  }

  log(a: number): number {
    return this.node(Math.log(this.value[a]), a, 1 / this.value[a]);
  }

  sqrt(a: number): number {
    const s = Math.sqrt(this.value[a]);
    return this.node(s, a, 0.5 / s);
  }

  relu(a: number): number {
    const v = this.value[a];
    return this.node(v > 0 ? v : 0, a, v > 0 ? 1 : 0);
  }

  sigmoid(a: number): number {
    const s = 1 / (1 + Math.exp(-this.value[a]));
    return this.node(s, a, s * (1 - s));
  }

  /** Smooth |a| = √(a² + ε²). */
  smoothAbs(a: number, eps = 1e-6): number {
    const v = this.value[a];
    const s = Math.sqrt(v * v + eps * eps);
    return this.node(s, a, v / s);
  }

  /** Squared distance outside [lo, hi] (zero inside). */
  hinge2(a: number, lo: number, hi: number): number {
    const v = this.value[a];
    if (v < lo) return this.node((lo - v) ** 2, a, 2 * (v - lo));
    if (v > hi) return this.node((v - hi) ** 2, a, 2 * (v - hi));
    return this.node(0, a, 0);
  }

  sum(ids: number[]): number {
    if (ids.length === 0) return this.constant(0);
    let s = ids[0];
    for (let i = 1; i < ids.length; i++) s = this.add(s, ids[i]);
    return s;
  }

  mean(ids: number[]): number {
    return this.scale(this.sum(ids), 1 / ids.length);
  }

  /** Temperature-scaled log-sum-exp, a smooth maximum: T·log Σ exp(x/T). */
  softMax(ids: number[], temperature: number): number {
    let m = -Infinity;
    for (const id of ids) m = Math.max(m, this.value[id]);
    const terms = ids.map((id) => this.exp(this.scale(this.shift(id, -m), 1 / temperature)));
    return this.shift(this.scale(this.log(this.sum(terms)), temperature), m);
  }

  /** Softmax weights exp(x/T)/Σ exp(x/T) of the ids. */
  softmaxWeights(ids: number[], temperature: number): number[] {
    let m = -Infinity;
    for (const id of ids) m = Math.max(m, this.value[id]);
    const e = ids.map((id) => this.exp(this.scale(this.shift(id, -m), 1 / temperature)));
    const z = this.sum(e);
    return e.map((x) => this.div(x, z));
  }

  /** d output / d each of `count` consecutive inputs starting at `first`. */
  gradient(output: number, first: number, count: number): Float64Array {
    const g = new Float64Array(this.value.length);
    g[output] = 1;
    for (let n = output; n >= 0; n--) {
      const gn = g[n];
      if (gn === 0) continue;
      if (this.parentA[n] >= 0) g[this.parentA[n]] += gn * this.partialA[n];
      if (this.parentB[n] >= 0) g[this.parentB[n]] += gn * this.partialB[n];
    }
    return g.slice(first, first + count);
  }
}
