// Authentication as the provider does it (signature v3, TC3-HMAC-SHA256), proved by signing wrongly on purpose: through
// the SDK where it can be made to sign wrongly (a wrong key, an unknown id, a token, no signature), and by hand with
// node's crypto where it cannot (a stale timestamp, a tampered body, a malformed header). Every refusal is HTTP 200 in
// the Response envelope, with the provider's common code.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { accounts, assertError, cvm, instanceId, rawCall, refused, useStandIn } from "./harness.mjs";

const standIn = useStandIn();
const now = () => Math.floor(Date.now() / 1000);

// The SDK's own signer (the one CvmClient uses), for a request signed correctly but sent late.
const fromCvm = createRequire(createRequire(import.meta.url).resolve("tencentcloud-sdk-nodejs-cvm"));
const Sign = createRequire(fromCvm.resolve("tencentcloud-sdk-nodejs-common"))("./common/sign.js").default;

describe("requests signed correctly", () => {
  test("the hand-made signer used below is accepted when it signs correctly (the control)", async () => {
    const answer = await rawCall(standIn(), { action: "DescribeImageQuota", account: accounts.owner });
    assert.equal(answer.Error, undefined, JSON.stringify(answer));
    assert.equal(answer.ImageNumQuota, 10);
  });

  test("the signed host is accepted as sent, with its port, as well as without it (SDKs differ)", async () => {
    const answer = await rawCall(standIn(), { action: "DescribeImageQuota", account: accounts.owner, sign: { host: standIn().endpoint } });
    assert.equal(answer.Error, undefined, JSON.stringify(answer));
  });

  test("the scope's service is accepted as given: `cvm` as well as `127`, the endpoint's first label the SDK signs", async () => {
    const answer = await rawCall(standIn(), { action: "DescribeImageQuota", account: accounts.owner, sign: { service: "cvm" } });
    assert.equal(answer.Error, undefined, JSON.stringify(answer));
  });

  test("the caller is the account of the key: the SDK with another account's key acts as that account", async () => {
    const recipient = cvm(standIn(), accounts.recipient);
    const { ImageId } = await recipient.CreateImage({ InstanceId: instanceId(), ImageName: "whose" });
    const { ImageSet } = await recipient.DescribeImages({ ImageIds: [ImageId] });
    assert.equal(ImageSet[0].ImageCreator, accounts.recipient.id);
  });
});

