/** `bulwark train`: retrains the injection classifier (see packages/core/MODEL.md). */
export async function runTrainCommand(argv: string[]): Promise<number> {
  // Resolved at run time so the CLI still starts in builds that leave the training pipeline out.
  const trainerPath: string = '../train/main.ts';
  const trainer = (await import(trainerPath).catch(() => undefined)) as { runTrain?: (argv: string[]) => Promise<number> } | undefined;
  if (!trainer?.runTrain) {
    process.stderr.write('bulwark train: the training pipeline is not available in this build\n');
    return 2;
  }
  return trainer.runTrain(argv);
}
