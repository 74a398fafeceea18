import { describe, expect, it } from "vitest";
import { createTurnGate, isTerminate, readyForQueryScanner } from "./pg-turns";

/** A backend message: type byte, int32 length (counting itself), body. */
const message = (type: string, body: Buffer) => {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
};
const ready = (status: "I" | "T" | "E") => message("Z", Buffer.from(status));

describe("readyForQueryScanner", () => {
  it("sees idle ReadyForQuery only, wherever the chunks split the stream", () => {
    const stream = Buffer.concat([
      message("T", Buffer.from("row description with Z and I inside")),
      message("D", Buffer.from([0x5a, 0, 0, 0, 5, 0x49])), // looks like Z/I, but is row data
      ready("T"),
      message("C", Buffer.from("COMMIT\0")),
      ready("I"),
      ready("E"),
      ready("I"),
    ]);
    for (let size = 1; size <= stream.length; size++) {
      let idle = 0;
      const scan = readyForQueryScanner(() => idle++);
      for (let at = 0; at < stream.length; at += size) scan(stream.subarray(at, at + size));
      expect(idle, `chunks of ${size}`).toBe(2);
    }
  });
});

describe("createTurnGate", () => {
  it("gives the turn to one connection at a time, in arrival order", async () => {
    const gate = createTurnGate();
    const [a, b, c] = [Symbol("a"), Symbol("b"), Symbol("c")];
    const order: string[] = [];
    await gate.acquire(a);
    await gate.acquire(a); // already holds it
    const waitB = gate.acquire(b).then(() => order.push("b"));
    const waitC = gate.acquire(c).then(() => order.push("c"));
    await Promise.resolve();
    expect(order).toEqual([]);
    gate.release(c); // not the holder: nothing happens
    gate.release(a);
    await waitB;
    expect(order).toEqual(["b"]);
    gate.drop(b); // a connection that goes away hands its turn on
    await waitC;
    expect(order).toEqual(["b", "c"]);
  });

  it("forgets a waiting connection that goes away", async () => {
    const gate = createTurnGate();
    const [a, b, c] = [Symbol("a"), Symbol("b"), Symbol("c")];
    await gate.acquire(a);
    let bGot = false;
    void gate.acquire(b).then(() => (bGot = true));
    const waitC = gate.acquire(c);
    gate.drop(b);
    gate.release(a);
    await waitC;
    expect(bGot).toBe(false);
  });
});

it("recognises a lone Terminate message", () => {
  expect(isTerminate(Buffer.from([0x58, 0, 0, 0, 4]))).toBe(true);
  expect(isTerminate(Buffer.from([0x51, 0, 0, 0, 4]))).toBe(false);
  expect(isTerminate(Buffer.from([0x58, 0, 0, 0, 4, 0]))).toBe(false);
});
