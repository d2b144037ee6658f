// One Prism mock for the whole suite, started before any test file and always stopped after.
import { startMock } from '../src/index.js';

/** @param {import('vitest/node').TestProject} project */
export default async function setup(project) {
  const mock = await startMock();
  project.provide('mockUrl', mock.url);
  project.provide('mockPid', mock.pid);
  return () => mock.stop();
}
