// Logistic regression with L2 penalty on sparse rows, fitted by a small deterministic L-BFGS (no dependencies).

/** Sparse rows in compressed-row form. */
export interface SparseRows {
  /** Row r spans [rowPtr[r], rowPtr[r + 1]) of indices/values. */
  rowPtr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** Number of columns. */
  columns: number;
}

/** Builds compressed rows from a list of sparse vectors. */
export function toRows(vectors: ReadonlyArray<{ indices: Int32Array; values: Float64Array }>, columns: number): SparseRows {
  let nnz = 0;
  for (const v of vectors) nnz += v.indices.length;
  const rowPtr = new Int32Array(vectors.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let at = 0;
  vectors.forEach((v, r) => {
    indices.set(v.indices, at);
    values.set(v.values, at);
    at += v.indices.length;
    rowPtr[r + 1] = at;
  });
  return { rowPtr, indices, values, columns };
}

export interface FitOptions {
  /** L2 penalty per column (a number applies to every column). The intercept is not penalised. */
  l2: number | Float64Array;
  /** Iteration cap (default 300). */
  maxIterations?: number;
  /** Stop when the gradient's max-norm falls below this (default 1e-5). */
  tolerance?: number;
  /** L-BFGS memory (default 10). */
  memory?: number;
}

export interface FitResult {
  coefficients: Float64Array;
  intercept: number;
  iterations: number;
  loss: number;
}

function log1pExp(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Fits weighted logistic regression: minimises Σ wᵢ·logloss(yᵢ, xᵢ·β + β₀) + ½ Σ λⱼ βⱼ².
 * Deterministic: same input, same bits out (sequential sums in a fixed order).
 */
export function fitLogistic(rows: SparseRows, labels: ArrayLike<number>, weights: ArrayLike<number>, options: FitOptions): FitResult {
  const d = rows.columns;
  const n = rows.rowPtr.length - 1;
  const dim = d + 1; // last = intercept
  const l2 = typeof options.l2 === 'number' ? new Float64Array(d).fill(options.l2) : options.l2;
  const z = new Float64Array(n);

  const evaluate = (x: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    const b0 = x[d]!;
    for (let r = 0; r < n; r++) {
      let s = b0;
      for (let k = rows.rowPtr[r]!; k < rows.rowPtr[r + 1]!; k++) s += rows.values[k]! * x[rows.indices[k]!]!;
      z[r] = s;
    }
    for (let r = 0; r < n; r++) {
      const w = weights[r]!;
      if (w === 0) continue;
      const y = labels[r]!;
      loss += w * (log1pExp(z[r]!) - y * z[r]!);
      const g = w * (sigmoid(z[r]!) - y);
      grad[d]! += g;
      for (let k = rows.rowPtr[r]!; k < rows.rowPtr[r + 1]!; k++) grad[rows.indices[k]!]! += g * rows.values[k]!;
    }
    for (let j = 0; j < d; j++) {
      const xj = x[j]!;
      if (xj !== 0) {
        loss += 0.5 * l2[j]! * xj * xj;
        grad[j]! += l2[j]! * xj;
      }
    }
    return loss;
  };

  const x = new Float64Array(dim);
  const { iterations, loss } = lbfgs(evaluate, x, {
    maxIterations: options.maxIterations ?? 300,
    tolerance: options.tolerance ?? 1e-5,
    memory: options.memory ?? 10,
  });
  return { coefficients: x.slice(0, d), intercept: x[d]!, iterations, loss };
}

function dotv(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Minimises f in place from x with L-BFGS and a backtracking (Armijo) line search. */
export function lbfgs(
  f: (x: Float64Array, grad: Float64Array) => number,
  x: Float64Array,
  options: { maxIterations: number; tolerance: number; memory: number },
): { iterations: number; loss: number } {
  const dim = x.length;
  const grad = new Float64Array(dim);
  const newGrad = new Float64Array(dim);
  const trial = new Float64Array(dim);
  const dir = new Float64Array(dim);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  let loss = f(x, grad);
  let iter = 0;
  for (; iter < options.maxIterations; iter++) {
    let gmax = 0;
    for (let i = 0; i < dim; i++) gmax = Math.max(gmax, Math.abs(grad[i]!));
    if (gmax < options.tolerance) break;
    // Two-loop recursion: dir = −H·grad.
    dir.set(grad);
    const alpha: number[] = new Array(S.length);
    for (let k = S.length - 1; k >= 0; k--) {
      alpha[k] = rho[k]! * dotv(S[k]!, dir);
      const yk = Y[k]!;
      const a = alpha[k]!;
      for (let i = 0; i < dim; i++) dir[i]! -= a * yk[i]!;
    }
    if (S.length > 0) {
      const last = S.length - 1;
      const gamma = dotv(S[last]!, Y[last]!) / dotv(Y[last]!, Y[last]!);
      for (let i = 0; i < dim; i++) dir[i]! *= gamma;
    } else {
      const gnorm = Math.sqrt(dotv(grad, grad));
      for (let i = 0; i < dim; i++) dir[i]! /= Math.max(1, gnorm);
    }
    for (let k = 0; k < S.length; k++) {
      const beta = rho[k]! * dotv(Y[k]!, dir);
      const sk = S[k]!;
      const c = alpha[k]! - beta;
      for (let i = 0; i < dim; i++) dir[i]! += c * sk[i]!;
    }
    for (let i = 0; i < dim; i++) dir[i] = -dir[i]!;
    let slope = dotv(grad, dir);
    if (!(slope < 0)) {
      // Not a descent direction: restart from steepest descent.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let i = 0; i < dim; i++) dir[i] = -grad[i]!;
      slope = dotv(grad, dir);
    }
    let step = 1;
    let newLoss = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < dim; i++) trial[i] = x[i]! + step * dir[i]!;
      newLoss = f(trial, newGrad);
      if (newLoss <= loss + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(newLoss <= loss)) break;
    const s = new Float64Array(dim);
    const y = new Float64Array(dim);
    for (let i = 0; i < dim; i++) {
      s[i] = trial[i]! - x[i]!;
      y[i] = newGrad[i]! - grad[i]!;
    }
    const sy = dotv(s, y);
    if (sy > 1e-12) {
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
      if (S.length > options.memory) {
        S.shift();
        Y.shift();
        rho.shift();
      }
    }
    x.set(trial);
    grad.set(newGrad);
    const improvement = loss - newLoss;
    loss = newLoss;
    if (improvement < 1e-10 * Math.max(1, Math.abs(loss))) {
      iter++;
      break;
    }
  }
  return { iterations: iter, loss };
}
