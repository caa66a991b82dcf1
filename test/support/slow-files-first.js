// Jest's order for `npm test` in parallel workers. Jest runs the files that took longest last time
// first, so no worker idles at the end waiting for one long file. A clean clone (CI) has no times
// yet and jest falls back to file size, which starts the browser files (minutes each: a server, a
// Chromium, page after page) among the last; this sequencer starts them, the crash test and the
// fuzz test first instead. With times from an earlier run, jest's own order stands.
const Sequencer = require('@jest/test-sequencer').default;

const SLOW = /[\\/]test[\\/](browser|crash|fuzz)[\\/]/;

class SlowFilesFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    if (sorted.some((test) => test.duration != null)) return sorted;
    return [...sorted.filter((test) => SLOW.test(test.path)), ...sorted.filter((test) => !SLOW.test(test.path))];
  }
}

module.exports = SlowFilesFirst;
