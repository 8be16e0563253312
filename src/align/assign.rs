//! A one-to-one assignment of the candidates that maximises the total score: Kuhn–Munkres
//! on each connected group of candidates, best-first greedy matching on a very large one.

use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;
use rustc_hash::{FxHashMap, FxHashSet};

use super::candidates::Candidate;
use crate::model::Link;
use crate::model::{Document, Pair};

/// Above this many sentences a side, a connected group is assigned greedily by score.
const EXACT_ASSIGNMENT_LIMIT: usize = 300;

/// A one-to-one assignment of maximum total score over the candidates.
pub(super) fn assign(candidates: &[Candidate], docs: Pair<&Document>) -> Vec<Link> {
    let mut links = Vec::new();
    let lens = docs.map(|d| d.sentences.len());
    for group in connected_groups(candidates, lens.left, lens.right) {
        let pairs = if group.left.len().min(group.right.len()) > EXACT_ASSIGNMENT_LIMIT {
            greedy(&group.candidates)
        } else {
            optimal(&group)
        };
        links.extend(pairs.into_iter().map(|(i, j, score)| Link {
            sentences: Pair::new(vec![i], vec![j]),
            score,
            claim: false,
        }));
    }
    links
}

/// Candidates that compete for the same sentences, and the sentences they name.
struct Group {
    left: Vec<usize>,
    right: Vec<usize>,
    candidates: Vec<Candidate>,
}

/// Splits the candidate graph into its connected components.
fn connected_groups(candidates: &[Candidate], left_len: usize, right_len: usize) -> Vec<Group> {
    // Union–find over left sentences, then right sentences shifted by `left_len`.
    let mut parent: Vec<usize> = (0..left_len + right_len).collect();
    fn root(parent: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while parent[r] != r {
            r = parent[r];
        }
        let mut y = x;
        while parent[y] != r {
            let next = parent[y];
            parent[y] = r;
            y = next;
        }
        r
    }
    for &(i, j, _) in candidates {
        let (a, b) = (root(&mut parent, i), root(&mut parent, left_len + j));
        if a != b {
            parent[a] = b;
        }
    }
    // Each root's group, numbered in the order groups are first met.
    let mut group_of: Vec<usize> = vec![usize::MAX; left_len + right_len];
    let mut out: Vec<Group> = Vec::new();
    for &c in candidates {
        let r = root(&mut parent, c.0);
        if group_of[r] == usize::MAX {
            group_of[r] = out.len();
            out.push(Group {
                left: Vec::new(),
                right: Vec::new(),
                candidates: Vec::new(),
            });
        }
        out[group_of[r]].candidates.push(c);
    }
    for g in &mut out {
        g.left = g.candidates.iter().map(|c| c.0).collect();
        g.right = g.candidates.iter().map(|c| c.1).collect();
        for side in [&mut g.left, &mut g.right] {
            side.sort_unstable();
            side.dedup();
        }
    }
    out.sort_by_key(|g| g.left[0]);
    out
}

/// Kuhn–Munkres on one group; scores are scaled to integers (floats can make it loop).
fn optimal(group: &Group) -> Vec<Candidate> {
    let transpose = group.left.len() > group.right.len();
    let (rows, cols) = if transpose {
        (&group.right, &group.left)
    } else {
        (&group.left, &group.right)
    };
    let row_at: FxHashMap<usize, usize> = rows.iter().enumerate().map(|(k, &x)| (x, k)).collect();
    let col_at: FxHashMap<usize, usize> = cols.iter().enumerate().map(|(k, &x)| (x, k)).collect();
    let mut weights = Matrix::new(rows.len(), cols.len(), 0i64);
    for &(i, j, score) in &group.candidates {
        let (r, c) = if transpose { (j, i) } else { (i, j) };
        weights[(row_at[&r], col_at[&c])] = (score * 1_000_000.0).round() as i64;
    }
    let (_, assignment) = kuhn_munkres(&weights);
    let score_of: FxHashMap<(usize, usize), f64> = group
        .candidates
        .iter()
        .map(|&(i, j, s)| ((i, j), s))
        .collect();
    assignment
        .into_iter()
        .enumerate()
        .filter_map(|(r, c)| {
            let (i, j) = if transpose {
                (cols[c], rows[r])
            } else {
                (rows[r], cols[c])
            };
            score_of.get(&(i, j)).map(|&s| (i, j, s))
        })
        .collect()
}

/// Best-first one-to-one matching, for groups too large for the exact assignment.
fn greedy(candidates: &[Candidate]) -> Vec<Candidate> {
    let mut sorted = candidates.to_vec();
    sorted.sort_by(|a, b| b.2.total_cmp(&a.2));
    let (mut left, mut right) = (FxHashSet::default(), FxHashSet::default());
    sorted
        .into_iter()
        .filter(|&(i, j, _)| {
            let free = !left.contains(&i) && !right.contains(&j);
            if free {
                left.insert(i);
                right.insert(j);
            }
            free
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::align::tests::links;

    #[test]
    fn assignment_is_global_not_first_come() {
        // Greedy by position would give right 0 to left 0; left 1 fits right 0 far better,
        // and left 0 still has right 1.
        let left = "Rescuers pulled workers from the river.\nRescuers pulled nine workers from the Tarn river on Monday.\n";
        let right = "On Monday rescuers pulled nine workers from the Tarn river.\nWorkers were pulled from the river by rescuers.\n";
        assert_eq!(links(left, right), [(vec![0], vec![1]), (vec![1], vec![0])]);
    }
}
