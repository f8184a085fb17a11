import { describe } from "vitest";
import { fuzzFile, testCorpusHalf } from "./fuzz-suite.js";

/** The bad-input fuzzer's second half (fuzz.test.ts says what it sends; fuzz-suite.ts how it is split). */
const file = fuzzFile();

describe("bad-input fuzzer", () => {
  testCorpusHalf(file, 1);
});
