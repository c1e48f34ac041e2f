import type { CallerInfo } from '../common/caller.decorator.js';
import { Clock } from '../common/clock.js';
import type { AuthRepository } from './auth.repository.js';
import { CallerCache, REMEMBER_MS } from './caller-cache.js';

const ivan: CallerInfo = {
  userId: 'ivan',
  roles: new Set(['employee']),
  groupIds: ['sales'],
  teamUserIds: ['ivan'],
  teamGroupIds: ['sales'],
};

/** A cache over a fake repository that counts its loads; `impl` can be swapped by a test. */
function setup(loadCaller: (userId: string) => Promise<CallerInfo | null>) {
  const load = { calls: 0, impl: loadCaller };
  const repository = {
    loadCaller: (userId: string) => {
      load.calls++;
      return load.impl(userId);
    },
  };
  const clock = new Clock();
  const cache = new CallerCache(repository as unknown as AuthRepository, clock);
  return { cache, clock, load };
}

describe('CallerCache', () => {
  it('loads a user once within the remembered time, again after it', async () => {
    // given
    const { cache, clock, load } = setup(() => Promise.resolve(ivan));
    // when
    await cache.load('ivan');
    clock.advance(REMEMBER_MS - 1);
    const remembered = await cache.load('ivan');
    clock.advance(1);
    await cache.load('ivan');
    // then
    expect(remembered).toBe(ivan);
    expect(load.calls).toBe(2);
  });

  it('never remembers an unknown user', async () => {
    const { cache, load } = setup(() => Promise.resolve(null));
    expect(await cache.load('nobody')).toBeNull();
    expect(await cache.load('nobody')).toBeNull();
    expect(load.calls).toBe(2);
  });

  it('forgets everyone after an identity change', async () => {
    const { cache, load } = setup(() => Promise.resolve(ivan));
    await cache.load('ivan');
    cache.forgetAll();
    await cache.load('ivan');
    expect(load.calls).toBe(2);
  });

  it('does not remember a load that raced with an identity change', async () => {
    // given: a load still reading when the change commits
    let finish: (caller: CallerInfo) => void = () => undefined;
    const { cache, load } = setup(
      () =>
        new Promise<CallerInfo>((resolve) => {
          finish = resolve;
        }),
    );
    const racing = cache.load('ivan');
    cache.forgetAll();
    finish(ivan);
    await racing;
    // when
    load.impl = () => Promise.resolve(ivan);
    await cache.load('ivan');
    // then
    expect(load.calls).toBe(2);
  });
});
