//! Narrowing a comparison to the kinds of items a reader asked for (`--only`): after the
//! comparison, before a printer. What only one outlet claims is worked out again on what
//! is kept, since a fact one dropped alignment corroborated may be single-source in the
//! rest.

use crate::model::{Document, Only, Report, Side, Verdict};

impl Report {
    /// Keeps only the items of the given kinds (any of them); with none given, all.
    ///
    /// Documents stay whole, so every index still points where it did.
    pub fn narrow(&mut self, kinds: &[Only]) {
        if kinds.is_empty() {
            return;
        }
        let has = |k: Only| kinds.contains(&k);
        let holds_quote = self.documents.as_ref().map(Document::quoted_sentences);
        let quoted =
            |side: Side, sentences: &[usize]| sentences.iter().any(|&i| holds_quote.get(side)[i]);
        self.alignments.retain(|a| {
            (has(Only::Diverge) && a.verdict == Verdict::Diverge)
                || (has(Only::Quotes)
                    && quoted(Side::Left, &a.sentences.left)
                    && quoted(Side::Right, &a.sentences.right))
        });
        for (side, kind) in [(Side::Left, Only::OnlyLeft), (Side::Right, Only::OnlyRight)] {
            let keep_all = has(kind);
            let keep_quoted = has(Only::Quotes);
            let only = self.only.get_mut(side);
            only.retain(|&i| keep_all || (keep_quoted && quoted(side, &[i])));
            if !keep_all && !keep_quoted {
                self.only_quotes.get_mut(side).clear();
            }
        }
        self.quote_matches
            .retain(|m| has(Only::Quotes) || (has(Only::Diverge) && m.diverges()));
        // What only one outlet claims depends on the alignments kept: worked out again.
        self.single_source = super::claims::single_source(
            self.documents.as_ref(),
            &self.alignments,
            &self.only,
            &self.only_quotes,
        );
    }
}
