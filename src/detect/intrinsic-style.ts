// Rule intrinsic-style: the fitted style model's calibrated log-odds that a French paragraph is machine-translated.
import type { Model } from '../score/model.js';
import { scoreParagraph } from '../score/model.js';
import { ruleLanguage } from '../segment/language.js';
import type { Detector, DetectorContext, Paragraph, RuleMeta, Signal } from '../types.js';

/** Rule metadata: `off` by default as a lint message; its signal always feeds the score. */
const meta: RuleMeta = {
  id: 'intrinsic-style',
  description: 'Style of the paragraph alone (word and character n-grams), from a model fitted on human and machine translations into French: calibrated log-odds.',
  defaultSeverity: 'off',
  docs: 'docs/rules/intrinsic-style.md',
  evidence: 'style',
  languages: ['fr'],
  kinds: ['body', 'headline'],
};

/** The model, once the corpora carry it (`Corpora.model`); undefined otherwise. */
function modelOf(context: DetectorContext): Model | undefined {
  return context.corpora.model;
}

function percent(logOdds: number): string {
  return `${Math.round(100 / (1 + Math.exp(-logOdds)))} %`;
}

/**
 * intrinsic-style: one paragraph-scope signal whose weight is the model's calibrated log-odds (nats), so that with no
 * other evidence and equal prior odds σ(weight) is the calibrated probability measured in docs/accuracy.md. No signal
 * without a model, below the model's `minWords` (8), or when |weight| < `minWeight` (the model is unsure): the
 * paragraph then stays `uncertain`. Weights are clamped to ±`maxWeight`. See docs/rules/intrinsic-style.md.
 */
export const detector: Detector = {
  meta,
  detect(p: Paragraph, context: DetectorContext): Signal[] {
    const model = modelOf(context);
    if (!model || model.language !== ruleLanguage(p, context.language)) return [];
    const verdict = scoreParagraph(model, p.text);
    if (verdict.score === null || Math.abs(verdict.logOdds) < model.minWeight) return [];
    const weight = Math.round(verdict.logOdds * 1000) / 1000;
    const leaning = weight > 0 ? 'machine translation' : 'human writing or translation';
    return [
      {
        ruleId: meta.id,
        weight,
        message: `Style model leans towards ${leaning}: ${percent(weight)} on style alone (${verdict.words} words)`,
        paragraph: p.index,
        start: 0,
        end: p.text.length,
        scope: 'paragraph',
        evidence: meta.evidence,
        data: { score: Math.round(verdict.score * 1000) / 1000, words: verdict.words },
      },
    ];
  },
};

export default detector;
