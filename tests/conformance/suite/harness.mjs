// The conformance suite's harness: starts the built stand-in (samples/ImageApi) on a free loopback port with a world
// file the suite writes, waits for /healthz, hands out the official SDK's CvmClient pointed at it (endpoint and
// protocol changed, nothing else), and stops it after. Each test file starts its own stand-in, so files never share
// state and may run in parallel.
//
// The stand-in must be built first: `dotnet build samples/ImageApi -c Release` (.ci/run does it). IMAGEAPI_DLL
// overrides where the built app is; IMAGEAPI_PID_DIR, when set, receives a file per running stand-in named after its
// process id, so a CI script can stop it even if this process dies before its `after` hook runs.
import { after, before } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import tencentcloud from "tencentcloud-sdk-nodejs-cvm";

const CvmClient = tencentcloud.cvm.v20170312.Client;
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const dll = process.env.IMAGEAPI_DLL ?? join(repoRoot, "samples/ImageApi/bin/Release/net10.0/ImageApi.dll");

// The SDK sends every request through a proxy named in http_proxy (tencentcloud-sdk-nodejs-common http/fetch.js),
// loopback included; the stand-in is on loopback, so a CI machine's proxy must not apply to it.
delete process.env.http_proxy;
delete process.env.HTTP_PROXY;

export const REGION = "ap-guangzhou";
export const ZONE = "ap-guangzhou-3";

/** The accounts of the suite's world (`Seed` profile): id → keys. */
export const accounts = {
  owner: { id: "1038493875", home: REGION, root: true },
  recipient: { id: "2000000001", home: REGION, root: true },
  other: { id: "2000000002", home: REGION, root: true },
  filler: { id: "2000000003", home: REGION, root: true },
  collaborator: { id: "3000000001", home: REGION, root: false },
  abroad: { id: "4000000001", home: "ap-singapore", root: true },
};
for (const account of Object.values(accounts)) {
  account.secretId = `AKIDconformance${account.id}`;
  account.secretKey = `conformance-secret-${account.id}`;
}

