// Prints TC3-HMAC-SHA256 test vectors signed by the official Node SDK's own signer (Sign.sign3 in
// tencentcloud-sdk-nodejs-common, resolved from tencentcloud-sdk-nodejs-cvm so it is the one CvmClient uses).
// Each request is laid out as HttpConnection.doRequestWithSign3 sends it: the body is the SDK's JSON (json-bigint),
// Host carries the port while the signature covers the hostname alone, and the service is the endpoint's first
// label ("127" for 127.0.0.1:8080). ImageRules.AspNetCore.Tests pastes the output as fixed vectors.
//
// Run from tests/conformance: npm ci && node tools/sign-vector.mjs
import { createRequire } from "node:module";
import querystring from "node:querystring";

const fromCvm = createRequire(createRequire(import.meta.url).resolve("tencentcloud-sdk-nodejs-cvm"));
const fromCommon = createRequire(fromCvm.resolve("tencentcloud-sdk-nodejs-common"));
const Sign = fromCommon("./common/sign.js").default;
const sdkVersion = fromCommon("./common/sdk_version.js").sdkVersion;
const JSONbig = fromCommon("json-bigint")({ useNativeBigInt: true });

export const credential = { secretId: "AKIDimagerulesCONFORMANCE0001", secretKey: "imagerulesCONFORMANCEsecretkey01" };
export const timestamp = 1767225600; // 2026-01-01T00:00:00Z
const endpoint = "127.0.0.1:8080";
const service = endpoint.split(".")[0]; // as AbstractClient does

/** Signs one request the way the SDK's HttpConnection does, and returns it as it would go on the wire. */
export function signed({ name, method, action, data }) {
  let url = `http://${endpoint}/`;
  let body = "";
  const headers = { "Content-Type": method === "GET" ? "application/x-www-form-urlencoded" : "application/json" };
  if (method === "GET") url += "?" + querystring.stringify(data);
  else body = JSONbig.stringify(data);
  const authorization = Sign.sign3({
    method, url, payload: method === "GET" ? "" : data, timestamp, service,
    secretId: credential.secretId, secretKey: credential.secretKey, multipart: false, boundary: undefined, headers,
  });
  const target = new URL(url);
  return {
    name, method, query: target.search, body,
    headers: {
      Host: target.host, "Content-Type": headers["Content-Type"], "X-TC-Action": action,
      "X-TC-Timestamp": String(timestamp), "X-TC-Version": "2017-03-12", "X-TC-Region": "ap-guangzhou", Authorization: authorization,
    },
  };
}

export const requests = [
  {
    name: "post-json", method: "POST", action: "DescribeImages",
    data: { Filters: [{ Name: "image-type", Values: ["PRIVATE_IMAGE"] }], Limit: 10 },
  },
  {
    name: "post-utf8", method: "POST", action: "ModifyImageAttribute",
    data: { ImageId: "img-8toqc6s3", ImageName: "镜像-测试", ImageDescription: "ünïcode" },
  },
  // GET bodies are flattened to dotted keys by the SDK (mergeData) before they reach the query string.
  { name: "get-query", method: "GET", action: "DescribeImages", data: { Limit: 10, "ImageIds.0": "img-8toqc6s3" } },
];

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify({ sdk: `tencentcloud-sdk-nodejs-common ${sdkVersion}`, credential, vectors: requests.map(signed) }, null, 2));
}
