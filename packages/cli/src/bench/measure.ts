import { Bench } from 'tinybench';

/** Latency and throughput of one benchmarked task. */
export interface Measurement {
  name: string;
  samples: number;
  p50: number;
  p99: number;
  mean: number;
  /** Operations per second. */
  throughput: number;
}

/** Options of `measureTasks`. */
export interface MeasureOptions {
  /** Milliseconds spent measuring each task (default 400). */
  time?: number;
  /** Milliseconds of warm-up per task (default 100). */
  warmupTime?: number;
}

/** Measures tasks with tinybench, one at a time on this thread. */
export async function measureTasks(tasks: ReadonlyArray<readonly [string, () => unknown]>, options: MeasureOptions = {}): Promise<Measurement[]> {
  const bench = new Bench({ time: options.time ?? 400, warmupTime: options.warmupTime ?? 100 });
  for (const [name, task] of tasks) bench.add(name, task as () => Promise<void>);
  await bench.run();
  return bench.tasks.map((task) => {
    const result = task.result;
    if (result.state !== 'completed' && result.state !== 'aborted-with-statistics') {
      throw new Error(`bench task ${task.name} did not complete (${result.state}${'error' in result ? `: ${String(result.error)}` : ''})`);
    }
    return {
      name: task.name,
      samples: result.latency.samplesCount,
      p50: result.latency.p50,
      p99: result.latency.p99,
      mean: result.latency.mean,
      throughput: result.throughput.mean,
    };
  });
}
