import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAR_LINE, createProgress, renderProgress } from '../../server/src/cli/progress';

/** A terminal stand-in that records what is written. */
function fakeStream(isTTY: boolean, columns = 80) {
  const writes: string[] = [];
  return { isTTY, columns, writes, write: (s: string) => writes.push(s) };
}

/** A clock the test moves by hand. */
function fakeClock() {
  let now = 1000;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

test('nothing is drawn before the delay, so short runs never show a bar', () => {
  const stream = fakeStream(true);
  const clock = fakeClock();
  const bar = createProgress(true, stream, { now: clock.now, delayMs: 500, intervalMs: 100 });
  for (let i = 1; i <= 40; i++) {
    bar.update('Reading', i, 40);
    clock.advance(10);
  }
  bar.clear();
  assert.deepEqual(stream.writes, []);
});

test('redraws are throttled to one per interval (at most 10 a second)', () => {
  const stream = fakeStream(true);
  const clock = fakeClock();
  const bar = createProgress(true, stream, { now: clock.now, delayMs: 0, intervalMs: 100 });
  // 2 seconds of updates every 5 ms: 400 updates, at most 20 redraws.
  for (let i = 1; i <= 400; i++) {
    bar.update('Checking', i, 400);
    clock.advance(5);
  }
  assert.equal(stream.writes.length, 20);
  for (const w of stream.writes) assert.ok(w.startsWith(CLEAR_LINE) && !w.includes('\n'), JSON.stringify(w));
  assert.match(stream.writes[0]!, /Checking \[-+\] 1\/400$/);
  assert.match(stream.writes.at(-1)!, /Checking \[#+-*\] 381\/400$/);
});

test('clear erases the line once, and only when something was drawn', () => {
  const stream = fakeStream(true);
  const clock = fakeClock();
  const bar = createProgress(true, stream, { now: clock.now, delayMs: 0, intervalMs: 100 });
  bar.clear();
  assert.deepEqual(stream.writes, []);
  bar.update('Reading', 1, 2);
  bar.clear();
  bar.clear();
  assert.equal(stream.writes.length, 2);
  assert.equal(stream.writes[1], CLEAR_LINE);
  // Drawing again after a clear needs a new clear.
  clock.advance(100);
  bar.update('Checking', 2, 2);
  bar.clear();
  assert.deepEqual(stream.writes.slice(2).map((w) => w === CLEAR_LINE), [false, true]);
});

test('no escape codes at all when the stream is not a terminal or the bar is disabled', () => {
  const clock = fakeClock();
  for (const [enabled, isTTY] of [[true, false], [false, true], [false, false]] as const) {
    const stream = fakeStream(isTTY);
    const bar = createProgress(enabled, stream, { now: clock.now, delayMs: 0, intervalMs: 0 });
    for (let i = 1; i <= 10; i++) {
      bar.update('Reading', i, 10);
      clock.advance(200);
    }
    bar.clear();
    assert.deepEqual(stream.writes, [], `enabled=${enabled} isTTY=${isTTY}`);
  }
  assert.doesNotThrow(() => createProgress(true, undefined).update('Reading', 1, 1));
});

test('the bar fills in proportion and never outgrows the terminal', () => {
  assert.equal(renderProgress('Reading', 0, 10, 80), `Reading [${'-'.repeat(30)}] 0/10`);
  assert.equal(renderProgress('Reading', 5, 10, 80), `Reading [${'#'.repeat(15)}${'-'.repeat(15)}] 5/10`);
  assert.equal(renderProgress('Reading', 10, 10, 80), `Reading [${'#'.repeat(30)}] 10/10`);
  assert.equal(renderProgress('Reading', 0, 0, 80), `Reading [${'-'.repeat(30)}] 0/0`);
  for (const columns of [0, 5, 12, 20, 25, 40]) assert.ok(renderProgress('Checking', 7, 1234, columns).length <= Math.max(0, columns - 1), String(columns));
  assert.equal(renderProgress('Checking', 7, 1234, 20), 'Checking 7/1234');
});
