/**
 * Turn-taking for many Postgres connections sharing one single-session backend (PGlite).
 *
 * pglite-socket multiplexes connections chunk by chunk, so one client's Bind can land between
 * another's Bind and Execute (the unnamed portal is shared: "portal does not exist", or rows from
 * the other query). The proxy therefore lets one connection at a time talk to the backend, from
 * its first byte until the backend says ReadyForQuery with status idle ('I'): a whole exchange,
 * or a whole transaction, runs without interleaving, as it would on a server with real sessions.
 */
export interface TurnGate {
  /** Resolves when `id` may write to the backend; immediately if it already holds the turn. */
  acquire(id: symbol): Promise<void>;
  /** Ends `id`'s turn (no-op if it does not hold it) and hands it to the next in line. */
  release(id: symbol): void;
  /** A connection went away: out of the line, and its turn (if any) released. */
  drop(id: symbol): void;
}

export function createTurnGate(): TurnGate {
  let holder: symbol | null = null;
  const line: { id: symbol; go: () => void }[] = [];
  const release = (id: symbol) => {
    if (holder !== id) return;
    const next = line.shift();
    holder = next?.id ?? null;
    next?.go();
  };
  return {
    acquire(id) {
      if (holder === id) return Promise.resolve();
      if (holder === null) {
        holder = id;
        return Promise.resolve();
      }
      return new Promise((go) => line.push({ id, go }));
    },
    release,
    drop(id) {
      const i = line.findIndex((w) => w.id === id);
      if (i >= 0) line.splice(i, 1);
      release(id);
    },
  };
}

const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I'

/**
 * Follows the backend's message framing (type byte + int32 length) across chunks and calls
 * `onIdle` at every ReadyForQuery whose transaction status is idle.
 */
export function readyForQueryScanner(onIdle: () => void): (chunk: Buffer) => void {
  let header = Buffer.alloc(0);
  let skip = 0;
  let type = 0;
  return (chunk) => {
    let at = 0;
    while (at < chunk.length) {
      if (skip > 0) {
        const n = Math.min(skip, chunk.length - at);
        // The last byte of a ReadyForQuery body is its status.
        if (type === READY_FOR_QUERY && n === skip && chunk[at + n - 1] === IDLE) onIdle();
        skip -= n;
        at += n;
        continue;
      }
      const need = 5 - header.length;
      header = Buffer.concat([header, chunk.subarray(at, at + need)]);
      at += Math.min(need, chunk.length - at);
      if (header.length < 5) return;
      type = header[0]!;
      skip = header.readInt32BE(1) - 4;
      header = Buffer.alloc(0);
    }
  };
}

/** A frontend Terminate message ('X', length 4) on its own. */
export function isTerminate(data: Buffer): boolean {
  return data.length === 5 && data[0] === 0x58 && data.readInt32BE(1) === 4;
}
