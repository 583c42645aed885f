// GET (API 3.0 "请求结构": POST and GET are both served): the official SDK with `httpProfile.reqMethod = "GET"`
// flattens each request into the signed query string (Filters.0.Values.0=…) and sends no body. The stand-in answers
// as it answers the POST of the same request; other methods and form posts are answered in the envelope.
import { test } from "node:test";
import assert from "node:assert/strict";
import { REGION, accounts, cvm, instanceId, publicImage, refused, useStandIn, waitForState } from "./harness.mjs";

const standIn = useStandIn();
const byGet = (account, options = {}) => cvm(standIn(), account, { ...options, reqMethod: "GET" });

test("GET: create, filter, share, describe the grant, copy, cancel and delete, as with POST", async () => {
  const owner = byGet(accounts.owner);
  const { ImageId } = await owner.CreateImage({ InstanceId: instanceId(), ImageName: "by get 镜像+1" });
  await waitForState(owner, ImageId);

  const filtered = await owner.DescribeImages({
    Filters: [{ Name: "image-type", Values: ["PRIVATE_IMAGE", "SHARED_IMAGE"] }, { Name: "image-name", Values: ["by get 镜像+1"] }],
    Limit: 10,
  });
  assert.deepEqual(filtered.ImageSet.map((i) => i.ImageId), [ImageId]);
  assert.equal(filtered.ImageSet[0].ImageName, "by get 镜像+1", "the name survives the query string's encoding");

  await owner.ModifyImageSharePermission({ ImageId, AccountIds: [accounts.recipient.id], Permission: "SHARE" });
  const { SharePermissionSet } = await owner.DescribeImageSharePermission({ ImageId });
  assert.deepEqual(SharePermissionSet.map((p) => p.AccountId), [accounts.recipient.id]);
  const seen = await byGet(accounts.recipient).DescribeImages({ ImageIds: [ImageId] });
  assert.equal(seen.ImageSet[0].ImageType, "SHARED_IMAGE");

  const copied = await owner.SyncImages({ ImageIds: [ImageId], DestinationRegions: ["ap-shanghai"], ImageSetRequired: true });
  assert.equal(copied.ImageSet.length, 1);
  await owner.ModifyImageSharePermission({ ImageId, AccountIds: [accounts.recipient.id], Permission: "CANCEL" });
  await owner.DeleteImages({ ImageIds: [ImageId] });
  assert.equal((await owner.DescribeImages({ ImageIds: [ImageId] })).TotalCount, 0);
});

test("GET: DryRun, caps and refusals answer the provider's codes", async () => {
  const owner = byGet(accounts.owner);
  await refused(owner.CreateImage({ InstanceId: instanceId(), ImageName: "dry-get", DryRun: true }), "DryRunOperation");
  await refused(owner.DescribeImages({ Limit: 101 }), "InvalidParameterValue.InvalidParameterValueLimit");
  await refused(owner.DescribeImages({ Filters: [{ Name: "platform", Values: ["a", "b", "c", "d", "e", "f"] }] }), "InvalidFilterValue.LimitExceeded");
  await refused(owner.DescribeImages({ ImageIds: ["img-12345678"], Filters: [{ Name: "platform", Values: ["CentOS"] }] }), "InvalidParameter.InvalidParameterCoexistImageIdsFilters");
  await refused(owner.DescribeImages({ Filters: [{ Name: "no-such-filter", Values: ["x"] }] }), "InvalidFilter");
  const ids = Array.from({ length: 101 }, (_, i) => `img-${String(i).padStart(8, "0")}`);
  await refused(owner.DescribeImages({ ImageIds: ids }), "InvalidParameterValue.LimitExceeded");
  const image = await publicImage(owner, "CentOS");
  await refused(owner.ModifyImageAttribute({ ImageId: image.ImageId, ImageName: "mine" }), "UnauthorizedOperation.ImageNotBelongToAccount");
  await refused(byGet(accounts.owner, { secretKey: "wrong" }).DescribeImages({}), "AuthFailure.SignatureFailure");
});

test("GET: a query longer than 8 KB (500 account ids) is read, as the provider reads up to 32 KB", async () => {
  const owner = byGet(accounts.owner);
  const { ImageId } = await owner.CreateImage({ InstanceId: instanceId(), ImageName: "long-query" });
  await waitForState(owner, ImageId);
  const many = Array.from({ length: 500 }, (_, i) => String(5_000_000_000 + i));
  // Unknown accounts: the whole request is refused (R20, all or nothing), which proves it was read in full.
  await refused(owner.ModifyImageSharePermission({ ImageId, AccountIds: many, Permission: "SHARE" }), "InvalidAccountId.NotFound");
});

test("another method and a form post are answered in the envelope with the provider's code", async () => {
  const url = `http://${standIn().endpoint}/`;
  for (const [method, contentType, code] of [["PUT", "application/json", "UnsupportedProtocol"], ["DELETE", "application/json", "UnsupportedProtocol"], ["POST", "application/x-www-form-urlencoded", "UnsupportedOperation"]]) {
    const response = await fetch(url, { method, headers: { "Content-Type": contentType, "X-TC-Action": "DescribeImages", "X-TC-Region": REGION }, body: "Limit=1" });
    assert.equal(response.status, 200, `${method} ${contentType}`);
    const { Response } = await response.json();
    assert.equal(Response.Error?.Code, code, `${method} ${contentType}: ${JSON.stringify(Response)}`);
    assert.ok(Response.RequestId);
  }
});
