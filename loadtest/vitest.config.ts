import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../vitest.shared.js';

// One file at a time: the scenario tests time real services against patience of a few hundred
// ms, and a browser test beside them on a 2-core machine would bend those figures.
export default mergeConfig(
  shared,
  defineProject({ test: { name: 'loadtest', fileParallelism: false } }),
);
