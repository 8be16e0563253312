//! Learning the two models from labelled data: logistic regression, fitted the same way
//! every time, and the trainers that measure labelled samples through the whole pipeline
//! (`equivalence`: is an aligned pair one fact with nothing added; `incident`: are two
//! reports about one incident). Their weights are written into the stages' `weights.rs`
//! files by `examples/train.rs` and `examples/train_incident.rs`, never tuned by hand.
//! Nothing in the pipeline imports this module: it runs the pipeline, never the reverse.
//!
//! The fit is Newton's method (iteratively reweighted least squares) with a small ridge
//! penalty on the weights (not on the intercept), from all-zero weights, in a fixed order:
//! the same samples give the same weights, bit for bit, on any machine with IEEE doubles.

/// The model as Rust constants `INTERCEPT` and `WEIGHTS`, each weight under a comment that
/// names its feature (rustfmt leaves the lines as written).
pub fn constants(model: &Model, names: &[&str]) -> String {
    let mut out = format!("pub const INTERCEPT: f64 = {:?};\n", model.intercept);
    out.push_str(&format!(
        "pub const WEIGHTS: [f64; {}] = [\n",
        model.weights.len()
    ));
    for (w, name) in model.weights.iter().zip(names) {
        out.push_str(&format!("    // {name}\n    {w:?},\n"));
    }
    out.push_str("];\n");
    out
}

pub mod equivalence;
pub mod incident;

use crate::model::{Model, sigmoid};

/// How strongly weights are pulled towards zero: enough to keep correlated features
/// stable, too little to matter with thousands of samples.
pub const RIDGE: f64 = 1.0;
const MAX_ITERATIONS: usize = 50;
const TOLERANCE: f64 = 1e-10;

// Matrix code reads best with indexes.
#[allow(clippy::needless_range_loop)]
/// Fits a model to samples `(features, label)`; every sample has the same number of
/// features.
///
/// ```
/// use factdiff::learn::fit;
/// // One feature that tells the classes apart, mostly.
/// let samples: Vec<(Vec<f64>, bool)> = (0..40)
///     .map(|i| (vec![i as f64 / 40.0], (i >= 20) != (i % 10 == 0)))
///     .collect();
/// let model = fit(&samples);
/// assert!(model.weights[0] > 0.0);
/// assert!(model.probability(&[0.9]) > 0.5 && model.probability(&[0.1]) < 0.5);
/// ```
pub fn fit(samples: &[(Vec<f64>, bool)]) -> Model {
    let k = samples.first().map_or(0, |s| s.0.len());
    // Parameters: the intercept first, then one weight per feature.
    let n = k + 1;
    let mut beta = vec![0.0; n];
    for _ in 0..MAX_ITERATIONS {
        let mut gradient = vec![0.0; n];
        let mut hessian = vec![vec![0.0; n]; n];
        for (features, label) in samples {
            let x: Vec<f64> = std::iter::once(1.0)
                .chain(features.iter().copied())
                .collect();
            let z: f64 = beta.iter().zip(&x).map(|(b, x)| b * x).sum();
            let p = sigmoid(z);
            let y = if *label { 1.0 } else { 0.0 };
            let w = (p * (1.0 - p)).max(1e-12);
            for a in 0..n {
                gradient[a] += (y - p) * x[a];
                for b in 0..=a {
                    hessian[a][b] += w * x[a] * x[b];
                }
            }
        }
        for a in 0..n {
            for b in 0..a {
                hessian[b][a] = hessian[a][b];
            }
        }
        for a in 1..n {
            gradient[a] -= RIDGE * beta[a];
            hessian[a][a] += RIDGE;
        }
        let Some(step) = solve(hessian, gradient) else {
            break;
        };
        let mut change: f64 = 0.0;
        for (b, s) in beta.iter_mut().zip(&step) {
            *b += s;
            change = change.max(s.abs());
        }
        if change < TOLERANCE {
            break;
        }
    }
    Model {
        intercept: beta[0],
        weights: beta[1..].to_vec(),
    }
}

#[allow(clippy::needless_range_loop)]
/// Solves `a · x = b` by Gaussian elimination with partial pivoting; `None` when `a` is
/// singular.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..n {
            let factor = a[row][col] / a[col][col];
            if factor == 0.0 {
                continue;
            }
            for k in col..n {
                a[row][k] -= factor * a[col][k];
            }
            b[row] -= factor * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let sum: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - sum) / a[row][row];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_a_small_system() {
        let x = solve(vec![vec![2.0, 1.0], vec![1.0, 3.0]], vec![3.0, 5.0]).unwrap();
        assert!((x[0] - 0.8).abs() < 1e-12 && (x[1] - 1.4).abs() < 1e-12);
        assert!(solve(vec![vec![1.0, 2.0], vec![2.0, 4.0]], vec![1.0, 2.0]).is_none());
    }

    #[test]
    fn recovers_known_log_odds() {
        // Labels drawn in fixed proportions at each x: log-odds = -1 + 2x exactly.
        let mut samples = Vec::new();
        for step in 0..=10 {
            let x = f64::from(step) / 10.0;
            let p = sigmoid(-1.0 + 2.0 * x);
            let yes = (p * 1000.0).round() as usize;
            samples.extend((0..1000).map(|i| (vec![x], i < yes)));
        }
        let model = fit(&samples);
        assert!((model.intercept + 1.0).abs() < 0.02, "{model:?}");
        assert!((model.weights[0] - 2.0).abs() < 0.03, "{model:?}");
    }

    #[test]
    fn the_same_samples_give_the_same_weights() {
        let samples: Vec<(Vec<f64>, bool)> = (0..200)
            .map(|i| {
                let x = f64::from(i);
                (vec![(x * 0.37).sin(), (x * 0.11).cos()], i % 3 == 0)
            })
            .collect();
        assert_eq!(fit(&samples), fit(&samples));
    }
}