/** A world file (README: "The world file") for `accounts` under `profile`, with optional single overrides. */
export function world(profile = "Seed", options = undefined) {
  return {
    profile,
    ...(options ? { options } : {}),
    accounts: Object.values(accounts).map((a) => ({
      id: a.id, homeRegion: a.home, root: a.root, credentials: [{ secretId: a.secretId, secretKey: a.secretKey }],
    })),
  };
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Starts the stand-in with `worldFile` written to a temporary directory (`null`: no --world, the demo world) and any
 * further command-line `args` (such as
 * configuration, `--ImageRules:Api:FailImagesNamedWith=broken`); resolves to { port, endpoint, log, stop }.
 * `log()` is everything the stand-in printed so far.
 */
export async function startStandIn({ worldFile = world(), readyAfterSeconds = 1, args = [], timeoutMs = 30_000 } = {}) {
  assert.ok(existsSync(dll), `the stand-in is not built (${dll}): run \`dotnet build samples/ImageApi -c Release\` first`);
  const dir = mkdtempSync(join(tmpdir(), "imagerules-conformance-"));
  const worldArgs = [];
  if (worldFile !== null) {
    const worldPath = join(dir, "world.json");
    writeFileSync(worldPath, JSON.stringify(worldFile, null, 2));
    worldArgs.push("--world", worldPath);
  }
  const port = await freePort();
  const output = [];
  const child = spawn("dotnet", [dll, "--urls", `http://127.0.0.1:${port}`, ...worldArgs, "--ready-after", String(readyAfterSeconds), ...args], {
    cwd: dir,
    env: { ...process.env, DOTNET_NOLOGO: "1", DOTNET_CLI_TELEMETRY_OPTOUT: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk) => output.push(chunk));
  child.stderr.on("data", (chunk) => output.push(chunk));
  const exited = new Promise((done) => child.on("exit", (code, signal) => done({ code, signal })));
  const pidFile = process.env.IMAGEAPI_PID_DIR ? join(process.env.IMAGEAPI_PID_DIR, String(child.pid)) : null;
  if (pidFile) writeFileSync(pidFile, `${child.pid}\n`);
  const killOnExit = () => child.kill("SIGKILL");
  process.on("exit", killOnExit);
  const log = () => Buffer.concat(output).toString("utf8");

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      let timer;
      const done = await Promise.race([exited, new Promise((give) => { timer = setTimeout(give, 10_000, null); })]);
      clearTimeout(timer);
      if (!done) {
        child.kill("SIGKILL");
        await exited;
      }
    }
    process.off("exit", killOnExit);
    if (pidFile) rmSync(pidFile, { force: true });
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  let early = null;
  exited.then((how) => { early = how; });
  while (true) {
    if (early) {
      await stop();
      assert.fail(`the stand-in exited (${JSON.stringify(early)}) before it was healthy:\n${log()}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.status === 200 && (await response.text()) === "Healthy") break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      assert.fail(`the stand-in was not healthy within ${timeoutMs} ms:\n${log()}`);
    }
    await sleep(100);
  }

  return { port, endpoint: `127.0.0.1:${port}`, log, stop };
}

/**
 * Registers `before`/`after` hooks that start and stop one stand-in for the calling test file, and returns a getter
 * for it (valid once the tests run).
 */
export function useStandIn(options) {
  let standIn;
  before(async () => { standIn = await startStandIn(options); });
  after(async () => { await standIn?.stop(); });
  return () => standIn;
}

/**
 * The official SDK's client, unchanged but for endpoint and protocol: `profile.httpProfile.endpoint` and
 * `protocol: "http://"` (and `reqMethod: "GET"` where a test says so: the SDK then flattens the request into the
 * signed query string). The SDK builds its URL as protocol + endpoint + "/" and signs with service "127", the
 * endpoint's first label (tencentcloud-sdk-nodejs-common abstract_client.js).
 */
export function cvm(standIn, account, { region = REGION, secretId = account.secretId, secretKey = account.secretKey, token, reqMethod = "POST" } = {}) {
  return new CvmClient({
    credential: { secretId, secretKey, ...(token ? { token } : {}) },
    region,
    profile: { httpProfile: { endpoint: standIn.endpoint, protocol: "http://", reqTimeout: 30, reqMethod } },
  });
}

/** Asserts that `promise` is refused with the provider's error `code`, exactly, and returns the SDK's exception. */
export async function refused(promise, code) {
  let answer;
  try {
    answer = await promise;
  } catch (error) {
    assert.equal(error.constructor.name, "TencentCloudSDKHttpException", `not the SDK's exception: ${error}`);
    assert.equal(error.code, code, `expected ${code}, got ${error.code}: ${error.message}`);
    assert.ok(error.requestId, "an error answer carries a RequestId");
    assert.ok(error.message, "an error answer carries a Message");
    return error;
  }
  assert.fail(`expected ${code}, but the call succeeded: ${JSON.stringify(answer)}`);
}

/** One image as DescribeImages shows it to `client`, or undefined. */
export async function describeOne(client, imageId) {
  const { ImageSet } = await client.DescribeImages({ ImageIds: [imageId] });
  return ImageSet.find((image) => image.ImageId === imageId);
}

/** Polls DescribeImages until the image is in `state` (the stand-in completes images after --ready-after). */
export async function waitForState(client, imageId, state = "NORMAL", timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let image;
  while (Date.now() < deadline) {
    image = await describeOne(client, imageId);
    if (image?.ImageState === state) return image;
    await sleep(100);
  }
  assert.fail(`image ${imageId} was not ${state} within ${timeoutMs} ms: ${JSON.stringify(image)}`);
}

let instanceCounter = 0;
/** A well-formed instance id (the stand-in has no real instances; any well-formed id is an instance of the caller). */
export function instanceId() {
  instanceCounter += 1;
  return `ins-${(process.pid % 10_000).toString(36).padStart(4, "0")}${instanceCounter.toString(36).padStart(4, "0")}`;
}

/** The public image of a platform (and architecture) in the client's region. */
export async function publicImage(client, platform, architecture = "x86_64") {
  const { ImageSet } = await client.DescribeImages({
    Filters: [{ Name: "image-type", Values: ["PUBLIC_IMAGE"] }, { Name: "platform", Values: [platform] }],
    Limit: 100,
  });
  const image = ImageSet.find((i) => i.Architecture === architecture);
  assert.ok(image, `no public ${platform} ${architecture} image`);
  return image;
}

const sha256Hex = (data) => createHash("sha256").update(data).digest("hex");
const hmac = (key, data) => createHmac("sha256", key).update(data).digest();

/**
 * The TC3-HMAC-SHA256 Authorization header, computed here with node's crypto (independently of the SDK's signer) so
 * that tests can sign wrongly on purpose: any part may be overridden.
 */
export function tc3Authorization({
  secretId, secretKey, timestamp, body, host, contentType = "application/json", service = "127", date,
  method = "POST", query = "",
}) {
  const day = date ?? new Date(timestamp * 1000).toISOString().slice(0, 10);
  const canonical = [method, "/", query, `content-type:${contentType}\nhost:${host}\n`, "content-type;host", sha256Hex(body)].join("\n");
  const scope = `${day}/${service}/tc3_request`;
  const toSign = ["TC3-HMAC-SHA256", String(timestamp), scope, sha256Hex(canonical)].join("\n");
  const key = hmac(hmac(hmac(`TC3${secretKey}`, day), service), "tc3_request");
  const signature = createHmac("sha256", key).update(toSign).digest("hex");
  return `TC3-HMAC-SHA256 Credential=${secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
}

/**
 * Sends one request by hand, laid out as the SDK sends it (JSON body, Host with the port, the hostname signed), signed
 * with `tc3Authorization` unless `authorization` is given; `sign` overrides parts of the signature and `headers`
 * overrides or (with undefined) removes headers. Resolves to the parsed `Response` envelope.
 */
export async function rawCall(standIn, { action, body = {}, account, region = REGION, timestamp = Math.floor(Date.now() / 1000),
  version = "2017-03-12", authorization, sign = {}, headers = {}, sentBody }) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const all = {
    "Content-Type": "application/json",
    "X-TC-Action": action,
    "X-TC-Region": region,
    "X-TC-Timestamp": String(timestamp),
    "X-TC-Version": version,
    Authorization: authorization ?? tc3Authorization({
      secretId: account.secretId, secretKey: account.secretKey, timestamp, body: text, host: "127.0.0.1", ...sign,
    }),
    ...headers,
  };
  for (const [name, value] of Object.entries(all)) if (value === undefined) delete all[name];
  const response = await fetch(`http://${standIn.endpoint}/`, { method: "POST", headers: all, body: sentBody ?? text });
  assert.equal(response.status, 200, "every answer is HTTP 200");
  const json = await response.json();
  assert.ok(json.Response?.RequestId, `an answer in the Response envelope: ${JSON.stringify(json)}`);
  return json.Response;
}

/** Asserts a raw answer is the error `code`. */
export function assertError(response, code) {
  assert.equal(response.Error?.Code, code, `expected ${code}: ${JSON.stringify(response)}`);
  assert.ok(response.Error.Message, "an error answer carries a Message");
}
