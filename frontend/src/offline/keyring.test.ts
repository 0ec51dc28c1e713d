import { describe, expect, it } from 'vitest';
import { newDataKey, newKid } from './crypto';
import { dropKeys, heldVaultKid, holdVaultKey, keysViewer, releaseVaultKey, sessionSealer } from './keyring';

describe("this session's keys", () => {
  it('seals with a session key until the PIN key is held, then with it; both open while held', async () => {
    dropKeys();
    const mine = sessionSealer(7);
    const before = await mine.seal({ note: 'trước' }, 'row-1');
    expect(before.kid).toMatch(/^s:/);
    expect(await mine.open(before, 'row-1')).toEqual({ note: 'trước' });
    expect(mine.lost(before)).toBe(false);
    expect(keysViewer()).toBe(7);

    const vault = { kid: newKid('v'), key: await newDataKey() };
    await holdVaultKey(7, vault);
    expect(heldVaultKid(7)).toBe(vault.kid);
    expect(heldVaultKid(8)).toBeNull();
    const after = await mine.seal({ note: 'sau' }, 'row-2');
    expect(after.kid).toBe(vault.kid);
    expect(await mine.open(before, 'row-1')).toEqual({ note: 'trước' });
    expect(await mine.open(after, 'row-2')).toEqual({ note: 'sau' });
    // the row a value was sealed for
    expect(await mine.open(after, 'row-1')).toBeNull();

    // another person opens nothing of it
    const theirs = sessionSealer(8);
    expect(await theirs.open(after, 'row-2')).toBeNull();

    // the PIN key released: locked, not lost; the session key still opens its rows
    await releaseVaultKey();
    expect(heldVaultKid(7)).toBeNull();
    expect(await mine.open(after, 'row-2')).toBeNull();
    expect(mine.lost(after)).toBe(false);
    expect(await mine.open(before, 'row-1')).toEqual({ note: 'trước' });

    // the session over (sign-out): what the session key sealed is lost for good
    dropKeys();
    expect(await mine.open(before, 'row-1')).toBeNull();
    expect(mine.lost(before)).toBe(true);
    expect(mine.lost(after)).toBe(false);
  });

  it('makes one session key however many rows are sealed at once', async () => {
    dropKeys();
    const s = sessionSealer(7);
    const all = await Promise.all([1, 2, 3, 4].map((i) => s.seal(i, `r${i}`)));
    expect(new Set(all.map((x) => x.kid)).size).toBe(1);
    for (const [i, x] of all.entries()) expect(await s.open(x, `r${i + 1}`)).toBe(i + 1);
    dropKeys();
  });
});
