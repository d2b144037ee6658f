// The suite's two mocks, started before any test file and always stopped after: the static one
// (the spec's examples) and the stateful sandbox. Files that need their own start and stop it.
import { startMock } from '../src/index.js';

/** @param {import('vitest/node').TestProject} project */
export default async function setup(project) {
  // One after the other: two Prism start-ups at once double each on a 2-core machine.
  const mock = await startMock();
  const sandbox = await startMock({ stateful: true }).catch(async (error) => {
    await mock.stop();
    throw error;
  });
  project.provide('mockUrl', mock.url);
  project.provide('mockPid', mock.pid);
  project.provide('sandboxUrl', sandbox.url);
  return async () => {
    await Promise.all([mock.stop(), sandbox.stop()]);
  };
}
