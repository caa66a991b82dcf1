import type { CDPSession, Page } from 'playwright-core';

/** A slow phone link: 1.6 Mbps down, 750 kbps up, 150 ms round trip (DevTools' network emulation). */
export const SLOW_PHONE_LINK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };

export interface Transfer {
  /** Bytes on the wire, headers included, as Chromium counted them (encoded length). */
  bytes: number;
  urls: string[];
}

/**
 * Counts every response a page receives from now on, by Chromium itself (the DevTools protocol's
 * encoded length of each response), so compression and headers count as they travel. Shared by the
 * page-weight browser test and bench S11, so the limit and the recorded figure measure the same thing.
 */
export async function countTransfers(page: Page): Promise<{ session: CDPSession; transfer: Transfer }> {
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  const transfer: Transfer = { bytes: 0, urls: [] };
  const urls = new Map<string, string>();
  session.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  session.on('Network.loadingFinished', (event) => {
    transfer.bytes += event.encodedDataLength;
    transfer.urls.push(urls.get(event.requestId) ?? event.requestId);
  });
  return { session, transfer };
}
