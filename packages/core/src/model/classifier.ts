/** The classifier interface the engine uses for the injection/jailbreak model layer. */

/** Probabilities in [0, 1] for each label. */
export interface ClassifierScores {
  injection: number;
  jailbreak: number;
}

/** A text classifier for prompt injection and jailbreaks. */
export interface Classifier {
  /** Identifies the model (e.g. `onnx:injection-classifier`), for findings and audit events. */
  readonly id: string;
  /** Scores each text; long texts are scored in windows and the maximum per label is returned. */
  score(texts: readonly string[]): Promise<ClassifierScores[]>;
}
