// Garmin's FIT SDK for JavaScript (npm @garmin/fitsdk) on the files given, timed the way
// tendon_decode times Tendon's decoder: files read into memory first, then decoded in
// passes until --min-seconds have passed (at least one), with the SDK's default read
// options (what an application using it gets). Prints the same JSON line.
// Usage: node fitsdk_decode.mjs SDK_DIR [--min-seconds S] FILE...
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [sdkDir, ...rest] = process.argv.slice(2);
const { Decoder, Stream } = await import(pathToFileURL(join(sdkDir, "src", "index.js")).href);

let minSeconds = 0;
const files = [];
for (let i = 0; i < rest.length; i++) {
  if (rest[i] === "--min-seconds") minSeconds = Number(rest[++i]);
  else files.push(rest[i]);
}
const contents = files.map((f) => readFileSync(f));
const bytes = contents.reduce((sum, c) => sum + c.length, 0);

let passes = 0, activities = 0, failed = 0, seconds = 0;
const start = process.hrtime.bigint();
do {
  activities = 0;
  failed = 0;
  for (const c of contents) {
    const decoder = new Decoder(Stream.fromBuffer(c));
    const { messages, errors } = decoder.read();
    if (errors.length > 0) failed++;
    activities += (messages.sessionMesgs ?? []).length;
  }
  passes++;
  seconds = Number(process.hrtime.bigint() - start) / 1e9;
} while (seconds < minSeconds);

console.log(JSON.stringify({ files: contents.length, bytes, passes, seconds, activities, failed }));