describe("requests signed wrongly on purpose", () => {
  test("a wrong SecretKey → AuthFailure.SignatureFailure, and nothing is done", async () => {
    const wrong = cvm(standIn(), accounts.owner, { secretKey: "not-the-secret" });
    await refused(wrong.DescribeImages({}), "AuthFailure.SignatureFailure");
    await refused(wrong.CreateImage({ InstanceId: instanceId(), ImageName: "forged" }), "AuthFailure.SignatureFailure");
    const { ImageSet } = await cvm(standIn(), accounts.owner).DescribeImages({ Filters: [{ Name: "image-name", Values: ["forged"] }] });
    assert.deepEqual(ImageSet, []);
  });

  test("an unknown SecretId → AuthFailure.SecretIdNotFound", async () => {
    const unknown = cvm(standIn(), accounts.owner, { secretId: "AKIDnobodyHasThisKey0000000000" });
    await refused(unknown.DescribeImages({}), "AuthFailure.SecretIdNotFound");
    // a key id is looked up exactly: another case or a stray space is another, unknown key
    await refused(cvm(standIn(), accounts.owner, { secretId: accounts.owner.secretId.toLowerCase() }).DescribeRegions({}), "AuthFailure.SecretIdNotFound");
  });

  test("a timestamp more than 300 s off → AuthFailure.SignatureExpire, late or early", async () => {
    for (const timestamp of [now() - 600, now() + 600, now() - 86_400 * 30]) {
      const answer = await rawCall(standIn(), { action: "DescribeImages", account: accounts.owner, timestamp });
      assertError(answer, "AuthFailure.SignatureExpire");
    }
    const withinSkew = await rawCall(standIn(), { action: "DescribeImages", account: accounts.owner, timestamp: now() - 120 });
    assert.equal(withinSkew.Error, undefined, JSON.stringify(withinSkew));
  });

  test("a request the SDK's own signer signed ten minutes ago → AuthFailure.SignatureExpire", async () => {
    const timestamp = now() - 600;
    const body = "{}";
    const authorization = Sign.sign3({
      method: "POST", url: `http://${standIn().endpoint}/`, payload: {}, timestamp, service: "127",
      secretId: accounts.owner.secretId, secretKey: accounts.owner.secretKey, multipart: false,
      headers: { "Content-Type": "application/json" },
    });
    assertError(await rawCall(standIn(), { action: "DescribeImages", timestamp, body, authorization }), "AuthFailure.SignatureExpire");
    const fresh = now();
    const current = Sign.sign3({
      method: "POST", url: `http://${standIn().endpoint}/`, payload: {}, timestamp: fresh, service: "127",
      secretId: accounts.owner.secretId, secretKey: accounts.owner.secretKey, multipart: false,
      headers: { "Content-Type": "application/json" },
    });
    const answer = await rawCall(standIn(), { action: "DescribeImages", timestamp: fresh, body, authorization: current });
    assert.equal(answer.Error, undefined, "the same request signed now is accepted");
  });

  test("an X-TC-Token the credential store does not know → AuthFailure.TokenFailure", async () => {
    const withToken = cvm(standIn(), accounts.owner, { token: "a-session-token-nobody-issued" });
    await refused(withToken.DescribeImages({}), "AuthFailure.TokenFailure");
  });

  test("a malformed or missing Authorization → AuthFailure.InvalidAuthorization", async () => {
    // the SDK's own lower-level path: skipSign sends `Authorization: SKIP`
    await refused(cvm(standIn(), accounts.owner).request("DescribeImages", {}, { skipSign: true }), "AuthFailure.InvalidAuthorization");
    const good = (await import("./harness.mjs")).tc3Authorization({
      secretId: accounts.owner.secretId, secretKey: accounts.owner.secretKey, timestamp: now(), body: "{}", host: "127.0.0.1",
    });
    for (const authorization of [
      "Basic b3duZXI6c2VjcmV0",
      "TC3-HMAC-SHA256",
      good.replace("TC3-HMAC-SHA256", "HMAC-SHA256"),
      good.replace(/Signature=[0-9a-f]{64}/, "Signature=not-hex"),
      good.replace(/Signature=[0-9a-f]{64}/, "Signature=abc123"),
      good.replace(/Credential=[^,]+/, `Credential=${accounts.owner.secretId}/2026-01-01/127`),
      good.replace(/, SignedHeaders=[^,]+/, ""),
    ]) {
      assertError(await rawCall(standIn(), { action: "DescribeImages", body: "{}", authorization }), "AuthFailure.InvalidAuthorization");
    }
    assertError(await rawCall(standIn(), { action: "DescribeImages", account: accounts.owner, headers: { Authorization: undefined } }), "AuthFailure.InvalidAuthorization");
  });

  test("a body changed after signing, a credential date not the timestamp's, another content type or host signed → AuthFailure.SignatureFailure", async () => {
    const signedFor = JSON.stringify({ Limit: 1 });
    const tampered = await rawCall(standIn(), { action: "DescribeImages", account: accounts.owner, body: signedFor, sentBody: JSON.stringify({ Limit: 2 }) });
    assertError(tampered, "AuthFailure.SignatureFailure");
    const otherDay = await rawCall(standIn(), { action: "DescribeImages", account: accounts.owner, sign: { date: "2020-01-01" } });
    assertError(otherDay, "AuthFailure.SignatureFailure");
    const otherType = await rawCall(standIn(), { action: "DescribeImages", account: accounts.owner, sign: { contentType: "text/plain" } });
    assertError(otherType, "AuthFailure.SignatureFailure");
    const otherHost = await rawCall(standIn(), { action: "DescribeImages", account: accounts.owner, sign: { host: "cvm.tencentcloudapi.com" } });
    assertError(otherHost, "AuthFailure.SignatureFailure");
  });

  test("a version other than 2017-03-12 → NoSuchVersion; an action that does not exist → InvalidAction", async () => {
    assertError(await rawCall(standIn(), { action: "DescribeImages", account: accounts.owner, version: "2020-01-01" }), "NoSuchVersion");
    assertError(await rawCall(standIn(), { action: "DescribeImagez", account: accounts.owner }), "InvalidAction");
  });
});

test("one log line per request: action, account, region, code, milliseconds", async () => {
  // Chongqing, addressed by no other test of this file, tells these two requests' lines from the others'
  const region = "ap-chongqing";
  await cvm(standIn(), accounts.owner, { region }).DescribeImageQuota({});
  await refused(cvm(standIn(), accounts.owner, { region, secretKey: "wrong" }).DescribeRegions({}), "AuthFailure.SignatureFailure");
  const requestLine = /^(?:info: ImageRules\.AspNetCore\.ImageApiEndpoint\[2001\] )?(\w+) account=(\S+) region=(\S*) code=(\S+) (\d+(?:\.\d+)?) ms$/;
  const lines = () => standIn().log().split("\n").filter((line) => line.trim() !== "");
  const ours = () => lines().filter((line) => line.includes(`region=${region} `));
  for (let waited = 0; ours().length < 2 && waited < 5000; waited += 50) {
    await new Promise((done) => setTimeout(done, 50)); // the console logger writes from a queue
  }
  assert.deepEqual(ours().map((line) => line.match(requestLine)?.slice(1, 5)), [
    ["DescribeImageQuota", accounts.owner.id, region, "Success"],
    ["DescribeRegions", "-", region, "AuthFailure.SignatureFailure"],
  ], ours().join("\n"));
  // and nothing else per request: every line is a request's line or one of the host's start-up lines
  const others = lines().filter((line) => !requestLine.test(line) && !line.startsWith("info: Microsoft.Hosting.Lifetime"));
  assert.deepEqual(others, []);
});
