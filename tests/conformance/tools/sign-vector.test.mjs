// The SDK's signer against the provider's documented example, so the vectors sign-vector.mjs prints rest on a signer
// that agrees with the documentation (Signature v3, "DescribeInstances" example, EXAMPLE keys).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { requests, signed } from "./sign-vector.mjs";

const fromCvm = createRequire(createRequire(import.meta.url).resolve("tencentcloud-sdk-nodejs-cvm"));
const Sign = createRequire(fromCvm.resolve("tencentcloud-sdk-nodejs-common"))("./common/sign.js").default;

test("the SDK's signer reproduces the documented DescribeInstances example", () => {
  const authorization = Sign.sign3({
    method: "POST",
    url: "https://cvm.tencentcloudapi.com/",
    payload: Buffer.from('{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}'),
    timestamp: 1551113065,
    service: "cvm",
    secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
    secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
    multipart: false,
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
  assert.equal(authorization,
    "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, " +
    "SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
});

test("the vectors sign the hostname without its port and the endpoint's first label as service", () => {
  for (const vector of requests.map(signed)) {
    assert.equal(vector.headers.Host, "127.0.0.1:8080");
    assert.match(vector.headers.Authorization, /^TC3-HMAC-SHA256 Credential=\S+\/2026-01-01\/127\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/);
  }
});
