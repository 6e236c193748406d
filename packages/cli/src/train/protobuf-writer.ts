/**
 * A minimal protocol-buffers writer: just the wire types ONNX needs (varint, 32-bit float, length-delimited).
 * Messages are built bottom-up as byte arrays and nested as length-delimited fields.
 */

const wireVarint = 0;
const wireFixed32 = 5;
const wireLengthDelimited = 2;

/** Accumulates the fields of one protobuf message. */
export class MessageWriter {
  #chunks: Uint8Array[] = [];
  #length = 0;

  #push(bytes: Uint8Array): void {
    this.#chunks.push(bytes);
    this.#length += bytes.length;
  }

  #key(fieldNumber: number, wireType: number): void {
    this.#push(encodeVarint(BigInt((fieldNumber << 3) | wireType)));
  }

  /** Writes an int32/int64/enum/bool field (negative values as 10-byte two's complement). */
  varint(fieldNumber: number, value: number | bigint): this {
    this.#key(fieldNumber, wireVarint);
    this.#push(encodeVarint(BigInt.asUintN(64, BigInt(value))));
    return this;
  }

  /** Writes a 32-bit float field. */
  float(fieldNumber: number, value: number): this {
    this.#key(fieldNumber, wireFixed32);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.#push(bytes);
    return this;
  }

  /** Writes a bytes field. */
  bytes(fieldNumber: number, value: Uint8Array): this {
    this.#key(fieldNumber, wireLengthDelimited);
    this.#push(encodeVarint(BigInt(value.length)));
    this.#push(value);
    return this;
  }

  /** Writes a UTF-8 string field. */
  string(fieldNumber: number, value: string): this {
    return this.bytes(fieldNumber, new TextEncoder().encode(value));
  }

  /** Writes a nested message field. */
  message(fieldNumber: number, value: MessageWriter): this {
    return this.bytes(fieldNumber, value.finish());
  }

  /** Writes a packed repeated int64 field. */
  packedVarints(fieldNumber: number, values: readonly (number | bigint)[]): this {
    const parts = values.map((value) => encodeVarint(BigInt.asUintN(64, BigInt(value))));
    return this.bytes(fieldNumber, concatenate(parts));
  }

  /** Returns the encoded message. */
  finish(): Uint8Array {
    return concatenate(this.#chunks, this.#length);
  }
}

function encodeVarint(value: bigint): Uint8Array {
  const bytes: number[] = [];
  let remaining = value;
  while (remaining >= 0x80n) {
    bytes.push(Number(remaining & 0x7fn) | 0x80);
    remaining >>= 7n;
  }
  bytes.push(Number(remaining));
  return Uint8Array.from(bytes);
}

function concatenate(chunks: readonly Uint8Array[], knownLength?: number): Uint8Array {
  const total = knownLength ?? chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const result = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}
